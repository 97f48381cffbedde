//! The terminal timeline (issue 6): browse, search, read the sources and
//! curate, on ratatui and crossterm.
//!
//! One place owns the terminal: [`run`] enters raw mode and the alternate
//! screen, and restores them on quit, on error, on panic and on SIGTERM.
//! The app (`app`, `load`, `navigate`) is plain state driven by messages;
//! `views` draws it from a shared borrow; `query` parses the search line;
//! `keys` maps keys to actions; `worker` runs every store write, rebuild and
//! the injected feed refresher in the background, reporting on one channel;
//! `curate` turns the analyst's keys into decisions; `form` holds the edit
//! and add forms; `export` writes the filtered view to a file; `demo` holds
//! the built-in corpus.

pub mod app;
mod counts;
mod curate;
pub mod demo;
mod effects;
mod export;
mod follow;
pub mod form;
pub mod format;
pub mod keys;
mod load;
mod navigate;
pub use crate::query;
pub mod refresh;
pub mod theme;
pub mod views;
pub mod watch;
mod window;
pub mod worker;

pub use app::{App, Effect, Msg, View};
pub use refresh::{RefreshMsg, Refresher};

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use std::io::{stdout, IsTerminal};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Puts the terminal back however the run ends.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Refuses, in one line, when standard output is not a terminal: checked
/// before anything is opened or created.
pub fn require_terminal() -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        anyhow::bail!("the terminal timeline needs a terminal; use `dateline events` in scripts");
    }
    Ok(())
}

/// Runs the app in the terminal until the user quits or SIGTERM arrives.
/// `refresh_on_start` starts a background refresh at once.
pub fn run(mut app: App, refresh_on_start: bool) -> anyhow::Result<()> {
    require_terminal()?;
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::try_init()?;
    let _restore = Restore;
    // ratatui's hook restores raw mode and the screen; mouse capture too.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    // in front of the hooks above: a parser's panic inside a background
    // refresh is that feed's error, and must not restore the terminal
    crate::guard::install_hook();
    let _ = execute!(stdout(), EnableMouseCapture);
    let size = terminal.size()?;
    app.update(Msg::Resize {
        width: size.width,
        height: size.height,
    });
    app.reload_keep();
    // the refresh at start is automatic: the feeds that are due, as the
    // interval refresh asks them; `r` asks every feed
    if refresh_on_start && app.can_refresh() {
        app.start_refresh_as(refresh::Mode::Due);
    }
    loop {
        terminal.draw(|f| views::draw(&app, f))?;
        for e in std::mem::take(&mut app.effects) {
            if let Err(msg) = effects::perform(&e) {
                app.set_flash(&msg, true);
            }
        }
        if app.quit || stop.load(Ordering::Relaxed) {
            break;
        }
        let wait = if app.wants_tick_soon() { 20 } else { 100 };
        if event::poll(Duration::from_millis(wait))? {
            let msg = match event::read()? {
                Event::Key(k) => app.on_key(&k),
                Event::Mouse(m) => app.on_mouse(&m),
                Event::Resize(width, height) => Some(Msg::Resize { width, height }),
                _ => None,
            };
            if let Some(m) = msg {
                app.update(m);
            }
        }
        app.update(Msg::Tick);
    }
    // Decisions already taken are shown in the timeline next time: let
    // the queued rebuild finish (the terminal is restored after).
    app.worker.wait_store();
    app.flush_seen_now();
    Ok(())
}
