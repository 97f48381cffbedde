//! The filter a query compiles to: one plain struct shared by the parser
//! (`crate::query`), the store's one filter compiler (`store::filter`),
//! the CLI and the TUI.
//!
//! Adding a filter (say `new:`) takes four small steps, each in one place:
//! a field here (empty must mean "no filter"), its name in
//! [`super::FILTERS`] and an arm in [`super::apply`], a clause in
//! `store::filter::compile`, and a row in the parser's table test.

use crate::model::{Kind, PartialDate, Status};

/// What `events`, `search`, exports and the TUI filter by. Empty fields do
/// not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    pub kinds: Vec<Kind>,
    /// Entity names; an event matches when it names any of them. The
    /// parser keeps them as typed; `Store::resolve_filter` turns aliases
    /// (either language) into canonical names.
    pub entities: Vec<String>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// Free text, searched in titles, evidence and names.
    pub text: Option<String>,
    /// Language of at least one source (`en`, `zh`).
    pub lang: Option<String>,
    /// Substring of a source's outlet or url.
    pub source: Option<String>,
    pub statuses: Vec<Status>,
    /// Only what is new (`new:`): unseen, first seen since a time, or
    /// since the last refresh.
    pub new: Option<NewFilter>,
    /// Only events with a source from this feed (its url in feeds.toml).
    pub feed: Option<String>,
    /// Rejected events are left out unless asked for (or named by
    /// `status:`).
    pub include_rejected: bool,
    pub newest_first: bool,
    pub limit: Option<usize>,
    /// Rows to skip before the first one returned (paging).
    pub offset: usize,
}

/// The `new:` filter: which events count as new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewFilter {
    /// Not yet seen by the analyst (`new:yes`).
    Unseen,
    /// First seen at or after this time or day (RFC 3339 UTC, or
    /// `YYYY-MM-DD`, compared as text: both sort by time).
    Since(String),
    /// First seen since the latest refresh began (`new:last`).
    LastRefresh,
}
