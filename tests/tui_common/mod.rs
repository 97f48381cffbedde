//! Shared fixtures for the TUI tests and benchmark: a small, hand-written
//! timeline (the Alibaba 1260H story, Huawei, Micron, in English and
//! Chinese) stored the way the pipeline stores it, and a generator of
//! large synthetic timelines.
#![allow(dead_code)]

pub mod app;

use chrono::DateTime;
use dateline::model::{Article, DateSpan, Event, Kind, Mention, PartialDate, Source, Status};
use dateline::store::Store;

pub fn day(s: &str) -> PartialDate {
    s.parse().unwrap_or(PartialDate::year(1970))
}

/// One fixture event: (id, kind, start, end, title, actors, targets,
/// status, note, article index per source, related ids, conflict).
struct Spec {
    id: &'static str,
    kind: Kind,
    start: &'static str,
    end: Option<&'static str>,
    title: &'static str,
    actors: &'static [&'static str],
    targets: &'static [&'static str],
    status: Status,
    note: Option<&'static str>,
    sources: &'static [(usize, &'static str)],
    related: &'static [&'static str],
    conflict: bool,
}

/// (url, outlet, title, published, lang, text)
const ARTICLES: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "https://wire.example/2026/alibaba-sues",
        "Example Wire",
        "Alibaba sues the Pentagon over its 1260H listing",
        "2026-07-09T10:00:00+08:00",
        "en",
        "Alibaba went to court on June 24 to get off the Pentagon list.\n\nThe Pentagon had named Alibaba, Baidu and BYD on June 8.",
    ),
    (
        "https://cn.example/2026/alibaba-qisu",
        "示例财经",
        "阿里巴巴起诉美国国防部",
        "2026-06-25T19:00:00+08:00",
        "zh",
        "阿里巴巴6月24日起诉美国国防部。\n\n国防部6月8日将阿里巴巴列入1260H清单。",
    ),
    (
        "https://daily.example/2019/huawei",
        "Example Daily",
        "Huawei put on the Entity List",
        "2019-05-16T09:30:00-04:00",
        "en",
        "On May 15, 2019, the Commerce Department added Huawei to the Entity List.",
    ),
    (
        "https://daily.example/2023/micron",
        "Example Daily",
        "China tells operators to stop buying Micron chips",
        "2023-05-22T05:00:00+00:00",
        "en",
        "China's internet regulator said on May 21 that Micron had failed a review.",
    ),
];

