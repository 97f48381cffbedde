//! Which date belongs to a trigger. News sentences carry several dates
//! (the founding year, the day a statement was made, the day a rule takes
//! effect); an event takes the date of its own clause, and the rules here
//! decide what else may date it: a coordinated clause's free date, a date
//! fronted before a coordination, the date a ", when" clause hangs on, a
//! phrase such as "on the same day", and never a founding or earnings date.

use super::constructions;
use super::dates::DateMatch;
use super::sentences::{Clause, Join};
use super::triggers::Hit;
use super::{Lang, Rules};
use crate::model::{DateSpan, Mention, PartialDate};

/// The clause holding byte `at`.
pub(crate) fn clause_of(cs: &[Clause], at: usize) -> usize {
    cs.iter()
        .position(|c| at >= c.start && at < c.end.max(c.start + 1))
        .unwrap_or(0)
}

/// True when a non-event cue ("founded in", 成立于) stands just before the
/// date with no trigger in between.
pub(crate) fn nonevent_date(
    rules: &Rules,
    s: &str,
    d: &DateMatch,
    hits: &[Hit],
    lang: Lang,
) -> bool {
    let zh = !rules.lang(lang).spaced;
    if zh && constructions::dates_a_hearing_or_petition(s.get(d.end..).unwrap_or("")) {
        return true;
    }
    let mut from = d.start.saturating_sub(if zh { 24 } else { 32 });
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let window = s.get(from..d.start).unwrap_or("");
    let cues = &rules.lang(lang).nonevent;
    cues.find_all(window).any(|(start, end, _)| {
        // "trip" is a cue, "tripled" is not.
        if !zh && !constructions::whole_word(window, start, end) {
            return false;
        }
        // A trigger verb that is the cue itself ("launched an inquiry in
        // May"), or holds it ("approved the conference report on May 2"),
        // dates its own event.
        let (cue_start, cue_end) = (from + start, from + end);
        !hits.iter().any(|h| {
            (h.verb_start >= cue_start && h.verb_start < d.start)
                || (h.verb_start <= cue_start && h.verb_end >= cue_end)
        })
    })
}

/// Dates given by reference: "on the same day" takes the last event's date,
/// "the following day" the day after the date before it.
pub(crate) fn add_phrase_dates(
    rules: &Rules,
    s: &str,
    dates: &mut Vec<DateMatch>,
    before: &[Mention],
    si: usize,
    day_anchor: Option<(usize, PartialDate)>,
) {
    let recent = |needs_day: bool| {
        before
            .iter()
            .rev()
            .take_while(|m| si - m.sentence <= 3)
            .find(|m| !needs_day || m.span.start.precision() == 3)
    };
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return;
    }
    for p in &rules.same_day {
        // "the same day" needs a day; "at the time" takes any date.
        let needs_day = p.contains("day") || p.contains('天') || p.contains('日');
        // "此外，该公司曾多次被指控……", "另外，财政部此前已……": a connective
        // before background names no act of the same occasion
        if !needs_day
            && p.chars().any(crate::text::is_han)
            && BACKGROUND.iter().any(|w| s.contains(w))
        {
            continue;
        }
        // "Same day" is the day the last eventful sentence was about (its
        // first day-precise date: "9日发布公告，决定自10日起……。同日……" is
        // the 9th), "at the time" the last event's date.
        let found = lower.find(p.as_str());
        let here = found.and_then(|at| {
            dates
                .iter()
                .find(|d| d.end <= at && d.span.start.precision() == 3)
                .map(|d| d.span.start)
        });
        // "上周四还宣布……": a Chinese phrase of the same occasion after a
        // day of the sentence's own is that day
        let day = if here.is_some() && (needs_day || p.chars().any(crate::text::is_han)) {
            here
        } else if needs_day {
            day_anchor
                .filter(|(at, _)| si - at <= 3)
                .map(|(_, d)| d)
                .or_else(|| recent(true).map(|m| m.span.start))
        } else {
            recent(false).map(|m| m.span.start)
        };
        if let (Some(at), Some(day)) = (found, day) {
            push_phrase_date(dates, at, p.len(), day);
        }
    }
    // "公告自公布之日起正式实施" in a report: the day the announcement it
    // reported before was issued
    for p in constructions::FROM_ISSUE {
        let Some(at) = s.find(p) else {
            continue;
        };
        let day = day_anchor
            .filter(|(at, _)| si - at <= 2)
            .map(|(_, d)| d)
            .or_else(|| recent(true).map(|m| m.span.start));
        if let Some(day) = day.filter(|_| constructions::reported_from_issue(s, at)) {
            push_phrase_date(dates, at, p.len(), day);
        }
    }
    for p in &rules.next_day {
        let Some(at) = lower.find(p.as_str()) else {
            continue;
        };
        let base = dates
            .iter()
            .rfind(|d| d.end <= at)
            .map(|d| d.span.start)
            .or_else(|| recent(true).map(|m| m.span.start));
        let next = base
            .filter(|b| b.precision() == 3)
            .and_then(|b| b.first_day().succ_opt())
            .map(PartialDate::from_naive);
        if let Some(n) = next {
            dates.push(DateMatch {
                start: at,
                end: at + p.len(),
                span: DateSpan::at(n),
                relative: true,
            });
        }
    }
    for p in &rules.prev_day {
        let Some(at) = lower.find(p.as_str()) else {
            continue;
        };
        if dates.iter().any(|d| at < d.end && d.start < at + p.len()) {
            continue;
        }
        let prev = recent(true)
            .and_then(|m| m.span.start.first_day().pred_opt())
            .map(PartialDate::from_naive);
        if let Some(d) = prev {
            dates.push(DateMatch {
                start: at,
                end: at + p.len(),
                span: DateSpan::at(d),
                relative: true,
            });
        }
    }
    dates.sort_by_key(|d| d.start);
}

