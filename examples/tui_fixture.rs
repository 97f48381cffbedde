//! Writes the TUI tests' fixture timeline (and, with a number, that many
//! synthetic events besides) into a database file, to try the terminal
//! timeline by hand while the extractor is still a placeholder:
//!
//! ```sh
//! cargo run --example tui_fixture -- /tmp/tui.db [N]
//! dateline --db /tmp/tui.db --offline
//! ```

#[path = "../tests/tui_common/mod.rs"]
mod common;

use dateline::store::Store;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: tui_fixture DB_PATH [N_SYNTHETIC_EVENTS]");
        return ExitCode::from(2);
    };
    let extra: usize = match args.next().map(|n| n.parse()) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("tui_fixture: N must be a whole number");
            return ExitCode::from(2);
        }
    };
    let mut store = match Store::open(std::path::Path::new(&path)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("tui_fixture: {e}");
            return ExitCode::from(2);
        }
    };
    common::fill(&mut store);
    if extra > 0 {
        let mut events = match store.events(&dateline::store::EventFilter {
            include_rejected: true,
            ..Default::default()
        }) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("tui_fixture: {e}");
                return ExitCode::from(2);
            }
        };
        events.extend(common::synthetic_events(extra));
        if let Err(e) = store.replace_events(&events, &common::entity_table()) {
            eprintln!("tui_fixture: {e}");
            return ExitCode::from(2);
        }
    }
    eprintln!("wrote the fixture timeline to {path}");
    ExitCode::SUCCESS
}
