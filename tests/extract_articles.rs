//! The extractor on short whole articles written for this test, English
//! and Chinese, through the public API: dates resolved against the
//! publication time, one mention per event, hedges left out, names
//! canonical, and user rule files extending the built-in ones.

use dateline::extract::{extract, Rules};
use dateline::model::{Article, Kind, Mention};

fn article(text: &str, lang: &str, published: &str) -> Article {
    Article {
        url: format!("https://news.example/{lang}/story"),
        title: "A story".into(),
        lang: lang.into(),
        text: text.into(),
        published: chrono::DateTime::parse_from_rfc3339(published).ok(),
        ..Default::default()
    }
}

fn summary(ms: &[Mention]) -> Vec<(Kind, String)> {
    ms.iter()
        .map(|m| (m.kind, m.span.start.to_string()))
        .collect()
}

const ENGLISH: &str = "\
The U.S. Commerce Department on Tuesday added Acme Quantum Corp. and two of its units to the Entity List, saying the company had helped supply military research centres.

Acme Quantum, founded in 2011 in Hefei, said it was studying the decision. Its shares fell 8% in Shanghai on Wednesday.

The listing follows an export rule issued on Jan. 15 that required licences for shipments of dilution refrigerators to China. In March, Beijing accused Washington of weaponising trade, and on April 2 it opened an anti-dumping investigation into U.S. optical fibre.

Analysts said more Chinese quantum firms could be added later this year. Acme has not filed any legal challenge and denied that it works with the military.";

#[test]
fn english_article_yields_its_dated_events_and_nothing_else() {
    let rules = Rules::builtin();
    let a = article(ENGLISH, "en", "2025-05-21T10:00:00-04:00");
    let ms = extract(&a, &rules);
    let got = summary(&ms);
    assert_eq!(
        got,
        vec![
            (Kind::Listing, "2025-05-20".to_string()),
            (Kind::ExportControl, "2025-01-15".to_string()),
            (Kind::Accusation, "2025-03".to_string()),
            (Kind::Investigation, "2025-04-02".to_string()),
        ],
        "{ms:#?}"
    );
    let listing = &ms[0];
    assert_eq!(listing.actors, vec!["Commerce Department"]);
    assert!(
        listing
            .targets
            .iter()
            .any(|t| t.starts_with("Acme Quantum")),
        "{listing:?}"
    );
    assert!(listing
        .evidence
        .starts_with("The U.S. Commerce Department on Tuesday added"));
    assert_eq!(ms[2].actors, vec!["China"]);
    assert_eq!(ms[2].targets, vec!["United States"]);
}

const CHINESE: &str = "\
商务部12日发布公告，决定将美国星海防务公司等五家企业列入不可靠实体清单，禁止其从事与中国有关的进出口活动。

同日，国务院关税税则委员会宣布，自5月20日起对原产于美国的部分农产品加征10%关税。

星海防务公司成立于1999年。分析人士认为，美方可能采取进一步措施，但目前尚未宣布。";

#[test]
fn chinese_article_yields_its_dated_events_and_nothing_else() {
    let rules = Rules::builtin();
    let a = article(CHINESE, "zh", "2025-05-13T08:00:00+08:00");
    let ms = extract(&a, &rules);
    let got = summary(&ms);
    assert_eq!(
        got,
        vec![
            (Kind::Listing, "2025-05-12".to_string()),
            (Kind::Tariff, "2025-05-20".to_string()),
        ],
        "{ms:#?}"
    );
    assert_eq!(ms[0].actors, vec!["Ministry of Commerce"]);
    assert!(
        ms[0].targets.iter().any(|t| t.contains("星海防务")),
        "{:?}",
        ms[0]
    );
    assert_eq!(
        ms[1].actors,
        vec!["Customs Tariff Commission of the State Council"]
    );
}

#[test]
fn the_same_incident_in_both_languages_names_the_same_entities() {
    let rules = Rules::builtin();
    let en = extract(
        &article(
            "Beijing on Monday put Nimbus Drones on its unreliable entity list.",
            "en",
            "2025-06-11T09:00:00+08:00",
        ),
        &rules,
    );
    let zh = extract(
        &article(
            "商务部9日将Nimbus Drones列入不可靠实体清单。",
            "zh",
            "2025-06-11T09:00:00+08:00",
        ),
        &rules,
    );
    assert_eq!(summary(&en), summary(&zh));
    assert_eq!(en[0].actors.first().map(String::as_str), Some("China"));
    assert_eq!(
        zh[0].actors.first().map(String::as_str),
        Some("Ministry of Commerce")
    );
    assert_eq!(
        rules.canonical("不可靠实体清单"),
        Some("Unreliable Entity List")
    );
    assert_eq!(rules.canonical("商务部"), rules.canonical("MOFCOM"));
}

