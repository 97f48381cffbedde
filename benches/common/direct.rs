//! A large benchmark database written directly through the store's write
//! APIs, without extraction or timeline building, so that the read side
//! can be measured at 1M articles before import is fast.
//!
//! What it writes is what the pipeline would store for the generated
//! corpus (`corpus.rs`): every article with its full-text index
//! (`Store::upsert_article`), one mention a planted event sentence (at
//! most [`MENTIONS_PER_ARTICLE`]; `Store::replace_mentions`), and a
//! timeline (`Store::replace_events`) in which the mentions of one kind,
//! one company and one day are one event across outlets and languages,
//! each event linked to the previous event about the same company, with
//! the gazetteer's entities and aliases. It is NOT what the real
//! extractor and timeline would make of the same articles (those merge
//! more loosely and miss some sentences); the lead re-runs the reads on a
//! database built by the real import.

#![allow(dead_code)]

use super::corpus::{self, Planted};
use chrono::{Datelike, NaiveDate};
use dateline::model::{DateSpan, Event, Kind, Mention, PartialDate, Source, Status};
use dateline::store::{Store, StoreError};
use std::collections::HashMap;

/// Mentions kept per article: the first planted sentences.
pub const MENTIONS_PER_ARTICLE: usize = 3;

/// Articles written per transaction.
const CHUNK: usize = 10_000;

/// Titles an event gets, by kind; `{}` is the company.
fn title(kind: Kind, company: &str) -> String {
    match kind {
        Kind::Listing => format!("Commerce Department adds {company} to the Entity List"),
        Kind::Lawsuit => format!("{company} sues the Department of Defense"),
        Kind::Ruling => format!("Federal judge blocks the order against {company}"),
        Kind::Sanction => format!("Treasury sanctions {company}"),
        Kind::Tariff => format!("Tariffs on Chinese-made batteries hit {company}"),
        Kind::Investigation => format!("Market regulator investigates {company}"),
        Kind::Ban => format!("Texas bans {company} apps on state devices"),
        Kind::ExportControl => format!("Export controls on items that involve {company}"),
        _ => format!("Senate passes a bill restricting purchases from {company}"),
    }
}

/// Who acted, by kind (the target is the company, or the company acts).
fn roles(kind: Kind, company: &str) -> (Vec<String>, Vec<String>) {
    let agency = |a: &str| (vec![a.to_string()], vec![company.to_string()]);
    match kind {
        Kind::Listing | Kind::ExportControl => agency("Department of Commerce"),
        Kind::Lawsuit => (
            vec![company.to_string()],
            vec!["Department of Defense".to_string()],
        ),
        Kind::Sanction => agency("Department of the Treasury"),
        _ => (Vec::new(), vec![company.to_string()]),
    }
}

/// An event being gathered: its key's parts and its sources.
struct Gathered {
    kind: Kind,
    company: String,
    day: NaiveDate,
    sources: Vec<Source>,
}

/// Writes `n` generated articles and their timeline into `store`.
/// Returns (articles, mentions, events).
pub fn generate(
    store: &mut Store,
    n: usize,
    seed: u64,
) -> Result<(usize, usize, usize), StoreError> {
    let rules = dateline::extract::Rules::builtin();
    let entities = rules.entity_table();
    let mut canonical: HashMap<String, String> = HashMap::new();
    for (name, _, aliases) in &entities {
        canonical.insert(name.to_lowercase(), name.clone());
        for a in aliases {
            canonical.insert(a.to_lowercase(), name.clone());
        }
    }
    let canon = |c: &str| {
        canonical
            .get(&c.to_lowercase())
            .cloned()
            .unwrap_or_else(|| c.to_string())
    };

    let mut r = corpus::Rng::new(seed);
    let mut events: HashMap<(Kind, String, NaiveDate), Gathered> = HashMap::new();
    // a fresh database numbers mentions 1, 2, … in insertion order
    let mut next_mention: i64 = 1;
    let mut done = 0;
    while done < n {
        let end = (done + CHUNK).min(n);
        store.batch(|s| -> Result<(), StoreError> {
            for i in done..end {
                let (a, planted) = corpus::article_planted(&mut r, i);
                let id = s.upsert_article(&a)?.id;
                let planted: Vec<Planted> =
                    planted.into_iter().take(MENTIONS_PER_ARTICLE).collect();
                let mentions: Vec<Mention> = planted
                    .iter()
                    .map(|p| {
                        let (actors, targets) = roles(p.kind, &canon(p.company));
                        Mention {
                            kind: p.kind,
                            span: DateSpan::at(day(p.day)),
                            actors,
                            targets,
                            evidence: p.evidence.clone(),
                            sentence: p.sentence,
                            confidence: 0.9,
                            cues: Vec::new(),
                        }
                    })
                    .collect();
                s.replace_mentions(id, &mentions, "bench-direct")?;
                for p in planted {
                    let company = canon(p.company);
                    let g = events
                        .entry((p.kind, company.clone(), p.day))
                        .or_insert_with(|| Gathered {
                            kind: p.kind,
                            company,
                            day: p.day,
                            sources: Vec::new(),
                        });
                    g.sources.push(Source {
                        mention_id: next_mention,
                        url: a.url.clone(),
                        outlet: a.outlet.clone(),
                        title: a.title.clone(),
                        published: a.published,
                        evidence: p.evidence,
                        date: None,
                    });
                    next_mention += 1;
                }
            }
            Ok(())
        })?;
        done = end;
        eprintln!("  wrote {done} articles, {} events so far", events.len());
    }
    let mentions = (next_mention - 1) as usize;

    // the timeline: in date order, each event linked to the previous one
    // about the same company
    let mut gathered: Vec<Gathered> = events.into_values().collect();
    gathered.sort_by(|a, b| {
        (a.day, a.kind.as_str(), &a.company).cmp(&(b.day, b.kind.as_str(), &b.company))
    });
    let mut last_of: HashMap<String, String> = HashMap::new();
    let mut timeline: Vec<Event> = Vec::with_capacity(gathered.len());
    for g in gathered {
        let key = format!("{}|{}|{}", g.kind.as_str(), g.company, g.day);
        let id = blake3::hash(key.as_bytes()).to_hex()[..16].to_string();
        let related: Vec<String> = last_of
            .insert(g.company.clone(), id.clone())
            .into_iter()
            .collect();
        let (actors, targets) = roles(g.kind, &g.company);
        timeline.push(Event {
            id,
            kind: g.kind,
            span: DateSpan::at(day(g.day)),
            title: title(g.kind, &g.company),
            actors,
            targets,
            status: Status::Auto,
            note: None,
            sources: g.sources,
            related,
            date_conflict: false,
            edited: Vec::new(),
        });
    }
    let n_events = timeline.len();
    eprintln!("  writing {n_events} events");
    store.batch(|s| -> Result<(), StoreError> {
        let state = s.timeline_state()?;
        s.replace_events(&timeline, &entities)?;
        s.mark_built(state.changes)
    })?;
    Ok((n, mentions, n_events))
}

fn day(d: NaiveDate) -> PartialDate {
    PartialDate::day(d.year(), d.month(), d.day()).unwrap_or(PartialDate::year(d.year()))
}
