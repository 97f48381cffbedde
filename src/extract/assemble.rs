//! Puts the pieces together for one article: sentences, names, triggers,
//! dates, modality and roles become mentions, one per (kind, date) per
//! article.
//!
//! The date rule lives here: a trigger takes the date of its own clause;
//! failing that, a date in a coordinated clause that no other trigger
//! claims, a date fronted before the coordination ("China on Tuesday opened
//! … and added …"), or the date a ", when" clause hangs on.

use super::constructions;
use super::dates::{find_dates, DateMatch};
use super::dating::{
    add_document_date, add_phrase_dates, clause_of, date_verbs, group, group_index, mask_dates,
    nonevent_date, pick_date,
};
use super::entities::{unknown_orgs, Found};
use super::lang::{self, has, words};
use super::referents;
use super::roles::{self, Scope};
use super::rules::TriggerKind;
use super::sentences::{clauses, sentences, Clause};
use super::triggers::{Hit, TriggerTable};
use super::{Lang, Rules};
use crate::model::{Article, DateSpan, Kind, Mention, PartialDate};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use std::sync::OnceLock;

/// The most triggers and dates one sentence contributes, so a sentence of
/// keyword soup costs a bounded amount (hits x dates pairs are weighed).
const MAX_HITS_PER_SENTENCE: usize = 12;
const MAX_DATES_PER_SENTENCE: usize = 12;