const SPECS: &[Spec] = &[
    Spec {
        id: "a1huawei00000001",
        kind: Kind::Listing,
        start: "2019-05-15",
        end: None,
        title: "Commerce adds Huawei to the Entity List",
        actors: &["Department of Commerce"],
        targets: &["Huawei"],
        status: Status::Confirmed,
        note: None,
        sources: &[(
            2,
            "On May 15, 2019, the Commerce Department added Huawei to the Entity List.",
        )],
        related: &[],
        conflict: false,
    },
    Spec {
        id: "b2micron00000002",
        kind: Kind::Ban,
        start: "2023-05-21",
        end: None,
        title: "China bars critical operators from buying Micron chips",
        actors: &["Cyberspace Administration of China"],
        targets: &["Micron"],
        status: Status::Auto,
        note: None,
        sources: &[(
            3,
            "China's internet regulator said on May 21 that Micron had failed a review.",
        )],
        related: &[],
        conflict: false,
    },
    Spec {
        id: "c3accuse00000003",
        kind: Kind::Accusation,
        start: "2026-02",
        end: None,
        title: "US AI lab accuses three Chinese AI firms of distillation attacks",
        actors: &["Anthropic"],
        targets: &["DeepSeek", "Moonshot AI", "MiniMax"],
        status: Status::Auto,
        note: None,
        sources: &[(
            0,
            "In February a US AI lab accused three Chinese AI firms of distillation attacks.",
        )],
        related: &[],
        conflict: false,
    },
    Spec {
        id: "d4list0000000004",
        kind: Kind::Listing,
        start: "2026-06-08",
        end: None,
        title: "Pentagon names Alibaba, Baidu and BYD on the 1260H list",
        actors: &["Department of Defense"],
        targets: &["Alibaba", "Baidu", "BYD"],
        status: Status::Confirmed,
        note: Some("Check the Federal Register notice."),
        sources: &[
            (
                0,
                "The Pentagon had named Alibaba, Baidu and BYD on June 8.",
            ),
            (1, "国防部6月8日将阿里巴巴列入1260H清单。"),
        ],
        related: &["f6sues0000000006"],
        conflict: false,
    },
    Spec {
        id: "e5fakeacct000005",
        kind: Kind::Accusation,
        start: "2026-04-22",
        end: Some("2026-06-05"),
        title: "Lab says Alibaba used 25,000 fake accounts",
        actors: &["Anthropic"],
        targets: &["Alibaba"],
        status: Status::Auto,
        note: None,
        sources: &[(
            0,
            "Between April 22 and June 5 about 25,000 fake accounts made 28 million requests.",
        )],
        related: &[],
        conflict: true,
    },
    Spec {
        id: "f6sues0000000006",
        kind: Kind::Lawsuit,
        start: "2026-06-24",
        end: None,
        title: "Alibaba sues the Department of Defense",
        actors: &["Alibaba"],
        targets: &["Department of Defense"],
        status: Status::Auto,
        note: None,
        sources: &[
            (
                0,
                "Alibaba went to court on June 24 to get off the Pentagon list.",
            ),
            (1, "阿里巴巴6月24日起诉美国国防部。"),
        ],
        related: &["d4list0000000004"],
        conflict: false,
    },
    Spec {
        id: "g7bans0000000007",
        kind: Kind::Ban,
        start: "2026-06",
        end: Some("2026-07"),
        title: "Lab bans Chinese users' accounts",
        actors: &["Anthropic"],
        targets: &[],
        status: Status::Manual,
        note: None,
        sources: &[(
            0,
            "From late June to early July the lab banned many accounts.",
        )],
        related: &[],
        conflict: false,
    },
    Spec {
        id: "h8hidden00000008",
        kind: Kind::Other,
        start: "2026-07-01",
        end: None,
        title: "A duplicate the analyst rejected",
        actors: &[],
        targets: &[],
        status: Status::Rejected,
        note: None,
        sources: &[(0, "Nothing happened here.")],
        related: &[],
        conflict: false,
    },
];

/// The canonical entities of the fixture, as (name, type, aliases).
pub fn entity_table() -> Vec<(String, String, Vec<String>)> {
    let e = |n: &str, t: &str, a: &[&str]| {
        (
            n.to_string(),
            t.to_string(),
            a.iter().map(|s| s.to_string()).collect(),
        )
    };
    vec![
        e("Alibaba", "company", &["阿里巴巴", "Alibaba Group"]),
        e(
            "Department of Defense",
            "agency",
            &["Pentagon", "DoD", "美国国防部"],
        ),
        e("Huawei", "company", &["华为"]),
        e("Department of Commerce", "agency", &["Commerce Department"]),
        e("Micron", "company", &["美光"]),
        e("Anthropic", "company", &[]),
    ]
}

