//! OPML feed lists, the format feed readers exchange subscriptions in.

use crate::config::FeedConfig;
use crate::sources::{encoding, SourceError};
use crate::text;

/// Every `<outline xmlUrl=…>` of an OPML document; the titles of enclosing
/// outlines and any `category` attribute become tags. roxmltree expands no
/// external entities and refuses entity bombs.
pub fn parse_opml(bytes: &[u8]) -> Result<Vec<FeedConfig>, SourceError> {
    let xml = encoding::decode(bytes, None);
    let xml = xml.trim_start_matches('\u{feff}');
    let doc = roxmltree::Document::parse(xml).map_err(|e| SourceError::Opml(e.to_string()))?;
    let root = doc.root_element();
    if !root.has_tag_name("opml") {
        return Err(SourceError::Opml(format!(
            "root element is <{}>, not <opml>",
            root.tag_name().name()
        )));
    }
    let mut feeds = Vec::new();
    for body in root.children().filter(|n| n.has_tag_name("body")) {
        walk(body, &mut Vec::new(), &mut feeds);
    }
    Ok(feeds)
}

fn walk(node: roxmltree::Node<'_, '_>, folders: &mut Vec<String>, out: &mut Vec<FeedConfig>) {
    for o in node.children().filter(|n| n.has_tag_name("outline")) {
        let attr = |name: &str| {
            o.attribute(name)
                .map(text::clean_line)
                .filter(|v| !v.is_empty())
        };
        let title = attr("title").or_else(|| attr("text"));
        match attr("xmlUrl").or_else(|| attr("xmlurl")) {
            Some(url) => {
                let mut tags = folders.clone();
                for c in attr("category").iter().flat_map(|c| c.split([',', '/'])) {
                    let c = c.trim();
                    if !c.is_empty() && !tags.iter().any(|t| t == c) {
                        tags.push(c.to_string());
                    }
                }
                out.push(FeedConfig {
                    url,
                    title,
                    tags,
                    fulltext: None,
                });
            }
            None => {
                folders.extend(title);
                walk(o, folders, out);
                if attr("title").or_else(|| attr("text")).is_some() {
                    folders.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_with_folders_become_tagged_feeds() {
        let opml = r#"<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="Policy"><outline text="BIS" type="rss" xmlUrl="https://bis.example/feed" category="export"/></outline>
<outline text="Tech &amp; Co" xmlUrl="https://tech.example/rss"/></body></opml>"#;
        let feeds = parse_opml(opml.as_bytes()).expect("parses");
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].url, "https://bis.example/feed");
        assert_eq!(
            feeds[0].tags,
            vec!["Policy".to_string(), "export".to_string()]
        );
        assert_eq!(feeds[1].title.as_deref(), Some("Tech & Co"));
        assert!(feeds[1].tags.is_empty());
        assert!(parse_opml(b"<rss/>").is_err());
        assert!(parse_opml(b"<opml><body><outline").is_err());
    }
}
