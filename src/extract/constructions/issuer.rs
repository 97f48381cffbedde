//! The body that issues an official document. A ministry's announcement
//! ("外交部令第1号", "国务院关税税则委员会公告") or a court's opinion ("IN THE
//! UNITED STATES DISTRICT COURT FOR THE DISTRICT OF MONTANA … ORDER")
//! states its decisions in its own voice: "中方决定…", "决定采取以下出口管制
//! 措施", "IT IS ORDERED that the motion is GRANTED". Those sentences name
//! no actor, or only the country; the body in the document's heading is
//! the one that acts.

use super::super::entities::Gazetteer;

/// What a heading must say for the body in it to be the document's
/// issuer: an instrument (公告, 令, 决定 …) or a court's opinion or order.
const ZH_INSTRUMENTS: &[&str] = &[
    "公告",
    "令第",
    "部令",
    "决定",
    "通知",
    "判决",
    "裁定",
    "新闻稿",
    "声明",
    "函",
];
const EN_COURT_MARKS: &[&str] = &["OPINION", "ORDER", "MEMORANDUM", "Slip Op", "JUDGMENT"];

/// Kinds of entity that issue documents.
const ISSUING: &[&str] = &["agency", "court", "government", "legislature"];

/// True when the name at byte `start` is what the measure is taken
/// against: right after 对 ("关于对美国国会议员…采取反制措施的决定"), a
/// country's name between them or not.
fn object_of_measure(head: &str, start: usize) -> bool {
    let before = head.get(..start).unwrap_or("");
    before.chars().rev().take(3).any(|c| c == '对' || c == '對')
}

/// The issuer of a document from its heading: its title and the first
/// bytes of its text. `None` for journalism and anything whose heading
/// names no issuing body beside an instrument.
pub(crate) fn issuer(title: &str, text: &str, gazetteer: &Gazetteer) -> Option<String> {
    let mut end = text.len().min(600);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = format!("{title}\n{}", &text[..end]);
    let han = head.chars().any(crate::text::is_han);
    // the instrument is named in the heading itself (the title, or a first
    // line that is a heading: no sentence punctuation), not in a report's
    // lede or further down
    let first_line = text[..end]
        .lines()
        .next()
        .filter(|l| !l.contains(['，', '。', '；']))
        .unwrap_or("");
    if han
        && ZH_INSTRUMENTS
            .iter()
            .any(|w| title.contains(w) || first_line.contains(w))
    {
        return gazetteer
            .find(&head)
            .into_iter()
            .find(|f| ISSUING.contains(&f.kind.as_str()) && !object_of_measure(&head, f.start))
            .map(|f| f.name)
            .or_else(|| signature(text, gazetteer));
    }
    // headings are set in capitals, which the case-sensitive gazetteer
    // does not read: the checks below compare lower-cased text
    let lower = head.to_lowercase();
    if let Some(body) = congress_print(&lower) {
        return gazetteer.lookup(body).map(|e| e.name.clone());
    }
    // "Coalition v. Abbott, Order (W.D. Tex. Dec. 11, 2023)": a caption
    // and a citation in the title are a court's document too
    let caption = title.contains(" v. ") && title.contains(" (");
    if caption || EN_COURT_MARKS.iter().any(|w| head.contains(w)) {
        // Court headings are set in capitals, which the case-sensitive
        // gazetteer does not read: compare long aliases case-blind.
        let mut best: Option<(usize, &str)> = None;
        for e in gazetteer.entities.iter().filter(|e| e.kind == "court") {
            for alias in std::iter::once(&e.name).chain(&e.aliases) {
                if !alias.is_ascii() {
                    continue;
                }
                // a citation's abbreviation ("W.D. Tex.", "D.D.C.") is
                // read as written; a long name in any case
                let cited =
                    alias.len() < 14 && alias.contains('.') && head.contains(alias.as_str());
                if alias.len() < 14 && !cited {
                    continue;
                }
                // the longest name wins: "District of Montana" over a
                // bare "Court of Appeals"
                if (cited || lower.contains(&alias.to_lowercase()))
                    && best.is_none_or(|(len, _)| alias.len() > len)
                {
                    best = Some((alias.len(), e.name.as_str()));
                }
            }
        }
        return best.map(|(_, name)| name.to_string());
    }
    None
}

/// The body that acts in a bill or law as Congress prints it ("117th
/// CONGRESS / 1st Session … IN THE SENATE OF THE UNITED STATES"; "Public
/// Law 117-55 / 117th Congress … An Act"): the chamber a bill is
/// introduced in, Congress for a law.
fn congress_print(lower: &str) -> Option<&'static str> {
    let session = ["th congress", "st congress", "nd congress", "rd congress"]
        .iter()
        .any(|w| lower.contains(w));
    if !session {
        return None;
    }
    if lower.contains("public law") {
        Some("Congress")
    } else if lower.contains("in the senate of the united states") {
        Some("Senate")
    } else if lower.contains("in the house of representatives") {
        Some("House of Representatives")
    } else {
        None
    }
}