/// Stores the fixture articles, one mention a source, and the fixture
/// events over them, in `store`.
pub fn fill(store: &mut Store) {
    let mut ids = Vec::new();
    for (url, outlet, title, published, lang, text) in ARTICLES {
        let a = Article {
            url: url.to_string(),
            outlet: outlet.to_string(),
            title: title.to_string(),
            published: DateTime::parse_from_rfc3339(published).ok(),
            lang: lang.to_string(),
            text: text.to_string(),
            ..Default::default()
        };
        ids.push(store.upsert_article(&a).expect("article stored").id);
    }
    // One mention a source, so each event knows its languages.
    let mut per_article: Vec<Vec<Mention>> = vec![Vec::new(); ARTICLES.len()];
    for s in SPECS {
        for (art, ev) in s.sources {
            let sentence = per_article[*art].len();
            per_article[*art].push(Mention {
                kind: s.kind,
                span: DateSpan::at(day(s.start)),
                actors: vec![],
                targets: vec![],
                evidence: ev.to_string(),
                sentence,
                confidence: 0.9,
                cues: vec![],
            });
        }
    }
    for (i, ms) in per_article.iter().enumerate() {
        store
            .replace_mentions(ids[i], ms, "test")
            .expect("mentions stored");
    }
    let mentions = store.mentions().expect("mentions read");
    let events: Vec<Event> = SPECS
        .iter()
        .map(|s| Event {
            id: s.id.into(),
            kind: s.kind,
            span: DateSpan {
                start: day(s.start),
                end: s.end.map(day),
            },
            title: s.title.into(),
            actors: s.actors.iter().map(|x| x.to_string()).collect(),
            targets: s.targets.iter().map(|x| x.to_string()).collect(),
            status: s.status,
            note: s.note.map(String::from),
            sources: s
                .sources
                .iter()
                .map(|(art, ev)| {
                    let (url, outlet, title, published, _, _) = ARTICLES[*art];
                    let m = mentions.iter().find(|m| m.mention.evidence == *ev);
                    Source {
                        mention_id: m.map(|m| m.id).unwrap_or(0),
                        url: url.into(),
                        outlet: outlet.into(),
                        title: title.into(),
                        published: DateTime::parse_from_rfc3339(published).ok(),
                        evidence: ev.to_string(),
                        date: if s.conflict {
                            Some(DateSpan::at(day("2026-04")))
                        } else {
                            None
                        },
                    }
                })
                .collect(),
            related: s.related.iter().map(|x| x.to_string()).collect(),
            date_conflict: s.conflict,
            edited: vec![],
        })
        .collect();
    store
        .replace_events(&events, &entity_table())
        .expect("events stored");
    // the fixture is a timeline the analyst has read; tests of what is
    // new mark events unseen themselves
    store.mark_all_seen().expect("marked seen");
}

/// A store in memory holding the fixture timeline.
pub fn fixture_store() -> Store {
    let mut s = Store::open_in_memory().expect("in-memory store");
    fill(&mut s);
    s
}

const KINDS: [Kind; 11] = [
    Kind::Ban,
    Kind::Lawsuit,
    Kind::Ruling,
    Kind::Listing,
    Kind::Delisting,
    Kind::Sanction,
    Kind::ExportControl,
    Kind::Tariff,
    Kind::Investigation,
    Kind::Accusation,
    Kind::Legislation,
];
const NAMES: [&str; 12] = [
    "Alibaba",
    "Huawei",
    "Tencent",
    "ByteDance",
    "Xiaomi",
    "YMTC",
    "SMIC",
    "Micron",
    "DeepSeek",
    "Department of Commerce",
    "Department of Defense",
    "CATL",
];

/// `n` synthetic events spread over 2000–2026, each with one source,
/// two names and a mix of date precisions. Deterministic.
pub fn synthetic_events(n: usize) -> Vec<Event> {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|i| {
            let r = next();
            let year = 2000 + (r % 27) as i32;
            let month = 1 + (r >> 8) as u32 % 12;
            let dd = 1 + (r >> 16) as u32 % 28;
            let start = match (r >> 24) % 10 {
                0 => PartialDate::year(year),
                1 | 2 => PartialDate::month(year, month).unwrap_or(PartialDate::year(year)),
                _ => PartialDate::day(year, month, dd).unwrap_or(PartialDate::year(year)),
            };
            let kind = KINDS[(r >> 32) as usize % KINDS.len()];
            let actor = NAMES[(r >> 40) as usize % NAMES.len()];
            let target = NAMES[(r >> 48) as usize % NAMES.len()];
            let title = format!(
                "{actor} {} {target} (item {i})",
                kind.as_str().replace('_', " ")
            );
            Event {
                id: format!("{i:016x}"),
                kind,
                span: DateSpan::at(start),
                title: title.clone(),
                actors: vec![actor.to_string()],
                targets: vec![target.to_string()],
                status: Status::Auto,
                note: None,
                sources: vec![Source {
                    mention_id: 0,
                    url: format!("https://news.example/{year}/{i}"),
                    outlet: "Example News".into(),
                    title: title.clone(),
                    published: None,
                    evidence: format!("In {year}, {title}."),
                    date: None,
                }],
                related: vec![],
                date_conflict: false,
                edited: vec![],
            }
        })
        .collect()
}