pub fn extract(article: &Article, rules: &Rules) -> Vec<Mention> {
    // A publication time outside any plausible range (year 0 from a broken
    // page) anchors nothing.
    let (anchor, absolute_only) = match article.published {
        Some(p) if (1970..=2200).contains(&p.year()) => (p, false),
        _ => (fallback_anchor(), true),
    };
    let published = anchor.date_naive();
    let text = article.text.as_str();
    let names = article_names(text, rules);
    let issuer = constructions::issuer(&article.title, text, &rules.gazetteer);
    let parties = constructions::caption_parties(&article.title, &rules.gazetteer);
    let headline_subject = referents::headline_subject(&article.title, &rules.gazetteer);
    let mut out: Vec<Mention> = Vec::new();
    let mut last_kind: Option<(usize, Kind)> = None;
    let mut day_anchor: Option<(usize, PartialDate)> = None;
    // the last date with its year written out, and its sentence
    let mut narrative: Option<(usize, PartialDate)> = None;
    let article_lang = rules.article_lang(article);
    // a Chinese document's own day (its signature's date line, a dated
    // heading) dates what it states in its own voice
    let document_day = (!rules.lang(article_lang).spaced && !absolute_only)
        .then(|| constructions::signed_day(text, &anchor))
        .flatten()
        .unwrap_or(published);
    // a news agency's dateline ("（中央社华盛顿17日专电）") is its 今天's day
    // "问：近日，……" the answers speak of that act, not of their own day
    let recent_act =
        !rules.lang(article_lang).spaced && constructions::asked_about_recent_act(text);
    let dateline = (!rules.lang(article_lang).spaced && !absolute_only)
        .then(|| constructions::dateline_day(text, &anchor))
        .flatten();
    // the day of the instrument the document says it acts under
    let mut instrument: Option<PartialDate> = None;
    // the kind of measure the title names, read when first needed
    let mut title_kind: Option<Option<Kind>> = None;
    // who the last sentence with a trigger and no date named
    let mut undated: Option<(usize, Kind, roles::Roles)> = None;
    let sents = sentences(text);
    // the sentence before this one was a judgment's heading "主 文" on a
    // line of its own: this one is the disposition
    let mut after_heading = false;
    // the day a line of its own stated, for the sentence right after it
    let mut date_heading: Option<DateSpan> = None;
    // the day a sentence with no trigger said an announcement was issued
    let mut announced: Option<(usize, NaiveDate)> = None;
    // the decision a numbered list's items belong to: the last sentence of
    // its list (the colon's, or an item's), the decision's day and who
    // made it
    let mut items: Option<(usize, DateSpan, Vec<String>)> = None;
    for (si, sent) in sents.iter().enumerate() {
        let s = &text[sent.start..sent.end];
        let disposition =
            std::mem::replace(&mut after_heading, constructions::disposition_heading(s));
        let lang = rules.sentence_lang(article_lang, s);
        // what the grammar code below asks: is the sentence's language
        // written without spaces between words
        let zh = !rules.lang(lang).spaced;
        let code = rules.lang(lang).code.as_str();
        let mut hits = rules.triggers.find(s, lang);
        if instrument.is_none() && !absolute_only {
            let w = words(code);
            if w.instrument_tails.iter().any(|t| s.contains(t.as_str())) {
                instrument = constructions::instrument_date(s, &find_dates(s, &anchor), code);
            }
        }
        // "May 24, 2021" on its own line heads the next sentence (a Senate
        // bill's "January 19 (legislative day, January 18), 2022" too)
        let heading = std::mem::take(&mut date_heading);
        if hits.is_empty() && !zh && !absolute_only && s.len() < 64 {
            date_heading = constructions::date_line(s, &find_dates(s, &anchor));
        }
        if hits.is_empty() || (zh && constructions::statute_article(s)) {
            // an item with no measure of its own keeps its list going
            if let Some((at, _, _)) = items.as_mut().filter(|_| zh && hits.is_empty()) {
                if si - *at <= 1 && constructions::numbered_item(s) {
                    *at = si;
                }
            }
            // "1月6日，商务部发布2026年第1号公告。": the day of the
            // announcement whose decisions the next sentences state
            if zh
                && hits.is_empty()
                && !absolute_only
                && s.contains("公告")
                && (s.contains("发布") || s.contains("公布") || s.contains("发出"))
            {
                if let Some(day) = constructions::announcement_day(s, &find_dates(s, &anchor)) {
                    announced = Some((si, day));
                }
            }
            if !zh && !absolute_only && s.bytes().any(|b| b.is_ascii_digit()) {
                if let Some(a) = find_dates(s, &anchor)
                    .iter()
                    .rev()
                    .find_map(|d| constructions::narrative_anchor(s, d))
                {
                    narrative = Some((si, a));
                }
            }
            continue;
        }
        // a real sentence carries a handful of triggers; keyword soup
        // carries dozens, and every one is weighed against every date
        hits.truncate(MAX_HITS_PER_SENTENCE);
        let cs = clauses(s, zh);
        let group_of = |h: &Hit| {
            let ci = clause_of(&cs, h.verb_start);
            group_index(&cs, ci).0
        };
        TriggerTable::absorb(&mut hits, group_of);
        // "列入清单，并采取以下处理措施：禁止上述企业……": the bans a
        // listing lists inline after its colon are what the listing does,
        // as they are when numbered below it
        if let Some(at) = constructions::inline_items(s).filter(|_| zh) {
            let listed = hits
                .iter()
                .any(|h| h.verb_start < at && !h.nominal && h.absorbs.contains(&Kind::Ban));
            if listed {
                hits.retain(|h| {
                    h.verb_start < at || !matches!(h.kind, TriggerKind::Kind(Kind::Ban))
                });
            }
        }
        hits.retain(|h| !constructions::list_of_peers(s, h));
        let mut dates = find_dates(s, &anchor);
        dates.truncate(MAX_DATES_PER_SENTENCE);
        if let Some(day) = dateline.filter(|_| zh) {
            constructions::shift_to_dateline(s, &mut dates, published, day);
        }
        if !zh {
            constructions::coordinated_years(s, &mut dates);
        }
        if absolute_only {
            dates.retain(|d| !d.relative);
        }
        if !zh && !absolute_only {
            let carried = narrative.filter(|(at, _)| si - at <= 3).map(|(_, a)| a);
            constructions::narrative_years(s, &mut dates, carried, published);
            if let Some(a) = dates
                .iter()
                .rev()
                .find_map(|d| constructions::narrative_anchor(s, d))
            {
                narrative = Some((si, a));
            }
        }
        dates.retain(|d| !nonevent_date(rules, s, d, &hits, lang));
        add_phrase_dates(rules, s, &mut dates, &out, si, day_anchor);
        let recent_day = day_anchor.filter(|(at, _)| si - at <= 1).map(|(_, d)| d);
        constructions::add_days_after(s, &mut dates, recent_day);
        if !zh {
            constructions::add_days_later(s, &mut dates, recent_day);
        }
        if zh && !absolute_only {
            let recent = out.last().filter(|m| si - m.sentence <= 3);
            constructions::add_zh_later(s, &mut dates, recent.map(|m| m.span.start));
        }
        if !zh {
            // "Several months after the court enjoined the law, …": the last
            // event of the kind the after-clause names, else the last event
            let named = s.find(", ").and_then(|comma| {
                hits.iter()
                    .filter(|h| h.verb_start < comma)
                    .find_map(|h| match h.kind {
                        TriggerKind::Kind(k) => Some(k),
                        TriggerKind::Effect => None,
                    })
            });
            let last = out.iter().rev().find(|m| match named {
                Some(k) => m.kind == k && si - m.sentence <= 8,
                None => si - m.sentence <= 5,
            });
            constructions::add_span_after(s, &mut dates, last.map(|m| m.span.start));
            let recent = out.last().filter(|m| si - m.sentence <= 3);
            constructions::add_period_phrases(s, &mut dates, recent.map(|m| m.span.start));
            // the events of the sentence before, read back from the end
            if dates.is_empty() {
                let last: Vec<PartialDate> = out
                    .last()
                    .filter(|m| si - m.sentence <= 1)
                    .map(|l| {
                        out.iter()
                            .rev()
                            .take_while(|m| m.sentence == l.sentence)
                            .map(|m| m.span.start)
                            .collect()
                    })
                    .unwrap_or_default();
                constructions::add_each_time(s, &mut dates, &last);
            }
        }
        if !zh {
            constructions::add_act_years(s, &hits, &mut dates);
        }
        constructions::add_dated_noun_years(
            s,
            &hits,
            &mut dates,
            (!absolute_only).then_some(published),
        );
        if !zh {
            add_citation_dates(
                s,
                &mut dates,
                &hits,
                sents.get(si + 1).map(|n| &text[n.start..n.end]),
                &anchor,
            );
        }
        if let Some(span) = heading.filter(|_| dates.is_empty()) {
            date_verbs(&mut dates, hits.iter(), span, false);
        }
        // "公告称，……" right after the sentence that dated the announcement
        let reports_announcement = zh
            && announced.is_some_and(|(at, _)| si - at <= 2)
            && words(code)
                .announcement_refs
                .iter()
                .any(|w| s.contains(w.as_str()));
        if !(absolute_only || (zh && recent_act)) {
            add_document_date(
                rules,
                s,
                &mut dates,
                &hits,
                match announced.filter(|(at, _)| zh && si - at <= 2) {
                    Some((_, day)) => day,
                    None if zh => document_day,
                    None => published,
                },
                (zh, zh && (disposition || reports_announcement)),
            );
        }
        if let Some(day) = instrument.filter(|_| dates.is_empty()) {
            // a rule the document quotes (「……应立即移除」) is not its act
            date_verbs(
                &mut dates,
                hits.iter()
                    .filter(|h| !constructions::quoted(s, h.verb_start)),
                DateSpan::at(day),
                true,
            );
        }
        // "五、对上述企业处以罚款": an item of a decision's list, dated by
        // the decision; its bans are what a listing or a countermeasure
        // does, not measures of their own, and "商务部应当……进行审查" is a
        // rule of procedure
        let item = zh && constructions::numbered_item(s);
        let decider = match items.take() {
            Some((at, span, actors)) if item && si - at <= 1 => {
                if dates.is_empty() {
                    date_verbs(
                        &mut dates,
                        hits.iter().filter(|h| {
                            !matches!(h.kind, TriggerKind::Kind(Kind::Ban))
                                && !constructions::item_rule(s, h.verb_start)
                        }),
                        span,
                        true,
                    );
                }
                items = Some((si, span, actors.clone()));
                Some(actors)
            }
            _ => None,
        };
        let before_count = out.len();
        // Names are sorted by start: the sentence's are one slice.
        let first = names.partition_point(|f| f.start < sent.start);
        let last = names.partition_point(|f| f.start < sent.end);
        let local: Vec<Found> = names[first..last]
            .iter()
            .filter(|f| f.end <= sent.end)
            .map(|f| Found {
                start: f.start - sent.start,
                end: f.end - sent.start,
                ..f.clone()
            })
            .collect();
        if dates.is_empty() {
            undated = undated_roles(s, &local, &hits, &cs, zh).map(|(k, r)| (si, k, r));
        } else {
            let prior = names[..first]
                .iter()
                .rev()
                .find(|f| f.end <= sent.start && matches!(f.kind.as_str(), "company" | "product"))
                .map(|f| f.name.as_str());
            for (hi, hit) in hits.iter().enumerate() {
                if hit.nominal
                    || (zh
                        && (in_title(s, hit.verb_start)
                            || names_goods(s, hit)
                            || negated_verb(s, hit)
                            || paid_fine(s, hit)
                            || constructions::appeal_against_dated_ruling(s, hit, &dates)
                            || constructions::petition_decision(s, hit)))
                    || constructions::noun_use(s, hit)
                    || (!zh && constructions::describes_in_place(s, hit))
                    || (!zh
                        && matches!(hit.kind, TriggerKind::Kind(Kind::Listing))
                        && constructions::contested_measure(s, hit))
                {
                    continue;
                }
                let kind = match hit.kind {
                    // "announced the restrictions": the measures the last
                    // sentences named, of whatever kind they were.
                    TriggerKind::Kind(k) if constructions::anaphoric_measure(s, hit) => {
                        match last_kind {
                            Some((at, lk)) if si - at <= 2 => lk,
                            _ => k,
                        }
                    }
                    // "公布《两用物项出口管制条例》": a law published,
                    // whatever measure its title names
                    TriggerKind::Kind(_) if zh && publishes_a_title(s, hit) => Kind::Legislation,
                    TriggerKind::Kind(k) => k,
                    TriggerKind::Effect => {
                        // The subject says what took effect ("the law", "关税");
                        // a bare "the order"/公告 refers to the event before.
                        let clause_start = cs[clause_of(&cs, hit.verb_start)].start;
                        let subject = s.get(clause_start..hit.verb_start).unwrap_or("");
                        match rules.effect_kind(subject, lang) {
                            // "关税法自12月1日起施行": a law taking effect
                            // was reported when it was passed
                            _ if zh && constructions::law_in_force(subject) => continue,
                            // "法官阻止了该州的禁令生效": what a court kept
                            // from taking effect did not
                            _ if zh && constructions::blocked_from_effect(subject) => continue,
                            // "本决定自4月13日起施行": the document itself took
                            // effect, so the decision it opened with.
                            _ if zh
                                && words("zh")
                                    .self_reference
                                    .iter()
                                    .any(|w| subject.contains(w.as_str())) =>
                            {
                                // with no decision before it, the one its
                                // title names ("关于……采取反制措施的决定")
                                match out.first() {
                                    // a law's own "本法自……起施行"
                                    Some(first) if first.kind == Kind::Legislation => continue,
                                    Some(first) => first.kind,
                                    None => match title_kind.get_or_insert_with(|| {
                                        constructions::title_kind(rules, &article.title, lang)
                                    }) {
                                        Some(k) => *k,
                                        None => continue,
                                    },
                                }
                            }
                            Some(Some(k)) => k,
                            Some(None) => continue,
                            // "issued hours before the measures were due to
                            // take effect": a time clause names another event.
                            None if !zh && constructions::time_clause(subject) => continue,
                            None => {
                                // a measure named inside a title ("《……出口管制
                                // 条例》") is the law's name, not a measure
                                let named = |h: &&Hit| {
                                    !(zh && (in_title(s, h.verb_start) || publishes_a_title(s, h)))
                                };
                                let before = hits[..hi].iter().rev().filter(named).find_map(|h| {
                                    match h.kind {
                                        TriggerKind::Kind(k) => Some(k),
                                        TriggerKind::Effect => None,
                                    }
                                });
                                // "The rules took effect today, requiring
                                // licences …": with nothing before, what
                                // follows names the measure.
                                let after =
                                    hits[hi + 1..].iter().filter(named).find_map(|h| {
                                        match h.kind {
                                            TriggerKind::Kind(k) => Some(k),
                                            TriggerKind::Effect => None,
                                        }
                                    });
                                // "enacted the Act, which became effective
                                // on …": a law taking effect was reported
                                // when it was enacted
                                if before == Some(Kind::Legislation) && !zh {
                                    continue;
                                }
                                let inherited = match (before, last_kind, after) {
                                    (Some(k), _, _) => Some(k),
                                    (None, Some((at, k)), _) if si - at <= 2 => Some(k),
                                    (None, _, Some(k)) => Some(k),
                                    _ => None,
                                };
                                match inherited {
                                    // "……通过，现予公布，自12月1日起施行": a law
                                    // taking effect was reported when it passed
                                    Some(Kind::Legislation) if zh => continue,
                                    Some(k) => k,
                                    // "（2008年9月16日商务部令第12号公布）": the
                                    // document's own publication line dates
                                    // the measure its title names
                                    _ if zh && constructions::publication_line(s, hit) => {
                                        match title_kind.get_or_insert_with(|| {
                                            constructions::title_kind(rules, &article.title, lang)
                                        }) {
                                            Some(k) => *k,
                                            None => continue,
                                        }
                                    }
                                    _ => continue,
                                }
                            }
                        }
                    }
                };
                if let Some((mut m, also)) = mention(
                    rules, s, si, &cs, &dates, &hits, hit, kind, &local, lang, prior, published,
                ) {
                    // "公告自发布之日起施行" after the announcement's report: a
                    // measure in force from the day an event of the
                    // document was announced is that event, not another
                    if matches!(hit.kind, TriggerKind::Effect)
                        && out
                            .iter()
                            .any(|o| o.span == m.span && o.sentence < si && o.kind != m.kind)
                    {
                        continue;
                    }
                    if m.actors.is_empty() && m.targets.is_empty() {
                        inherit_names(&mut m, &out, zh);
                    }
                    // "决定对以下企业采取反制措施：" names its targets in the
                    // list that follows
                    if zh && referents::announces_list(s, hit) {
                        if let Some(next) = sents.get(si + 1) {
                            referents::listed_targets(&mut m, &names, next.start, next.end);
                        }
                    }
                    // "Trump approved duties on 800 products. The tariffs
                    // began Friday.": the sentence before reported the
                    // measure without a date
                    if let Some((_, _, r)) = undated.as_ref().filter(|(at, k, _)| {
                        si == at + 1 && *k == m.kind && m.actors.is_empty() && m.targets.is_empty()
                    }) {
                        m.actors = r.actors.clone();
                        m.targets = r.targets.clone();
                        referents::name_the_president(&mut m.actors, &m.span, published);
                        referents::name_the_president(&mut m.targets, &m.span, published);
                    }
                    if let Some(who) = &issuer {
                        issued_by(&mut m, who, rules, zh);
                    }
                    if let Some(p) = &parties {
                        referents::from_caption(&mut m, p);
                    }
                    // "The ban takes effect on Sunday" under "TikTok ban
                    // upheld": a report naming nobody is about the one
                    // company or product its headline names
                    if m.actors.is_empty() && m.targets.is_empty() {
                        if let Some(t) = &headline_subject {
                            m.targets.push(t.clone());
                        }
                    }
                    if !zh {
                        not_its_own_country(&mut m);
                    }
                    // "7月6日和8月23日，美方已分两批加征关税": one event a date.
                    for span in also {
                        out.extend(one_a_list(Mention { span, ..m.clone() }));
                    }
                    out.extend(one_a_list(m));
                }
            }
        }
        if out.len() > before_count {
            if let Some(d) = dates.iter().find(|d| d.span.start.precision() == 3) {
                day_anchor = Some((si, d.span.start));
            }
            if zh && constructions::item_intro(s) {
                let m = &out[before_count];
                items = Some((si, m.span, m.actors.clone()));
            }
            // the item's measure is the decider's
            if let Some(decider) = &decider {
                for m in &mut out[before_count..] {
                    if m.actors.is_empty() {
                        m.actors.clone_from(decider);
                    }
                }
            }
        }
        if let Some(k) = hits.iter().rev().find_map(|h| match h.kind {
            TriggerKind::Kind(k) => Some(k),
            TriggerKind::Effect => None,
        }) {
            last_kind = Some((si, k));
        }
    }
    dedupe(out, !rules.lang(article_lang).spaced)
}

