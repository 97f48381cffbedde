//! The application's state and the one place it changes. Key handlers say
//! what the user wants (a [`Msg`]) and change nothing; [`App::update`]
//! applies messages; drawing (in `views`) borrows the app immutably. What
//! the outside world must do (open a browser, copy a URL) comes back as an
//! [`Effect`] for the run loop, so the app itself never touches the terminal.

use super::form::{Form, FormInput};
use super::keys::{Action, Keymap};
use super::query;
use super::refresh::{Progress, RefreshMsg, Refresher};
use super::theme::Theme;
use super::worker::{Report, Worker};
use crate::extract::SharedRules;
use crate::model::{DateSpan, Event, Kind};
use crate::store::views::EventKey;
use crate::store::{EntityRow, EventFilter, EventRow, FeedState, Store};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Above this many events, the timeline re-queries once typing pauses
/// rather than on every key, so each key still draws at once.
pub const LARGE_TIMELINE: i64 = 20_000;
/// How long typing must pause before a large timeline is re-queried.
pub const SEARCH_PAUSE: Duration = Duration::from_millis(60);

/// The tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Timeline,
    Entities,
    Feeds,
    Reader,
    Watch,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Timeline,
        View::Entities,
        View::Feeds,
        View::Reader,
        View::Watch,
    ];
    pub fn title(self) -> &'static str {
        match self {
            View::Timeline => "Timeline",
            View::Entities => "Entities",
            View::Feeds => "Feeds",
            View::Reader => "Reader",
            View::Watch => "Watch",
        }
    }
}

/// What the bottom line is editing, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Search,
    Note,
    /// Naming the search being saved as a watchlist.
    WatchName,
}

/// Edits to the line being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    DeleteWord,
    Clear,
    Submit,
    Cancel,
}

/// Everything that can happen to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Act(Action),
    Edit(Edit),
    Click {
        column: u16,
        row: u16,
    },
    Scroll(i32),
    Resize {
        width: u16,
        height: u16,
    },
    Refresh(RefreshMsg),
    /// A result of background work (decisions, rebuilds, counts, refresh).
    Report(Report),
    /// A key typed into the open form.
    Form(FormInput),
    /// Time passed: look for finished background work.
    Tick,
}

/// What the run loop does for the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    OpenUrl(String),
    CopyUrl(String),
}

/// One line of the timeline: a month heading or an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Heading {
        year: i32,
        month: Option<u32>,
        count: usize,
    },
    Event(usize),
}

/// A related event, as the detail view lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedRow {
    pub id: String,
    pub span: DateSpan,
    pub kind: Kind,
    pub title: String,
}

/// The event open in the detail view; `cursor` walks its sources, then
/// its related events.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub event: Event,
    pub related: Vec<RelatedRow>,
    pub cursor: usize,
    /// The event's names and all their aliases, longest first, to pick out
    /// in the evidence.
    pub names: Vec<String>,
}

impl Detail {
    pub fn items(&self) -> usize {
        self.event.sources.len() + self.related.len()
    }
}

/// An article open in the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    pub title: String,
    pub outlet: String,
    pub url: String,
    pub published: Option<String>,
    pub lang: String,
    /// Clean text, or why there is none.
    pub text: String,
    pub evidence: String,
    pub scroll: u16,
}