/// Words that mark what a sentence says as background, before the
/// occasion reported: a same-day connective before them dates nothing.
const BACKGROUND: [&str; 8] = ["曾", "此前", "早前", "以来", "过去", "多次", "先前", "之前"];

/// The text from `from` to `to` with date expressions blanked out, so the
/// month "May" is not read as the modal "may".
pub(crate) fn mask_dates(s: &str, from: usize, to: usize, dates: &[DateMatch]) -> String {
    let mut out = String::with_capacity(to.saturating_sub(from));
    for (i, c) in s.get(from..to).unwrap_or("").char_indices() {
        let at = from + i;
        if dates.iter().any(|d| at >= d.start && at < d.end) {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// The date of a trigger, and whether it came from the trigger's own clause.
pub(crate) fn pick_date<'a>(
    s: &str,
    cs: &[Clause],
    ci: usize,
    dates: &'a [DateMatch],
    hits: &[Hit],
    hit: &Hit,
) -> Option<(&'a DateMatch, bool)> {
    let in_clause = |c: &Clause, d: &DateMatch| {
        d.start >= c.start && d.start < c.end && !constructions::deadline(s, d)
    };
    let clause = &cs[ci];
    let dist = |d: &DateMatch| {
        if d.end <= hit.verb_start {
            hit.verb_start - d.end
        } else {
            d.start.saturating_sub(hit.verb_end)
        }
    };
    // "would impose tariffs … starting next Monday": the date the measure
    // applies from wins over the date it was announced.
    let mut own: Vec<&DateMatch> = dates.iter().filter(|d| in_clause(clause, d)).collect();
    // "Once in effect on September 27 (an extension from the original date
    // of September 20), the order will …": a date in an aside that closes
    // before the verb dates the aside, when the clause has another.
    let aside = |d: &&DateMatch| {
        let before = s.get(..d.start).unwrap_or("");
        let open = before.rfind('(');
        open.is_some_and(|o| before.rfind(')').is_none_or(|c| c < o))
            && d.end <= hit.verb_start
            && s.get(d.end..hit.verb_start)
                .is_some_and(|t| t.contains(')'))
    };
    if own.iter().any(|d| !aside(d)) {
        own.retain(|d| !aside(d));
    }
    // "把去年9月1日起加征关税的商品的税率从15%降至7.5%": a date inside a
    // modifier (……的) whose own verb is of the same kind dates that verb,
    // not the one the modified noun goes on to
    own.retain(|d| !modifier_date(s, d, hits, hit));
    let effective: Vec<&DateMatch> = own
        .iter()
        .copied()
        .filter(|d| effective_date(s, d))
        .collect();
    let pool = if effective.is_empty() {
        &own
    } else {
        &effective
    };
    if let Some(d) = pool.iter().copied().min_by_key(|d| dist(d)) {
        return Some((d, true));
    }
    if let Some(d) = constructions::fronted_when(s, cs, ci, dates) {
        return Some((d, false));
    }
    if clause.join == Join::When && ci > 0 {
        let prev = &cs[ci - 1];
        if let Some(d) = dates.iter().rfind(|d| in_clause(prev, d)) {
            if prev.end.saturating_sub(d.end) <= 12 {
                return Some((d, false));
            }
        }
    }
    let (gs, _) = group_index(cs, ci);
    let claimed = |k: usize| {
        let c = &cs[k];
        hits.iter()
            .any(|h| !h.nominal && h.verb_start >= c.start && h.verb_start < c.end)
    };
    // Dates scope forward: a clause borrows a free date from an earlier
    // clause of its group ("3日发布公告，宣布……"), never from a later one,
    // which has a verb of its own.
    // As in the trigger's own clause, a date the measure applies from
    // ("从1月1日起至3月31日，暂停征收") wins over the others.
    let borrowed: Vec<&DateMatch> = (gs..ci)
        .filter(|&k| !claimed(k))
        .flat_map(|k| dates.iter().filter(move |d| in_clause(&cs[k], d)))
        .collect();
    let from: Vec<&DateMatch> = borrowed
        .iter()
        .copied()
        .filter(|d| effective_date(s, d))
        .collect();
    let pool = if from.is_empty() { &borrowed } else { &from };
    if let Some(d) = pool.iter().copied().min_by_key(|d| dist(d)) {
        return Some((d, false));
    }
    // A date fronted before the first trigger of an earlier coordinated
    // clause scopes over the whole coordination.
    (gs..ci)
        .rev()
        .flat_map(|k| {
            let c = &cs[k];
            let first_hit = hits
                .iter()
                .filter(|h| h.verb_start >= c.start && h.verb_start < c.end)
                .map(|h| h.start)
                .min()
                .unwrap_or(c.end);
            dates
                .iter()
                .filter(move |d| in_clause(c, d) && d.end <= first_hit)
        })
        .next()
        .map(|d| (d, false))
}

/// True when Chinese date `d` stands in a modifier before `hit`'s verb: a
/// trigger of the same kind follows it, and a 的 between that trigger and
/// `hit` closes the modifier.
fn modifier_date(s: &str, d: &DateMatch, hits: &[Hit], hit: &Hit) -> bool {
    d.end <= hit.verb_start
        && hits.iter().any(|h| {
            h.kind == hit.kind
                && h.verb_start >= d.end
                && h.verb_end <= hit.verb_start
                && s.get(d.end..h.verb_start).is_some_and(|t| t.len() <= 12)
                && s.get(h.verb_end..hit.verb_start)
                    .is_some_and(|t| t.contains('的'))
        })
}

/// "from June 1", "starting next Monday", "自3月10日起": the date a measure
/// applies from.
pub(crate) fn effective_date(s: &str, d: &DateMatch) -> bool {
    let before = super::sentences::lower_tail(s, d.start, 64);
    let en = super::lang::words("en").from.iter().any(|w| {
        before.ends_with(w)
            && !before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
    });
    let zh = (before.ends_with('自') || before.ends_with('从') || before.ends_with("自当地时间"))
        && constructions::past_time_of_day(s.get(d.end..).unwrap_or("")).starts_with('起');
    en || zh
}

/// The clause indexes joined to `ci` by soft joins.
pub(crate) fn group_index(cs: &[Clause], ci: usize) -> (usize, usize) {
    let mut s = ci;
    while s > 0 && cs[s].join == Join::Soft {
        s -= 1;
    }
    let mut e = ci;
    while e + 1 < cs.len() && cs[e + 1].join == Join::Soft {
        e += 1;
    }
    (s, e)
}

/// The byte range of `ci`'s group.
pub(crate) fn group(cs: &[Clause], ci: usize) -> (usize, usize) {
    let (s, e) = group_index(cs, ci);
    (cs[s].start, cs[e].end)
}

/// A sentence in the document's own voice ("IT IS ORDERED that …",
/// "决定将…列入", "现予公布，自公布之日起施行") that states no date of its own
/// is dated by the document: an order, a decision or an announcement acts
/// on the day it is issued, and that day is the publication date. A
/// judgment's disposition under its heading "主 文" on a line of its own,
/// and a report of what a just-dated announcement says ("公告称，……"),
/// are in that voice too (`voiced`), with no cue word of their own.
pub(crate) fn add_document_date(
    rules: &Rules,
    s: &str,
    dates: &mut Vec<DateMatch>,
    hits: &[Hit],
    published: chrono::NaiveDate,
    (zh, voiced_anyway): (bool, bool),
) {
    let cue = rules
        .document_day
        .find_all(s)
        .find(|&(a, b, _)| {
            // the words of a rule the document quotes are not its voice,
            // nor is a reported announcement's "公告自公布之日起"
            (zh || constructions::whole_word(s, a, b))
                && !constructions::quoted(s, a)
                && !(zh
                    && constructions::FROM_ISSUE.contains(&s.get(a..b).unwrap_or(""))
                    && constructions::reported_from_issue(s, a))
                // "被上诉人声明：上诉驳回", "经本院……判决将原判决废弃": a
                // party's prayer or the case's history, not the disposition
                && !(zh && constructions::disposition_not_opening(s, a, b))
        })
        .map(|(a, b, _)| (a, b))
        .or(voiced_anyway.then_some((0, 0)));
    let Some((start, end)) = cue else {
        return;
    };
    // "商务部日前决定对……立案调查": some days before the report, not its day
    let vague = &super::lang::words(if zh { "zh" } else { "en" }).vague_past;
    if vague.iter().any(|w| s.contains(w.as_str())) {
        return;
    }
    // A sentence with a date of its own dates its verbs by it: "2月4日发布
    // 公告，决定对……立案调查" is the 4th, not the document's day. A cue that
    // opens a disposition ("本院判决如下：主文 原判决废弃") parts the
    // case's history before it from the document's own act after it.
    let opens = |cue: &str| cue.ends_with("如下") || cue.ends_with("如左") || cue.starts_with("主");
    let disposition = zh
        && opens(s.get(start..end).unwrap_or(""))
        && !dates.is_empty()
        && dates.iter().all(|d| d.end <= start);
    // "The Measures are hereby issued and shall come into force on
    // January 18": an instrument issued in its own voice is issued on the
    // document's day, whatever later day the sentence gives its effect
    let own_voice = !zh && s.get(start..end).is_some_and(|c| c.contains("hereby"));
    // "决定对……加征25%的关税，其中……自2018年7月6日起实施": the decision's
    // own clause has no date, and what follows says when parts of it
    // apply; the decision is the document's day
    let decided_before_applying = zh
        && !dates.is_empty()
        && hits
            .iter()
            .find(|h| h.verb_start >= end)
            .and_then(|h| {
                s.get(h.verb_end..)
                    .and_then(|t| t.find(['，', ',']).map(|i| h.verb_end + i))
            })
            .is_some_and(|clause_end| {
                dates
                    .iter()
                    .all(|d| d.start > clause_end && effective_date(s, d))
            });
    if !dates.is_empty() && !disposition && !own_voice && !decided_before_applying {
        return;
    }
    let day = DateSpan::at(PartialDate::from_naive(published));
    // the verbs the document's day dates when the sentence has dates of
    // its own: those of the cue itself ("are hereby issued"), or those
    // between the decision's cue and the first date it applies from
    let voiced: Option<(usize, usize)> = if own_voice && !dates.is_empty() {
        Some((start, end))
    } else if decided_before_applying {
        let first_date = dates.iter().map(|d| d.start).min().unwrap_or(s.len());
        dates.push(DateMatch {
            start,
            end,
            span: day,
            relative: true,
        });
        Some((end, first_date))
    } else {
        None
    };
    if let Some((from, to)) = voiced {
        date_verbs(
            dates,
            hits.iter()
                .filter(|h| h.verb_start >= from && h.verb_start < to),
            day,
            true,
        );
        dates.sort_by_key(|d| d.start);
        dates.dedup_by_key(|d| d.start);
        return;
    }
    // "……行政诉讼判决 ……本院判决如下：": the words before a disposition's
    // opener are the judgment's heading, not its act
    let opener = zh && opens(s.get(start..end).unwrap_or(""));
    if disposition || opener {
        date_verbs(
            dates,
            hits.iter().filter(|h| h.verb_start >= end),
            day,
            true,
        );
    } else {
        dates.push(DateMatch {
            start,
            end,
            span: day,
            relative: true,
        });
        // The voice covers the whole sentence: "决定对……，……启动调查" dates
        // the verb at its end too. Each other trigger gets the day at its
        // verb.
        date_verbs(
            dates,
            hits.iter()
                .filter(|h| h.verb_start < start || h.verb_start >= end),
            day,
            true,
        );
    }
    dates.sort_by_key(|d| d.start);
    dates.dedup_by_key(|d| d.start);
}

/// Adds a phrase's date ("the next day", "公告自公布之日起") at bytes
/// `at..at + len`, unless a date already stands there.
fn push_phrase_date(dates: &mut Vec<DateMatch>, at: usize, len: usize, day: PartialDate) {
    if !dates.iter().any(|d| at < d.end && d.start < at + len) {
        dates.push(DateMatch {
            start: at,
            end: at + len,
            span: DateSpan::at(day),
            relative: true,
        });
    }
}

/// Dates each of these triggers with `span` at its verb, so the date stands
/// in the verb's own clause: for a date the sentence's words do not give
/// (the document's day, a cited instrument's, a citation sentence's).
pub(crate) fn date_verbs<'a>(
    dates: &mut Vec<DateMatch>,
    hits: impl IntoIterator<Item = &'a Hit>,
    span: DateSpan,
    relative: bool,
) {
    dates.extend(hits.into_iter().map(|h| DateMatch {
        start: h.verb_start,
        end: h.verb_start,
        span,
        relative,
    }));
}
