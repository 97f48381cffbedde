//! Sources: the only code that reads input files or touches the network.
//! Feeds (RSS, Atom, JSON Feed), article pages and OPML lists come in as
//! bytes and leave as plain [`Article`](crate::model::Article) values with
//! clean text.

pub mod encoding;
pub mod feed;
mod feed_links;
pub mod fetch;
pub mod import;
pub mod opml;
pub mod page;

use thiserror::Error;

/// Why one input could not be read. Each is reported on one line with the
/// input's name, and never stops the other inputs of the same call.
#[derive(Debug, Error)]
pub enum SourceError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty input")]
    Empty,
    #[error("not a feed, page or OPML list ({0})")]
    Unrecognised(String),
    #[error("broken feed: {0}")]
    Feed(String),
    #[error("broken OPML: {0}")]
    Opml(String),
    #[error("no story text on the page")]
    NoStory,
    #[error("{0}")]
    TooLarge(String),
    /// A parser panicked on this input (see [`crate::guard`]).
    #[error("{0}")]
    Internal(String),
}
