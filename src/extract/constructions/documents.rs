//! Chinese official documents: parts of a statute or a judgment that
//! report no act of their own.
//!
//! - `statute_article`: "第三条 外国国家……" — an article of a statute quoted
//!   whole reports no act.
//! - `disposition_heading`: "主 文" on a line of its own — the sentence
//!   under it is the judgment's disposition, stated on the judgment's day.
//! - `appeal_against_dated_ruling`: "对于96年3月15日……判决，提起上诉",
//!   "不服92年11月14日……诉愿决定，提起行政诉讼" — the date is the decision's
//!   (the case's history); the appeal has none.
//! - `cited_amendment`: "依照2025年9月新修正的资通安全管理法规定，机关不得……"
//!   — the date is the law's amendment; what the sentence goes on to
//!   require is stated on the document's day.
//! - `publication_line` and `title_kind`: "（2008年9月16日商务部令第12号公布）"
//!   — the document's own publication line dates the measure its title
//!   names ("……禁止出口……目录": an export control), or, for a title that
//!   names a rule ("……规定"), the rule's making.
//! - `petition_decision`: "经行政院……以……号诉愿决定驳回" — an administrative
//!   petition dismissed by a ministry is no court's ruling.
//! - `disposition_not_opening`: "被上诉人声明：上诉驳回" — a party's prayer, or
//!   an earlier judgment in the case's history, is not the document's
//!   disposition.
//! - `asked_about_recent_act`: "问：近日，……对其立案调查。" — a spokesperson's
//!   answers speak of an act some days before, not of the day they are
//!   given.
//! - `item_intro` and `numbered_item`: "决定将……列入不可靠实体清单，并采取
//!   以下措施：" then "五、对上述企业处以罚款" — an item of a decision's
//!   numbered list states no date of its own; it is the decision's.

use super::super::dates::DateMatch;
use super::super::rules::TriggerKind;
use super::super::triggers::Hit;
use super::super::{normalize, Lang, Rules};
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
    // "对于……判决，提起上诉"; "不服……诉愿决定，提起行政诉讼"
    let Some(open) = [object.rfind('对'), object.rfind("不服")]
        .into_iter()
        .flatten()
        .max()
    else {
        return false;
    };
    let inside = |d: &DateMatch| d.start >= open && d.end <= object.len();
    let earlier: Vec<&DateMatch> = dates.iter().filter(|d| d.end <= hit.verb_start).collect();
    !earlier.is_empty() && earlier.iter().all(|d| inside(d))
}

/// True when the sentence ends in a judgment's heading "主 文" (the
/// disposition's), alone on its line or after "本院判决如下：" (or the
/// older "如左："), so the
/// next sentence is the disposition.
pub(crate) fn disposition_heading(s: &str) -> bool {
    // read for every sentence: every heading ends in 文
    if !s.trim_end().ends_with('文') {
        return false;
    }
    let squeezed: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed == "主文"
        || ["如下:主文", "如下：主文", "如左:主文", "如左：主文"]
            .iter()
            .any(|w| squeezed.ends_with(w))
}

/// True when an effect verb closes an instrument's number: "商务部令第12号
/// 公布", "公告第38号修订", "令2020年第4号发布".
pub(crate) fn publication_line(s: &str, hit: &Hit) -> bool {
    let verb = s.get(hit.verb_start..hit.verb_end).unwrap_or("");
    let before = s.get(..hit.verb_start).unwrap_or("");
    ["公布", "发布", "修订"].contains(&verb)
        && before.ends_with('号')
        && before
            .rfind('第')
            .and_then(|i| before.get(..i))
            .is_some_and(|b| {
                let b = b.trim_end_matches(|c: char| c.is_ascii_digit() || c == '年');
                b.ends_with('令') || b.ends_with("公告")
            })
}

/// The kind of measure a title names ("中国禁止出口限制出口技术目录": an
/// export control), or legislation for a title that names a rule ("不可靠实体
/// 清单规定"); `None` when it names neither.
pub(crate) fn title_kind(rules: &Rules, title: &str, lang: Lang) -> Option<Kind> {
    let norm = normalize::normalize(title).map(|n| n.text);
    let title = norm.as_deref().unwrap_or(title).trim();
    let named = rules
        .triggers
        .find(title, lang)
        .into_iter()
        // "实施《……反外国制裁法》的规定": a law's name is no measure
        .filter(|h| !inside_title_marks(title, h.verb_start))
        .find_map(|h| match h.kind {
            TriggerKind::Kind(k) if !h.nominal => Some(k),
            _ => None,
        });
    named.or_else(|| {
        ["规定", "条例", "办法", "细则"]
            .iter()
            .any(|w| title.ends_with(w))
            .then_some(Kind::Legislation)
    })
}

/// Whether byte `at` of `s` stands inside 《…》.
fn inside_title_marks(s: &str, at: usize) -> bool {
    let before = s.get(..at).unwrap_or("");
    before.matches('《').count() > before.matches('》').count()
}

