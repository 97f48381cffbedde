//! Issue 15 part 3 through the pipeline: a claimed identity cannot replace
//! another outlet's story or its events; items sharing a guid keep their
//! events; a re-published item's corrected date moves its event.

use chrono::DateTime;
use dateline::extract::Rules;
use dateline::model::Article;
use dateline::pipeline;
use dateline::store::{EventFilter, Store};

fn item(feed: &str, url: &str, published: &str, text: &str) -> Article {
    Article {
        url: url.into(),
        feed_url: Some(feed.into()),
        outlet: "Wire".into(),
        title: "Commerce and Huawei".into(),
        published: DateTime::parse_from_rfc3339(published).ok(),
        lang: "en".into(),
        text: text.into(),
        ..Default::default()
    }
}

const LISTED: &str = "The Commerce Department added Huawei to the Entity List on May 15, 2019, citing national security concerns.";
const FABRICATED: &str = "The Treasury Department imposed sanctions on Xiaomi on March 3, 2019, freezing any assets it holds in the United States, officials said in a long statement.";
const SUED: &str = "On January 29, 2021, Xiaomi filed a lawsuit in federal court challenging the Pentagon's decision to name it a Chinese military company.";

/// (start, first source url) of every event.
fn events(store: &Store) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = store
        .events(&EventFilter::default())
        .expect("events")
        .into_iter()
        .map(|e| {
            (
                e.span.start.to_string(),
                e.sources.first().map(|s| s.url.clone()).unwrap_or_default(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_hostile_canonical_adds_its_own_article_and_never_replaces_the_genuine_one() {
    let rules = Rules::builtin();
    let mut store = Store::open_in_memory().expect("db");
    let genuine = item(
        "https://www.reuters.com/rss",
        "https://www.reuters.com/tech/huawei",
        "2019-05-16T08:00:00+00:00",
        LISTED,
    );
    pipeline::ingest(&mut store, &rules, std::slice::from_ref(&genuine)).expect("genuine");
    let before = events(&store);
    assert_eq!(before.len(), 1);
    let mut hostile = item(
        "https://evil.example/rss",
        "https://evil.example/x",
        "2019-05-16T08:00:00+00:00",
        FABRICATED,
    );
    hostile.canonical_url = Some(genuine.url.clone());
    let report = pipeline::ingest(&mut store, &rules, &[hostile]).expect("hostile");
    assert_eq!(report.new_articles, 1);
    let after = events(&store);
    assert!(
        after.contains(&before[0]),
        "the genuine event stays: {after:?}"
    );
    assert!(
        after.iter().any(|(_, url)| url == "https://evil.example/x"),
        "the fabricated one is the other site's own: {after:?}"
    );
}

#[test]
fn items_sharing_a_guid_keep_their_own_events() {
    let rules = Rules::builtin();
    let mut store = Store::open_in_memory().expect("db");
    let feed = "https://wire.example/rss";
    let mut one = item(
        feed,
        "https://wire.example/huawei",
        "2019-05-16T08:00:00+00:00",
        LISTED,
    );
    let mut two = item(
        feed,
        "https://wire.example/xiaomi",
        "2021-01-30T08:00:00+00:00",
        SUED,
    );
    one.guid = Some("same".into());
    two.guid = Some("same".into());
    let report = pipeline::ingest(&mut store, &rules, &[one, two]).expect("ingest");
    assert_eq!(report.new_articles, 2);
    assert_eq!(events(&store).len(), 2);
}

#[test]
fn a_republished_item_with_a_corrected_date_moves_its_event() {
    let rules = Rules::builtin();
    let mut store = Store::open_in_memory().expect("db");
    let feed = "https://wire.example/rss";
    let first = item(
        feed,
        "https://wire.example/xiaomi",
        "2021-01-30T08:00:00+00:00",
        SUED,
    );
    pipeline::ingest(&mut store, &rules, std::slice::from_ref(&first)).expect("first");
    assert_eq!(events(&store)[0].0, "2021-01-29");
    let mut fixed = first.clone();
    fixed.text = SUED.replace("January 29", "January 28");
    fixed.title = "Xiaomi sues the Pentagon".into();
    let report = pipeline::ingest(&mut store, &rules, &[fixed]).expect("fixed");
    assert_eq!((report.new_articles, report.updated_articles), (0, 1));
    assert_eq!(events(&store)[0].0, "2021-01-28");
    let stored = store.articles().expect("articles");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].article.title, "Xiaomi sues the Pentagon");
}

#[test]
fn two_items_of_a_feed_sharing_a_link_leave_a_second_import_with_nothing_to_change() {
    let rules = Rules::builtin();
    let mut store = Store::open_in_memory().expect("db");
    let feed = "https://wire.example/rss";
    let mut short = item(
        feed,
        "https://wire.example/x",
        "2021-01-30T08:00:00+00:00",
        SUED,
    );
    short.title = "Short take".into();
    let mut full = short.clone();
    // the same page under another fragment, as feeds of anchors write it
    full.url = "https://wire.example/x#update".into();
    full.title = "Full story".into();
    full.text = format!("{SUED}\n\nMore on the suit.");
    let batch = [short, full];
    let first = pipeline::ingest(&mut store, &rules, &batch).expect("first");
    assert_eq!((first.new_articles, first.updated_articles), (1, 0));
    let again = pipeline::ingest(&mut store, &rules, &batch).expect("again");
    assert_eq!((again.new_articles, again.updated_articles), (0, 0));
    let stored = store.articles().expect("articles");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].article.title, "Full story");
}
