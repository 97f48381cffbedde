//! Page metadata: canonical URL, title, publication time and declared
//! language. Each is taken from the most trustworthy place the page offers:
//! `<link rel=canonical>`, then Open Graph and `article:published_time`,
//! then JSON-LD (`NewsArticle`, `@graph` forms included), then `<time
//! datetime>` outside navigation and "most read" boxes.

use crate::text;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use dom_query::{Document, Matcher, NodeRef};
use serde_json::Value;
use std::sync::LazyLock;

/// What the markup says about the page, before the story is read.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub url: Option<String>,
    pub title: String,
    pub published: Option<DateTime<FixedOffset>>,
    /// The publication's own name (`og:site_name`, JSON-LD `publisher`).
    pub site_name: Option<String>,
    /// Declared language tags, most trusted first (not yet checked).
    pub langs: Vec<Option<String>>,
}

macro_rules! matcher {
    ($name:ident, $css:expr) => {
        static $name: LazyLock<Matcher> =
            LazyLock::new(|| Matcher::new($css).expect("constant selector"));
    };
}

matcher!(CANONICAL, "link[rel~=canonical]");
matcher!(OG_URL, "meta[property='og:url']");
matcher!(
    OG_TITLE,
    "meta[property='og:title'], meta[name='twitter:title']"
);
matcher!(TITLE, "title");
matcher!(
    SITE_NAME,
    "meta[property='og:site_name'], meta[name='application-name']"
);
matcher!(H1, "h1");
matcher!(
    PUB_OG,
    "meta[property='article:published_time'], meta[name='article:published_time'], meta[property='og:article:published_time']"
);
matcher!(
    PUB_OTHER,
    "meta[itemprop=datePublished], meta[name=pubdate], meta[name=publishdate], meta[name='parsely-pub-date'], meta[name='sailthru.date'], meta[name='DC.date.issued'], meta[name='dcterms.created'], meta[name=date]"
);
matcher!(LD_JSON, "script[type='application/ld+json']");
matcher!(TIME_MARKED, "time[itemprop=datePublished], time[pubdate]");
matcher!(TIME, "time[datetime]");
matcher!(HTML_TAG, "html");
matcher!(
    LANG_META,
    "meta[http-equiv='content-language'], meta[name=language], meta[property='og:locale']"
);

/// Reads the metadata of a parsed page.
pub fn read_meta(doc: &Document) -> Meta {
    let ld = json_ld(doc);
    let og_url = first_attr(doc, &OG_URL, "content");
    let url = first_attr(doc, &CANONICAL, "href")
        .and_then(|u| absolute(&u, og_url.as_deref()))
        .or_else(|| og_url.as_deref().and_then(|u| absolute(u, None)))
        .or_else(|| ld_article(&ld).and_then(ld_url));
    let title = first_attr(doc, &OG_TITLE, "content")
        .or_else(|| {
            ld_article(&ld)
                .and_then(|a| a.get("headline"))
                .and_then(Value::as_str)
                .map(text::clean_line)
                .filter(|t| !t.is_empty())
        })
        .or_else(|| first_text(doc, &H1))
        .or_else(|| first_text(doc, &TITLE))
        .map(|t| text::title(&t))
        .unwrap_or_default();
    let published = first_time(doc, &PUB_OG)
        .or_else(|| ld_article(&ld).and_then(|a| ld_time(a, "datePublished")))
        .or_else(|| ld.iter().find_map(ld_any_date))
        .or_else(|| first_time(doc, &PUB_OTHER))
        .or_else(|| time_element(doc));
    let site_name = first_attr(doc, &SITE_NAME, "content")
        .or_else(|| {
            ld_article(&ld)
                .and_then(|a| a.get("publisher"))
                .and_then(|p| p.get("name"))
                .and_then(Value::as_str)
                .map(text::clean_line)
                .filter(|n| !n.is_empty())
        })
        .map(|n| text::title(&n))
        .filter(|n| !n.is_empty());
    let langs = vec![
        first_attr(doc, &HTML_TAG, "lang").or_else(|| first_attr(doc, &HTML_TAG, "xml:lang")),
        ld_article(&ld)
            .and_then(|a| a.get("inLanguage"))
            .and_then(Value::as_str)
            .map(str::to_string),
        first_attr(doc, &LANG_META, "content"),
    ];
    Meta {
        url,
        title,
        published,
        site_name,
        langs,
    }
}

fn first_attr(doc: &Document, m: &Matcher, name: &str) -> Option<String> {
    doc.select_matcher(m)
        .nodes()
        .iter()
        .filter_map(|n| n.attr(name))
        .map(|v| text::clean_line(&v))
        .find(|s| !s.is_empty())
}

fn first_text(doc: &Document, m: &Matcher) -> Option<String> {
    doc.select_matcher(m)
        .nodes()
        .iter()
        .map(|n| text::clean_line(&n.text()))
        .find(|s| !s.is_empty())
}

