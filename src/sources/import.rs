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

/// How far into a document the sniffer looks for its first element: past
/// any XML declaration, comments, processing instructions and doctype
/// (licence headers in comments can be long).
const SNIFF_BYTES: usize = 256 * 1024;

/// Guesses the shape of a document from its start: the name of its first
/// element (after the prolog), else, for markup that does not start with
/// its root, the tags in its first two kilobytes. `import` and `fetch` both
/// decide by this one function, so they accept the same feeds.
pub fn shape(bytes: &[u8]) -> Shape {
    let head = encoding::decode(&bytes[..bytes.len().min(SNIFF_BYTES)], None);
    let t = head.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') {
        let window = &t[..crate::text::floor_boundary(t, 64 * 1024)];
        return if window.contains("jsonfeed.org") || window.contains("\"items\"") {
            Shape::JsonFeed
        } else {
            Shape::Unknown
        };
    }
    if let Some(root) = root_name(t) {
        match root.as_str() {
            "rss" | "feed" | "rdf:rdf" | "rdf" => return Shape::Feed,
            "opml" => return Shape::Opml,
            "html" | "head" | "body" => return Shape::Page,
            _ => {}
        }
    }
    let t = t[..crate::text::floor_boundary(t, 2048)].to_ascii_lowercase();
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

/// Control bytes other than whitespace in the first half kilobyte.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .take(512)
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
}

/// The lowercased name of the first element of a markup document, after
/// whitespace, `<?…?>`, `<!--…-->` and `<!DOCTYPE …>`; `None` when the
/// text does not start with markup or the prolog runs past the window.
fn root_name(doc: &str) -> Option<String> {
    let mut rest = doc;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if rest
            .get(..9)
            .is_some_and(|h| h.eq_ignore_ascii_case("<!doctype"))
        {
            rest = &rest[rest.find('>')? + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            let name: String = r
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_' | '.'))
                .take(64)
                .collect();
            return (!name.is_empty()).then(|| name.to_ascii_lowercase());
        } else {
            return None;
        }
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
    let origin = file_url(path);
    crate::guard::catch(|| read_bytes(&bytes, &origin))
        .unwrap_or_else(|e| Err(SourceError::Internal(e)))
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
            let what = if looks_binary(bytes) {
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
    // the publisher's own name (og:site_name, JSON-LD publisher), else the host
    let host = p
        .url
        .as_deref()
        .or(Some(origin))
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_string())
        });
    let outlet = p
        .site_name
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or(host)
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
        assert_eq!(
            shape(b"<!-- a < b --><?xml-stylesheet x?><rdf:RDF>"),
            Shape::Feed
        );
        assert_eq!(shape(b"<html><body><feed>"), Shape::Page);
        // found by the corpus replay: a multi-byte character within the
        // first nine bytes of the root
        assert_eq!(shape("<rss>华为</rss>".as_bytes()), Shape::Feed);
        assert_eq!(
            shape("<?xml version='1.0'?>\n<!--\u{2014}\u{2014}-->".as_bytes()),
            Shape::Unknown
        );
    }

    #[test]
    fn a_root_after_a_long_licence_comment_is_still_a_feed() {
        let doc = format!(
            "<?xml version=\"1.0\"?>\n<!--{}-->\n<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>https://x.example/a</link></item></channel></rss>",
            "licence text ".repeat(1000)
        );
        assert_eq!(shape(doc.as_bytes()), Shape::Feed);
        match read_bytes(doc.as_bytes(), "file:///x.xml") {
            Ok(Input::Feed(f)) => assert_eq!(f.items.len(), 1),
            other => panic!("not read as a feed: {other:?}"),
        }
        let fetched = crate::sources::fetch::fulltext::parse_feed_body(
            doc.as_bytes(),
            None,
            "https://x.example/f",
        )
        .expect("fetch reads it too");
        assert_eq!(fetched.items.len(), 1);
    }
}
