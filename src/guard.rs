//! The panic boundary around each input. Parsers of feeds and pages run
//! third-party code (XML, HTML, charset libraries) over hostile bytes; a
//! panic anywhere in there must cost one input one line of error, not the
//! whole `import` or the terminal of a running TUI. [`catch`] runs one
//! input's work and turns a panic into an error message; while it runs, the
//! process-wide panic hook stays silent for that thread (no backtrace on
//! stderr, no terminal restore by the TUI's hook), so the caller's one line
//! is all the user sees.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// How many [`catch`] calls are running on this thread.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

static INSTALL: Once = Once::new();

/// Puts the boundary's hook in front of the current panic hook: a panic
/// inside [`catch`] is left to `catch`; any other goes to the hook that was
/// there before. Called once by [`catch`] itself; the TUI calls it again
/// after installing its own terminal-restoring hook, so that the boundary
/// stays in front of it.
pub fn install_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if DEPTH.with(Cell::get) == 0 {
            previous(info);
        }
    }));
}

/// Runs `work` for one input; a panic becomes `Err` with the panic's
/// message on one line. The work must not leave shared state half-changed
/// (parsers take bytes and return values, so they do not).
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    INSTALL.call_once(install_hook);
    DEPTH.with(|d| d.set(d.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    result.map_err(|payload| {
        format!(
            "internal error in a parser: {}",
            crate::text::clean_line(&message(payload.as_ref()))
        )
    })
}

fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_one_error_and_the_next_call_works() {
        let err = catch(|| -> u32 { panic!("bad\nbyte \u{1b}[31m") }).unwrap_err();
        assert_eq!(err, "internal error in a parser: bad byte");
        assert_eq!(catch(|| 7), Ok(7));
    }
}