/// The whole state of the terminal timeline.
pub struct App {
    pub(crate) store: Store,
    pub(crate) rules: SharedRules,
    pub theme: Theme,
    pub keys: Keymap,
    pub view: View,
    pub mode: Mode,
    pub help: bool,
    /// How far the help overlay is scrolled, when it is taller than the screen.
    pub help_scroll: u16,
    pub quit: bool,
    pub newest_first: bool,
    /// The query line as typed, and what it parsed to.
    pub query: String,
    pub hint: Option<String>,
    pub note_input: String,
    /// A window of the timeline's index (a few hundred keys around the
    /// selection, in display order; see `load`); full rows are read only
    /// for the lines on screen, into `cache` (by row id).
    pub index: Vec<EventKey>,
    pub(crate) cache: HashMap<i64, EventRow>,
    pub(crate) entities_stale: bool,
    /// When the query line last changed without the timeline following.
    pub(crate) search_due: Option<Instant>,
    /// Entity counts asked of the background and not arrived yet.
    pub(crate) entities_pending: bool,
    /// Timelines with more events than this re-query when typing pauses.
    pub large_timeline: i64,
    pub items: Vec<Item>,
    /// Index in `items` of each row.
    pub row_pos: Vec<usize>,
    pub sel: usize,
    pub offset: usize,
    pub detail: Option<Detail>,
    pub detail_back: Vec<Detail>,
    pub reader: Option<Reader>,
    pub entities: Vec<EntityRow>,
    pub ent_sel: usize,
    pub ent_offset: usize,
    pub feeds: Vec<FeedState>,
    pub feed_sel: usize,
    pub progress: Progress,
    pub flash: Option<(String, bool)>,
    pub size: (u16, u16),
    pub effects: Vec<Effect>,
    /// Events in the whole timeline (rejected ones left out), counted up
    /// to [`crate::store::views::COUNT_CAP`]; `total_more` when there are more.
    pub total_events: i64,
    pub total_more: bool,
    /// The window of the filtered timeline held in `index`: where its
    /// first key stands in the timeline (`base_exact` unless counting
    /// stopped at the cap), and whether it reaches either end.
    pub base: usize,
    pub base_exact: bool,
    pub at_start: bool,
    pub at_end: bool,
    /// Events the filtered timeline holds, counted up to the cap;
    /// `shown_more` when there are more.
    pub shown: usize,
    pub shown_more: bool,
    /// The ticket of the count asked for the window now held, while it
    /// has not arrived (`shown`, `base` and the totals are then stale).
    pub(crate) counting: Option<u64>,
    /// The ticket of whole-month counts asked for headings at the ends of
    /// a window that moved, while they have not arrived.
    pub(crate) months_asked: Option<u64>,
    /// Whole-month counts for the headings at the window's ends, by
    /// (year, month); cleared when the timeline is re-read.
    pub(crate) month_counts: HashMap<(i32, Option<u32>), usize>,
    pub total_articles: i64,
    /// The feeds of feeds.toml, for the Feeds view.
    pub configured_feeds: Vec<crate::config::FeedConfig>,
    pub(crate) worker: Worker,
    /// What the app last saw of other processes' writes.
    pub(crate) watch: super::watch::DbWatch,
    /// Where `E` writes exports (the working directory by default).
    pub export_dir: std::path::PathBuf,
    /// The open form (edit, add), drawn over the body.
    pub form: Option<Form>,
    /// Events marked with `m`, to merge into the selected one with `M`.
    pub marked: Vec<String>,
    /// The last confirm or reject, so pressing it again undoes that very
    /// decision even when the row moved away; cleared by any other key.
    pub(crate) last_curate: Option<super::curate::LastCurate>,
    pub(crate) next_ticket: u64,
    /// The event to select once the timeline is rebuilt (a new one).
    pub(crate) select_after: Option<String>,
    /// The window's events not seen yet (see [`crate::store`]'s marks),
    /// for the marks; read with the window.
    pub unseen: std::collections::HashSet<String>,
    /// How many events are unseen in all, counted up to the cap
    /// (`unseen_more` past it); re-counted when `unseen_stale`.
    pub unseen_total: usize,
    pub unseen_more: bool,
    pub(crate) unseen_stale: bool,
    /// Seen here but not yet written to the store (written when no
    /// refresh is writing, and on quit).
    pub(crate) seen_pending: Vec<String>,
    /// The watchlists of watch.toml, their unseen counts, the cursor.
    pub watchlists: Vec<crate::watch::Watchlist>,
    pub watch_counts: Vec<usize>,
    pub watch_sel: usize,
    /// watch.toml; `None` where watchlists cannot be saved (the demo).
    pub watch_path: Option<std::path::PathBuf>,
    /// The name being typed for a new watchlist.
    pub watch_name: String,
    /// How often feeds refresh while the app is open; when the last began.
    pub refresh_every: Option<Duration>,
    pub(crate) last_refresh: Option<Instant>,
}

