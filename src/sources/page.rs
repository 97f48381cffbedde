//! Article pages: the story text and its metadata from one HTML page.
//! Navigation, cookie banners, ads, "most read" boxes, bylines and footers
//! are left out, since their dates and headlines would become false events.

use crate::sources::{encoding, SourceError};
use crate::text;
use chrono::{DateTime, FixedOffset};
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use serde::Serialize;
use std::sync::LazyLock;

/// The most of a page that is read; the rest is cut off.
pub const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// What dateline reads from an article page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Page {
    /// Canonical URL, when the page gives one.
    pub url: Option<String>,
    pub title: String,
    pub published: Option<DateTime<FixedOffset>>,
    pub lang: String,
    /// The story text, paragraphs separated by a blank line.
    pub text: String,
}

/// Reads a page from its bytes; `content_type` is the HTTP header, if any.
pub fn read_page(bytes: &[u8], content_type: Option<&str>) -> Result<Page, SourceError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError::Empty);
    }
    let bytes = &bytes[..bytes.len().min(MAX_PAGE_BYTES)];
    let html = encoding::decode(bytes, content_type);
    Ok(read_html(&html))
}

/// Reads a page from its decoded text.
pub fn read_html(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut page = Page {
        url: canonical(&doc),
        title: title(&doc),
        published: published(&doc),
        lang: String::new(),
        text: story_text(&doc),
    };
    page.lang = language(&doc, &page.text);
    page
}

macro_rules! sel {
    ($name:ident, $css:expr) => {
        static $name: LazyLock<Selector> =
            LazyLock::new(|| Selector::parse($css).expect("constant selector"));
    };
}

sel!(CANONICAL, "link[rel=canonical]");
sel!(OG_URL, "meta[property='og:url']");
sel!(OG_TITLE, "meta[property='og:title']");
sel!(TITLE, "title");
sel!(H1, "h1");
sel!(PUB_META, "meta[property='article:published_time'], meta[name='article:published_time'], meta[itemprop=datePublished], meta[name=pubdate], meta[name=date], meta[name='DC.date.issued']");
sel!(LD_JSON, "script[type='application/ld+json']");
sel!(TIME, "time[datetime]");
sel!(HTML_TAG, "html");
sel!(BODY, "body");

fn attr(doc: &Html, sel: &Selector, name: &str) -> Option<String> {
    doc.select(sel)
        .filter_map(|e| e.value().attr(name))
        .map(text::clean_line)
        .find(|s| !s.is_empty())
}

fn canonical(doc: &Html) -> Option<String> {
    attr(doc, &CANONICAL, "href")
        .or_else(|| attr(doc, &OG_URL, "content"))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

fn title(doc: &Html) -> String {
    if let Some(t) = attr(doc, &OG_TITLE, "content") {
        return t;
    }
    if let Some(h) = doc.select(&H1).next() {
        let t = text::clean_line(&h.text().collect::<String>());
        if !t.is_empty() {
            return t;
        }
    }
    doc.select(&TITLE)
        .next()
        .map(|t| text::clean_line(&t.text().collect::<String>()))
        .unwrap_or_default()
}

/// Parses the many ways pages write a timestamp.
pub fn parse_time(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t);
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%dT%H:%M%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t);
        }
    }
    None
}

fn published(doc: &Html) -> Option<DateTime<FixedOffset>> {
    if let Some(t) = doc
        .select(&PUB_META)
        .filter_map(|e| e.value().attr("content"))
        .find_map(parse_time)
    {
        return Some(t);
    }
    for script in doc.select(&LD_JSON) {
        let raw: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw) {
            if let Some(t) = ld_date(&v) {
                return Some(t);
            }
        }
    }
    doc.select(&TIME)
        .filter_map(|e| e.value().attr("datetime"))
        .find_map(parse_time)
}

fn ld_date(v: &serde_json::Value) -> Option<DateTime<FixedOffset>> {
    match v {
        serde_json::Value::Array(items) => items.iter().find_map(ld_date),
        serde_json::Value::Object(map) => {
            if let Some(t) = map
                .get("datePublished")
                .and_then(|d| d.as_str())
                .and_then(parse_time)
            {
                return Some(t);
            }
            map.get("@graph").and_then(ld_date)
        }
        _ => None,
    }
}