/// The dates of legal citations: those inside the sentence, and, when it
/// has no date of its own, the one of a citation sentence right after it
/// ("The commission revoked its authority. Carrier Corp., 36 FCC Rcd.
/// 15966 (Nov. 2, 2021).").
fn add_citation_dates(
    s: &str,
    dates: &mut Vec<DateMatch>,
    hits: &[Hit],
    next: Option<&str>,
    anchor: &DateTime<FixedOffset>,
) {
    for d in constructions::citation_dates(s, anchor) {
        if !dates.iter().any(|x| x.start < d.end && d.start < x.end) {
            dates.push(d);
        }
    }
    dates.sort_by_key(|d| d.start);
    if !dates.is_empty() {
        return;
    }
    let Some(next) = next.filter(|n| constructions::is_citation(n)) else {
        return;
    };
    if let Some(d) = constructions::citation_dates(next, anchor).first() {
        date_verbs(dates, hits, d.span, false);
    }
}

#[allow(clippy::too_many_arguments)]
fn mention(
    rules: &Rules,
    s: &str,
    si: usize,
    cs: &[Clause],
    dates: &[DateMatch],
    hits: &[Hit],
    hit: &Hit,
    kind: Kind,
    names: &[Found],
    lang: Lang,
    prior: Option<&str>,
    published: NaiveDate,
) -> Option<(Mention, Vec<DateSpan>)> {
    let zh = !rules.lang(lang).spaced;
    if kind == Kind::Accusation
        && !zh
        && reduced_relative(
            s.get(..hit.verb_start).unwrap_or(""),
            s.get(hit.verb_end..).unwrap_or(""),
        )
    {
        return None;
    }
    if kind == Kind::Accusation && constructions::elaborating_accusation(s, hits, hit, zh) {
        return None;
    }
    if !zh && constructions::claimed_in_suit(s, hits, hit, dates) {
        return None;
    }
    // "Trump-imposed tariffs": a verb inside a compound adjective describes
    // a noun; it does not report an act.
    if s.get(..hit.verb_start).is_some_and(|b| b.ends_with('-')) {
        return None;
    }
    let ci = clause_of(cs, hit.verb_start);
    let clause = cs.get(ci)?;
    // "New Delhi's June 29 ban": the date in the noun's head, or none.
    // "令第12号公布根据2020年8月28日公告第38号修订": a publication line's
    // date stands before its number.
    let line_date = (zh && constructions::publication_line(s, hit))
        .then(|| dates.iter().rfind(|d| d.end <= hit.verb_start))
        .flatten();
    let (date, own) = match (line_date, constructions::dated_noun_date(s, hit, dates)) {
        (Some(d), _) => (d, true),
        (None, Some(d)) => (d?, true),
        (None, None) => pick_date(s, cs, ci, dates, hits, hit)?,
    };
    if !zh && constructions::in_parenthetical(s, date, hit) {
        return None;
    }
    let date = if own && !zh {
        let here: Vec<&DateMatch> = dates
            .iter()
            .filter(|d| d.start >= clause.start && d.start < clause.end)
            .collect();
        constructions::reported_date(s, date, hit, &here).unwrap_or(date)
    } else {
        date
    };
    // A date borrowed from a clause about something else ("filed in
    // August to list its shares, …") dates nothing here.
    if !own {
        let dc = cs.get(clause_of(cs, date.start))?;
        let phrases = &rules.lang(lang).nonevent;
        let text = s.get(dc.start..dc.end).unwrap_or("");
        if phrases
            .find_all(text)
            .any(|(a, b, _)| zh || constructions::whole_word(text, a, b))
        {
            return None;
        }
    }
    // "美方加征关税可能使中国今年的经济增速下降": a date after a hedge that
    // follows the verb belongs to the hypothetical, not to the event.
    if zh
        && own
        && date.start > hit.verb_end
        && rules
            .lang(lang)
            .modality
            .check(&mask_dates(s, hit.verb_end, date.start, dates))
            .is_some()
    {
        return None;
    }
    let span = if zh && constructions::cited_amendment(s, date, hit) {
        DateSpan::at(PartialDate::from_naive(published))
    } else {
        constructions::past_year(s, date, hit, published, zh)
            .or_else(|| {
                (!zh)
                    .then(|| constructions::future_year(s, date, hit, published))
                    .flatten()
            })
            .unwrap_or(date.span)
    };
    // ", when it also added …" hangs on the one date just before it, not
    // on the dates coordinated with that one ("in October 2023 and again
    // in December 2024, when it also added …")
    let hangs = clause.join == super::sentences::Join::When && date.end <= clause.start;
    let also: Vec<DateSpan> = constructions::coordinated(s, dates, date)
        .into_iter()
        .filter(|_| !hangs)
        .chain(
            zh.then(|| constructions::fronted_announcement(s, dates, date, hit))
                .flatten(),
        )
        .map(|d| d.span)
        .collect();
    // A cue governs the verb it stands near: ten words back in English,
    // twenty characters in Chinese, never beyond the clause.
    let floor = clause.start.min(hit.start);
    let from = cue_window(s, floor, hit.verb_start, zh);
    let window = if zh {
        mask_dates(s, from, hit.verb_start, dates)
    } else {
        // blank the asides first, then the dates, char by char alike
        let asides = constructions::mask_asides(s, floor, from, hit.verb_start);
        let dated = mask_dates(s, from, hit.verb_start, dates);
        asides
            .chars()
            .zip(dated.chars())
            .map(|(a, d)| if d == ' ' { ' ' } else { a })
            .collect()
    };
    if rules
        .lang(lang)
        .modality
        .check(&constructions::mask_embedded_questions(window))
        .is_some()
    {
        return None;
    }
    let (gs, ge) = group(cs, ci);
    let scope = Scope {
        clause: clause.start..clause.end,
        group: gs..ge,
    };
    let mut r = roles::assign(s, names, hit, &scope, zh);
    // "Texas banned it", 对其开展调查: the object pronoun is the last
    // company named, in this sentence or before it.
    if r.targets.is_empty() {
        let after = s.get(hit.verb_end..).unwrap_or("").trim_start();
        let before = s.get(..hit.verb_start).unwrap_or("");
        let pronoun = ["it ", "it.", "it,", "them ", "其"]
            .iter()
            .any(|p| after.starts_with(p))
            || (zh
                && before
                    .rfind("对其")
                    .is_some_and(|p| hit.verb_start - p <= 24));
        let in_sentence = names
            .iter()
            .rfind(|f| {
                f.end <= hit.start
                    && matches!(f.kind.as_str(), "company" | "product")
                    && !r.actors.contains(&f.name)
            })
            .map(|f| f.name.as_str());
        if let (true, Some(p)) = (pronoun, in_sentence.or(prior)) {
            if !r.actors.iter().any(|a| a == p) {
                r.targets.push(p.to_string());
            }
        }
    }
    // "raised tariffs on $200 billion of Chinese goods", "the tariffs on
    // Chinese goods will start": the country whose goods a tariff's clause
    // names is its target
    if kind == Kind::Tariff && !zh && r.targets.is_empty() {
        let rest = s
            .get(clause.start.min(hit.start)..clause.end.max(hit.end))
            .unwrap_or("");
        if let Some(c) = constructions::goods_country(rest) {
            if !r.actors.iter().any(|a| a == c) {
                r.targets.push(c.to_string());
            }
        }
    }
    referents::name_the_president(&mut r.actors, &span, published);
    referents::name_the_president(&mut r.targets, &span, published);
    // An accusation is made by someone: a company, a government, an official
    // body. "X was accused of …" with nobody named is not one.
    // Unnamed accusers ("federal prosecutors", "Chinese officials") are
    // someone all the same.
    if kind == Kind::Accusation
        && !zh
        && r.actors.is_empty()
        && !unnamed_accuser(
            s.get(clause.start.min(hit.start)..hit.verb_start)
                .unwrap_or(""),
        )
        && !unnamed_accuser(passive_agent(s.get(hit.verb_end..).unwrap_or("")))
        && !criminal_charge(
            s.get(hit.verb_start..hit.verb_end).unwrap_or(""),
            s.get(hit.verb_end..).unwrap_or(""),
        )
    {
        return None;
    }
    let cues = find_cues(rules, s, lang);
    Some((
        Mention {
            kind,
            span,
            actors: r.actors,
            targets: r.targets,
            evidence: s.trim().to_string(),
            sentence: si,
            confidence: hit.weight * if own { 0.9 } else { 0.7 },
            cues,
        },
        also,
    ))
}

