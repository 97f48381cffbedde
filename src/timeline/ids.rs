//! Stable event ids. An id derives from what an event is (its kind and the
//! report it was first seen in), never from row ids or insertion order, so
//! the same corpus gives the same ids on any machine and the analyst's
//! decisions, which name events by id, hold across `reindex`.

use crate::model::MentionRecord;
use std::cmp::Ordering;

/// 16 hex digits of a blake3 hash over `parts`, separated by NUL bytes.
fn hash16(parts: &[&str]) -> String {
    let mut h = blake3::Hasher::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update(b"\0");
    }
    h.finalize().to_hex()[..16].to_string()
}

/// The id an event gets when this mention is its seed: kind, article url,
/// evidence sentence (runs of white space folded, so re-cleaning text that
/// only changes spacing keeps ids) and stated start.
pub fn mention_id(m: &MentionRecord) -> String {
    let mut h = blake3::Hasher::new();
    h.update(m.mention.kind.as_str().as_bytes());
    h.update(b"\0");
    h.update(m.url.as_bytes());
    h.update(b"\0");
    for (i, w) in m.mention.evidence.split_whitespace().enumerate() {
        if i > 0 {
            h.update(b" ");
        }
        h.update(w.as_bytes());
    }
    h.update(b"\0");
    h.update(m.mention.span.start.to_string().as_bytes());
    h.update(b"\0");
    h.finalize().to_hex()[..16].to_string()
}

/// The id of the event a `split` decision cuts out of `event` for `url`.
pub fn split_id(event: &str, url: &str) -> String {
    hash16(&["split", event, url])
}

/// The order in which mentions become seeds: earliest published first
/// (unknown times last), then url, sentence and evidence, so the result
/// never depends on the order the store hands mentions over.
pub fn seed_order(a: &MentionRecord, b: &MentionRecord) -> Ordering {
    let ta = a.published.map(|t| t.timestamp());
    let tb = b.published.map(|t| t.timestamp());
    match (ta, tb) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.url.cmp(&b.url))
    .then_with(|| a.mention.sentence.cmp(&b.mention.sentence))
    .then_with(|| a.mention.evidence.cmp(&b.mention.evidence))
    .then_with(|| a.mention.kind.cmp(&b.mention.kind))
    .then_with(|| a.mention.span.start.cmp(&b.mention.span.start))
    .then_with(|| a.mention.targets.cmp(&b.mention.targets))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::testutil::rec;

    #[test]
    fn ids_ignore_row_ids_and_spacing() {
        let a = rec(
            1,
            "https://a.example/1",
            "2026-05-17",
            "listing",
            "2026-05-16",
            "Commerce  added Huawei.",
        );
        let mut b = a.clone();
        b.id = 99;
        b.article_id = 42;
        b.mention.evidence = "Commerce added\nHuawei.".into();
        assert_eq!(mention_id(&a), mention_id(&b));
        let mut c = a.clone();
        c.url = "https://b.example/1".into();
        assert_ne!(mention_id(&a), mention_id(&c));
        assert_eq!(mention_id(&a).len(), 16);
        assert_ne!(split_id("x", "u"), split_id("x", "v"));
    }

    #[test]
    fn seeds_are_earliest_published_then_url() {
        let a = rec(
            1,
            "https://b.example/",
            "2026-05-17",
            "listing",
            "2026-05-16",
            "x",
        );
        let b = rec(
            2,
            "https://a.example/",
            "2026-05-18",
            "listing",
            "2026-05-16",
            "x",
        );
        let c = rec(
            3,
            "https://a.example/",
            "2026-05-17",
            "listing",
            "2026-05-16",
            "x",
        );
        let mut v = [b.clone(), a.clone(), c.clone()];
        v.sort_by(seed_order);
        assert_eq!(v.iter().map(|m| m.id).collect::<Vec<_>>(), vec![3, 1, 2]);
    }
}