fn first_time(doc: &Document, m: &Matcher) -> Option<DateTime<FixedOffset>> {
    doc.select_matcher(m)
        .nodes()
        .iter()
        .filter_map(|n| n.attr("content"))
        .find_map(|v| parse_time(&v))
}

/// An absolute http(s) URL, resolving a relative one against `base`.
fn absolute(u: &str, base: Option<&str>) -> Option<String> {
    if u.starts_with("http://") || u.starts_with("https://") {
        return url::Url::parse(u).ok().map(|_| u.to_string());
    }
    let base = url::Url::parse(base?).ok()?;
    let joined = base.join(u).ok()?;
    matches!(joined.scheme(), "http" | "https").then(|| joined.to_string())
}

/// A `<time datetime>`: one marked as the publication time, else the first
/// that is not inside navigation, a sidebar, a footer or a list of other
/// stories (whose dates belong to those stories).
fn time_element(doc: &Document) -> Option<DateTime<FixedOffset>> {
    let datetime = |n: &NodeRef| n.attr("datetime").and_then(|v| parse_time(&v));
    if let Some(t) = doc
        .select_matcher(&TIME_MARKED)
        .nodes()
        .iter()
        .find_map(datetime)
    {
        return Some(t);
    }
    doc.select_matcher(&TIME)
        .nodes()
        .iter()
        .filter(|n| !in_other_stories(n))
        .find_map(datetime)
}

fn in_other_stories(n: &NodeRef) -> bool {
    n.ancestors_it(Some(64)).any(|a| {
        let name = a.node_name().map(|t| t.to_string()).unwrap_or_default();
        if matches!(name.as_str(), "aside" | "nav" | "footer" | "li") {
            return true;
        }
        let marks = format!(
            "{} {}",
            a.attr("class").as_deref().unwrap_or(""),
            a.attr("id").as_deref().unwrap_or("")
        )
        .to_ascii_lowercase();
        [
            "related",
            "most",
            "popular",
            "trending",
            "recommend",
            "sidebar",
        ]
        .iter()
        .any(|w| marks.contains(w))
    })
}

/// Every JSON-LD block that parses, each flattened: arrays and `@graph`
/// members become separate objects.
fn json_ld(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for node in doc.select_matcher(&LD_JSON).nodes().iter() {
        let raw = node.text();
        // some sites wrap the JSON in a CDATA section or an HTML comment
        let raw = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim_start_matches("<!--")
            .trim_end_matches("-->");
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.into_iter().rev()),
                Value::Object(mut map) => {
                    if let Some(graph) = map.remove("@graph") {
                        stack.push(graph);
                    }
                    out.push(Value::Object(map));
                }
                _ => {}
            }
            if out.len() > 256 {
                break;
            }
        }
    }
    out
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNews",
    "AnalysisNewsArticle",
    "BlogPosting",
    "OpinionNewsArticle",
    "TechArticle",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "Report",
];

fn is_article(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .any(|t| ARTICLE_TYPES.contains(&t)),
        _ => false,
    }
}

fn ld_article(ld: &[Value]) -> Option<&Value> {
    ld.iter().find(|v| is_article(v))
}

fn ld_url(v: &Value) -> Option<String> {
    let main = v.get("mainEntityOfPage");
    [
        v.get("url"),
        main.and_then(|m| m.get("@id")),
        main.filter(|m| m.is_string()),
    ]
    .into_iter()
    .flatten()
    .filter_map(Value::as_str)
    .find_map(|u| absolute(u, None))
}

fn ld_time(v: &Value, key: &str) -> Option<DateTime<FixedOffset>> {
    v.get(key).and_then(Value::as_str).and_then(parse_time)
}

/// `datePublished` of any object, for pages whose article type is unusual.
fn ld_any_date(v: &Value) -> Option<DateTime<FixedOffset>> {
    ld_time(v, "datePublished")
}