/// The roles of the first measure a sentence without a date reports, for
/// the next sentence to date ("… approved the duties. They began Friday.").
fn undated_roles(
    s: &str,
    names: &[Found],
    hits: &[Hit],
    cs: &[Clause],
    zh: bool,
) -> Option<(Kind, roles::Roles)> {
    let (hit, kind) = hits.iter().find_map(|h| match h.kind {
        TriggerKind::Kind(k) if !h.nominal => Some((h, k)),
        _ => None,
    })?;
    let ci = clause_of(cs, hit.verb_start);
    let clause = cs.get(ci)?;
    let (gs, ge) = group(cs, ci);
    let scope = Scope {
        clause: clause.start..clause.end,
        group: gs..ge,
    };
    let r = roles::assign(s, names, hit, &scope, zh);
    (!r.actors.is_empty() || !r.targets.is_empty()).then_some((kind, r))
}

/// True when the subject before an accusation's verb is a body or its
/// people named by their role ("lawmakers", "the administration").
fn unnamed_accuser(subject: &str) -> bool {
    let accusers = &words("en").accusers;
    subject
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| has(accusers, &w.to_lowercase()))
}

/// True when an accusation's verb is a criminal charge that names its
/// crime ("were charged with subversion", "was indicted on charges of
/// fraud"): only a state charges or indicts, so the charge has its accuser
/// even when the sentence names nobody. A bare "were indicted" does not.
fn criminal_charge(verb: &str, after: &str) -> bool {
    let (verbs, crimes) = &words("en").criminal_charges;
    let head: String = after.chars().take(60).collect::<String>().to_lowercase();
    verbs.iter().any(|w| verb.eq_ignore_ascii_case(w))
        && crimes.iter().any(|c| head.contains(c.as_str()))
}

