//! Chinese in a full-text index. SQLite's unicode61 tokenizer keeps a run
//! of Han characters as one token, so 华为 is not found inside
//! 美国将华为列入实体清单; the trigram tokenizer cannot match two-character
//! words. Both the indexed text and the query are therefore rewritten: a
//! run of Han characters becomes its overlapping two-character words
//! (华为列入 → 华为 为列 列入), so a two-character query is one token and a
//! longer one is a phrase of bigrams.

use crate::text::is_han;

/// Text as it is written into an FTS5 column.
pub fn index_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut run: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_han(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn flush(run: &mut Vec<char>, out: &mut String) {
    if run.is_empty() {
        return;
    }
    out.push(' ');
    if run.len() == 1 {
        out.push(run[0]);
    } else {
        for w in run.windows(2) {
            out.push(w[0]);
            out.push(w[1]);
            out.push(' ');
        }
    }
    out.push(' ');
    run.clear();
}

/// Whether a query's text has anything to search for: the one check, and
/// the one message, behind `search`, `events QUERY` and the filters that
/// carry text, so `search ':'` and `events ':'` answer alike.
pub fn check_text(query: &str) -> Result<(), String> {
    match match_expr(query) {
        Some(_) => Ok(()),
        None => Err(format!(
            "nothing to search for in '{}'",
            crate::text::clean_line(query)
        )),
    }
}

/// A user's free-text query as an FTS5 MATCH expression: every term must
/// occur (AND); quoted phrases stay phrases; Han runs become bigram
/// phrases; a single Han character matches any bigram it starts. Returns
/// `None` when nothing searchable is left. Never produces FTS5 syntax
/// errors, since every term is quoted.
pub fn match_expr(query: &str) -> Option<String> {
    let terms: Vec<String> = terms(query)
        .into_iter()
        .filter_map(|(t, _)| term_expr(t))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// The terms of a free-text query in order: each word, or each quoted
/// phrase (flagged `true`); an unclosed quote runs to the end.
pub fn terms(query: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = query;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let (term, quoted, next) = if let Some(stripped) = rest.strip_prefix('"') {
            match stripped.find('"') {
                Some(end) => (&stripped[..end], true, &stripped[end + 1..]),
                None => (stripped, true, ""),
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], false, &rest[end..])
        };
        out.push((term, quoted));
        rest = next;
    }
    out
}

/// One term as an FTS5 expression (always quoted, so never a syntax
/// error); `None` when it holds nothing searchable.
pub fn term_expr(term: &str) -> Option<String> {
    let indexed = index_text(term);
    let words: Vec<String> = indexed
        .split(|c: char| !(c.is_alphanumeric() || is_han(c)))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_string())
        .collect();
    match words.as_slice() {
        [] => None,
        [one] if one.chars().count() == 1 && one.chars().all(is_han) => Some(format!("\"{one}\"*")),
        _ => Some(format!("\"{}\"", words.join(" "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_runs_become_bigrams() {
        assert_eq!(
            index_text("美国将华为")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["美国", "国将", "将华", "华为"]
        );
        assert_eq!(
            index_text("Huawei 华为 ban")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["Huawei", "华为", "ban"]
        );
    }

    #[test]
    fn queries_are_quoted_and_joined() {
        let cases = [
            ("Alibaba", Some("\"Alibaba\"")),
            ("entity list", Some("\"entity\" AND \"list\"")),
            ("\"entity list\"", Some("\"entity list\"")),
            ("华为", Some("\"华为\"")),
            ("实体清单", Some("\"实体 体清 清单\"")),
            ("华", Some("\"华\"*")),
            ("AND OR NOT ( ) *", Some("\"AND\" AND \"OR\" AND \"NOT\"")),
            ("  \" ", None),
            ("\"unclosed phrase", Some("\"unclosed phrase\"")),
        ];
        for (q, want) in cases {
            assert_eq!(match_expr(q).as_deref(), want, "query {q:?}");
        }
    }
}