/// The parties a court document's title names as "A v. B, Order …": the
/// plaintiffs' side and the defendants', each by its gazetteer name or as
/// written ("et al." dropped). `None` for a title that is no caption.
pub(crate) fn caption_parties(
    title: &str,
    gazetteer: &Gazetteer,
) -> Option<(Vec<String>, Vec<String>)> {
    let (left, right) = title.split_once(" v. ")?;
    let right = right
        .split(", ")
        .next()
        .unwrap_or(right)
        .split(" (")
        .next()
        .unwrap_or(right);
    let side = |part: &str| -> Vec<String> {
        let part = part
            .trim()
            .trim_end_matches("et al.")
            .trim()
            .trim_end_matches(',');
        let known: Vec<String> = gazetteer.find(part).into_iter().map(|f| f.name).collect();
        if !known.is_empty() {
            return known;
        }
        let words = part.split_whitespace().count();
        if (1..=8).contains(&words) && part.starts_with(|c: char| c.is_uppercase()) {
            vec![part.to_string()]
        } else {
            Vec::new()
        }
    };
    let (a, b) = (side(left), side(right));
    (!a.is_empty() || !b.is_empty()).then_some((a, b))
}

/// The body that signs a document at its foot: a line that is nothing
/// but an issuing body's name ("外交部", then the date), among the last
/// lines of the text.
fn signature(text: &str, gazetteer: &Gazetteer) -> Option<String> {
    text.lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(12)
        .find_map(|line| {
            let found = gazetteer.find(line);
            match found.as_slice() {
                [f] if f.start == 0
                    && f.end == line.len()
                    && ISSUING.contains(&f.kind.as_str()) =>
                {
                    Some(f.name.clone())
                }
                _ => None,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Rules;

    fn of(title: &str, text: &str) -> Option<String> {
        issuer(title, text, &Rules::builtin().gazetteer)
    }

    #[test]
    fn a_ministry_heading_an_instrument_issues_it() {
        assert_eq!(
            of(
                "中华人民共和国外交部令 第3号",
                "外交部决定对下列企业采取反制措施。"
            )
            .as_deref(),
            Some("Ministry of Foreign Affairs")
        );
        assert_eq!(
            of(
                "",
                "国务院关税税则委员会公告\n\n决定自下月起调整加征关税措施。"
            )
            .as_deref(),
            Some("Customs Tariff Commission of the State Council")
        );
    }

    #[test]
    fn a_body_the_measure_is_taken_against_issues_nothing() {
        assert_eq!(
            of(
                "关于对某国议会议长采取反制措施的决定",
                "外交部决定对其采取反制措施。"
            )
            .as_deref(),
            Some("Ministry of Foreign Affairs")
        );
        assert_eq!(
            of(
                "关于对美国国会议员采取反制措施的决定",
                "本决定自即日起施行。"
            ),
            None
        );
    }

    #[test]
    fn the_body_that_signs_the_foot_issues_it() {
        assert_eq!(
            of(
                "关于对某国议员采取反制措施的决定",
                "中方决定对其采取反制措施。\n\n本决定自即日起施行。\n\n外交部\n\n2024年1月2日"
            )
            .as_deref(),
            Some("Ministry of Foreign Affairs")
        );
        // a foot line that says more than a name is a sentence, not a
        // signature (past the heading, where any body would count)
        let long = format!(
            "{}\n\n外交部发言人表示支持。",
            "中方决定对其采取反制措施。".repeat(20)
        );
        assert_eq!(of("关于对某国议员采取反制措施的决定", &long), None);
        let signed = format!(
            "{}\n\n外交部\n\n2024年1月2日",
            "中方决定对其采取反制措施。".repeat(20)
        );
        assert_eq!(
            of("关于对某国议员采取反制措施的决定", &signed).as_deref(),
            Some("Ministry of Foreign Affairs")
        );
    }

    #[test]
    fn a_court_heading_in_capitals_issues_its_order() {
        assert_eq!(
            of(
                "Doe v. Roe",
                "IN THE UNITED STATES DISTRICT COURT FOR THE DISTRICT OF MONTANA\n\nORDER\n\nThe motion is granted."
            )
            .as_deref(),
            Some("U.S. District Court for the District of Montana")
        );
    }

    #[test]
    fn a_caption_citing_its_court_issues_the_order() {
        assert_eq!(
            of(
                "Lark Labs v. Doe, Order (W.D. Tex. Mar. 3, 2024)",
                "Lark Labs v. Doe\n\nThe motion is granted."
            )
            .as_deref(),
            Some("U.S. District Court for the Western District of Texas")
        );
        assert_eq!(
            of("Lark Labs v. Doe, Order", "The motion is granted."),
            None
        );
    }

    #[test]
    fn a_caption_names_both_sides() {
        let g = &Rules::builtin().gazetteer;
        assert_eq!(
            caption_parties("Lark Labs Inc. v. Dep't of Def., Memorandum Opinion", g),
            Some((
                vec!["Lark Labs Inc.".to_string()],
                vec!["Department of Defense".to_string()]
            ))
        );
        assert_eq!(caption_parties("Court blocks the ban on Lark", g), None);
    }

    #[test]
    fn journalism_has_no_issuer() {
        assert_eq!(
            of(
                "商务部发言人答记者问",
                "商务部新闻发言人表示，中方坚决反对。"
            ),
            None
        );
        assert_eq!(
            of(
                "美方再度加码",
                "记者获悉，美国商务部当地时间7日发布公告，将多家企业列入清单。\n\n商务部表示反对。"
            ),
            None
        );
        assert_eq!(
            of(
                "Court ruling stuns app makers",
                "A federal court on Monday blocked the ban."
            ),
            None
        );
    }
}