/// The agent of a passive verb: "was accused by the trade office in
/// March 2018 of …" gives "the trade office in March" (at most five words
/// after "by"); nothing when no "by" follows the verb.
fn passive_agent(after: &str) -> &str {
    let Some(rest) = after.strip_prefix(" by ") else {
        return "";
    };
    let end = rest
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .nth(4)
        .map_or(rest.len(), |(i, _)| i);
    let end = rest[..end].find([',', ';']).unwrap_or(end);
    &rest[..end]
}

/// Where the cue search starts: at most ten words (English) or twenty
/// characters (Chinese) before the verb, and not before `floor`.
fn cue_window(s: &str, floor: usize, verb: usize, zh: bool) -> usize {
    let text = s.get(floor..verb).unwrap_or("");
    let back = if zh {
        // "请求对原产于……的进口商品进行调查": a cue before the verb's
        // 对/将/把 phrase governs the verb however long the phrase is
        let phrase = text
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '对' | '将' | '把'))
            .map_or(text.len(), |(i, _)| i);
        let head = text.get(..phrase).unwrap_or("");
        let from_verb = text.char_indices().rev().nth(19).map(|(i, _)| i);
        let from_phrase = head.char_indices().rev().nth(19).map(|(i, _)| i);
        match (from_verb, from_phrase) {
            (Some(v), Some(p)) => Some(v.min(p)),
            (Some(_), None) => None,
            (v, _) => v,
        }
    } else {
        text.char_indices()
            .rev()
            .filter(|(i, c)| c.is_whitespace() && *i + 1 < text.len())
            .nth(10)
            .map(|(i, _)| i + 1)
    };
    floor + back.unwrap_or(0)
}