/// Parses the many ways pages write a timestamp. A time without an offset
/// is taken as UTC, and a bare date as midnight UTC.
pub fn parse_time(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
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
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%dT%H:%M:%S%.f%:z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t);
        }
    }
    let s = s.trim_end_matches('Z');
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(t.and_utc().fixed_offset());
        }
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().fixed_offset());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Meta {
        read_meta(&Document::from(html))
    }

    fn rfc(t: Option<DateTime<FixedOffset>>) -> Option<String> {
        t.map(|t| t.to_rfc3339())
    }

    #[test]
    fn parses_timestamps_keeping_offsets() {
        let cases = [
            (
                "2026-07-09T10:00:00+08:00",
                Some("2026-07-09T10:00:00+08:00"),
            ),
            (
                "2026-07-09T10:00:00.123Z",
                Some("2026-07-09T10:00:00.123+00:00"),
            ),
            (
                "2026-07-09T10:00:00+0800",
                Some("2026-07-09T10:00:00+08:00"),
            ),
            (
                "Thu, 09 Jul 2026 10:00:00 -0400",
                Some("2026-07-09T10:00:00-04:00"),
            ),
            ("2026-07-09 10:00:00", Some("2026-07-09T10:00:00+00:00")),
            ("2026-07-09", Some("2026-07-09T00:00:00+00:00")),
            ("yesterday", None),
            ("", None),
        ];
        for (raw, want) in cases {
            assert_eq!(rfc(parse_time(raw)).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn canonical_link_beats_open_graph_and_resolves_relative() {
        let m = meta(
            r#"<head><link rel="canonical" href="/a/1"><meta property="og:url" content="https://x.example/a/1?utm=1"></head>"#,
        );
        assert_eq!(m.url.as_deref(), Some("https://x.example/a/1"));
        let m = meta(r#"<head><meta property="og:url" content="https://x.example/b"></head>"#);
        assert_eq!(m.url.as_deref(), Some("https://x.example/b"));
        let m = meta(r#"<head><link rel="canonical" href="javascript:void(0)"></head>"#);
        assert_eq!(m.url, None);
    }

    #[test]
    fn title_order() {
        let m = meta("<head><title>Site | T</title><meta property='og:title' content='OG'></head><body><h1>H</h1></body>");
        assert_eq!(m.title, "OG");
        let m = meta("<head><title>Site | T</title></head><body><h1> H\n one </h1></body>");
        assert_eq!(m.title, "H one");
        let m = meta("<head><title>Only</title></head>");
        assert_eq!(m.title, "Only");
    }

    #[test]
    fn published_order_of_trust() {
        let og = r#"<meta property="article:published_time" content="2020-01-02T03:04:05+08:00">"#;
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-01-01T00:00:00-05:00"}</script>"#;
        let time = r#"<time datetime="2018-05-05T05:05:05Z">May 5</time>"#;
        let all = format!("<head>{og}{ld}</head><body>{time}</body>");
        assert_eq!(
            rfc(meta(&all).published).as_deref(),
            Some("2020-01-02T03:04:05+08:00")
        );
        let no_og = format!("<head>{ld}</head><body>{time}</body>");
        assert_eq!(
            rfc(meta(&no_og).published).as_deref(),
            Some("2019-01-01T00:00:00-05:00")
        );
        let only_time = format!("<body>{time}</body>");
        assert_eq!(
            rfc(meta(&only_time).published).as_deref(),
            Some("2018-05-05T05:05:05+00:00")
        );
    }

    #[test]
    fn json_ld_graph_array_and_headline() {
        let html = r#"<script type="application/ld+json">[{"@type":"Organization","name":"X"},{"@graph":[{"@type":"WebPage","datePublished":"2001-01-01"},{"@type":["NewsArticle"],"headline":"Ld headline","datePublished":"2019-05-17T08:30:00+08:00","url":"https://x.example/ld","inLanguage":"zh-CN"}]}]</script>"#;
        let m = meta(html);
        assert_eq!(
            rfc(m.published).as_deref(),
            Some("2019-05-17T08:30:00+08:00")
        );
        assert_eq!(m.title, "Ld headline");
        assert_eq!(m.url.as_deref(), Some("https://x.example/ld"));
        assert_eq!(m.langs[1].as_deref(), Some("zh-CN"));
        assert_eq!(m.site_name, None);
        let named = r#"<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Harbor Tech"}}</script>"#;
        assert_eq!(meta(named).site_name.as_deref(), Some("Harbor Tech"));
        let og = r#"<meta property="og:site_name" content="OG Name">"#;
        assert_eq!(
            meta(&format!("{og}{named}")).site_name.as_deref(),
            Some("OG Name")
        );
    }

    #[test]
    fn broken_json_ld_is_skipped() {
        let html = r#"<script type="application/ld+json">{"@type": "NewsArticle", broken</script><script type="application/ld+json"><!--{"@type":"Article","datePublished":"2022-02-02T02:02:02Z"}--></script>"#;
        assert_eq!(
            rfc(meta(html).published).as_deref(),
            Some("2022-02-02T02:02:02+00:00")
        );
    }

    #[test]
    fn time_in_most_read_box_is_not_the_publication_time() {
        let html = r#"<body><aside class="most-read"><time datetime="2001-01-01T00:00:00Z">x</time></aside>
<ul class="related"><li><time datetime="2002-02-02">y</time></li></ul>
<article><p class="byline"><time datetime="2024-03-04T05:06:07+01:00">z</time></p></article></body>"#;
        assert_eq!(
            rfc(meta(html).published).as_deref(),
            Some("2024-03-04T05:06:07+01:00")
        );
        let marked = r#"<body><time datetime="2001-01-01">a</time><time itemprop="datePublished" datetime="2024-01-01T00:00:00Z">b</time></body>"#;
        assert_eq!(
            rfc(meta(marked).published).as_deref(),
            Some("2024-01-01T00:00:00+00:00")
        );
    }

    #[test]
    fn declared_languages_in_order() {
        let m = meta(
            r#"<html lang="zh-Hans"><head><meta http-equiv="content-language" content="en"></head></html>"#,
        );
        assert_eq!(m.langs[0].as_deref(), Some("zh-Hans"));
        assert_eq!(m.langs[2].as_deref(), Some("en"));
    }
}
