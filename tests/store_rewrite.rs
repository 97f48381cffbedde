//! A rebuild writes only the events that changed; the timeline it leaves
//! must be exactly the one a fresh write of everything gives: the demo
//! corpus imported in random pieces and orders, with decisions in between,
//! against the corpus imported whole.

use dateline::extract::Rules;
use dateline::model::Event;
use dateline::pipeline;
use dateline::store::{EventFilter, Store};

fn everything(
    store: &Store,
) -> (
    Vec<Event>,
    Vec<dateline::store::EntityRow>,
    Vec<Vec<String>>,
) {
    let all = EventFilter {
        include_rejected: true,
        ..Default::default()
    };
    // mention row ids depend on arrival order; everything else must match
    let mut events = store.events(&all).expect("events");
    for e in events.iter_mut() {
        for s in e.sources.iter_mut() {
            s.mention_id = 0;
        }
    }
    let by = |f: EventFilter| -> Vec<String> {
        store
            .event_rows(&f)
            .expect("rows")
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    let filtered = vec![
        by(EventFilter {
            lang: Some("zh".into()),
            ..all.clone()
        }),
        by(EventFilter {
            lang: Some("en".into()),
            ..all.clone()
        }),
        by(EventFilter {
            source: Some("demo".into()),
            ..all.clone()
        }),
        by(EventFilter {
            entities: vec!["Huawei".into()],
            ..all.clone()
        }),
        by(EventFilter {
            text: Some("华为".into()),
            ..all.clone()
        }),
        by(EventFilter {
            text: Some("court".into()),
            ..all.clone()
        }),
    ];
    (events, store.entities().expect("entities"), filtered)
}

#[test]
fn partial_rewrites_equal_a_fresh_write() {
    let rules = Rules::builtin();
    let articles = dateline::tui::demo::articles().expect("demo corpus");
    let mut whole = Store::open_in_memory().expect("db");
    pipeline::ingest(&mut whole, &rules, &articles).expect("ingest");
    let want = everything(&whole);
    assert!(want.0.len() > 5 && !want.2[0].is_empty());

    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..6 {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, (next() % (i as u64 + 1)) as usize);
        }
        let mut store = Store::open_in_memory().expect("db");
        let mut rest = &order[..];
        while !rest.is_empty() {
            let k = 1 + (next() % 5) as usize;
            let (piece, tail) = rest.split_at(k.min(rest.len()));
            let batch: Vec<_> = piece.iter().map(|&i| articles[i].clone()).collect();
            pipeline::ingest(&mut store, &rules, &batch).expect("ingest piece");
            rest = tail;
        }
        assert_eq!(everything(&store), want, "round {round}");

        // a decision and its undo: only the touched events are rewritten,
        // and the timeline returns to what it was
        let id = want.0[(next() as usize) % want.0.len()].id.clone();
        store
            .add_decision(dateline::store::DecisionAction::Reject, &id, None)
            .expect("reject");
        pipeline::rebuild(&mut store, &rules).expect("rebuild");
        let rejected = store.event(&id).expect("event");
        assert_eq!(rejected.status, dateline::model::Status::Rejected);
        whole
            .add_decision(dateline::store::DecisionAction::Reject, &id, None)
            .expect("reject");
        pipeline::rebuild(&mut whole, &rules).expect("rebuild");
        let mut fresh = Store::open_in_memory().expect("db");
        fresh
            .add_decision(dateline::store::DecisionAction::Reject, &id, None)
            .expect("reject");
        pipeline::ingest(&mut fresh, &rules, &articles).expect("ingest");
        assert_eq!(
            everything(&store),
            everything(&fresh),
            "round {round} after a reject"
        );
        assert_eq!(
            everything(&whole),
            everything(&fresh),
            "round {round}: whole"
        );
        // undo on the whole store for the next round
        whole
            .add_decision(dateline::store::DecisionAction::Reset, &id, None)
            .expect("reset");
        pipeline::rebuild(&mut whole, &rules).expect("rebuild");
        assert_eq!(everything(&whole), want, "round {round}: reset");
    }
}