/// A mention that names nobody ("公告自8月1日起正式实施", "The review
/// began on March 31") is about the event just reported: it takes that
/// event's names, preferring one of its own kind.
fn inherit_names(m: &mut Mention, before: &[Mention], zh: bool) {
    let recent = || {
        before
            .iter()
            .rev()
            .take_while(|o| m.sentence.saturating_sub(o.sentence) <= 3)
    };
    // English names its subject or says "it", so only an event of the same
    // kind is safe to copy from; Chinese follow-ups (此次审查, 公告) drop
    // the subject altogether.
    let source = recent().find(|o| o.kind == m.kind).or_else(|| {
        recent()
            .filter(|_| zh)
            .find(|o| m.sentence.saturating_sub(o.sentence) <= 2)
    });
    if let Some(o) = source {
        m.actors = o.actors.clone();
        m.targets = o.targets.clone();
    }
}

/// A decision an official document states in its own voice ("中方决定…",
/// "IT IS ORDERED …") is its issuer's: a Chinese mention that names no
/// actor but the issuer's own country, and a ruling in a court's document
/// that names no court, take the body in the document's heading. What the
/// document says another government did ("美国政府宣布…") stays that
/// government's.
fn issued_by(m: &mut Mention, who: &str, rules: &Rules, zh: bool) {
    let is = |name: &str, kind: &str| rules.gazetteer.lookup(name).is_some_and(|e| e.kind == kind);
    let take = if zh {
        m.actors
            .iter()
            .all(|a| is(a, "country") && one_side(a, who))
    } else {
        // a court's opinion rules; a bill or law as Congress prints it is
        // the chamber's or Congress's act when its sentence names no one
        (m.kind == Kind::Ruling && !m.actors.iter().any(|a| is(a, "court")))
            || (m.kind == Kind::Legislation && m.actors.is_empty() && is(who, "legislature"))
    };
    if take && !m.actors.iter().any(|a| a == who) {
        m.actors.push(who.to_string());
        m.targets.retain(|t| t != who);
    }
}

