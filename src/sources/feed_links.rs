//! The links of a feed as the feed spelled them. feed-rs parses every
//! link into a `url::Url` and gives back that url's serialisation: a
//! Chinese path comes back percent-encoded, an explicit `:80` is dropped,
//! a host lower-cased. An analyst expects the link the source gave, so
//! the raw links are read again from the document and each parsed link is
//! mapped back to the spelling it came from. Only spellings that parse to
//! the same url are used, so what is stored is always a valid url; the
//! canonical key that deduplicates articles is made separately
//! (`store::articles::url_key`).

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// `<link>…</link>` text (CDATA or not), an `href` attribute of a
/// `<link>` or `<atom:link>`, a `<guid>`'s text, and a JSON Feed's
/// `url` / `external_url`.
static RAW_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?s)<(?:link|guid)\b[^>]*>\s*(?:<!\[CDATA\[\s*(.*?)\s*\]\]>|([^<]*?))\s*</(?:link|guid)>|<(?:atom:)?link\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')|"(?:url|external_url)"\s*:\s*("(?:[^"\\]|\\.)*")"#,
    )
    .expect("constant regex")
});

/// Each raw link of the document that the url parser would respell, by
/// its parsed spelling.
pub fn raw_spellings(doc: &str) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for cap in RAW_LINK.captures_iter(doc) {
        let raw = if let Some(cdata) = cap.get(1) {
            cdata.as_str().trim().to_string()
        } else if let Some(json) = cap.get(5) {
            match serde_json::from_str::<String>(json.as_str()) {
                Ok(s) => s.trim().to_string(),
                Err(_) => continue,
            }
        } else if let Some(m) = cap.get(2).or(cap.get(3)).or(cap.get(4)) {
            unescape_xml(m.as_str().trim())
        } else {
            continue;
        };
        if raw.is_empty() || raw.chars().any(char::is_whitespace) {
            continue;
        }
        if let Ok(parsed) = url::Url::parse(&raw) {
            let parsed = parsed.to_string();
            if parsed != raw {
                map.entry(parsed).or_insert(raw);
            }
        }
    }
    map
}

/// The feed's own spelling of a link feed-rs gave back as `parsed`, or
/// `parsed` itself when the document has none.
pub fn own_spelling(parsed: String, raw: &HashMap<String, String>) -> String {
    match raw.get(&parsed) {
        Some(r) => r.clone(),
        None => parsed,
    }
}

/// XML's five named entities and numeric character references.
fn unescape_xml(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let decoded = tail.find(';').filter(|&end| end <= 12).and_then(|end| {
            let name = &tail[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unicode_path_and_an_explicit_port_keep_their_spelling() {
        let doc = "<rss><channel><item><link>https://zh.example/即时/1/关税-降至10</link></item>\
                   <item><link><![CDATA[http://old.example:80/a.aspx?x=1&y=2]]></link></item>\
                   <item><link>http://old.example:80/b?x=1&amp;y=2</link></item></channel></rss>";
        let map = raw_spellings(doc);
        let parsed = url::Url::parse("https://zh.example/即时/1/关税-降至10")
            .map(|u| u.to_string())
            .unwrap_or_default();
        assert_ne!(parsed, "https://zh.example/即时/1/关税-降至10");
        assert_eq!(
            own_spelling(parsed, &map),
            "https://zh.example/即时/1/关税-降至10"
        );
        assert_eq!(
            own_spelling("http://old.example/a.aspx?x=1&y=2".into(), &map),
            "http://old.example:80/a.aspx?x=1&y=2"
        );
        assert_eq!(
            own_spelling("http://old.example/b?x=1&y=2".into(), &map),
            "http://old.example:80/b?x=1&y=2"
        );
    }

    #[test]
    fn atom_hrefs_and_json_feed_urls_are_read_and_unknown_links_pass_through() {
        let doc =
            r#"<feed><entry><link rel="alternate" href="https://a.example/新闻"/></entry></feed>"#;
        let map = raw_spellings(doc);
        assert_eq!(
            own_spelling("https://a.example/%E6%96%B0%E9%97%BB".into(), &map),
            "https://a.example/新闻"
        );
        let json = r#"{"items":[{"url":"https://b.example:80/x"}]}"#;
        let map = raw_spellings(json);
        assert_eq!(
            own_spelling("https://b.example:80/x".into(), &map),
            "https://b.example:80/x"
        );
        assert_eq!(
            own_spelling(
                "http://c.example/y".into(),
                &raw_spellings(r#"{"url":"http://c.example:80/y"}"#)
            ),
            "http://c.example:80/y"
        );
        assert_eq!(
            own_spelling("https://d.example/".into(), &map),
            "https://d.example/"
        );
    }

    #[test]
    fn entities_are_decoded_and_broken_ones_kept() {
        assert_eq!(
            unescape_xml("a&amp;b&#x4E2D;&#25991;&bogus"),
            "a&b中文&bogus"
        );
    }
}