/// True when `date` dates the amendment of a law the sentence acts under
/// ("依照2025年9月新修正的……法规定") and the trigger is not that amendment.
pub(crate) fn cited_amendment(s: &str, date: &DateMatch, hit: &Hit) -> bool {
    let before = s.get(..date.start).unwrap_or("");
    let Some(head) = ["依照", "依据", "根据"]
        .iter()
        .filter_map(|h| before.rfind(h))
        .max()
    else {
        return false;
    };
    let after = s.get(date.end..).unwrap_or("");
    let amended = ["新修正", "修正", "新修订", "修订", "三读通过"]
        .iter()
        .any(|w| after.starts_with(w));
    let Some(tail) = after.find("规定").map(|i| date.end + i + "规定".len()) else {
        return false;
    };
    let clause = |t: &str| !t.contains(['，', '。', '；', ',', ';']);
    amended
        && clause(s.get(head..tail).unwrap_or(","))
        && (hit.verb_start < head || hit.verb_start >= tail)
}

/// The day a sentence says an announcement was issued, when that is all it
/// says: "1月6日，商务部发布2026年第1号公告。" — the decisions the next
/// sentences state in the announcement's words ("决定加强……") are that
/// day's.
pub(crate) fn announcement_day(s: &str, dates: &[DateMatch]) -> Option<chrono::NaiveDate> {
    let verb = ["发布", "公布", "发出"]
        .iter()
        .filter_map(|v| s.find(v))
        .min()?;
    if !s.get(verb..)?.contains("公告") {
        return None;
    }
    let vague = &super::super::lang::words("zh").vague_past;
    if vague.iter().any(|w| s.contains(w.as_str())) {
        return None;
    }
    let d = dates.iter().rev().find(|d| d.end <= verb)?;
    d.span.start.as_day()
}

/// True when a ruling verb is an administrative petition's outcome
/// ("经行政院……以……号诉愿决定驳回"): a ministry's review of its own
/// decision, not a court's ruling.
pub(crate) fn petition_decision(s: &str, hit: &Hit) -> bool {
    if hit.kind != TriggerKind::Kind(Kind::Ruling) {
        return false;
    }
    let before = s.get(..hit.verb_start).unwrap_or("");
    let clause = before
        .rfind(['，', '。', '；', ','])
        .map_or(before, |i| &before[i..]);
    names_petition_decision(clause)
}

/// True when a clause ends on an administrative petition's decision
/// ("……号诉愿决定").
fn names_petition_decision(clause: &str) -> bool {
    clause.ends_with("诉愿决定") || clause.ends_with("诉愿决定书")
}

/// True when the clause after a date (`rest`, the text from the date's
/// end) says the date is a judgment's header or a petition's, not an act:
/// "105年5月26日辩论终结" (the hearing closed), "行政院……104年9月9日院台诉
/// 字第……号诉愿决定" (the ministry's review the suit is brought against).
pub(crate) fn dates_a_hearing_or_petition(rest: &str) -> bool {
    let clause = rest
        .split(['，', '。', '；', ',', '\n'])
        .next()
        .unwrap_or("")
        .trim();
    clause.starts_with("辩论终结")
        || clause.starts_with("言词辩论终结")
        || names_petition_decision(clause)
}

/// The dispositions a judgment opens its holding with.
const DISPOSITIONS: &[&str] = &["原判决废弃", "上诉驳回", "诉愿决定及原处分均撤销"];

/// True when a disposition's words at `a..b` do not open what the court
/// holds: a party's prayer ("被上诉人声明：上诉驳回") or an earlier
/// judgment in the case's history ("经本院……判决将原判决废弃"). A
/// disposition opens the sentence, or follows "主文" or "如下：".
pub(crate) fn disposition_not_opening(s: &str, a: usize, b: usize) -> bool {
    if !DISPOSITIONS.contains(&s.get(a..b).unwrap_or("")) {
        return false;
    }
    let before: String = s
        .get(..a)
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let opens = before.is_empty()
        || ["主文", "如下：", "如下:", "如左：", "如左:", "本件"]
            .iter()
            .any(|w| before.ends_with(w));
    !opens
}

/// The words that date a measure "from the day it was issued".
pub(crate) const FROM_ISSUE: &[&str] = &["自公布之日起", "自发布之日起", "自印发之日起"];

/// True when "自公布之日起" at byte `at` belongs to a reported instrument
/// ("公告自公布之日起正式实施", "该决定自发布之日起施行"), not the document's
/// own ("本公告自……", "现予公布，自公布之日起施行"): it is the day that
/// instrument was issued, which the report gave before.
pub(crate) fn reported_from_issue(s: &str, at: usize) -> bool {
    let before = s.get(..at).unwrap_or("");
    ["公告", "决定", "通知", "规定", "措施", "政策"]
        .iter()
        .any(|w| before.ends_with(w))
        && !["本", "现"].iter().any(|w| {
            before
                .char_indices()
                .rev()
                .nth(2)
                .and_then(|(i, _)| before.get(i..))
                .is_some_and(|t| t.starts_with(w))
        })
}

