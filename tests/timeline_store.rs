//! The timeline through the store: the analyst's decisions survive a
//! rebuild and a re-extraction that gives every mention a new row id.

use chrono::DateTime;
use dateline::extract::Rules;
use dateline::model::{Article, DateSpan, Kind, Mention, PartialDate, Status};
use dateline::pipeline;
use dateline::store::{DecisionAction, EventFilter, Store};

fn article(url: &str, published: &str, lang: &str) -> Article {
    Article {
        url: url.into(),
        outlet: "Example".into(),
        title: format!("Story at {url}"),
        published: DateTime::parse_from_rfc3339(published).ok(),
        lang: lang.into(),
        text: "Body text.".into(),
        ..Default::default()
    }
}

fn mention(
    kind: Kind,
    start: PartialDate,
    actors: &[&str],
    targets: &[&str],
    evidence: &str,
    sentence: usize,
) -> Mention {
    Mention {
        kind,
        span: DateSpan::at(start),
        actors: actors.iter().map(|s| s.to_string()).collect(),
        targets: targets.iter().map(|s| s.to_string()).collect(),
        evidence: evidence.into(),
        sentence,
        confidence: 0.9,
        cues: Vec::new(),
    }
}

/// Two reports of the 2019 Huawei listing (English, Chinese) and one of a
/// 2021 Xiaomi listing; returns the article ids.
fn extract_all(store: &mut Store, ids: &[i64]) {
    let day = |y, m, d| PartialDate::day(y, m, d).unwrap_or(PartialDate::year(y));
    let com = ["Commerce Department"];
    let per_article = [
        vec![mention(
            Kind::Listing,
            day(2019, 5, 15),
            &com,
            &["Huawei"],
            "Commerce put Huawei on its trade blacklist on Wednesday.",
            0,
        )],
        vec![
            mention(
                Kind::Listing,
                day(2019, 5, 15),
                &com,
                &["Huawei"],
                "美国商务部周三把华为列入实体清单。",
                2,
            ),
            mention(
                Kind::Legislation,
                day(2019, 5, 15),
                &["Donald Trump"],
                &[],
                "特朗普签署行政令。",
                3,
            ),
        ],
        vec![mention(
            Kind::Listing,
            day(2021, 1, 14),
            &["Department of Defense"],
            &["Xiaomi"],
            "The Pentagon named Xiaomi a Chinese military company.",
            1,
        )],
    ];
    for (id, ms) in ids.iter().zip(per_article) {
        store
            .replace_mentions(*id, &ms, "test")
            .expect("mentions stored");
    }
}

#[test]
fn decisions_survive_rebuild_and_reextraction() {
    let mut store = Store::open_in_memory().expect("store opens");
    let rules = Rules::builtin();
    let ids: Vec<i64> = [
        article(
            "https://en.example/huawei",
            "2019-05-16T08:00:00+00:00",
            "en",
        ),
        article(
            "https://zh.example/huawei",
            "2019-05-16T20:00:00+08:00",
            "zh",
        ),
        article(
            "https://en.example/xiaomi",
            "2021-01-15T08:00:00+00:00",
            "en",
        ),
    ]
    .iter()
    .map(|a| store.upsert_article(a).expect("article stored").id)
    .collect();
    extract_all(&mut store, &ids);
    assert_eq!(pipeline::rebuild(&mut store, &rules).expect("rebuild"), 3);
    let all = store.events(&EventFilter::default()).expect("events");
    let huawei = all
        .iter()
        .find(|e| e.targets == ["Huawei"])
        .expect("huawei event");
    assert_eq!(huawei.sources.len(), 2, "English and Chinese reports merge");
    let xiaomi = all
        .iter()
        .find(|e| e.targets == ["Xiaomi"])
        .expect("xiaomi event")
        .id
        .clone();
    let huawei = huawei.id.clone();

    store
        .add_decision(DecisionAction::Confirm, &huawei, None)
        .expect("decision");
    store
        .add_decision(
            DecisionAction::Note,
            &huawei,
            Some("matches the Federal Register"),
        )
        .expect("decision");
    store
        .add_decision(DecisionAction::Reject, &xiaomi, None)
        .expect("decision");
    store
        .add_decision(
            DecisionAction::Split,
            &huawei,
            Some("https://zh.example/huawei"),
        )
        .expect("decision");
    pipeline::rebuild(&mut store, &rules).expect("rebuild");

    // re-extraction: mentions deleted and inserted again, new row ids
    let before: Vec<i64> = store
        .mentions()
        .expect("mentions")
        .iter()
        .map(|m| m.id)
        .collect();
    extract_all(&mut store, &ids);
    let after: Vec<i64> = store
        .mentions()
        .expect("mentions")
        .iter()
        .map(|m| m.id)
        .collect();
    assert!(
        before.iter().all(|id| !after.contains(id)),
        "row ids changed"
    );
    pipeline::rebuild(&mut store, &rules).expect("rebuild");

    let e = store.event(&huawei).expect("the event keeps its id");
    assert_eq!(e.status, Status::Confirmed);
    assert_eq!(e.note.as_deref(), Some("matches the Federal Register"));
    assert_eq!(e.sources.len(), 1, "the split holds");
    assert_eq!(e.title, "Commerce adds Huawei to a government list");
    assert_eq!(
        store
            .event(&xiaomi)
            .expect("rejected events are kept")
            .status,
        Status::Rejected
    );
    let shown: Vec<String> = store
        .events(&EventFilter::default())
        .expect("events")
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert!(!shown.contains(&xiaomi), "rejected events are left out");
    assert_eq!(shown.len(), 3, "huawei, its split-off report, the order");
}

