//! Taking the timeline elsewhere. `json` is the `events --json` contract
//! (docs/events-json.md) that scripts rely on; `markdown` a sourced
//! chronology for a story or a brief; `csv` rows for a spreadsheet (Excel
//! included); `ics` a calendar; `timelinejs` the JSON that Knight Lab's
//! TimelineJS publishes; `html` one self-contained, searchable page.
//! `citation` is the one citation style all of them share
//! (docs/citations.md).
//!
//! [`export`] is the one entry point the command line and the terminal
//! timeline both call: a filter in, the file's bytes out. It only reads.

pub mod citation;
pub mod csv;
pub mod html;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod timelinejs;

#[cfg(test)]
mod tests;

use crate::model::Event;
use crate::store::{EventFilter, Provenance, Store, StoreError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The formats a timeline can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Csv,
    Ics,
    TimelineJs,
    Html,
}

impl Format {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Ics => "ics",
            Format::TimelineJs => "json",
            Format::Html => "html",
        }
    }
}

/// How TimelineJS rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Group {
    /// One row a kind of event (ban, lawsuit, …).
    #[default]
    Kind,
    /// One row an entity: the event's first target, else its first actor.
    Entity,
}

/// What every format may use besides the events.
#[derive(Debug, Clone)]
pub struct Options {
    /// The document's title (Markdown, HTML, TimelineJS).
    pub title: String,
    /// TimelineJS rows.
    pub group: Group,
    /// Start a CSV with a UTF-8 byte order mark, so Excel reads it as UTF-8.
    pub bom: bool,
    /// When the export is made (ICS stamps, the HTML page's footer).
    pub now: chrono::DateTime<chrono::Utc>,
}

impl Options {
    pub fn new(now: chrono::DateTime<chrono::Utc>) -> Options {
        Options {
            title: "Timeline".into(),
            group: Group::Kind,
            bom: true,
            now,
        }
    }
}

/// Sources' provenance, by mention id.
pub type ProvenanceMap = HashMap<i64, Provenance>;

/// The events of a filter, with their sources' provenance.
pub fn collect(
    store: &Store,
    filter: &EventFilter,
) -> Result<(Vec<Event>, ProvenanceMap), StoreError> {
    let events = store.events(filter)?;
    let ids: Vec<i64> = events
        .iter()
        .flat_map(|e| e.sources.iter().map(|s| s.mention_id))
        .collect();
    let prov = store.provenance(&ids)?;
    Ok((events, prov))
}

/// The file's bytes for `events` in `format`.
pub fn render(format: Format, events: &[Event], prov: &ProvenanceMap, opts: &Options) -> Vec<u8> {
    match format {
        Format::Markdown => markdown::chronology(&opts.title, events, prov).into_bytes(),
        Format::Csv => csv::rows(events, prov, opts.bom).into_bytes(),
        Format::Ics => ics::calendar(events, opts.now).into_bytes(),
        Format::TimelineJs => timelinejs::document(&opts.title, events, prov, opts).into_bytes(),
        Format::Html => html::page(&opts.title, events, prov, opts).into_bytes(),
    }
}

/// Reads the filter's events and renders them: the bytes and how many
/// events they hold.
pub fn export(
    store: &Store,
    filter: &EventFilter,
    format: Format,
    opts: &Options,
) -> Result<(Vec<u8>, usize), StoreError> {
    if format == Format::Markdown {
        let mut bytes = Vec::new();
        let n = markdown::write_chronology(store, filter, &opts.title, &mut bytes).map_err(
            |e| match e {
                WriteError::Store(e) => e,
                WriteError::Io(e) => StoreError::Data(e.to_string()),
            },
        )?;
        return Ok((bytes, n));
    }
    let (events, prov) = collect(store, filter)?;
    Ok((render(format, &events, &prov, opts), events.len()))
}

/// Reads the filter's events and writes them to `out` in `format`;
/// Markdown streams (one event in memory at a time), the other formats
/// are rendered whole first. Returns how many events were written.
pub fn export_to(
    store: &Store,
    filter: &EventFilter,
    format: Format,
    opts: &Options,
    out: &mut dyn std::io::Write,
) -> Result<usize, WriteError> {
    if format == Format::Markdown {
        return markdown::write_chronology(store, filter, &opts.title, out);
    }
    let (bytes, n) = export(store, filter, format, opts)?;
    out.write_all(&bytes)?;
    Ok(n)
}

/// Why an export written as it is read failed: the store, or the output.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
}

/// A file written by [`export_to_dir`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub events: usize,
}

/// Exports the filter's events into a new file in `dir`, named
/// `dateline-YYYYMMDD-HHMMSS.EXT` (with `-2`, `-3`… when taken); never
/// overwrites. The error is one line saying what and where.
pub fn export_to_dir(
    store: &Store,
    filter: &EventFilter,
    format: Format,
    opts: &Options,
    dir: &Path,
) -> Result<Written, String> {
    let (bytes, events) =
        export(store, filter, format, opts).map_err(|e| format!("cannot export: {e}"))?;
    let stem = format!("dateline-{}", opts.now.format("%Y%m%d-%H%M%S"));
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.{}", format.extension())
        } else {
            format!("{stem}-{n}.{}", format.extension())
        };
        let path = dir.join(name);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path);
        match file {
            Ok(mut f) => {
                use std::io::Write;
                f.write_all(&bytes)
                    .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
                return Ok(Written { path, events });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("{}: cannot create: {e}", path.display())),
        }
    }
    Err(format!("{}: too many exports this second", dir.display()))
}

/// True for an absolute http(s) address: the only links an export makes
/// clickable (a `javascript:` or `file:` link from a feed stays text).
pub fn is_web_url(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && url::Url::parse(u).is_ok_and(|p| p.host_str().is_some())
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A source's url as a link target, or `None` when it is not an absolute
/// `http`/`https` url: every export that writes a url goes through here or
/// [`is_web_url`], so a `javascript:`, `data:` or `file:` target stored from
/// a hostile feed never becomes something a reader can click.
pub fn web_link(url: &str) -> Option<String> {
    let url = url.trim();
    is_web_url(url).then(|| url.to_string())
}

/// A kind as people write it: "export control".
pub fn kind_label(k: crate::model::Kind) -> String {
    k.as_str().replace('_', " ")
}
