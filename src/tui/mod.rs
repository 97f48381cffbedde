//! The terminal timeline (issue 6): browse, search, read the sources and
//! curate, on ratatui and crossterm.
//!
//! One place owns the terminal: [`run`] enters raw mode and the alternate
//! screen, and restores them on quit, on error, on panic and on SIGTERM.
//! The app (`app`, `load`, `navigate`) is plain state driven by messages;
//! `views` draws it from a shared borrow; `query` parses the search line;
//! `keys` maps keys to actions; `refresh` runs the injected feed refresher
//! on a background thread; `demo` holds the built-in corpus.

pub mod app;
pub mod demo;
mod effects;
pub mod format;
pub mod keys;
mod load;
mod navigate;
pub use crate::query;
pub mod refresh;
pub mod theme;
pub mod views;

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

/// Runs the app in the terminal until the user quits or SIGTERM arrives.
/// `refresh_on_start` starts a background refresh at once.
pub fn run(mut app: App, refresh_on_start: bool) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        anyhow::bail!("the terminal timeline needs a terminal; use `dateline events` in scripts");
    }
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
    let _ = execute!(stdout(), EnableMouseCapture);
    let size = terminal.size()?;
    app.update(Msg::Resize {
        width: size.width,
        height: size.height,
    });
    app.reload_keep();
    if refresh_on_start && app.can_refresh() {
        app.start_refresh();
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
    Ok(())
}
