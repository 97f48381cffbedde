//! Dev tool: measures linking alone, as if extraction were perfect. Reads
//! the annotated articles of an eval corpus (`eval/dev/articles/*.json`),
//! turns each annotated event into a mention (first spelling of each name,
//! never the gold `incident`), builds the timeline and prints it as
//! `events --json` lines, for `score.py`.
//!
//! `cargo run --example gold_timeline -- ../shared/eval/dev > out.jsonl`

use chrono::DateTime;
use dateline::export::json::event_line;
use dateline::model::{DateSpan, Kind, Mention, MentionRecord, PartialDate};
use std::path::Path;
use std::process::ExitCode;

fn first_names(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str())
                .filter_map(|x| x.split('|').next())
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn read(dir: &Path) -> Result<Vec<MentionRecord>, String> {
    let articles = dir.join("articles");
    let mut files: Vec<_> = std::fs::read_dir(&articles)
        .map_err(|e| format!("{}: {e}", articles.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for (n, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let a: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let s = |k: &str| a.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let events = a
            .get("events")
            .and_then(|x| x.as_array())
            .cloned()
            .unwrap_or_default();
        for (i, e) in events.iter().enumerate() {
            let es = |k: &str| e.get(k).and_then(|x| x.as_str()).map(str::to_string);
            let start: PartialDate = es("start")
                .unwrap_or_default()
                .parse()
                .map_err(|err| format!("{}: event {i}: {err}", path.display()))?;
            let end = es("end").and_then(|x| x.parse().ok());
            out.push(MentionRecord {
                id: (n * 100 + i) as i64 + 1,
                article_id: n as i64 + 1,
                url: s("url"),
                outlet: s("source"),
                article_title: s("title"),
                published: DateTime::parse_from_rfc3339(&s("published")).ok(),
                lang: s("lang"),
                mention: Mention {
                    kind: es("kind")
                        .and_then(|k| k.parse().ok())
                        .unwrap_or(Kind::Other),
                    span: DateSpan { start, end },
                    actors: e.get("actors").map(first_names).unwrap_or_default(),
                    targets: e.get("targets").map(first_names).unwrap_or_default(),
                    evidence: es("evidence").unwrap_or_default(),
                    sentence: i,
                    confidence: 1.0,
                    cues: Vec::new(),
                },
            });
        }
    }
    Ok(out)
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: gold_timeline EVAL_DIR (the folder holding articles/)");
        return ExitCode::FAILURE;
    };
    match read(Path::new(&dir)) {
        Ok(mentions) => {
            for e in dateline::timeline::build(&mentions, &[]) {
                println!("{}", event_line(&e));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gold_timeline: {e}");
            ExitCode::FAILURE
        }
    }
}
