//! Turning downloaded bytes into articles: a feed body read with the
//! charset its HTTP header names, and teaser items completed from their
//! article pages, read exactly as `import` reads pages.

use crate::model::Article;
use crate::sources::feed::{self, ParsedFeed};
use crate::sources::import::{self, Shape};
use crate::sources::{page, SourceError};

/// Parses a downloaded feed. A charset in the HTTP header outranks the
/// document's own declaration (as XML over HTTP has it). A body in another
/// encoding than UTF-8 is re-encoded as UTF-8 with a matching declaration
/// before parsing, since the XML parser would otherwise decode it twice.
/// Errors are one clean line.
pub fn parse_feed_body(
    bytes: &[u8],
    content_type: Option<&str>,
    feed_url: &str,
) -> Result<ParsedFeed, String> {
    // the same sniffing as `import`, so both accept the same feeds
    let refuse = |what: &str| Err(format!("not a feed: {what}"));
    match import::shape(bytes) {
        Shape::Page => return refuse("an HTML page"),
        Shape::Opml => return refuse("an OPML list"),
        Shape::Unknown if import::looks_binary(bytes) => return refuse("binary data"),
        Shape::Unknown => return refuse("unknown text"),
        Shape::Feed | Shape::JsonFeed => {}
    }
    crate::guard::catch(|| feed::parse_feed_typed(bytes, content_type, Some(feed_url)))?
        .map_err(|e| crate::text::clean_line(&e.to_string()))
}

/// The item's article with the story text of its page: the item keeps its
/// url, guid, publication time, outlet and title, and gains the page's
/// canonical url and text. When the page has no more text than the item,
/// only its canonical url is taken; `None` when it adds nothing at all.
pub fn complete(
    item: &Article,
    page_bytes: &[u8],
    content_type: Option<&str>,
) -> Result<Option<Article>, SourceError> {
    let p = crate::guard::catch(|| page::read_page(page_bytes, content_type))
        .map_err(SourceError::Internal)??;
    let from_page = import::page_article(p, &item.url)?;
    if from_page.text.chars().count() <= item.text.chars().count() {
        // the feed had the whole story; the page may still name its
        // canonical url
        return Ok(match (&item.canonical_url, from_page.canonical_url) {
            (None, Some(canonical)) => Some(Article {
                canonical_url: Some(canonical),
                ..item.clone()
            }),
            _ => None,
        });
    }
    Ok(Some(Article {
        canonical_url: from_page.canonical_url.or(item.canonical_url.clone()),
        title: if item.title.is_empty() {
            from_page.title
        } else {
            item.title.clone()
        },
        published: item.published.or(from_page.published),
        lang: if from_page.lang.is_empty() {
            item.lang.clone()
        } else {
            from_page.lang
        },
        text: from_page.text,
        ..item.clone()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_charset_outranks_the_declaration() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>新闻</title>\
<item><title>商务部回应出口管制</title><link>https://cn.example/1</link><description>正文</description></item></channel></rss>";
        let (gbk, _, _) = encoding_rs::GBK.encode(xml);
        let feed = parse_feed_body(
            &gbk,
            Some("application/rss+xml; charset=GBK"),
            "https://cn.example/rss",
        )
        .expect("parses");
        assert_eq!(feed.title, "新闻");
        assert_eq!(feed.items[0].article.title, "商务部回应出口管制");
    }

    #[test]
    fn a_latin1_declaration_is_not_decoded_twice() {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Notícias</title>\
<item><title>Expansão de parâmetros</title><link>https://br.example/1</link><description>Sessão</description></item></channel></rss>";
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(xml);
        let feed = parse_feed_body(
            &latin1,
            Some("application/rss+xml"),
            "https://br.example/rss",
        )
        .expect("parses");
        assert_eq!(feed.title, "Notícias");
        assert_eq!(feed.items[0].article.title, "Expansão de parâmetros");
    }

    #[test]
    fn a_byte_order_mark_outranks_everything() {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Überblick 概要</title>\
<item><title>Zölle</title><link>https://de.example/1</link><description>Text</description></item></channel></rss>";
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in xml.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let feed = parse_feed_body(
            &utf16,
            Some("text/xml; charset=latin1"),
            "https://de.example/rss",
        )
        .expect("parses");
        assert_eq!(feed.title, "Überblick 概要");
        assert_eq!(feed.items[0].article.title, "Zölle");
    }

    #[test]
    fn pages_are_not_feeds() {
        let err = parse_feed_body(b"<!DOCTYPE html><html><body>hi</body></html>", None, "x")
            .expect_err("html is refused");
        assert_eq!(err, "not a feed: an HTML page");
        let noise =
            parse_feed_body(&[0x1f, 0x8b, 0, 3, 0xff, 0x10], None, "x").expect_err("binary");
        assert_eq!(noise, "not a feed: binary data");
    }

    #[test]
    fn a_teaser_gains_the_page_text_and_canonical_url() {
        let item = Article {
            url: "https://news.example/a?utm=1".into(),
            guid: Some("a-1".into()),
            outlet: "News".into(),
            title: "Court hears chip case".into(),
            text: "A short teaser.".into(),
            ..Default::default()
        };
        let story = "The court heard arguments on Tuesday about the export rules. ".repeat(12);
        let html = format!(
            "<html><head><link rel=\"canonical\" href=\"https://news.example/a\"></head>\
<body><nav>Home | World</nav><article><p>{story}</p><p>{story}</p></article></body></html>"
        );
        let a = complete(&item, html.as_bytes(), Some("text/html"))
            .expect("reads")
            .expect("fuller");
        assert_eq!(a.canonical_url.as_deref(), Some("https://news.example/a"));
        assert_eq!(a.url, item.url);
        assert_eq!(a.guid, item.guid);
        assert_eq!(a.title, item.title);
        assert!(a.text.contains("export rules"), "{}", a.text);
        assert!(!a.text.contains("Home | World"));
        let empty = complete(&item, b"<html><body></body></html>", None);
        assert!(empty.is_err());
        let long = Article {
            text: format!("{story}\n\n{story}\n\n{story}"),
            ..item.clone()
        };
        let same = complete(&long, html.as_bytes(), None)
            .expect("reads")
            .expect("a canonical url to add");
        assert_eq!(same.text, long.text, "the feed's whole story stands");
        assert_eq!(
            same.canonical_url.as_deref(),
            Some("https://news.example/a")
        );
        let bare = html.replace(
            "<link rel=\"canonical\" href=\"https://news.example/a\">",
            "",
        );
        let nothing = complete(&long, bare.as_bytes(), None).expect("reads");
        assert_eq!(nothing, None, "a page that adds nothing changes nothing");
    }
}
