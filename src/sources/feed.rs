//! Feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into articles, by
//! feed-rs. feed-rs turns timestamps into UTC; the extractor needs the
//! publisher's own offset ("yesterday" in Beijing is not yesterday in New
//! York), so the raw timestamps are read again to recover it.

use crate::model::Article;
use crate::sources::{feed_links, page, SourceError};
use crate::text;
use chrono::{DateTime, FixedOffset, Utc};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The most of a feed document that is parsed.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;

/// A feed as read: its title and its items.
#[derive(Debug, Clone, Default)]
pub struct ParsedFeed {
    pub title: String,
    pub items: Vec<FeedItem>,
    /// Items left out because they had no link, no title and no text.
    pub skipped: usize,
}

/// Links and guids longer than this are not links.
const MAX_URL_BYTES: usize = 4096;

/// The url of an item without a link: the feed's url (or a `urn:` when
/// unknown) with a fragment hashed from the item's title, text and
/// publication time. Stable across imports; never an http link of its own, so
/// exports (which keep only http and https links to real pages) leave it
/// out unless the feed itself is on the web.
fn synthetic_url(
    feed_url: Option<&str>,
    published: Option<DateTime<FixedOffset>>,
    title: &str,
    body: &str,
) -> String {
    // not the guid: feed-rs makes one up (randomly) for items without
    let mut h = blake3::Hasher::new();
    h.update(title.as_bytes());
    h.update(b"\0");
    h.update(body.as_bytes());
    h.update(b"\0");
    if let Some(p) = published {
        h.update(p.to_rfc3339().as_bytes());
    }
    let id = &h.finalize().to_hex()[..16];
    match feed_url {
        Some(f) => format!("{}#item-{id}", f.split('#').next().unwrap_or(f)),
        None => format!("urn:dateline:item:{id}"),
    }
}

/// One item: the article, and whether the feed carried only a teaser of it.
#[derive(Debug, Clone)]
pub struct FeedItem {
    pub article: Article,
    pub teaser: bool,
    /// Whether the item gave a link of its own (else its url is made up
    /// and there is no page to fetch).
    pub linked: bool,
}

/// Below this many characters of text, an item is taken to be a teaser.
const TEASER_CHARS: usize = 600;

/// Parses a feed document. `feed_url` is where it came from, if known.
pub fn parse_feed(bytes: &[u8], feed_url: Option<&str>) -> Result<ParsedFeed, SourceError> {
    parse_feed_typed(bytes, None, feed_url)
}

/// [`parse_feed`] with the HTTP `Content-Type`, whose charset is trusted
/// after a BOM and before the document's own declaration.
pub fn parse_feed_typed(
    bytes: &[u8],
    content_type: Option<&str>,
    feed_url: Option<&str>,
) -> Result<ParsedFeed, SourceError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError::Empty);
    }
    if bytes.len() > MAX_FEED_BYTES {
        return Err(SourceError::TooLarge(format!(
            "feed larger than {} MiB",
            MAX_FEED_BYTES / (1024 * 1024)
        )));
    }
    let decoded = as_utf8(bytes, content_type);
    let offsets = raw_offsets(&decoded);
    let spellings = feed_links::raw_spellings(&decoded);
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .build();
    let feed = parser
        .parse(decoded.as_bytes())
        .map_err(|e| SourceError::Feed(text::clean_line(&e.to_string())))?;
    let feed_title = feed
        .title
        .as_ref()
        .map(|t| text::title(&t.content))
        .unwrap_or_default();
    let mut items = Vec::new();
    let mut skipped = 0;
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| text::clean_line(&feed_links::own_spelling(l.href.clone(), &spellings)));
        let guid = Some(text::clean_line(&entry.id)).filter(|s| !s.is_empty());
        let title = entry
            .title
            .as_ref()
            .map(|t| text::title(&html_to_text(&t.content)))
            .unwrap_or_default();
        let content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty());
        let summary = entry.summary.as_ref().map(|s| s.content.clone());
        let body_html = content.or(summary).unwrap_or_default();
        let body = text::cap_bytes(html_to_text(&body_html), text::MAX_TEXT_BYTES);
        let published = entry
            .published
            .or(entry.updated)
            .map(|utc| with_offset(utc, &offsets));
        let link = link.filter(|l| !l.is_empty() && l.len() <= MAX_URL_BYTES);
        let mut linked = true;
        let url = match (link, &guid) {
            (Some(l), _) => l,
            (None, Some(g)) if g.starts_with("http") && g.len() <= MAX_URL_BYTES => g.clone(),
            // no link: kept under an id made from what it says, so the
            // same item imported again is the same article
            _ if !(title.is_empty() && body.is_empty()) => {
                linked = false;
                synthetic_url(feed_url, published, &title, &body)
            }
            _ => {
                skipped += 1;
                continue;
            }
        };
        let guid = guid.map(|g| text::cap_chars(&g, MAX_URL_BYTES));
        let lang = if body.is_empty() && title.is_empty() {
            feed.language.clone().unwrap_or_default()
        } else {
            page::guess_language(&format!("{title} {body}")).to_string()
        };
        // a Chinese character carries about as much as an English word's
        // two or three letters, so Chinese stories are shorter in characters
        let limit = if lang == "zh" {
            TEASER_CHARS / 3
        } else {
            TEASER_CHARS
        };
        let teaser = body.chars().count() < limit;
        items.push(FeedItem {
            article: Article {
                url,
                canonical_url: None,
                guid,
                outlet: feed_title.clone(),
                title,
                published,
                lang,
                text: body,
                feed_url: feed_url.map(str::to_string),
            },
            teaser,
            linked,
        });
    }
    Ok(ParsedFeed {
        title: feed_title,
        items,
        skipped,
    })
}

