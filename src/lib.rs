//! dateline: a terminal news and incident-timeline tracker.
//!
//! The pipeline, one module a stage:
//! `sources` (files and network in, [`model::Article`]s out) →
//! `extract` (articles in, [`model::Mention`]s out; pure) →
//! `timeline` (mentions in, [`model::Event`]s out; pure) →
//! `store` (SQLite, the only module that speaks SQL) →
//! `cli`, `tui` and `export` (what users see), with `query` the one query
//! language the CLI and the TUI share.
//! Above the pipeline, `refresh` fetches feeds through `sources` and stores
//! them through `pipeline`; `settings` reads the user's files once; `watch`
//! keeps saved queries.

pub mod cli;
pub mod config;
pub mod export;
pub mod extract;
pub mod fault;
#[doc(hidden)]
pub mod fuzzing;
pub mod guard;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod refresh;
pub mod settings;
pub mod sources;
pub mod store;
pub mod text;
pub mod timeline;
pub mod tui;
pub mod watch;
