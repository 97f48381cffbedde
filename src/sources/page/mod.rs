//! Article pages: the story text and its metadata from one HTML page.
//! Navigation, cookie banners, ads, "most read" boxes, bylines and footers
//! are left out, since their dates and headlines would become false events.
//!
//! One path serves `dateline page`, `import` of HTML files and full-text
//! fetching: bytes → text ([`encoding`]) → one parse (html5ever through
//! dom_query) → metadata ([`meta`]) → story ([`story`]) → language
//! ([`lang`]). Every stage has a budget, so a hostile page costs one error
//! for that page and nothing more.

mod budget;
mod fragment;
mod lang;
mod meta;
mod story;
mod tidy;

pub use fragment::fragment_text;
pub use lang::guess_language;
pub use meta::parse_time;

use crate::sources::{encoding, SourceError};
use chrono::{DateTime, FixedOffset};
use dom_query::Document;
use serde::Serialize;

/// The most of a page that is read; the rest is cut off.
pub const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// What dateline reads from an article page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Page {
    /// Canonical URL, when the page gives one.
    pub url: Option<String>,
    pub title: String,
    pub published: Option<DateTime<FixedOffset>>,
    /// The publication's name as the page gives it, for the outlet.
    pub site_name: Option<String>,
    pub lang: String,
    /// The story text, paragraphs separated by a blank line.
    pub text: String,
}

/// Reads a page from its bytes; `content_type` is the HTTP header, if any.
/// A page over a budget (nesting, element count) is an error.
pub fn read_page(bytes: &[u8], content_type: Option<&str>) -> Result<Page, SourceError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError::Empty);
    }
    let bytes = &bytes[..bytes.len().min(MAX_PAGE_BYTES)];
    let html = encoding::decode(bytes, content_type);
    let (page, over) = read(&html);
    match over {
        Some(e) => Err(SourceError::TooLarge(e)),
        None => Ok(page),
    }
}

/// Reads a page from its decoded text. A page over a budget keeps its
/// metadata and has no text.
pub fn read_html(html: &str) -> Page {
    read(html).0
}

/// The page, and why its story could not be read, if it could not.
fn read(html: &str) -> (Page, Option<String>) {
    if let Err(e) = budget::check_source(html) {
        return (Page::default(), Some(e));
    }
    let doc = Document::from(html);
    let m = meta::read_meta(&doc);
    let mut page = Page {
        url: m.url,
        title: m.title,
        published: m.published,
        site_name: m.site_name,
        lang: String::new(),
        text: String::new(),
    };
    let over = budget::check_tree(&doc).err().or_else(|| {
        match story::story_text(doc, budget::MAX_ELEMENTS) {
            Ok(text) => {
                page.text = crate::text::cap_bytes(
                    without_title(text, &page.title),
                    crate::text::MAX_TEXT_BYTES,
                );
                None
            }
            Err(e) => Some(e),
        }
    });
    page.lang = lang::decide(&m.langs, &page.text);
    (page, over)
}

/// The story without a first paragraph that repeats the title.
fn without_title(text: String, title: &str) -> String {
    let (first, rest) = text.split_once("\n\n").unwrap_or((&text, ""));
    if !title.is_empty() && first == title {
        rest.to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_metadata_and_story_without_clutter() {
        let html = r#"<!DOCTYPE html><html lang="en-US"><head>
<link rel="canonical" href="https://news.example/a/1">
<meta property="article:published_time" content="2026-07-09T10:00:00+08:00">
<title>Site | Headline</title><meta property="og:title" content="Headline">
</head><body><nav>Home Policy</nav>
<div class="cookie-banner">We use cookies</div>
<article><h1>Headline</h1><p class="byline">By staff <time datetime="2026-07-09">Jul 9</time></p>
<p>On June 24, a company sued the department over its decision to put the company on a list of military firms.</p>
<div class="ad-slot">Subscribe now</div>
<p>The case continues in a federal court in Washington, where a judge will hear both sides next month.</p></article>
<aside class="most-read"><li>Other story <time>2026-01-01</time></li></aside>
<footer>© 2026</footer></body></html>"#;
        let page = read_html(html);
        assert_eq!(page.url.as_deref(), Some("https://news.example/a/1"));
        assert_eq!(page.title, "Headline");
        assert_eq!(page.lang, "en");
        assert_eq!(
            page.published.map(|t| t.to_rfc3339()).as_deref(),
            Some("2026-07-09T10:00:00+08:00")
        );
        assert_eq!(
            page.text,
            "On June 24, a company sued the department over its decision to put the company on a list of military firms.\n\nThe case continues in a federal court in Washington, where a judge will hear both sides next month."
        );
    }

    #[test]
    fn json_ld_graph_dates_and_chinese_guess() {
        let html = r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2019-05-17T08:30:00+08:00"}]}</script></head>
<body><div><p>美国商务部将华为列入实体清单。</p></div></body></html>"#;
        let page = read_html(html);
        assert_eq!(
            page.published.map(|t| t.to_rfc3339()).as_deref(),
            Some("2019-05-17T08:30:00+08:00")
        );
        assert_eq!(page.lang, "zh");
        assert_eq!(page.text, "美国商务部将华为列入实体清单。");
    }

    #[test]
    fn an_unclosed_title_is_capped_and_without_markup() {
        let html = format!(
            "<html><head><title>Chip rules <b>tighten</b></head><body>{}</body></html>",
            "<div class=\"x\"><p>Paragraph of the page.</p></div>".repeat(50_000)
        );
        let page = read_html(&html);
        assert!(
            page.title.starts_with("Chip rules tighten"),
            "{}",
            page.title
        );
        assert!(page.title.chars().count() <= crate::text::MAX_TITLE_CHARS);
        assert!(
            !page.title.contains('<') && !page.title.contains('>'),
            "{}",
            page.title
        );
        let raw = read_html("<html><body><article><p>Story text that is long enough to read here.</p><xmp><p>shown as text</p></xmp><noembed><b>x</b></noembed></article></body></html>");
        assert!(!raw.text.contains('<'), "{}", raw.text);
    }

    #[test]
    fn blank_input_is_empty_error() {
        assert!(matches!(read_page(b"  \n", None), Err(SourceError::Empty)));
    }
}
