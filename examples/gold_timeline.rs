//! Dev tool: measures linking alone, as if extraction were perfect. Reads
//! the annotated articles of an eval corpus (`eval/dev/articles/*.json`),
//! turns each annotated event into a mention (first spelling of each name,
//! never the gold `incident`), builds the timeline and prints it as
//! `events --json` lines, for `score.py`.
//!
//! `cargo run --example gold_timeline -- ../shared/eval/dev [--noise SEED] > out.jsonl`
//!
//! `--noise SEED` roughens the mentions the way a real extractor would, to
//! check the merger does not lean on perfect input: one name in twelve
//! keeps another spelling (a gazetteer gap), one mention in seven loses its
//! actors and one in twenty swaps actors and targets, a third of multi-name
//! lists lose a name, one date in six is cut to its month, one day in
//! twenty is read a day late, one mention in ten gains a stray "China".

use chrono::DateTime;
use dateline::export::json::event_line;
use dateline::model::{DateSpan, Kind, Mention, MentionRecord, PartialDate};
use std::path::Path;
use std::process::ExitCode;

/// Each name with its alternatives still joined by `|`; [`pick`] chooses.
fn all_names(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str())
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Alternative `k` of a `|` list (the first when there are fewer).
fn pick(name: &str, k: usize) -> String {
    let alts: Vec<&str> = name.split('|').map(str::trim).collect();
    alts.get(k)
        .or(alts.first())
        .copied()
        .unwrap_or("")
        .to_string()
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
                    actors: e.get("actors").map(all_names).unwrap_or_default(),
                    targets: e.get("targets").map(all_names).unwrap_or_default(),
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

/// Deterministic noise (splitmix64).
fn roughen(mentions: &mut [MentionRecord], seed: u64) {
    let mut state = seed;
    let mut unit = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    for m in mentions.iter_mut() {
        let x = &mut m.mention;
        // a gazetteer gap: one name in twelve keeps another spelling
        for list in [&mut x.actors, &mut x.targets] {
            for name in list.iter_mut() {
                let k = if unit() < 0.08 {
                    1 + (unit() * 3.0) as usize
                } else {
                    0
                };
                *name = pick(name, k);
            }
        }
        if unit() < 0.15 {
            x.actors.clear();
        } else if unit() < 0.05 {
            std::mem::swap(&mut x.actors, &mut x.targets);
        }
        for list in [&mut x.actors, &mut x.targets] {
            if list.len() > 1 && unit() < 0.33 {
                list.pop();
            }
        }
        if unit() < 0.1 {
            x.actors.push("China".into());
        }
        let s = x.span.start;
        if let (Some(mo), Some(_)) = (s.month, s.day) {
            if unit() < 0.17 {
                x.span.start = PartialDate::month(s.year, mo).unwrap_or(s);
            } else if unit() < 0.05 {
                let next = s.first_day().succ_opt().map(PartialDate::from_naive);
                x.span.start = next.unwrap_or(s);
            }
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: gold_timeline EVAL_DIR [--noise SEED] (EVAL_DIR holds articles/)");
        return ExitCode::FAILURE;
    };
    let noise: Option<u64> = match args.get(2).map(String::as_str) {
        Some("--noise") => match args.get(3).and_then(|s| s.parse().ok()) {
            Some(seed) => Some(seed),
            None => {
                eprintln!("gold_timeline: --noise needs a number");
                return ExitCode::FAILURE;
            }
        },
        Some(other) => {
            eprintln!("gold_timeline: unknown argument '{other}'");
            return ExitCode::FAILURE;
        }
        None => None,
    };
    match read(Path::new(dir)) {
        Ok(mut mentions) => {
            match noise {
                Some(seed) => roughen(&mut mentions, seed),
                None => {
                    for m in mentions.iter_mut() {
                        for list in [&mut m.mention.actors, &mut m.mention.targets] {
                            for name in list.iter_mut() {
                                *name = pick(name, 0);
                            }
                        }
                    }
                }
            }
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