#[test]
fn entities_list_names_with_their_events_and_resolve_any_case() {
    let mut store = Store::open_in_memory().expect("store opens");
    let ids: Vec<i64> = [
        article(
            "https://en.example/huawei",
            "2019-05-16T08:00:00+00:00",
            "en",
        ),
        article(
            "https://zh.example/huawei",
            "2019-05-16T20:00:00+08:00",
            "zh",
        ),
        article(
            "https://en.example/xiaomi",
            "2021-01-15T08:00:00+00:00",
            "en",
        ),
    ]
    .iter()
    .map(|a| store.upsert_article(a).expect("article stored").id)
    .collect();
    extract_all(&mut store, &ids);
    pipeline::rebuild(&mut store, &Rules::builtin()).expect("rebuild");
    let rows = store.entities().expect("entities");
    let huawei = rows
        .iter()
        .find(|r| r.name == "Huawei")
        .expect("Huawei listed");
    assert_eq!(huawei.events, 1, "two reports, one event");
    assert_eq!(huawei.first.as_deref(), Some("2019-05-15"));
    assert_eq!(
        store.resolve_entity("huawei ").expect("resolve").as_deref(),
        Some("Huawei")
    );
    assert_eq!(store.resolve_entity("nobody").expect("resolve"), None);
    let f = EventFilter {
        entities: vec!["Huawei".into()],
        ..Default::default()
    };
    let related = store.events(&f).expect("events");
    assert_eq!(related.len(), 1);
    assert!(
        related[0].related.is_empty(),
        "nothing else names Huawei or Commerce"
    );

    // with the gazetteer's table, either language finds the canonical name
    let mentions = store.mentions().expect("mentions");
    let events = dateline::timeline::build(&mentions, &[]);
    let table = vec![(
        "Huawei".to_string(),
        "organization".to_string(),
        vec!["华为".to_string(), "Huawei Technologies".to_string()],
    )];
    store
        .replace_events(&events, &table)
        .expect("events stored");
    assert_eq!(
        store.resolve_entity("华为").expect("resolve").as_deref(),
        Some("Huawei")
    );
    let row = store
        .entities()
        .expect("entities")
        .into_iter()
        .find(|r| r.name == "Huawei")
        .expect("Huawei listed");
    assert_eq!(row.aliases, vec!["华为", "Huawei Technologies"]);
}

/// One sentence may report two events of one kind and day (two companies
/// put on two lists): both reports are kept, and the timeline has both.
#[test]
fn one_sentence_keeps_two_reports_of_one_kind_and_day() {
    let mut store = Store::open_in_memory().expect("store opens");
    let id = store
        .upsert_article(&article(
            "https://zh.example/lists",
            "2025-03-05T08:00:00+08:00",
            "zh",
        ))
        .expect("article stored")
        .id;
    let sentence =
        "美国商务部3月4日将北岭石油公司列入“实体清单”，将南山航空公司列入“军事最终用户清单”。";
    let day = PartialDate::day(2025, 3, 4).expect("a day");
    let reports = [
        mention(
            Kind::Listing,
            day,
            &["Commerce Department"],
            &["北岭石油公司"],
            sentence,
            1,
        ),
        mention(
            Kind::Listing,
            day,
            &["Commerce Department"],
            &["南山航空公司"],
            sentence,
            1,
        ),
    ];
    store
        .replace_mentions(id, &reports, "test")
        .expect("mentions stored");
    assert_eq!(store.mentions().expect("mentions").len(), 2);
    pipeline::rebuild(&mut store, &Rules::builtin()).expect("rebuild");
    let events = store.events(&EventFilter::default()).expect("events");
    assert_eq!(events.len(), 2, "{events:?}");
}

/// A rebuild stores each event's languages from the mentions it was built
/// from (not read again from the archive): the listing reported in English
/// and Chinese is found under both, the English-only one under English only.
#[test]
fn a_rebuild_stores_the_languages_of_each_events_reports() {
    let mut store = Store::open_in_memory().expect("store opens");
    let rules = Rules::builtin();
    let ids: Vec<i64> = [
        article("https://en.example/h", "2019-05-16T08:00:00+00:00", "en"),
        article("https://zh.example/h", "2019-05-16T20:00:00+08:00", "zh"),
        article("https://en.example/x", "2021-01-15T08:00:00+00:00", "en"),
    ]
    .iter()
    .map(|a| store.upsert_article(a).expect("article stored").id)
    .collect();
    extract_all(&mut store, &ids);
    pipeline::rebuild(&mut store, &rules).expect("rebuild");
    let targets = |lang: &'static str| -> Vec<String> {
        let f = EventFilter {
            lang: Some(lang.into()),
            ..Default::default()
        };
        let mut t: Vec<String> = store
            .events(&f)
            .expect("events")
            .into_iter()
            .map(|e| e.targets.join("+") + "/" + e.kind.as_str())
            .collect();
        t.sort();
        t
    };
    assert_eq!(targets("en"), ["Huawei/listing", "Xiaomi/listing"]);
    assert_eq!(targets("zh"), ["/legislation", "Huawei/listing"]);
}
