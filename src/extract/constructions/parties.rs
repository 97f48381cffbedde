//! The parties of a Taiwanese court judgment. Its caption names them once
//! ("原告 某某股份有限公司 … 被告 经济部 … 上列当事人间…事件"), and the
//! judgment then calls them only by their role: "被告以原告未经许可投资，
//! 处原告罚锾". Each later role word stands for the party the caption gave
//! it, so "被告" in the narrative is the ministry that fined, and "原告" the
//! company it fined.

use super::super::entities::Found;
use regex::Regex;
use std::sync::OnceLock;

/// What ends the caption: the line that introduces the case.
const CAPTION_END: &str = "上列当事人";

/// Role words, the longer first (被上诉人 holds 上诉人).
fn roles() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"被\s*上\s*诉\s*人|上\s*诉\s*人|原\s*告|被\s*告|抗\s*告\s*人|相\s*对\s*人").ok()
    })
    .as_ref()
}

/// The role a matched role word names, without its spaces.
fn role_of(word: &str) -> String {
    word.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Words of a caption line after a party's name.
const AFTER_NAME: &[&str] = &["代表人", "诉讼代理人", "法定代理人", "复代理人", "住"];

/// The party right after a role word in the caption: a name the gazetteer
/// or the organisation finder knows there, else the run up to a space or
/// a representative's title (an anonymised "甲○○").
fn party(text: &str, at: usize, names: &[Found]) -> Option<Found> {
    let rest = text.get(at..)?;
    // "原告：某某公司" as well as "原告 某某公司"
    let start = at
        + (rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == '：' || c == ':')
                .len());
    if let Some(f) = names.iter().find(|f| f.start == start) {
        return Some(f.clone());
    }
    let tail = text.get(start..)?;
    let mut end = tail
        .find(|c: char| c.is_whitespace() || "(（,，".contains(c))
        .unwrap_or(tail.len());
    for w in AFTER_NAME {
        if let Some(p) = tail[..end].find(w) {
            end = end.min(p);
        }
    }
    let name = tail.get(..end)?;
    // a name, not a stray character or a sentence
    if !(2..=30).contains(&name.chars().count()) {
        return None;
    }
    Some(Found {
        start,
        end: start + end,
        name: name.to_string(),
        kind: "person".into(),
        owner: None,
        known: true,
    })
}

/// Every role word after the caption, as the party the caption names for
/// that role. Nothing for a text without a judgment's caption.
pub(crate) fn court_parties(text: &str, names: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let Some(re) = roles() else { return out };
    let Some(caption_end) = text.find(CAPTION_END) else {
        return out;
    };
    // the caption sits at the top of the judgment
    if caption_end > 2000 {
        return out;
    }
    let mut cast: Vec<(String, Found)> = Vec::new();
    for m in re.find_iter(&text[..caption_end]) {
        let role = role_of(m.as_str());
        if cast.iter().any(|(r, _)| *r == role) {
            continue;
        }
        if let Some(p) = party(text, m.end(), names) {
            cast.push((role, p));
        }
    }
    if cast.is_empty() {
        return out;
    }
    for m in re.find_iter(&text[caption_end..]) {
        let role = role_of(m.as_str());
        if let Some((_, p)) = cast.iter().find(|(r, _)| *r == role) {
            out.push(Found {
                start: caption_end + m.start(),
                end: caption_end + m.end(),
                ..p.clone()
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ministry(text: &str) -> Found {
        let start = text.find("经济部").unwrap_or(0);
        Found {
            start,
            end: start + "经济部".len(),
            name: "Ministry of Economic Affairs".into(),
            kind: "agency".into(),
            owner: None,
            known: true,
        }
    }

    #[test]
    fn role_words_stand_for_the_parties_the_caption_names() {
        let text = "原   告 丙○○\n被   告 经济部\n代 表 人 某某\n上列当事人间投资事件，本院判决如下：\n被告以原告未经许可投资，处原告罚锾。";
        let got = court_parties(text, &[ministry(text)]);
        let names: Vec<&str> = got.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Ministry of Economic Affairs", "丙○○", "丙○○"]);
        assert_eq!(&text[got[0].start..got[0].end], "被告");
    }

    #[test]
    fn appellee_is_not_read_as_appellant() {
        let text = "上 诉 人 经济部\n被 上诉 人 丁○○\n上列当事人间事件\n上诉人以被上诉人违反规定处以罚锾。";
        let got = court_parties(text, &[ministry(text)]);
        let names: Vec<&str> = got.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Ministry of Economic Affairs", "丁○○"]);
    }

    #[test]
    fn a_text_without_a_caption_has_no_parties() {
        let text = "被告在法庭上表示不服，原告律师称将上诉。";
        assert!(court_parties(text, &[]).is_empty());
    }
}
