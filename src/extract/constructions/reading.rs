//! Constructions that decide whether a trigger reports an event, and of
//! what kind: elaborating participles, a suit's claims, verb forms used as nouns, measures
//! already in place, definite nouns that refer back, time clauses, lists
//! of peers, embedded questions and dates inside relative clauses.

use super::super::dates::DateMatch;
use super::super::lang::{has, words};
use super::super::rules::TriggerKind;
use super::super::triggers::Hit;
use crate::model::Kind;

/// "filed suit in August, accusing TikTok of …", "起诉TikTok，指控其……":
/// the accusation elaborates the suit or the sanction before it and is not
/// an event of its own.
pub(crate) fn elaborating_accusation(s: &str, hits: &[Hit], hit: &Hit, zh: bool) -> bool {
    let verb = s.get(hit.verb_start..hit.verb_end).unwrap_or("");
    let participle = if zh {
        verb == "指控" || verb == "指责"
    } else {
        verb.eq_ignore_ascii_case("accusing")
    };
    participle
        && hits.iter().any(|h| {
            !h.nominal
                && h.verb_end <= hit.verb_start
                && matches!(
                    h.kind,
                    TriggerKind::Kind(
                        Kind::Lawsuit
                            | Kind::Sanction
                            | Kind::Listing
                            | Kind::Tariff
                            | Kind::ExportControl
                    )
                )
        })
}

/// "sued the agency on March 6, alleging it had been unlawfully banned
/// from contracts": what a suit claims, in a participle after it, is the
/// plaintiff's account, not an event of its own, unless the claim dates it
/// ("arguing that the order of Aug. 6 …").
pub(crate) fn claimed_in_suit(s: &str, hits: &[Hit], hit: &Hit, dates: &[DateMatch]) -> bool {
    const CLAIMING: &[&str] = &[
        ", alleging",
        ", arguing",
        ", claiming",
        ", contending",
        ", asserting",
    ];
    let before = s.get(..hit.verb_start).unwrap_or("").to_lowercase();
    let Some(at) = CLAIMING.iter().filter_map(|c| before.rfind(c)).max() else {
        return false;
    };
    hit.kind != TriggerKind::Kind(Kind::Lawsuit)
        && !dates.iter().any(|d| d.start > at)
        && hits
            .iter()
            .any(|h| !h.nominal && h.verb_end <= at && h.kind == TriggerKind::Kind(Kind::Lawsuit))
}

/// "the bans violated the rules": a trigger verb form used as a noun after
/// a determiner names measures; it asserts no new one. So does a
/// participle used as an adjective ("sold chips to sanctioned buyers").
pub(crate) fn noun_use(s: &str, hit: &Hit) -> bool {
    let verb = s.get(hit.verb_start..hit.verb_end).unwrap_or("");
    let w = words("en");
    let is = |list: &[String]| list.iter().any(|n| verb.eq_ignore_ascii_case(n));
    let (noun, adjective) = (is(&w.noun_like), is(&w.attributive));
    if !noun && !adjective {
        return false;
    }
    let before = s.get(..hit.verb_start).unwrap_or("");
    let last = before.split_whitespace().next_back().unwrap_or("");
    let last = last.to_lowercase();
    has(&w.determiners, &last)
        || last.ends_with("'s")
        || last.ends_with("’s")
        || (adjective && has(&w.attributive_leads, &last))
}

