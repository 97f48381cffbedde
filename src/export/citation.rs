//! The one citation style of every export (docs/citations.md):
//!
//! `Outlet, “Headline”, 16 May 2019, https://… (accessed 5 Dec 2026).`
//!
//! The date is the article's publication day in the publisher's own time
//! zone ("n.d." when the feed gave none); "accessed" is the day dateline
//! first stored the article, left out for sources added by hand. The quoted
//! evidence follows the citation, so the reader sees what the claim rests on.

use super::ProvenanceMap;
use crate::model::Source;

/// The parts of one citation, cleaned of control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub outlet: String,
    pub headline: String,
    /// "16 May 2019", or "n.d."
    pub date: String,
    pub url: String,
    /// "5 Dec 2026"
    pub accessed: Option<String>,
}

impl Citation {
    pub fn of(s: &Source, prov: &ProvenanceMap) -> Citation {
        let clean = crate::text::clean_line;
        let mut outlet = clean(&s.outlet);
        if outlet.is_empty() {
            outlet = url::Url::parse(&s.url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_else(|| "Unknown outlet".into());
        }
        let accessed = prov
            .get(&s.mention_id)
            .and_then(|p| p.accessed.as_deref())
            .and_then(|a| chrono::DateTime::parse_from_rfc3339(a).ok())
            .map(|t| t.to_utc().format("%-d %b %Y").to_string());
        Citation {
            outlet,
            headline: clean(&s.title),
            date: s
                .published
                .map(|t| t.format("%-d %b %Y").to_string())
                .unwrap_or_else(|| "n.d.".into()),
            url: clean(&s.url),
            accessed,
        }
    }

    /// The citation as plain text.
    pub fn plain(&self) -> String {
        self.render(|s| s.to_string(), |u| u.to_string())
    }

    /// Builds the citation with `text` escaping words and `link` writing the
    /// url, so every format keeps the same order and punctuation.
    pub fn render(&self, text: impl Fn(&str) -> String, link: impl Fn(&str) -> String) -> String {
        let mut out = text(&self.outlet);
        if !self.headline.is_empty() {
            out.push_str(", “");
            out.push_str(&text(&self.headline));
            out.push('”');
        }
        out.push_str(", ");
        out.push_str(&text(&self.date));
        out.push_str(", ");
        out.push_str(&link(&self.url));
        if let Some(a) = &self.accessed {
            out.push_str(" (accessed ");
            out.push_str(&text(a));
            out.push(')');
        }
        out.push('.');
        out
    }
}