#[test]
fn user_files_add_triggers_and_entities_and_change_the_version() {
    let dir = tempfile::tempdir().map_err(|e| e.to_string());
    let Ok(dir) = dir else { panic!("no temp dir") };
    std::fs::write(
        dir.path().join("rules.toml"),
        "[[trigger]]\nkind = \"ban\"\nlang = \"en\"\npattern = '\\b(?P<v>proscribed)\\b'\n",
    )
    .ok();
    std::fs::write(
        dir.path().join("entities.toml"),
        "[[entity]]\nname = \"Zephyr Labs\"\ntype = \"company\"\naliases = [\"Zephyr\", \"泽风实验室\"]\n",
    )
    .ok();
    let builtin = Rules::builtin();
    let user = Rules::load(dir.path());
    let Ok(user) = user else {
        panic!("{:?}", user.err())
    };
    assert_ne!(builtin.version, user.version);
    let a = article(
        "The city proscribed Zephyr on June 3.",
        "en",
        "2025-06-10T09:00:00Z",
    );
    assert!(extract(&a, &builtin).is_empty());
    let ms = extract(&a, &user);
    assert_eq!(summary(&ms), vec![(Kind::Ban, "2025-06-03".to_string())]);
    assert_eq!(ms[0].targets, vec!["Zephyr Labs"]);
    assert!(user.entity_table().iter().any(
        |(name, _, aliases)| name == "Zephyr Labs" && aliases.iter().any(|a| a == "泽风实验室")
    ));
}

#[test]
fn a_broken_user_file_gets_a_one_line_error_with_file_and_line() {
    let Ok(dir) = tempfile::tempdir() else {
        panic!("no temp dir")
    };
    std::fs::write(
        dir.path().join("rules.toml"),
        "# my rules\n\n[[trigger]]\nkind = \"embargo\"\nlang = \"en\"\npattern = 'x'\n",
    )
    .ok();
    let e = Rules::load(dir.path())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(e.contains("rules.toml:3: unknown kind 'embargo'"), "{e}");
    assert_eq!(e.lines().count(), 1);
}

#[test]
fn a_user_file_turns_a_builtin_trigger_off_by_its_id() {
    let Ok(dir) = tempfile::tempdir() else {
        panic!("no temp dir")
    };
    let builtin = Rules::builtin();
    let a = article(
        "Officials sanctioned the shipping firm Ostrava Lines on June 3.",
        "en",
        "2025-06-10T09:00:00Z",
    );
    assert_eq!(
        summary(&extract(&a, &builtin)),
        vec![(Kind::Sanction, "2025-06-03".to_string())]
    );
    // the trigger that reads "sanctioned", found by what it matches
    let id = builtin
        .trigger_ids()
        .into_iter()
        .find(|id| id.starts_with("en-sanction-"))
        .map(str::to_string)
        .unwrap_or_default();
    let all = builtin.trigger_ids().len();
    std::fs::write(
        dir.path().join("rules.toml"),
        format!("# switched off\ndisable = [\"{id}\"]\n"),
    )
    .ok();
    let user = Rules::load(dir.path());
    let Ok(user) = user else {
        panic!("{:?}", user.err())
    };
    assert_eq!(user.trigger_ids().len(), all - 1);
    assert!(!user.trigger_ids().contains(&id.as_str()));
    assert_ne!(builtin.version, user.version);
    assert!(extract(&a, &user).is_empty(), "{id} still fires");
}

#[test]
fn an_unknown_trigger_id_is_refused_with_file_and_line() {
    let Ok(dir) = tempfile::tempdir() else {
        panic!("no temp dir")
    };
    std::fs::write(
        dir.path().join("rules.toml"),
        "# my rules\ndisable = [\n  \"en-ban-1\",\n  \"en-embargo-9\",\n]\n",
    )
    .ok();
    let e = Rules::load(dir.path())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        e.ends_with("rules.toml:4: disable: no built-in trigger has the id 'en-embargo-9'"),
        "{e}"
    );
    assert_eq!(e.lines().count(), 1);
}

#[test]
fn every_builtin_trigger_has_a_unique_id_named_for_its_language() {
    let rules = Rules::builtin();
    let ids = rules.trigger_ids();
    assert!(ids.len() > 200);
    let mut seen = std::collections::HashSet::new();
    for id in &ids {
        assert!(seen.insert(*id), "{id} twice");
        assert!(id.starts_with("en-") || id.starts_with("zh-"), "{id}");
    }
}

#[test]
fn an_article_without_a_publication_time_keeps_only_absolute_dates() {
    let rules = Rules::builtin();
    let mut a = article(
        "The ministry banned the app on Monday. Regulators fined the firm on March 4, 2024.",
        "en",
        "",
    );
    a.published = None;
    assert_eq!(
        summary(&extract(&a, &rules)),
        vec![(Kind::Sanction, "2024-03-04".to_string())]
    );
}
