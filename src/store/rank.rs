//! Ranking a bounded window of search candidates, here rather than with
//! FTS5's `bm25()`: that function first counts, for every phrase of the
//! query, every row of the whole index that holds it (its idf), a pass as
//! long as the number of matches (420,000 articles hold "entity" and
//! "list" at 1M; checking the phrase in each costs 70 ms) on every
//! search. The index's vocabulary (`fts5vocab`) is no shortcut: it, too,
//! walks a term's whole doclist to count it. So the same BM25 formula
//! takes everything from the window: term frequencies from each
//! candidate's headline (weight 2) and the start of its text, where news
//! puts what it is about, and each phrase's document frequency from how
//! many candidates hold it. Every candidate matched the query, so that
//! idf weighs the phrases against each other (an alias rarer in the
//! window counts more), not against the archive. Ranking costs the
//! window, never the archive.
//!
//! A phrase is counted as it reads in running text (whole words, a
//! Chinese word anywhere in a run); a document's length is its scored
//! text's length in bytes.

/// How much of a candidate's text is scored (bytes, cut on a character).
pub const SCORED_TEXT: usize = 800;

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

/// Text cut to what is scored, its ASCII letters lower-cased (the
/// index also folds other scripts' capitals; a report that differs from
/// the query only there still matched, and is scored a little low).
fn folded(text: &str) -> String {
    cut(text, SCORED_TEXT).to_ascii_lowercase()
}

/// `s` cut to at most `max` bytes, on a character boundary.
pub fn cut(s: &str, max: usize) -> &str {
    &s[..crate::text::floor_boundary(s, max)]
}

/// A phrase as it reads in running text: words joined by a space, and a
/// chain of Han bigrams (华为 为技 技术) joined back into its run (华为技术).
fn needle(words: &[String]) -> String {
    let mut out = String::new();
    for w in words {
        let first = w.chars().next();
        let chained = out.chars().last().zip(first).is_some_and(|(last, first)| {
            crate::text::is_han(last) && last == first && w.chars().count() == 2
        });
        if chained {
            out.extend(w.chars().skip(1));
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// How often `needle` occurs in `hay` as whole words (a Han end needs no
/// boundary: the index finds a Chinese word inside a run; with `prefix`
/// the last word may run on).
fn occurrences(hay: &str, needle: &str, prefix: bool) -> usize {
    if needle.is_empty() {
        return 0;
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !crate::text::is_han(c));
    let starts_han = needle.chars().next().is_some_and(crate::text::is_han);
    let ends_han = needle.chars().last().is_some_and(crate::text::is_han);
    hay.match_indices(needle)
        .filter(|(i, m)| {
            let before = hay[..*i].chars().next_back();
            let after = hay[i + m.len()..].chars().next();
            (starts_han || !word(before)) && (ends_han || prefix || !word(after))
        })
        .count()
}

/// BM25 scores of the candidates `(title, text)`, higher is better, in
/// their order. A document's length is its scored text's; a phrase's
/// document frequency is counted in the window itself (see the module).
pub fn scores(candidates: &[(String, String)], phrases: &[(Vec<String>, bool)]) -> Vec<f64> {
    let needles: Vec<(String, bool)> = phrases.iter().map(|(w, p)| (needle(w), *p)).collect();
    let docs: Vec<(String, String)> = candidates
        .iter()
        .map(|(t, x)| (folded(t), folded(x)))
        .collect();
    // term frequencies, document by document, phrase by phrase
    let tf: Vec<Vec<f64>> = docs
        .iter()
        .map(|d| {
            needles
                .iter()
                .map(|(n, prefix)| {
                    TITLE_WEIGHT * occurrences(&d.0, n, *prefix) as f64
                        + occurrences(&d.1, n, *prefix) as f64
                })
                .collect()
        })
        .collect();
    let n = docs.len() as f64;
    let idf: Vec<f64> = (0..needles.len())
        .map(|i| {
            let df = tf.iter().filter(|t| t[i] > 0.0).count() as f64;
            ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
        })
        .collect();
    let len = |d: &(String, String)| TITLE_WEIGHT * d.0.len() as f64 + d.1.len() as f64;
    let avg = docs.iter().map(len).sum::<f64>() / n.max(1.0);
    docs.iter()
        .zip(&tf)
        .map(|(d, tf)| {
            let norm = K1 * (1.0 - B + B * len(d) / avg.max(1.0));
            tf.iter()
                .zip(&idf)
                .map(|(tf, w)| w * tf * (K1 + 1.0) / (tf + norm))
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
        let docs = vec![
            (
                "Report".to_string(),
                "The entity list grew; the entity list is long.".to_string(),
            ),
            ("Entity List news".to_string(), "It grew.".to_string()),
            ("Report".to_string(), "An entity of the list.".to_string()),
            ("美国将华为列入实体清单".to_string(), "".to_string()),
        ];
        let s = scores(&docs, &p);
        assert!(s[1] > s[0] && s[0] > s[2]);
        assert_eq!(s[2], 0.0, "not the phrase");
        let zh = scores(&docs, &phrases("\"华为\""));
        assert!(zh[3] > 0.0, "a Chinese word inside a run");
        let long = scores(&docs, &phrases("\"实体 体清 清单\""));
        assert!(long[3] > 0.0 && long[0] == 0.0, "a bigram chain is its run");
        let prefix = scores(&docs, &phrases("\"ent\"*"));
        assert!(prefix[0] > 0.0 && scores(&docs, &phrases("\"ent\""))[0] == 0.0);
        assert_eq!(cut("华为华为", 4), "华");
    }
}