/// "three companies accused of supplying parts": a participle after a
/// plain noun describes the noun; nobody is accusing anyone in this clause.
fn reduced_relative(before_verb: &str, after_verb: &str) -> bool {
    let Some(w) = before_verb.split_whitespace().next_back() else {
        return false;
    };
    // "companies accused of …" has no object; "prosecutors charged two
    // engineers with …" has one, and is a clause of its own
    let next = after_verb
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    if !matches!(next.as_str(), "of" | "with" | "in" | "by" | "for" | "over") {
        return false;
    }
    let starts_lower = w.chars().next().is_some_and(|c| c.is_lowercase());
    let lw = w.to_lowercase();
    starts_lower && !has(&words("en").subject_ends, &lw) && !w.ends_with(',') && lw.ends_with('s')
}

fn find_cues(rules: &Rules, s: &str, lang: Lang) -> Vec<String> {
    let cues = &rules.lang(lang).cues;
    let mut out: Vec<String> = Vec::new();
    for (_, _, c) in cues.find_all(s) {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
    }
    out
}

/// "众议院能源和商务委员会": a chamber's name that runs on into a
/// committee's names the committee, which is not the chamber (its vote is
/// not the chamber's).
fn names_its_committee(after: &str) -> bool {
    let run: String = after
        .chars()
        .take_while(|c| crate::text::is_han(*c) && !ZH_NAME_STOPS.contains(*c))
        .take(12)
        .collect();
    run.contains("委员会") || run.contains("委員會")
}

/// Characters that end a Chinese name run.
const ZH_NAME_STOPS: &str = "将对与被把向在由的了从为于是其该此已又还也均上周日月年";

/// Every name in the article: the gazetteer's, the recognised ones, and
/// the phrases that refer back to a name ("the department").
fn article_names(text: &str, rules: &Rules) -> Vec<Found> {
    let known = rules.gazetteer.find(text);
    let unknown = unknown_orgs(text, &known);
    // 美国星海防务公司: a country right before a company name describes it.
    let mut all: Vec<Found> = known
        .iter()
        .filter(|k| !(k.kind == "country" && unknown.iter().any(|u| u.start == k.end)))
        .filter(|k| !(k.kind == "legislature" && names_its_committee(&text[k.end..])))
        .cloned()
        .collect();
    all.extend(unknown);
    referents::our_country(text, &mut all);
    super::laws::mark_laws(text, &mut all);
    referents::country_abbreviations(text, &mut all);
    referents::the_president(text, &mut all);
    referents::the_secretary(text, &mut all);
    // "被告以原告未经许可…": a judgment's role words are its parties
    let parties = constructions::court_parties(text, &all);
    all.extend(
        parties
            .into_iter()
            .filter(|p| !known.iter().any(|k| p.start < k.end && k.start < p.end)),
    );
    static ANAPHORS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    // every built-in language's, in registry order
    let anaphors = ANAPHORS.get_or_init(|| {
        lang::BUILTIN
            .iter()
            .flat_map(|b| words(b.code).anaphors.iter().cloned())
            .collect()
    });
    static MATCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let matcher = MATCHER.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(anaphors.iter().map(|(p, _)| p))
            .ok()
    });
    let Some(matcher) = matcher else {
        return all;
    };
    let mut found = Vec::new();
    for m in matcher.find_iter(text) {
        let (at, end) = (m.start(), m.end());
        let Some((_, want)) = anaphors.get(m.pattern().as_usize()) else {
            continue;
        };
        if text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
            || text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
            || all.iter().any(|f| at < f.end && f.start < end)
        {
            continue;
        }
        let first_after = known.partition_point(|f| f.end <= at);
        let target = known[..first_after]
            .iter()
            .rev()
            .find(|f| match want.strip_prefix("type:") {
                Some(t) => t.split('|').any(|t| f.kind == t),
                None => f.name.contains(want),
            });
        if let Some(t) = target {
            found.push(Found {
                start: at,
                end,
                ..t.clone()
            });
        }
    }
    all.extend(found);
    all.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    all
}

/// One mention per (kind, date) per article: later reports of the same
/// event in the article add their names to the first. `zh`: the article
/// is Chinese.
fn dedupe(ms: Vec<Mention>, zh: bool) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms {
        // Two sides' measures on one day ("tariffs took effect …, and
        // China's retaliatory duties took effect the same day") are two
        // events: reports whose actors share nobody stay apart.
        // A country and a body acting for it ("中方" and its foreign
        // ministry) are one side.
        let apart = |o: &Mention| {
            !o.actors.is_empty()
                && !m.actors.is_empty()
                && !o
                    .actors
                    .iter()
                    .any(|a| m.actors.iter().any(|b| one_side(a, b)))
        };
        // Two lists one day ("将A列入“实体清单”。……还将B列入“军事最终用户清单”")
        // are two listings, in one sentence too (see [`one_a_list`]; the
        // store's key takes a report's targets since migration 011).
        let lists_apart = |o: &Mention| {
            matches!(m.kind, Kind::Listing | Kind::Delisting)
                && matches!(
                    (list_after(&o.evidence, &o.targets), list_after(&m.evidence, &m.targets)),
                    (Some(a), Some(b)) if a != b
                )
        };
        // Two coordinated Chinese clauses of one sentence with a target
        // each and none shared are two measures ("对原产于A的商品发起反倾销
        // 调查，同时对B的措施发起反歧视调查"); a clause that only spells out
        // the first one's goods names no target of its own ("对其附件所列
        // 商品加征……").
        let targets_apart = |o: &Mention| {
            zh && o.sentence == m.sentence
                && !o.targets.is_empty()
                && !m.targets.is_empty()
                && !o.targets.iter().any(|t| m.targets.contains(t))
        };
        if let Some(o) = out.iter_mut().find(|o| {
            o.kind == m.kind
                && o.span == m.span
                && !apart(o)
                && !lists_apart(o)
                && !targets_apart(o)
        }) {
            for a in m.actors {
                if !o.actors.contains(&a) {
                    o.actors.push(a);
                }
            }
            for t in m.targets {
                if !o.targets.contains(&t) && !o.actors.contains(&t) {
                    o.targets.push(t);
                }
            }
            for c in m.cues {
                if !o.cues.contains(&c) {
                    o.cues.push(c);
                }
            }
            o.confidence = o.confidence.max(m.confidence);
            continue;
        }
        out.push(m);
    }
    out
}

