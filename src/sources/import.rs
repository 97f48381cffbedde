//! Local files in: tells a feed from a page from an OPML list by its
//! content, not its name, and reads it.

use crate::config::FeedConfig;
use crate::model::Article;
use crate::sources::{encoding, feed, opml, page, SourceError};
use std::path::Path;

/// The most of one file that is read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What one input file turned out to be.
#[derive(Debug)]
pub enum Input {
    Feed(feed::ParsedFeed),
    Page(Article),
    Opml(Vec<FeedConfig>),
}

/// What a document looks like from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Feed,
    JsonFeed,
    Page,
    Opml,
    Unknown,
}

/// Guesses the shape of a document from its first few kilobytes.
pub fn shape(bytes: &[u8]) -> Shape {
    let head = encoding::decode(&bytes[..bytes.len().min(2048)], None).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') {
        return if t.contains("jsonfeed.org") || t.contains("\"items\"") {
            Shape::JsonFeed
        } else {
            Shape::Unknown
        };
    }
    if t.contains("<opml") {
        Shape::Opml
    } else if t.contains("<rss")
        || t.contains("<feed")
        || t.contains("<rdf:rdf")
        || t.contains("<entry")
    {
        Shape::Feed
    } else if t.contains("<html")
        || t.contains("<!doctype html")
        || t.contains("<body")
        || t.contains("<head")
    {
        Shape::Page
    } else {
        Shape::Unknown
    }
}

/// Reads one file. The page's `url` falls back to a `file://` url of its path.
pub fn read_path(path: &Path) -> Result<Input, SourceError> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(SourceError::Unrecognised("a directory".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(SourceError::TooLarge(format!(
            "file larger than {} MiB",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path)?;
    read_bytes(&bytes, &file_url(path))
}

/// Reads one document of any shape; `origin` names it (a url).
pub fn read_bytes(bytes: &[u8], origin: &str) -> Result<Input, SourceError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError::Empty);
    }
    match shape(bytes) {
        Shape::Feed | Shape::JsonFeed => Ok(Input::Feed(feed::parse_feed(bytes, Some(origin))?)),
        Shape::Opml => Ok(Input::Opml(opml::parse_opml(bytes)?)),
        Shape::Page => {
            let p = page::read_page(bytes, None)?;
            page_article(p, origin).map(Input::Page)
        }
        Shape::Unknown => {
            let what = if bytes.iter().take(512).any(|b| *b == 0 || (*b < 9)) {
                "binary data"
            } else {
                "unknown text"
            };
            Err(SourceError::Unrecognised(what.into()))
        }
    }
}

/// An article from a page read at `origin`; a page with no story is an error.
pub fn page_article(p: page::Page, origin: &str) -> Result<Article, SourceError> {
    if p.text.trim().is_empty() {
        return Err(SourceError::NoStory);
    }
    let outlet = p
        .url
        .as_deref()
        .or(Some(origin))
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_string())
        })
        .unwrap_or_default();
    Ok(Article {
        url: origin.to_string(),
        canonical_url: p.url,
        guid: None,
        outlet,
        title: p.title,
        published: p.published,
        lang: p.lang,
        text: p.text,
        feed_url: None,
    })
}

fn file_url(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    url::Url::from_file_path(&abs)
        .map(|u| u.to_string())
        .unwrap_or_else(|_| abs.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_by_content() {
        assert_eq!(
            shape(b"<?xml version='1.0'?><rss version='2.0'>"),
            Shape::Feed
        );
        assert_eq!(
            shape(b"<feed xmlns='http://www.w3.org/2005/Atom'>"),
            Shape::Feed
        );
        assert_eq!(
            shape(b"{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}"),
            Shape::JsonFeed
        );
        assert_eq!(shape(b"<!DOCTYPE html><html>"), Shape::Page);
        assert_eq!(shape(b"<opml version='2.0'>"), Shape::Opml);
        assert_eq!(shape(b"\x00\x01\x02garbage"), Shape::Unknown);
    }
}