/// The document as UTF-8 text. It is decoded once, by the encoding the
/// sniffer chose (a BOM and the HTTP charset outrank the document's own
/// declaration), and its XML declaration is rewritten to say UTF-8, so the
/// XML parser neither decodes it a second time nor obeys a declaration
/// that lost to a BOM or a header.
fn as_utf8(bytes: &[u8], content_type: Option<&str>) -> String {
    const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    let enc = crate::sources::encoding::sniff(bytes, content_type);
    let (text, _, _) = enc.decode(bytes);
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') {
        return body.to_string();
    }
    let rest = match body.strip_prefix("<?xml").filter(|r| starts_decl(r)) {
        Some(decl) => decl.split_once("?>").map(|(_, r)| r).unwrap_or(""),
        None => body,
    };
    // A second declaration further on is not XML, and quick-xml panics
    // when one names an encoding after decoding has begun: rename it to
    // an ordinary processing instruction, which parsers skip.
    let mut out = String::with_capacity(rest.len() + DECL.len());
    out.push_str(DECL);
    let mut tail = rest;
    while let Some(at) = tail.find("<?xml") {
        let after = &tail[at + 5..];
        out.push_str(&tail[..at]);
        out.push_str(if starts_decl(after) {
            "<?xml-declaration"
        } else {
            "<?xml"
        });
        tail = after;
    }
    out.push_str(tail);
    out
}

/// Whether the text after `<?xml` makes it a declaration (and not, say,
/// `<?xml-stylesheet`).
fn starts_decl(after: &str) -> bool {
    after.is_empty() || after.starts_with(|c: char| c.is_whitespace() || c == '?')
}

/// Text of an HTML fragment (an item's content), paragraphs kept.
pub fn html_to_text(fragment: &str) -> String {
    if !fragment.contains('<') && !fragment.contains('&') {
        return text::clean_paragraphs(fragment);
    }
    page::fragment_text(fragment)
}

static RAW_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<(?:pubDate|published|updated|dc:date|dcterms:created|dcterms:modified)>\s*([^<]{8,60}?)\s*</|"date_(?:published|modified)"\s*:\s*"([^"]{8,60})""#)
        .expect("constant regex")
});

/// Every raw timestamp in the document, by the UTC instant it denotes.
fn raw_offsets(doc: &str) -> HashMap<i64, FixedOffset> {
    let mut map = HashMap::new();
    for cap in RAW_TIME.captures_iter(doc) {
        let Some(raw) = cap.get(1).or(cap.get(2)) else {
            continue;
        };
        if let Some(t) = page::parse_time(raw.as_str()) {
            map.entry(t.timestamp()).or_insert(*t.offset());
        }
    }
    map
}

