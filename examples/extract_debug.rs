//! Prints what the extractor finds in annotated corpus articles, sentence
//! by sentence: a tool for writing rules. Usage:
//! `cargo run --example extract_debug -- ARTICLE.json...`

use dateline::extract::{extract, Rules};
use dateline::model::Article;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rules = Rules::builtin();
    for path in std::env::args().skip(1) {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let article = Article {
            url: s("url"),
            title: s("title"),
            lang: s("lang"),
            text: s("body"),
            published: chrono::DateTime::parse_from_rfc3339(&s("published")).ok(),
            ..Default::default()
        };
        println!("== {path}");
        for m in extract(&article, &rules) {
            println!(
                "{} {:?} {} a={:?} t={:?} cues={:?}\n    {}",
                m.span.start,
                m.span.end.map(|e| e.to_string()),
                m.kind,
                m.actors,
                m.targets,
                m.cues,
                m.evidence
            );
        }
    }
    Ok(())
}
