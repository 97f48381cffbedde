//! Extraction: an [`Article`](crate::model::Article) in, the dated events
//! its sentences assert out. Pure: no I/O, and "now" is the article's
//! publication time, passed in.

pub mod dates;