fn language(doc: &Html, text: &str) -> String {
    if let Some(lang) = doc
        .select(&HTML_TAG)
        .next()
        .and_then(|h| h.value().attr("lang"))
    {
        let primary = lang
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !primary.is_empty() && primary.len() <= 3 {
            return primary;
        }
    }
    guess_language(text).to_string()
}

/// `zh` when a good share of the letters are Han characters, else `en`.
pub fn guess_language(text: &str) -> &'static str {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in text.chars().take(4000) {
        if is_han(c) {
            han += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters > 0 && han * 5 >= letters {
        "zh"
    } else {
        "en"
    }
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[\s_-])(nav|menu|footer|header|sidebar|aside|cookie|consent|banner|ad|ads|advert|advertisement|ad-slot|promo|most-read|mostread|popular|trending|related|recommend|newsletter|subscribe|signup|share|social|byline|author|comments?|breadcrumbs?|tags|caption|credit|outbrain|taboola)($|[\s_-])")
        .expect("constant regex")
});

const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "iframe",
    "svg",
    "figure",
    "figcaption",
    "template",
    "select",
    "textarea",
    "time",
];

fn is_boilerplate(e: &ElementRef<'_>) -> bool {
    let v = e.value();
    if SKIP_TAGS.contains(&v.name()) {
        return true;
    }
    let class = v.attr("class").unwrap_or("");
    let id = v.attr("id").unwrap_or("");
    BOILERPLATE.is_match(class) || BOILERPLATE.is_match(id)
}

const BLOCK_TAGS: &[&str] = &["p", "h2", "h3", "h4", "li", "blockquote", "pre"];

/// Collects paragraph texts under `root`, skipping boilerplate subtrees.
fn paragraphs(root: ElementRef<'_>, out: &mut Vec<String>) {
    for child in root.children() {
        let Some(el) = ElementRef::wrap(child) else {
            continue;
        };
        if is_boilerplate(&el) {
            continue;
        }
        if BLOCK_TAGS.contains(&el.value().name()) {
            let t = text::clean_line(&inline_text(el));
            if !t.is_empty() {
                out.push(t);
            }
        } else {
            paragraphs(el, out);
        }
    }
}

fn inline_text(el: ElementRef<'_>) -> String {
    let mut s = String::new();
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            let skip = node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != el.id())
                .any(|a| matches!(a.value().name(), "script" | "style" | "noscript"));
            if !skip {
                s.push_str(t);
            }
        }
    }
    s
}

/// Text of an HTML fragment such as a feed item's content: every block's
/// text, paragraphs separated by a blank line.
pub fn fragment_text(fragment: &str) -> String {
    let doc = Html::parse_fragment(fragment);
    let mut paras = Vec::new();
    paragraphs(doc.root_element(), &mut paras);
    if paras.is_empty() {
        return text::clean_paragraphs(&doc.root_element().text().collect::<String>());
    }
    paras.join("\n\n")
}

/// Scores each candidate container by the text of its paragraphs and keeps
/// the best one's paragraphs.
fn story_text(doc: &Html) -> String {
    let Some(body) = doc.select(&BODY).next() else {
        return String::new();
    };
    let mut best: Option<(usize, Vec<String>)> = None;
    for node in body.descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        if !matches!(
            el.value().name(),
            "article" | "main" | "div" | "section" | "body"
        ) {
            continue;
        }
        if el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| is_boilerplate(&a))
            || is_boilerplate(&el)
        {
            continue;
        }
        // only direct paragraph children count toward a container's score
        let direct: usize = el
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "p" && !is_boilerplate(c))
            .map(|c| c.text().map(str::len).sum::<usize>())
            .sum();
        if direct == 0 {
            continue;
        }
        if best.as_ref().is_none_or(|(s, _)| direct > *s) {
            let mut paras = Vec::new();
            paragraphs(el, &mut paras);
            best = Some((direct, paras));
        }
    }
    best.map(|(_, p)| p.join("\n\n")).unwrap_or_default()
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
<p>On June 24, a company sued the department.</p>
<div class="ad-slot">Subscribe now</div>
<p>The case continues.</p></article>
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
            "On June 24, a company sued the department.\n\nThe case continues."
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
}