impl App {
    /// An app over `store`; nothing is read until [`App::reload`].
    pub fn new(store: Store, rules: impl Into<SharedRules>, keys: Keymap, theme: Theme) -> App {
        App {
            store,
            rules: rules.into(),
            theme,
            keys,
            view: View::Timeline,
            mode: Mode::Normal,
            help: false,
            help_scroll: 0,
            quit: false,
            newest_first: false,
            query: String::new(),
            hint: None,
            note_input: String::new(),
            index: Vec::new(),
            cache: HashMap::new(),
            entities_stale: true,
            search_due: None,
            entities_pending: false,
            large_timeline: LARGE_TIMELINE,
            items: Vec::new(),
            row_pos: Vec::new(),
            sel: 0,
            offset: 0,
            detail: None,
            detail_back: Vec::new(),
            reader: None,
            entities: Vec::new(),
            ent_sel: 0,
            ent_offset: 0,
            feeds: Vec::new(),
            feed_sel: 0,
            progress: Progress::default(),
            flash: None,
            size: (80, 24),
            effects: Vec::new(),
            total_events: 0,
            total_more: false,
            base: 0,
            base_exact: true,
            at_start: true,
            at_end: true,
            shown: 0,
            shown_more: false,
            counting: None,
            months_asked: None,
            month_counts: HashMap::new(),
            total_articles: 0,
            configured_feeds: Vec::new(),
            worker: Worker::new(None),
            watch: Default::default(),
            export_dir: std::path::PathBuf::from("."),
            form: None,
            marked: Vec::new(),
            last_curate: None,
            next_ticket: 0,
            select_after: None,
            unseen: std::collections::HashSet::new(),
            unseen_total: 0,
            unseen_more: false,
            unseen_stale: true,
            seen_pending: Vec::new(),
            watchlists: Vec::new(),
            watch_counts: Vec::new(),
            watch_sel: 0,
            watch_path: None,
            watch_name: String::new(),
            refresh_every: None,
            last_refresh: None,
        }
    }

    /// The full row of the `i`th event of the timeline, when it is on
    /// screen (or was recently).
    pub fn row(&self, i: usize) -> Option<&EventRow> {
        self.index.get(i).and_then(|k| self.cache.get(&k.rowid))
    }

    /// The app's own store connection, for reading.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Gives the app a way to refresh feeds.
    pub fn with_refresher(mut self, r: Refresher) -> App {
        self.worker = Worker::new(Some(r));
        self
    }

