//! Helpers shared by the extractor construction tests: every sentence is
//! read as an article published on Wednesday 2025-06-18 (+08:00).
#![allow(dead_code)]

use dateline::extract::{extract, Rules};
use dateline::model::{Article, Kind, Mention};
use std::sync::OnceLock;

pub fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(Rules::builtin)
}

/// Every mention in `text`, published on Wednesday 2025-06-18.
pub fn mentions(text: &str) -> Vec<Mention> {
    let zh = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let article = Article {
        url: "https://example.test/c".into(),
        lang: if zh { "zh" } else { "en" }.into(),
        text: text.into(),
        published: chrono::DateTime::parse_from_rfc3339("2025-06-18T09:00:00+08:00").ok(),
        ..Default::default()
    };
    extract(&article, rules())
}

pub fn found(text: &str) -> Vec<(Kind, String)> {
    mentions(text)
        .into_iter()
        .map(|m| (m.kind, m.span.start.to_string()))
        .collect()
}

pub fn check(cases: &[(&str, Kind, &str)]) {
    for (text, kind, date) in cases {
        let got = found(text);
        assert!(
            got.contains(&(*kind, date.to_string())),
            "expected {kind} {date} in {text:?}, got {got:?}"
        );
    }
}

pub fn check_none(cases: &[(&str, Kind)]) {
    for (text, kind) in cases {
        let got = found(text);
        assert!(
            !got.iter().any(|(k, _)| k == kind),
            "expected no {kind} in {text:?}, got {got:?}"
        );
    }
}