fn with_offset(utc: DateTime<Utc>, offsets: &HashMap<i64, FixedOffset>) -> DateTime<FixedOffset> {
    let offset = offsets.get(&utc.timestamp()).copied().unwrap_or_else(|| {
        FixedOffset::east_opt(0).unwrap_or_else(|| utc.fixed_offset().offset().to_owned())
    });
    utc.with_timezone(&offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_keep_their_publisher_offset() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Huawei listed</title><link>https://wire.example/a</link><guid isPermaLink="false">a-1</guid>
<pubDate>Fri, 17 May 2019 08:30:00 +0800</pubDate><description>Teaser.</description>
<content:encoded><![CDATA[<p>First paragraph.</p><p>Second &amp; last.</p>]]></content:encoded></item>
</channel></rss>"#;
        let feed = parse_feed(rss.as_bytes(), Some("https://wire.example/feed")).expect("parses");
        assert_eq!(feed.title, "Wire");
        let a = &feed.items[0].article;
        assert_eq!(a.url, "https://wire.example/a");
        assert_eq!(a.guid.as_deref(), Some("a-1"));
        assert_eq!(
            a.published.map(|t| t.to_rfc3339()).as_deref(),
            Some("2019-05-17T08:30:00+08:00")
        );
        assert_eq!(a.text, "First paragraph.\n\nSecond & last.");
        assert!(feed.items[0].teaser);
    }

    #[test]
    fn feeds_in_legacy_encodings_are_decoded_once() {
        let doc = "<?xml version=\"1.0\" encoding=\"big5\"?><rss version=\"2.0\"><channel><title>臺灣科技</title><item><title>出口管制</title><link>https://tw.example/1</link><description>美國商務部宣布新的出口管制。</description></item></channel></rss>";
        let (big5, _, _) = encoding_rs::BIG5.encode(doc);
        let feed = parse_feed(&big5, None).expect("parses");
        assert_eq!(feed.title, "臺灣科技");
        assert_eq!(feed.items[0].article.text, "美國商務部宣布新的出口管制。");
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Revolu\xe7\xe3o</title></channel></rss>";
        assert_eq!(parse_feed(latin, None).expect("parses").title, "Revolução");
    }

    #[test]
    fn items_without_a_link_are_kept_or_counted() {
        let rss = r#"<rss version="2.0"><channel><title>W</title>
<item><title>No link here</title><description>Huawei was added to the Entity List.</description></item>
<item><guid isPermaLink="false">id-7</guid><title>Guid only</title></item>
<item><description></description></item>
</channel></rss>"#;
        let feed = parse_feed(rss.as_bytes(), Some("https://w.example/feed")).expect("parses");
        assert_eq!(feed.items.len(), 2);
        assert_eq!(feed.skipped, 1);
        let first = &feed.items[0].article.url;
        assert!(first.starts_with("https://w.example/feed#item-"), "{first}");
        assert!(!feed.items[0].linked);
        let again = parse_feed(rss.as_bytes(), Some("https://w.example/feed")).expect("parses");
        assert_eq!(&again.items[0].article.url, first);
        assert_ne!(feed.items[1].article.url, *first);
        let anon = parse_feed(rss.as_bytes(), None).expect("parses");
        assert!(anon.items[0].article.url.starts_with("urn:dateline:item:"));
    }

    #[test]
    fn broken_and_empty_feeds_are_errors() {
        assert!(matches!(parse_feed(b"  ", None), Err(SourceError::Empty)));
        assert!(parse_feed(b"<rss><channel><item><title>cut", None).is_err());
    }
}

#[cfg(test)]
mod hostile {
    use super::*;

    #[test]
    fn the_feeds_that_panicked_are_errors_or_feeds() {
        let mut euc = b"?<?xml n=\"\"encoding=\"euc-kr\"?><rss".to_vec();
        euc.push(0xA3);
        let _ = parse_feed(&euc, None);
        let mut decl = b"<?xmlencoding=".to_vec();
        decl.extend_from_slice(&[0xF8, b'?', b'>']);
        let _ = parse_feed(&decl, None);
        // the root cause of the first: a declaration after the start
        let late = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\n<?xml version=\"1.0\" encoding=\"euc-kr\"?><item><title>A</title><link>https://x.example/a</link></item></channel></rss>";
        let feed = parse_feed(late.as_bytes(), None).expect("reads past the stray declaration");
        assert_eq!(feed.items.len(), 1);
        let stylesheet = "<?xml-stylesheet href=\"s.xsl\"?><rss version=\"2.0\"><channel><title>S</title></channel></rss>";
        assert_eq!(
            parse_feed(stylesheet.as_bytes(), None)
                .expect("parses")
                .title,
            "S"
        );
    }

    #[test]
    fn a_bom_or_http_charset_beats_a_wrong_declaration() {
        let doc = "<?xml version=\"1.0\" encoding=\"gbk\"?><rss version=\"2.0\"><channel><title>华为被列入实体清单</title></channel></rss>";
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(doc.as_bytes());
        assert_eq!(
            parse_feed(&bom, None).expect("parses").title,
            "华为被列入实体清单"
        );
        let typed = parse_feed_typed(
            doc.as_bytes(),
            Some("application/rss+xml; charset=utf-8"),
            None,
        )
        .expect("parses");
        assert_eq!(typed.title, "华为被列入实体清单");
    }
}
