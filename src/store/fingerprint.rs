//! What an event looks like as stored, hashed: a rebuild compares each
//! event's fingerprint with the stored one and rewrites only the events
//! whose fingerprint changed. Every field that reaches a stored row goes
//! in (its sources, links, status, edits and languages), each with its
//! length, so no two different events hash alike by running fields
//! together. Hashing the fields directly, rather than a `Debug` rendering
//! of the event, is what keeps this cheap on a rebuild of 160,000 events.

use crate::model::{DateSpan, Event};

/// Version of the layout below: a stored fingerprint of another layout
/// never matches, so changing the layout rewrites each event once.
const LAYOUT: &[u8] = b"fp2";

struct Writer(blake3::Hasher);

impl Writer {
    fn bytes(&mut self, b: &[u8]) {
        self.0.update(&(b.len() as u64).to_le_bytes());
        self.0.update(b);
    }
    fn text(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn list<S: AsRef<str>>(&mut self, v: &[S]) {
        self.0.update(&(v.len() as u64).to_le_bytes());
        for s in v {
            self.text(s.as_ref());
        }
    }
    fn span(&mut self, s: &DateSpan) {
        self.text(&s.start.to_string());
        match s.end {
            Some(e) => self.text(&e.to_string()),
            None => self.bytes(&[]),
        }
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.0.update(&[1]);
                self.text(s);
            }
            None => {
                self.0.update(&[0]);
            }
        }
    }
}

/// The fingerprint of `e` with the languages of its sources' articles.
pub(super) fn fingerprint(e: &Event, langs: &[&str]) -> String {
    let mut w = Writer(blake3::Hasher::new());
    w.bytes(LAYOUT);
    w.text(&e.id);
    w.text(e.kind.as_str());
    w.span(&e.span);
    w.text(&e.title);
    w.list(&e.actors);
    w.list(&e.targets);
    w.text(e.status.as_str());
    w.opt(e.note.as_deref());
    w.0.update(&(e.sources.len() as u64).to_le_bytes());
    for s in &e.sources {
        w.0.update(&s.mention_id.to_le_bytes());
        w.text(&s.url);
        w.text(&s.outlet);
        w.text(&s.title);
        w.opt(s.published.map(|p| p.to_rfc3339()).as_deref());
        w.text(&s.evidence);
        match &s.date {
            Some(d) => {
                w.0.update(&[1]);
                w.span(d);
            }
            None => {
                w.0.update(&[0]);
            }
        }
    }
    w.list(&e.related);
    w.0.update(&[u8::from(e.date_conflict)]);
    let edited: Vec<&str> = e.edited.iter().map(|f| f.as_str()).collect();
    w.list(&edited);
    w.list(langs);
    w.0.finalize().to_hex()[..32].to_string()
}

/// The fingerprint dateline stored before this layout: a hash of the
/// event's `Debug` rendering and its languages. Read only to recognise an
/// event that has not changed since, so that the first rebuild after an
/// upgrade restamps each event instead of rewriting it.
pub(super) fn legacy(e: &Event, langs: &[&str]) -> String {
    blake3::hash(format!("{e:?}\u{0}{}", langs.join(" ")).as_bytes()).to_hex()[..32].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, Kind, PartialDate, Source, Status};

    fn event() -> Event {
        Event {
            id: "e1".into(),
            kind: Kind::Listing,
            span: DateSpan::at(PartialDate::day(2024, 5, 16).expect("date")),
            title: "Commerce adds Acme".into(),
            actors: vec!["Commerce Department".into()],
            targets: vec!["Acme".into()],
            status: Status::Auto,
            note: None,
            sources: vec![Source {
                mention_id: 7,
                url: "https://a.example/1".into(),
                outlet: "a.example".into(),
                title: "Acme listed".into(),
                published: None,
                evidence: "Commerce added Acme.".into(),
                date: None,
            }],
            related: vec![],
            date_conflict: false,
            edited: vec![],
        }
    }

    #[test]
    fn every_stored_field_moves_the_fingerprint() {
        let base = fingerprint(&event(), &["en"]);
        assert_eq!(base, fingerprint(&event(), &["en"]));
        assert_eq!(base.len(), 32);
        let changes: [fn(&mut Event); 10] = [
            |e| e.title.push('!'),
            |e| e.actors.push("Treasury".into()),
            // names run together hash apart from names kept apart
            |e| e.targets = vec!["Ac".into(), "me".into()],
            |e| e.status = Status::Confirmed,
            |e| e.note = Some(String::new()),
            |e| e.sources[0].evidence.push(' '),
            |e| e.sources[0].mention_id = 8,
            |e| e.related.push("e2".into()),
            |e| e.date_conflict = true,
            |e| e.span.end = PartialDate::day(2024, 5, 17),
        ];
        for (i, change) in changes.iter().enumerate() {
            let mut e = event();
            change(&mut e);
            assert_ne!(fingerprint(&e, &["en"]), base, "change {i} went unseen");
        }
        assert_ne!(fingerprint(&event(), &["en", "zh"]), base);
        // the old layout is another hash: it is only ever compared with
        // what an older dateline stored
        assert_ne!(legacy(&event(), &["en"]), base);
        assert_eq!(legacy(&event(), &["en"]).len(), 32);
    }

    #[test]
    fn an_event_stored_under_the_old_layout_is_restamped_not_rewritten() {
        let mut s = crate::store::Store::open_in_memory().expect("db");
        // a second event after it, so that a rewrite would move e1's row
        let later = Event {
            id: "e2".into(),
            ..event()
        };
        s.replace_events(&[event(), later.clone()], &[])
            .expect("stored");
        let rowid = s.event_rowid("e1").expect("q");
        // as an older dateline left it: the langs of a source without a
        // stored mention are none
        s.conn
            .execute(
                "UPDATE events SET fingerprint = ?1 WHERE id = 'e1'",
                [legacy(&event(), &[])],
            )
            .expect("aged");
        s.replace_events(&[event(), later], &[]).expect("rebuilt");
        assert_eq!(s.event_rowid("e1").expect("q"), rowid, "rewritten");
        let stored: String = s
            .conn
            .query_row("SELECT fingerprint FROM events WHERE id = 'e1'", [], |r| {
                r.get(0)
            })
            .expect("fp");
        assert_eq!(stored, fingerprint(&event(), &[]));
    }
}
