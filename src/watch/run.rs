//! A watchlist against the store (its events, its unseen count) and its
//! command run for new events: the argv exactly as the user wrote it, no
//! shell, nothing from a feed in the arguments; the events go to the
//! command's standard input as JSON lines, and it gets a bounded time.

use super::Watchlist;
use crate::model::Event;
use crate::store::{EventFilter, NewFilter, Store, StoreError};
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a watchlist's command may run before it is stopped.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

/// The watchlist's query as a store filter, entity names resolved.
pub fn filter_of(store: &Store, w: &Watchlist) -> Result<EventFilter, StoreError> {
    let mut f = crate::tui::query::parse(&w.query).filter;
    let mut names = Vec::with_capacity(f.entities.len());
    for e in &f.entities {
        names.push(store.resolve_entity(e)?.unwrap_or_else(|| e.clone()));
    }
    f.entities = names;
    Ok(f)
}

/// How many unseen events each watchlist matches, in order.
pub fn counts(store: &Store, lists: &[Watchlist]) -> Result<Vec<usize>, StoreError> {
    lists
        .iter()
        .map(|w| {
            let mut f = filter_of(store, w)?;
            f.new = Some(NewFilter::Unseen);
            store.count_events(&f)
        })
        .collect()
}

/// The watchlist's events first seen at or after `since` (RFC 3339 UTC),
/// oldest first.
pub fn matches(store: &Store, w: &Watchlist, since: &str) -> Result<Vec<Event>, StoreError> {
    let mut f = filter_of(store, w)?;
    f.new = Some(NewFilter::Since(since.to_string()));
    store.events(&f)
}

/// Runs the watchlist's command with the events as JSON lines on its
/// standard input, and `DATELINE_WATCH` (the watchlist's name) and
/// `DATELINE_NEW` (how many events) in its environment. Waits at most
/// `timeout`; returns a one-line error when it cannot start, fails or
/// runs too long.
pub fn run_command(w: &Watchlist, events: &[Event], timeout: Duration) -> Result<(), String> {
    let Some((program, args)) = w.command.split_first() else {
        return Ok(());
    };
    let mut child = Command::new(program)
        .args(args)
        .env("DATELINE_WATCH", &w.name)
        .env("DATELINE_NEW", events.len().to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    let mut input = String::new();
    for e in events {
        input.push_str(&crate::export::json::event_line(e));
        input.push('\n');
    }
    // write and read apart from waiting, so a command that does not read
    // its input, or writes a lot of errors, cannot stall us
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(mut s) = stdin {
            let _ = s.write_all(input.as_bytes());
        }
    });
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(s) = stderr {
            let _ = s.take(64 * 1024).read_to_string(&mut text);
        }
        text
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Ok(s),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break Err(format!(
                    "{program} was stopped after {} s",
                    timeout.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => break Err(format!("{program}: {e}")),
        }
    };
    // after a timeout the pipes may still be held open by the command's
    // own children: leave the helper threads rather than wait on them
    let status = status?;
    let _ = writer.join();
    let said = reader.join().unwrap_or_default();
    if status.success() {
        Ok(())
    } else {
        let first = said.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        Err(format!(
            "{program} failed ({status}){}",
            if first.is_empty() {
                String::new()
            } else {
                format!(": {}", crate::text::clean_line(first))
            }
        ))
    }
}