/// "added A to the Entity List and B to the Military End-User List": a
/// listing's targets put on two lists in one coordinated sentence are two
/// listings, one a list (see [`super::nations::by_list`]).
fn one_a_list(m: Mention) -> Vec<Mention> {
    if !matches!(m.kind, Kind::Listing | Kind::Delisting) {
        return vec![m];
    }
    let groups = super::nations::by_list(&m.evidence, &m.targets);
    if groups.len() < 2 {
        return vec![m];
    }
    groups
        .into_iter()
        .map(|targets| Mention {
            targets,
            ..m.clone()
        })
        .collect()
}

/// The government list named right after a listing's first target in its
/// sentence ("added Huawei to the Entity List", "将华为列入实体清单").
fn list_after(evidence: &str, targets: &[String]) -> Option<String> {
    super::nations::list_after(evidence, targets.first()?)
}

/// True when two actors are one side: the same name, or a country and a
/// body or leader acting for it.
fn one_side(a: &str, b: &str) -> bool {
    use super::nations::{acts_for, standing, Standing};
    a == b
        || (standing(a) == Standing::Country && acts_for(b, a))
        || (standing(b) == Standing::Country && acts_for(a, b))
}

/// "added 28 organizations to the Entity List for acting against U.S.
/// interests": a government's measure does not hit its own country; the
/// country its body acts for, named in the reason, is no target. A suit, a
/// ruling, an accusation or a law may well name it, so those keep it.
/// English only: a Chinese measure's object is what its 对 governs.
fn not_its_own_country(m: &mut Mention) {
    use super::nations::{acts_for, standing, Standing};
    if matches!(
        m.kind,
        Kind::Lawsuit | Kind::Ruling | Kind::Accusation | Kind::Legislation
    ) {
        return;
    }
    let actors = &m.actors;
    m.targets
        .retain(|t| standing(t) != Standing::Country || !actors.iter().any(|a| acts_for(a, t)));
}

/// True when byte `at` is inside a 《title》: "根据《关于对美加征关税商品的公告》"
/// cites an instrument by its name; it reports no act.
fn in_title(s: &str, at: usize) -> bool {
    let before = s.get(..at).unwrap_or("");
    before
        .rfind('《')
        .is_some_and(|open| !before[open..].contains('》'))
}

/// True when the trigger's verb publishes an instrument whose title holds
/// the rest of the match: "公布《中华人民共和国两用物项出口管制条例》".
fn publishes_a_title(s: &str, hit: &Hit) -> bool {
    let verb = s.get(hit.verb_start..hit.verb_end).unwrap_or("");
    ["公布", "发布", "出台", "印发", "颁布"].contains(&verb)
        && s.get(hit.verb_end..).is_some_and(|t| t.starts_with('《'))
        && in_title(s, hit.end)
}

/// "对美加征关税商品排除清单": a measure's words before 商品 name the goods
/// it covers (the goods subject to extra tariffs); they report no act.
fn names_goods(s: &str, hit: &Hit) -> bool {
    let after = s.get(hit.end..).unwrap_or("");
    ["商品", "的商品", "产品清单", "的产品"]
        .iter()
        .any(|w| after.starts_with(w))
}

/// "进口的，不加征本公告规定加征的关税": 不 right before the verb negates
/// it ("继续不加征", "暂不加征": goods kept out of the tariff, is a
/// decision, and stays), and "规定加征的关税" (the tariffs a notice provides for) names
/// the measure of another instrument.
fn negated_verb(s: &str, hit: &Hit) -> bool {
    let before = s.get(..hit.verb_start).unwrap_or("");
    let after = s.get(hit.verb_end..).unwrap_or("");
    (before.ends_with('不') && !before.ends_with("继续不") && !before.ends_with("暂不"))
        || (before.ends_with("规定") && after.starts_with('的'))
}

/// "中兴缴纳10亿美元罚款后": a fine someone pays is the act of whoever
/// imposed it, reported elsewhere; the payer did not fine anyone.
fn paid_fine(s: &str, hit: &Hit) -> bool {
    let verb = s.get(hit.verb_start..hit.verb_end).unwrap_or("");
    let before = s.get(..hit.verb_start).unwrap_or("");
    let clause = before
        .rsplit(['，', '。', '；', ','])
        .next()
        .unwrap_or(before);
    let near = &clause[clause.char_indices().rev().nth(15).map_or(0, |(i, _)| i)..];
    verb.starts_with("罚款")
        && [
            "缴纳", "交纳", "支付", "缴付", "缴清", "付清", "繳納", "交納", "繳付", "繳清",
        ]
        .iter()
        .any(|w| near.contains(w))
}

/// An anchor for articles without a publication time; only absolute dates
/// are kept for them.
fn fallback_anchor() -> DateTime<FixedOffset> {
    let utc = FixedOffset::east_opt(0);
    let day = NaiveDate::from_ymd_opt(2000, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    match (utc, day) {
        (Some(o), Some(d)) => DateTime::from_naive_utc_and_offset(d, o),
        _ => DateTime::<FixedOffset>::default(),
    }
}