    /// The key press as a message, given the current mode. Changes nothing.
    pub fn on_key(&self, ev: &KeyEvent) -> Option<Msg> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if self.form.is_some() {
            return Some(Msg::Form(match ev.code {
                KeyCode::Enter => FormInput::Submit,
                KeyCode::Esc => FormInput::Cancel,
                KeyCode::Tab | KeyCode::Down => FormInput::Next,
                KeyCode::BackTab | KeyCode::Up => FormInput::Prev,
                KeyCode::Backspace => FormInput::Backspace,
                KeyCode::Char('w') if ctrl => FormInput::DeleteWord,
                KeyCode::Char('u') if ctrl => FormInput::Clear,
                KeyCode::Char('c') if ctrl => FormInput::Cancel,
                KeyCode::Char(c) if !ctrl => FormInput::Insert(c),
                _ => return None,
            }));
        }
        if self.mode != Mode::Normal {
            // The list still moves under the query line.
            match ev.code {
                KeyCode::Up => return Some(Msg::Act(Action::Up)),
                KeyCode::Down => return Some(Msg::Act(Action::Down)),
                KeyCode::PageUp => return Some(Msg::Act(Action::PageUp)),
                KeyCode::PageDown => return Some(Msg::Act(Action::PageDown)),
                _ => {}
            }
            return Some(Msg::Edit(match ev.code {
                KeyCode::Enter => Edit::Submit,
                KeyCode::Esc => Edit::Cancel,
                KeyCode::Backspace => Edit::Backspace,
                KeyCode::Char('w') if ctrl => Edit::DeleteWord,
                KeyCode::Char('u') if ctrl => Edit::Clear,
                KeyCode::Char('c') if ctrl => Edit::Cancel,
                KeyCode::Char(c) if !ctrl => Edit::Insert(c),
                _ => return None,
            }));
        }
        if self.help {
            // Any key closes the help, the arrows scroll it; quit still quits.
            return Some(match (ev.code, self.keys.action(ev)) {
                (_, Some(Action::Quit)) => Msg::Act(Action::Quit),
                (KeyCode::Up, _) => Msg::Act(Action::Up),
                (KeyCode::Down, _) => Msg::Act(Action::Down),
                _ => Msg::Act(Action::Help),
            });
        }
        self.keys.action(ev).map(Msg::Act)
    }

    /// The mouse event as a message. Changes nothing.
    pub fn on_mouse(&self, ev: &MouseEvent) -> Option<Msg> {
        match ev.kind {
            MouseEventKind::ScrollDown => Some(Msg::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Msg::Scroll(-3)),
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                column: ev.column,
                row: ev.row,
            }),
            _ => None,
        }
    }

    /// The screen's parts: tab bar, body, status line, bottom line.
    pub fn layout(area: Rect) -> [Rect; 4] {
        let h = area.height;
        let line = |y: u16, height: u16| Rect::new(area.x, area.y + y, area.width, height);
        if h < 4 {
            return [line(0, 0), line(0, h), line(h, 0), line(h, 0)];
        }
        [line(0, 1), line(1, h - 3), line(h - 2, 1), line(h - 1, 1)]
    }

    /// Rows the body can show.
    pub fn body_height(&self) -> usize {
        let [_, body, _, _] = App::layout(Rect::new(0, 0, self.size.0, self.size.1));
        body.height as usize
    }

    /// Applies one message.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Act(a) => {
                self.flash = None;
                if !matches!(a, Action::Confirm | Action::Reject) {
                    self.last_curate = None;
                }
                self.act(a)
            }
            Msg::Edit(e) => {
                self.last_curate = None;
                self.edit(e)
            }
            Msg::Form(i) => {
                self.last_curate = None;
                self.form_input(i)
            }
            Msg::Report(r) => self.report(r),
            Msg::Click { column, row } => {
                self.last_curate = None;
                self.click(column, row)
            }
            Msg::Scroll(n) => self.scroll(n),
            Msg::Resize { width, height } => {
                self.size = (width, height);
                self.follow();
            }
            Msg::Refresh(r) => {
                if self.progress.apply(&r) {
                    self.progress.running = false;
                    self.entities_stale = true;
                    self.unseen_stale = true;
                    self.reload_keep();
                    if self.view == View::Watch {
                        self.load_watch_counts();
                    }
                }
            }
            Msg::Tick => {
                self.poll_background();
                self.poll_database();
                self.interval_refresh();
                self.flush_seen();
                // Counted in the background, so the Entities view opens at once.
                if self.entities_stale {
                    self.load_entities();
                }
                if self.search_due.is_some_and(|t| t.elapsed() >= SEARCH_PAUSE) {
                    self.search_due = None;
                    self.reload_keep();
                }
            }
        }
        self.fill_window();
        self.note_seen();
    }

    /// Folds in what the background reported, in the order it arrived.
    pub fn poll_background(&mut self) {
        for r in self.worker.drain() {
            self.update(Msg::Report(r));
        }
    }

    /// Waits for the running refresh and the queued store jobs, folding in
    /// their reports (tests, quit). A remembered refresh starts, unwaited.
    pub fn wait_background(&mut self) {
        self.worker.wait_refresh();
        self.poll_background();
        // A rebuild's report may ask for entity counts: wait for those too.
        for _ in 0..4 {
            self.worker.wait_store();
            self.poll_background();
            if self.worker.store_idle() && !self.entities_pending {
                break;
            }
        }
    }

    /// Gives the app the feeds of feeds.toml, so the Feeds view lists
    /// those never fetched too.
    pub fn with_feeds(mut self, feeds: Vec<crate::config::FeedConfig>) -> App {
        self.configured_feeds = feeds;
        self
    }

    /// True when the app was given a refresher.
    pub fn can_refresh(&self) -> bool {
        self.worker.can_refresh()
    }

    /// Starts an explicit refresh (every feed not backing off), or
    /// remembers the request when one is running.
    pub fn start_refresh(&mut self) {
        self.start_refresh_as(super::refresh::Mode::Explicit);
    }

    /// Starts a refresh of this mode, or remembers the request.
    pub fn start_refresh_as(&mut self, mode: super::refresh::Mode) {
        if !self.worker.can_refresh() {
            self.set_flash(
                "refresh is off: this is the demo, or no feed fetcher is wired in",
                true,
            );
            return;
        }
        if self.worker.refreshing() {
            self.progress.pending = true;
            return;
        }
        if self.worker.start_refresh(mode) {
            self.last_refresh = Some(Instant::now());
            self.progress.running = true;
            self.progress.done = 0;
            self.progress.total = 0;
        } else {
            self.set_flash("could not start the refresh thread", true);
        }
    }

    pub(crate) fn set_flash(&mut self, msg: &str, error: bool) {
        self.flash = Some((crate::text::clean_line(msg), error));
    }

    fn act(&mut self, a: Action) {
        match a {
            Action::Quit => self.quit = true,
            Action::Help => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Action::Up if self.help => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::Down if self.help => {
                self.help_scroll = (self.help_scroll + 1).min(Action::ALL.len() as u16)
            }
            Action::Search => {
                self.view = View::Timeline;
                self.detail = None;
                self.mode = Mode::Search;
            }
            Action::NextView | Action::PrevView => {
                let i = View::ALL.iter().position(|v| *v == self.view).unwrap_or(0);
                let n = View::ALL.len();
                let next = if a == Action::NextView {
                    i + 1
                } else {
                    i + n - 1
                };
                self.switch(View::ALL[next % n]);
            }
            Action::Timeline => self.switch(View::Timeline),
            Action::Entities => self.switch(View::Entities),
            Action::Feeds => self.switch(View::Feeds),
            Action::Reader => self.switch(View::Reader),
            Action::Refresh => self.start_refresh(),
            Action::ToggleOrder => self.toggle_order(),
            Action::Export => self.export_view(),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.body_height().max(2) as i64 - 1)),
            Action::PageDown => self.move_by(self.body_height().max(2) as i64 - 1),
            Action::Top if self.view == View::Timeline && self.detail.is_none() => {
                self.jump_end(false)
            }
            Action::Bottom if self.view == View::Timeline && self.detail.is_none() => {
                self.jump_end(true)
            }
            Action::Top => self.move_by(i64::MIN / 2),
            Action::Bottom => self.move_by(i64::MAX / 2),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::Browser | Action::CopyUrl => match self.current_url() {
                Some(u) if a == Action::Browser => self.effects.push(Effect::OpenUrl(u)),
                Some(u) => {
                    self.set_flash(&format!("copied {u}"), false);
                    self.effects.push(Effect::CopyUrl(u));
                }
                None => self.set_flash("no source here", true),
            },
            Action::Confirm => self.curate(crate::store::DecisionAction::Confirm),
            Action::Reject => self.curate(crate::store::DecisionAction::Reject),
            Action::Note => {
                if let Some(e) = self.current_event() {
                    self.note_input = e.note.unwrap_or_default();
                    self.mode = Mode::Note;
                }
            }
            Action::Edit => self.open_edit_form(),
            Action::Mark => self.toggle_mark(),
            Action::Merge => self.merge_marked(),
            Action::Split => self.split_selected_source(),
            Action::Add => self.open_add_form(),
            Action::Undo => self.undo_last(),
            Action::NextNew => self.jump_unseen(true),
            Action::PrevNew => self.jump_unseen(false),
            Action::Watch => self.switch(View::Watch),
            Action::SaveWatch => self.begin_save_watch(),
            Action::DeleteWatch => self.delete_watch(),
        }
    }

    fn switch(&mut self, v: View) {
        self.view = v;
        match v {
            View::Entities if self.entities_stale || self.entities.is_empty() => {
                self.load_entities()
            }
            View::Feeds => self.load_feeds(),
            View::Watch => self.load_watch_counts(),
            _ => {}
        }
    }

    fn edit(&mut self, e: Edit) {
        let line = match self.mode {
            Mode::Search => &mut self.query,
            Mode::Note => &mut self.note_input,
            Mode::WatchName => &mut self.watch_name,
            Mode::Normal => return,
        };
        match e {
            Edit::Insert(c) => {
                if !c.is_control() {
                    line.push(c)
                }
            }
            Edit::Backspace => {
                line.pop();
            }
            Edit::DeleteWord => {
                let trimmed = line.trim_end().len();
                line.truncate(trimmed);
                let cut = line.rfind(' ').map(|i| i + 1).unwrap_or(0);
                line.truncate(cut);
            }
            Edit::Clear => line.clear(),
            Edit::Submit => {
                let mode = self.mode;
                self.mode = Mode::Normal;
                if self.search_due.take().is_some() {
                    self.reload_keep();
                }
                if mode == Mode::Note {
                    let note = std::mem::take(&mut self.note_input);
                    self.save_note(&note);
                }
                if mode == Mode::WatchName {
                    let name = std::mem::take(&mut self.watch_name);
                    self.save_watch(&name);
                }
                return;
            }
            Edit::Cancel => {
                let mode = self.mode;
                self.mode = Mode::Normal;
                self.search_due = None;
                if mode == Mode::Search {
                    self.query.clear();
                    self.reload_keep();
                }
                self.watch_name.clear();
                return;
            }
        }
        if self.mode == Mode::Search {
            if self.total_more || self.total_events > self.large_timeline {
                self.hint = query::parse(&self.query).hint;
                self.search_due = Some(Instant::now());
            } else {
                self.reload_keep();
            }
        }
    }

    /// True when a tick is wanted soon (a paused search to apply, or
    /// entity counts on their way).
    pub fn wants_tick_soon(&self) -> bool {
        self.search_due.is_some() || self.entities_pending || !self.worker.store_idle()
    }

    /// True while entity counts are being read in the background.
    pub fn entities_loading(&self) -> bool {
        self.entities_pending
    }

    /// True while counts of the window held (its place and totals, which
    /// the status line then shows as "counting…", or the whole months of
    /// the headings at its ends) are still to come from the background.
    pub fn counting(&self) -> bool {
        self.counting.is_some() || self.months_asked.is_some()
    }

    /// The filter the query line and the order toggle ask for, entity
    /// names resolved to canonical ones.
    pub fn filter(&self) -> (EventFilter, Option<String>) {
        let q = query::parse(&self.query);
        let mut f = q.filter;
        // a name the store cannot resolve (or a store error) is kept as typed
        let _ = self.store.resolve_filter(&mut f);
        f.newest_first = self.newest_first;
        (f, q.hint)
    }
}
