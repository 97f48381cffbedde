//! Chinese official documents: parts of a statute or a judgment that
//! report no act of their own.
//!
//! - `statute_article`: "第三条 外国国家……" — an article of a statute quoted
//!   whole reports no act.
//! - `appeal_against_dated_ruling`: "对于96年3月15日……判决，提起上诉" — the
//!   date is the ruling's (the case's history); the appeal has none.

use super::super::dates::DateMatch;
use super::super::rules::TriggerKind;
use super::super::triggers::Hit;
use crate::model::Kind;

/// The numerals of a statute's articles ("第十五条").
const NUMERALS: &str = "一二三四五六七八九十百零〇";

/// True when the sentence is an article of a statute quoted whole: "第三条
/// 外国国家……" (the article's number, then its text). "第三条规定，……"
/// cites an article and is read as usual.
pub(crate) fn statute_article(s: &str) -> bool {
    let Some(t) = s.trim_start().strip_prefix('第') else {
        return false;
    };
    let rest = t.trim_start_matches(|c: char| NUMERALS.contains(c) || c.is_ascii_digit());
    if rest.len() == t.len() {
        return false;
    }
    let Some(after) = rest.strip_prefix('条').or_else(|| rest.strip_prefix('條')) else {
        return false;
    };
    // the space after the number is closed up when Chinese is normalised:
    // what follows must then be the article's text, not a verb citing it
    let after = after.trim_start();
    !after.is_empty()
        && !CITING.iter().any(|w| after.starts_with(w))
        && !after.starts_with(|c: char| c.is_ascii_punctuation() || "，、。：；".contains(c))
}

/// What follows an article's number when a sentence cites it ("第三条规定",
/// "第三条第一款", "第三条的").
const CITING: &[&str] = &[
    "规定", "規定", "明确", "指出", "要求", "第", "的", "之", "中", "款", "和", "及", "至",
];

/// True when a lawsuit verb appeals against a ruling named with its date
/// ("上诉人对于2007年3月15日……判决，提起上诉") and the sentence has no other
/// date before the verb: that date is the ruling's, not the appeal's.
pub(crate) fn appeal_against_dated_ruling(s: &str, hit: &Hit, dates: &[DateMatch]) -> bool {
    if hit.kind != TriggerKind::Kind(Kind::Lawsuit) {
        return false;
    }
    let before = s.get(..hit.verb_start).unwrap_or("");
    let object = before.trim_end_matches([',', '，', ' ', '\u{3000}']);
    if !["判决", "裁定", "裁决", "处分", "决定"]
        .iter()
        .any(|w| object.ends_with(w))
    {
        return false;
    }
    let Some(open) = object.rfind('对') else {
        return false;
    };
    let inside = |d: &DateMatch| d.start >= open && d.end <= object.len();
    let earlier: Vec<&DateMatch> = dates.iter().filter(|d| d.end <= hit.verb_start).collect();
    !earlier.is_empty() && earlier.iter().all(|d| inside(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statute_articles_quoted_whole() {
        assert!(statute_article("第七条 国家对违反本法的组织采取措施。"));
        assert!(statute_article("第十二條\u{3000}任何組織不得執行。"));
        assert!(statute_article("第七条国家对违反本法的组织采取措施。"));
        assert!(!statute_article("第七条规定，国家可以采取措施。"));
        assert!(!statute_article("第七条第二款明确，国家可以采取措施。"));
        assert!(!statute_article("第七次会议决定对该公司罚款。"));
    }
}