/// True when a question of a press Q&A ("问：近日，……") asks about an act
/// of some days before: the answers' undated acts are that act, not the
/// document's own.
pub(crate) fn asked_about_recent_act(text: &str) -> bool {
    let vague = &super::super::lang::words("zh").vague_past;
    text.lines().any(|l| {
        let l = l.trim_start();
        ["问：", "问:", "记者问："].iter().any(|q| l.starts_with(q))
            && vague.iter().any(|w| l.contains(w.as_str()))
    })
}

/// True when the sentence introduces a numbered list of measures ("并采取
/// 以下措施：", "采取反制措施："): it ends in a colon after 措施. A
/// statement's "共同声明如下：" lists views, not measures.
pub(crate) fn item_intro(s: &str) -> bool {
    s.trim_end()
        .strip_suffix(['：', ':'])
        .is_some_and(|t| t.ends_with("措施"))
}

/// Where the measures a decision lists inline begin: "……列入不可靠实体
/// 清单，并采取以下处理措施：禁止上述企业……；禁止……" (the byte after the
/// colon), when something follows it. The measures are the decision's
/// items, written in its sentence rather than numbered below it.
pub(crate) fn inline_items(s: &str) -> Option<usize> {
    ["措施：", "措施:"].iter().find_map(|intro| {
        let at = s.find(intro)? + intro.len();
        s[at..]
            .trim_end_matches(['。', '.', ' ', '\n'])
            .chars()
            .any(|c| !c.is_whitespace())
            .then_some(at)
    })
}

/// True when the sentence is an item of a numbered list: "一、", "（二）",
/// "(3)", "4、" at its start.
pub(crate) fn numbered_item(s: &str) -> bool {
    let t = s.trim_start();
    let numeral = |c: char| NUMERALS.contains(c) || c.is_ascii_digit();
    let (open, body) = match t.strip_prefix(['（', '(']) {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let n = body.chars().take_while(|&c| numeral(c)).count();
    if n == 0 || n > 3 {
        return false;
    }
    let mut rest = body.chars().skip(n);
    match rest.next() {
        Some('）' | ')') => open,
        Some('、') => !open,
        _ => false,
    }
}

/// True when an item states a rule of procedure before the verb at `verb`
/// ("四、商务部应当自收到申请之日起进行审查"): what shall be done, not what
/// was.
pub(crate) fn item_rule(s: &str, verb: usize) -> bool {
    let before = s.get(..verb).unwrap_or("");
    ["应当", "应", "须", "可以", "得以"]
        .iter()
        .any(|w| before.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_listed_inline_after_their_introduction() {
        let s = "决定将下列实体列入清单，并采取以下处理措施：禁止上述企业从事进出口活动。";
        assert_eq!(inline_items(s).map(|at| &s[at..at + 6]), Some("禁止"));
        // the introduction at the end of a sentence lists below it
        assert_eq!(inline_items("决定对上述企业采取以下措施："), None);
        assert_eq!(inline_items("决定采取以下措施。"), None);
    }

    #[test]
    fn statute_articles_quoted_whole() {
        assert!(statute_article("第七条 国家对违反本法的组织采取措施。"));
        assert!(statute_article("第十二條\u{3000}任何組織不得執行。"));
        assert!(statute_article("第七条国家对违反本法的组织采取措施。"));
        assert!(!statute_article("第七条规定，国家可以采取措施。"));
        assert!(!statute_article("第七条第二款明确，国家可以采取措施。"));
        assert!(!statute_article("第七次会议决定对该公司罚款。"));
    }

    #[test]
    fn a_question_about_an_act_of_some_days_before() {
        assert!(asked_about_recent_act(
            "问：近日，某局对某公司立案调查。\n\n答：这是日常执法。"
        ));
        assert!(!asked_about_recent_act(
            "问：6月16日，某局对某公司立案调查。\n\n答：是。"
        ));
        assert!(!asked_about_recent_act("某局近日对某公司立案调查。"));
    }

    #[test]
    fn an_instrument_in_force_from_its_issue_reported_or_its_own() {
        let r = |s: &str| reported_from_issue(s, s.find("自").unwrap_or(0));
        assert!(r("公告自公布之日起正式实施。"));
        assert!(r("该决定自发布之日起施行。"));
        assert!(!r("本公告自发布之日起施行。"));
        assert!(!r("现予公布，自公布之日起施行。"));
    }

    #[test]
    fn a_disposition_opens_what_the_court_holds() {
        let n = |s: &str| {
            let a = s
                .find("上诉驳回")
                .or_else(|| s.find("原判决废弃"))
                .unwrap_or(0);
            let w = if s[a..].starts_with("上诉驳回") {
                "上诉驳回"
            } else {
                "原判决废弃"
            };
            disposition_not_opening(s, a, a + w.len())
        };
        assert!(!n("上诉驳回。"));
        assert!(!n("本院判决如下：主 文 原判决废弃，发回。"));
        assert!(n("被上诉人声明：上诉驳回。"));
        assert!(n("经本院判决将原判决废弃，发回更审。"));
    }

    #[test]
    fn a_disposition_heading_alone_on_its_line() {
        assert!(disposition_heading("主 文\n"));
        assert!(disposition_heading("本院判决如下：\n主\u{3000}文"));
        assert!(!disposition_heading("本案的主文"));
    }
}
