//! Ranking a bounded window of search candidates, here rather than with
//! FTS5's `bm25()`: that function first counts, for every phrase of the
//! query, every row of the whole index that holds it (its idf), a pass as
//! long as the number of matches (350,000 articles say "huawei" or
//! 华为 at 1M) on every search. Here the same BM25 formula takes each
//! term's document count from the index's vocabulary (`fts5vocab`, one
//! lookup a term) and its frequencies from the candidates' own text, so
//! ranking costs the window, not the archive.
//!
//! A phrase's document count is its rarest word's (an upper bound, so its
//! weight is a little low); an article is scored on its headline and the
//! start of its text, where news puts what it is about.

use super::cjk;
use super::Result;
use rusqlite::Connection;

/// How much of a candidate's text is scored (bytes, cut on a character).
pub const SCORED_TEXT: usize = 1500;

/// A headline counts as much as this many copies of the text.
const TITLE_WEIGHT: f64 = 2.0;
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// The phrases of an FTS5 match expression as built by the store (every
/// term quoted; `*` marks a prefix), lower-cased words each.
pub fn phrases(expr: &str) -> Vec<(Vec<String>, bool)> {
    let mut out = Vec::new();
    let mut rest = expr;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('"') else { break };
        let words: Vec<String> = after[..end]
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let prefix = after[end + 1..].starts_with('*');
        if !words.is_empty() && !out.iter().any(|(w, p)| *w == words && *p == prefix) {
            out.push((words, prefix));
        }
        rest = &after[end + 1..];
    }
    out
}

/// A candidate's words as the index has them (Han runs as bigrams),
/// lower-cased.
fn words(text: &str) -> Vec<String> {
    let cut = cut(text, SCORED_TEXT);
    cjk::index_text(cut)
        .split(|c: char| !(c.is_alphanumeric() || crate::text::is_han(c)))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `s` cut to at most `max` bytes, on a character boundary.
pub fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// How often a phrase occurs in `ws`.
fn occurrences(ws: &[String], phrase: &[String], prefix: bool) -> usize {
    if phrase.is_empty() || ws.len() < phrase.len() {
        return 0;
    }
    let last = phrase.len() - 1;
    ws.windows(phrase.len())
        .filter(|w| {
            w.iter().zip(phrase).enumerate().all(|(i, (a, b))| {
                if prefix && i == last {
                    a.starts_with(b.as_str())
                } else {
                    a == b
                }
            })
        })
        .count()
}

/// Each phrase's inverse document frequency, from the vocabulary table
/// `vocab` (an `fts5vocab` of type `row`) and the number of rows `n`.
pub fn idf(
    conn: &Connection,
    vocab: &str,
    phrases: &[(Vec<String>, bool)],
    n: f64,
) -> Result<Vec<f64>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT doc FROM {vocab} WHERE term = ?1"))?;
    let mut out = Vec::with_capacity(phrases.len());
    for (ws, prefix) in phrases {
        let mut df = f64::MAX;
        for (i, w) in ws.iter().enumerate() {
            // a prefix matches many terms: count it as common
            let d = if *prefix && i + 1 == ws.len() {
                n / 2.0
            } else {
                let mut rows = stmt.query([w])?;
                match rows.next()? {
                    Some(r) => r.get::<_, i64>(0)? as f64,
                    None => 0.0,
                }
            };
            df = df.min(d);
        }
        let df = df.min(n).max(0.0);
        out.push(((n - df + 0.5) / (df + 0.5) + 1.0).ln());
    }
    Ok(out)
}

/// BM25 scores of the candidates `(title, text)`, higher is better, in
/// their order.
pub fn scores(
    candidates: &[(String, String)],
    phrases: &[(Vec<String>, bool)],
    idf: &[f64],
) -> Vec<f64> {
    let docs: Vec<(Vec<String>, Vec<String>)> = candidates
        .iter()
        .map(|(t, x)| (words(t), words(x)))
        .collect();
    let len = |d: &(Vec<String>, Vec<String>)| TITLE_WEIGHT * d.0.len() as f64 + d.1.len() as f64;
    let avg = docs.iter().map(len).sum::<f64>() / docs.len().max(1) as f64;
    docs.iter()
        .map(|d| {
            let norm = K1 * (1.0 - B + B * len(d) / avg.max(1.0));
            phrases
                .iter()
                .zip(idf)
                .map(|((p, prefix), w)| {
                    let tf = TITLE_WEIGHT * occurrences(&d.0, p, *prefix) as f64
                        + occurrences(&d.1, p, *prefix) as f64;
                    w * tf * (K1 + 1.0) / (tf + norm)
                })
                .sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_of_a_built_expression() {
        let p = phrases(
            "(\"huawei\" OR \"华为\" OR \"huawei technologies\") AND \"entity list\" AND \"Alib\"*",
        );
        let words: Vec<(String, bool)> = p.iter().map(|(w, x)| (w.join(" "), *x)).collect();
        assert_eq!(
            words,
            [
                ("huawei".to_string(), false),
                ("华为".to_string(), false),
                ("huawei technologies".to_string(), false),
                ("entity list".to_string(), false),
                ("alib".to_string(), true)
            ]
        );
    }

    #[test]
    fn more_and_earlier_occurrences_score_higher() {
        let p = phrases("\"entity list\"");
        let w = [1.0];
        let docs = vec![
            (
                "Report".to_string(),
                "The entity list grew; the entity list is long.".to_string(),
            ),
            ("Entity List news".to_string(), "It grew.".to_string()),
            ("Report".to_string(), "An entity of the list.".to_string()),
            ("美国将华为列入实体清单".to_string(), "".to_string()),
        ];
        let s = scores(&docs, &p, &w);
        assert!(s[1] > s[0] && s[0] > s[2]);
        assert_eq!(s[2], 0.0, "not the phrase");
        let zh = scores(&docs, &phrases("\"华为\""), &w);
        assert!(zh[3] > 0.0, "a Chinese word inside a run");
        assert_eq!(cut("华为华为", 4), "华");
    }
}
