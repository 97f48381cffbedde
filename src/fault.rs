//! Fault injection for the crash tests (`tests/durability_kill.rs`).
//!
//! In debug builds, `DATELINE_FAULT_AT=N` aborts the process at the Nth
//! fault point it passes, as a SIGKILL would: no destructor runs and an
//! open transaction is neither committed nor rolled back. The points sit
//! between the steps of an ingest, so a test can kill it at every step and
//! check what the next command makes of the database. `DATELINE_FAULT_BATCH`
//! shrinks the ingest's batches so a small corpus has several. Release
//! builds compile both away.

/// Aborts here when this is the point `DATELINE_FAULT_AT` names.
#[cfg(debug_assertions)]
pub fn point(what: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::OnceLock;
    static AT: OnceLock<Option<usize>> = OnceLock::new();
    static PASSED: AtomicUsize = AtomicUsize::new(0);
    let at = *AT.get_or_init(|| {
        std::env::var("DATELINE_FAULT_AT")
            .ok()
            .and_then(|v| v.trim().parse().ok())
    });
    if let Some(at) = at {
        let n = PASSED.fetch_add(1, Ordering::SeqCst) + 1;
        if n == at {
            eprintln!("dateline: fault injected at point {n} ({what})");
            std::process::abort();
        }
    }
}

#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn point(_what: &str) {}

/// The ingest's batch size: `default`, or `DATELINE_FAULT_BATCH` in debug
/// builds.
pub fn batch_size(default: usize) -> usize {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("DATELINE_FAULT_BATCH")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return n;
    }
    default
}