/// "an investigation into whether imported cars threaten security,
/// launched in May": "whether" after a preposition opens the question the
/// probe asks, not a doubt about the probe. Blanks such phrases before the
/// modality check.
pub(crate) fn mask_embedded_questions(text: String) -> String {
    let leads = &words("en").question_leads;
    let lower = text.to_ascii_lowercase();
    let mut out = text.into_bytes();
    let mut at = 0;
    while let Some(i) = lower[at..].find("whether").map(|i| at + i) {
        let before = &lower[..i];
        if leads.iter().any(|l| before.ends_with(l.as_str())) {
            for b in &mut out[i..i + "whether".len()] {
                *b = b' ';
            }
        }
        at = i + "whether".len();
    }
    // Only ASCII bytes were replaced by ASCII spaces, so the text is still
    // valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// "Congress, concerned that the app might share data, enacted the law",
/// "Commerce, which said the firm could pose risks, added it", "Citing
/// concerns that it could …, the FCC banned …": a hedge or negation inside
/// an aside that closes before the verb (a relative clause, a participle or
/// a reason set off by commas, or anything in parentheses) qualifies the
/// aside, not the verb. Returns
/// `s[from..to]` with such asides, which start at `floor` (the clause's
/// start) or after a comma, blanked.
pub(crate) fn mask_asides(s: &str, floor: usize, from: usize, to: usize) -> String {
    const MARKERS: &[&str] = &[
        "which",
        "who",
        "whose",
        "whom",
        "concerned",
        "worried",
        "fearing",
        "finding",
        "citing",
        "noting",
        "arguing",
        "saying",
        "claiming",
        "asserting",
        "alleging",
        "warning",
        "acknowledging",
        "amid",
        "despite",
        "although",
        "though",
        "because",
    ];
    let text = s.get(floor..to).unwrap_or("");
    let mut asides: Vec<(usize, usize)> = Vec::new();
    let mut starts = vec![0];
    starts.extend(text.match_indices(", ").map(|(i, _)| i + 2));
    for st in starts {
        let rest = text[st..].trim_start_matches([',', ' ']);
        let first = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !MARKERS.contains(&first.as_str()) {
            continue;
        }
        // the aside ends at its comma, which must come before the verb
        if let Some(end) = text[st..].find(',').map(|e| st + e) {
            asides.push((floor + st, floor + end));
        }
    }
    // "Huawei (which denies wrongdoing) sued …": a parenthesis that
    // closes before the verb is an aside whatever it starts with
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' => open = Some(i),
            ')' | '）' => {
                if let Some(o) = open.take() {
                    asides.push((floor + o, floor + i + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    s.get(from..to)
        .unwrap_or("")
        .char_indices()
        .map(|(i, c)| {
            let at = from + i;
            if asides.iter().any(|&(a, z)| at >= a && at < z) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// "sued the Pentagon over its inclusion on the list", "a challenge to
/// the addition": a measure named as what a suit or appeal contests is
/// reported by the suit; it is no new measure on the suit's date.
pub(crate) fn contested_measure(s: &str, hit: &Hit) -> bool {
    let before = s.get(..hit.start).unwrap_or("").to_lowercase();
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    words.iter().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "over" | "challenging" | "contesting" | "against" | "challenge" | "overturn"
        )
    })
}

/// "an order that bars carriers from buying its gear": a present-tense
/// verb in a relative clause describes a measure already in place; the
/// sentence reports something else.
pub(crate) fn describes_in_place(s: &str, hit: &Hit) -> bool {
    let verb = s.get(hit.verb_start..hit.verb_end).unwrap_or("");
    let first = verb.split_whitespace().next().unwrap_or("").to_lowercase();
    let present = first.ends_with('s') && !first.ends_with("ss") && first != "was";
    let before = s.get(..hit.verb_start).unwrap_or("");
    let last = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    present && (last == "that" || last == "which") && !effective_after(s, hit.verb_end)
}

/// "Executive Order 13943, which prohibits … transactions, effective
/// September 20": a measure in place from a stated day is dated by it.
fn effective_after(s: &str, from: usize) -> bool {
    let rest = s.get(from..).unwrap_or("").to_lowercase();
    rest.match_indices("effective ").any(|(i, w)| {
        let after = rest[i + w.len()..].trim_start_matches("on ");
        after.starts_with(|c: char| c.is_ascii_digit())
            || [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ]
            .iter()
            .any(|m| after.starts_with(m))
    })
}

/// "Pompeo announced the restrictions on Tuesday": a definite, general
/// noun for a measure refers back to the measure named just before.
pub(crate) fn anaphoric_measure(s: &str, hit: &Hit) -> bool {
    let matched = s.get(hit.start..hit.end).unwrap_or("").to_lowercase();
    words("en")
        .summing_nouns
        .iter()
        .any(|n| matched.ends_with(n.as_str()))
}

/// "the Entity List, which Huawei was added to in May 2019, cut the
/// company off …": a date inside a relative clause set off by commas dates
/// that clause, not the verb after it.
pub(crate) fn in_parenthetical(s: &str, d: &DateMatch, hit: &Hit) -> bool {
    if d.end > hit.verb_start {
        return false;
    }
    let before = s.get(..d.start).unwrap_or("").to_lowercase();
    let Some(open) = [", which ", ", who ", ", whose ", ", where "]
        .iter()
        .filter_map(|w| before.rfind(w))
        .max()
    else {
        return false;
    };
    let inside = before.get(open + 1..).unwrap_or("");
    let between = s.get(d.end..hit.verb_start).unwrap_or("");
    !inside.contains(',') && between.contains(',')
}

/// A clause that opens with "before", "after" or "until" dates the event
/// of the clause it hangs on; a "took effect" inside it ("hours before the
/// rules were due to take effect") says when something else happened.
pub(crate) fn time_clause(clause_to_verb: &str) -> bool {
    let t = clause_to_verb.trim_start().to_lowercase();
    let mut words = t.split_whitespace();
    let opens = words
        .next()
        .is_some_and(|w| ["before", "after", "until"].contains(&w));
    // "before exporting its systems took effect": a participle, not a
    // clause of its own.
    let participle = words.next().is_some_and(|w| w.ends_with("ing"));
    opens && !participle
}

/// "adding the Netherlands to the list of countries restricting …": a list
/// of peers is a figure of speech, not a government list.
pub(crate) fn list_of_peers(s: &str, hit: &Hit) -> bool {
    if hit.kind != TriggerKind::Kind(Kind::Listing) {
        return false;
    }
    let after = s.get(hit.end..).unwrap_or("").to_lowercase();
    [
        " of countries",
        " of nations",
        " of states",
        " of governments",
        " of jurisdictions",
        " of allies",
        " of places",
    ]
    .iter()
    .any(|p| after.starts_with(p))
}

/// True when `text[start..end]` is a whole English word, or one with a
/// plural or past ending ("trip", "trips", "reported"; not "tripled").
pub(crate) fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("").chars().next_back();
    if before.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let rest = text.get(end..).unwrap_or("");
    let tail = ["", "s", "es", "ed", "d"]
        .iter()
        .filter_map(|t| rest.strip_prefix(t))
        .any(|r| !r.chars().next().is_some_and(char::is_alphanumeric));
    tail
}

/// True when a Chinese effect verb's subject is the object of a verb that
/// kept it from taking effect: "法官阻止了该州的禁令生效".
pub(crate) fn blocked_from_effect(subject: &str) -> bool {
    ["阻止", "叫停", "阻挡"].iter().any(|w| subject.contains(w))
}

/// True when a Chinese effect verb's subject is a law named before "自":
/// "关税法自2024年12月1日起施行", "《……条例》自……起施行" (a decision,
/// "……的决定》自……起施行", is the measure it decides, not a law).
pub(crate) fn law_in_force(subject: &str) -> bool {
    let head = subject.split('自').next().unwrap_or("").trim_end();
    !head.contains("决定")
        && [
            "法",
            "条例",
            "规定",
            "办法",
            "法》",
            "条例》",
            "规定》",
            "办法》",
        ]
        .iter()
        .any(|w| head.ends_with(w))
}
