//! Who did it and to whom, from the sentence's structure: the subject
//! before the trigger acts and the names after its verb undergo ("X sued
//! Y"); a passive ("Y was added by X", "Y被列入") or a relative clause
//! ("Huawei, which was placed on …") turns that round; 将Y列入 and 对Y实施
//! put the target inside the construction. A government list with no
//! stated actor is acted on by its keeper (the Entity List by the Commerce
//! Department).

use super::entities::Found;
use super::lang::{self, has};
use super::laws::LAW;
use super::rules::TriggerKind;
use super::triggers::Hit;
use crate::model::Kind;
use std::ops::Range;

/// Actors and targets of one trigger, as canonical names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roles {
    pub actors: Vec<String>,
    pub targets: Vec<String>,
}

/// How far a trigger's arguments reach in its sentence.
pub struct Scope {
    /// The trigger's clause.
    pub clause: Range<usize>,
    /// The clause and its coordinated neighbours (the subject lives here).
    pub group: Range<usize>,
}

/// Assigns roles to `hit` in sentence `s`; `names` are sentence-relative.
pub fn assign(s: &str, names: &[Found], hit: &Hit, scope: &Scope, zh: bool) -> Roles {
    let agents = |f: &&Found| f.kind != "list" && f.kind != LAW;
    let list_owner = names
        .iter()
        .filter(|f| {
            f.kind == "list"
                && f.start >= scope.group.start
                && f.end <= scope.group.end.max(hit.end)
        })
        .find_map(|f| f.owner.clone());
    let target_end = including(s, scope.clause.end.max(hit.end));
    let passive = if zh {
        passive_bei(s.get(scope.group.start..hit.verb_start).unwrap_or("")).is_some()
    } else {
        is_passive(s.get(scope.clause.start..hit.verb_start).unwrap_or(""))
    };
    let mut roles = Roles::default();
    // "99年7月21日台北高等行政法院99年度诉字第3号判决": the court right
    // before a judgment's case number rendered it
    if let Some(court) = zh.then(|| cited_court(s, names, hit)).flatten() {
        roles.actors.push(court.name.clone());
    } else if let Some(agency) = zh.then(|| cited_issuer(s, names, hit)).flatten() {
        roles.actors.push(agency.name.clone());
    }
    // 对Y实施/启动……: in Chinese the names after 对 undergo the action.
    let dui = if zh {
        s.get(scope.group.start..hit.start)
            .unwrap_or("")
            .rfind('对')
            .map(|p| scope.group.start + p)
    } else {
        None
    };
    // "立法院针对中国大陆于5月28日……径行通过……": the act is the topic's,
    // which 针对 opens; its subject follows 针对, and 针对 marks no target
    let topic = dui
        .filter(|&p| s.get(..p).is_some_and(|b| b.ends_with('针')))
        .map(|p| p + '对'.len_utf8());
    let dui = dui.filter(|_| topic.is_none());
    let from = topic.unwrap_or(scope.group.start);
    // "the Supreme Court upheld": a court inside a ruling's match, before
    // its verb, is the ruling's subject; so is a legislature inside a
    // law's ("立法院……三读通过")
    let in_match_subject =
        |f: &Found| f.kind == "court" || (f.kind == "legislature" && f.end <= hit.verb_start);
    let bound = |f: &Found| {
        if in_match_subject(f) {
            dui.unwrap_or(hit.verb_start)
        } else {
            dui.unwrap_or(hit.start)
        }
    };
    let before: Vec<&Found> = names
        .iter()
        .filter(agents)
        .filter(|f| f.start >= from && f.end <= bound(f))
        .collect();
    // "Mr. Rubio (for himself and Mr. Markey) introduced": the names of an
    // aside are not the subject, when one stands outside it
    let outside: Vec<&Found> = before
        .iter()
        .copied()
        .filter(|f| !in_aside(s, f.start))
        .collect();
    let before = if outside.is_empty() { before } else { outside };
    // "对美加征关税……，对其附件所列商品加征10%的关税": the name an earlier
    // clause's 对 governs undergoes that clause's measure; it is nobody's
    // subject (其 refers back to it), so the sentence's subject, or its
    // document's issuer, acts in every clause
    let before: Vec<&Found> = if zh {
        before
            .into_iter()
            .filter(|f| !governed_by_dui(s, f))
            .collect()
    } else {
        before
    };
    let target_from = if zh {
        dui.unwrap_or(hit.start)
    } else {
        hit.verb_end
    };
    let after: Vec<&Found> = names
        .iter()
        .filter(agents)
        .filter(|f| f.start >= target_from && f.end <= target_end)
        .filter(|f| Some(&f.name) != list_owner.as_ref())
        // A court decides or hears a case; it is not what a measure targets.
        .filter(|f| !in_match_subject(f))
        .collect();
    if passive {
        let in_clause: Vec<&Found> = before
            .iter()
            .copied()
            .filter(|f| f.start >= scope.clause.start.min(scope.group.start))
            .collect();
        let (by, rest): (Vec<&Found>, Vec<&Found>) = if zh {
            let bei = passive_bei(s.get(..hit.verb_start).unwrap_or("")).unwrap_or(0);
            in_clause.into_iter().partition(|f| f.start > bei)
        } else {
            let by: Vec<&Found> = names
                .iter()
                .filter(agents)
                .filter(|f| f.start >= target_from && f.end <= target_end)
                .filter(|f| after_by(s.get(..f.start).unwrap_or("")))
                .collect();
            (by, in_clause)
        };
        push_names(&mut roles.actors, by.iter().copied());
        push_names(&mut roles.targets, best_known(&rest));
        if roles.targets.is_empty() {
            if let Some(a) = antecedent(names, scope.clause.start) {
                roles.targets.push(a.name.clone());
            }
        }
    } else {
        // The clause's own subject ("…, and the Netherlands published"),
        // else the group's ("China on Tuesday opened … and added …").
        let own: Vec<&Found> = before
            .iter()
            .copied()
            .filter(|f| f.start >= scope.clause.start)
            .collect();
        if let Some(a) = subject(s, &own)
            .or_else(|| subject(s, &before))
            .filter(|_| roles.actors.is_empty())
        {
            roles.actors.push(a.name.clone());
        }
        let known: Vec<&Found> = after.iter().copied().filter(|f| f.known).collect();
        let pool = if known.is_empty() { &after } else { &known };
        push_names(
            &mut roles.targets,
            pool.iter()
                .copied()
                .filter(|f| !roles.actors.contains(&f.name))
                .take(5),
        );
        if roles.targets.is_empty()
            && !zh
            && relative_object(s.get(scope.clause.start..hit.start).unwrap_or(""))
        {
            if let Some(a) = antecedent(names, scope.clause.start) {
                roles.targets.push(a.name.clone());
            }
        }
    }
    if roles.actors.is_empty() {
        if let Some(o) = list_owner {
            roles.actors.push(o);
        }
    }
    if matches!(hit.kind, TriggerKind::Kind(Kind::Legislation)) {
        enacted(&mut roles, names, scope, target_end);
    }
    roles.targets.retain(|t| !roles.actors.contains(t));
    roles
}

/// A name that a 对 (not 针对, which opens a topic) governs as its object:
/// "对美加征", "对原产于美国的商品加征"; not "对美国而言", where the name is
/// the topic.
fn governed_by_dui(s: &str, f: &Found) -> bool {
    let before = s.get(..f.start).unwrap_or("");
    let before = ["原产于", "原产自", "来自"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    let topic = s.get(f.end..).is_some_and(|after| {
        let clause = after.split(['，', ',', '；', '。']).next().unwrap_or("");
        clause.ends_with("而言") || clause.ends_with("来说")
    });
    before.ends_with('对') && !before.ends_with("针对") && !topic
}

/// Whether byte `at` of `s` stands inside a parenthesis that opened
/// before it and has not closed.
fn in_aside(s: &str, at: usize) -> bool {
    let before = s.get(..at).unwrap_or("");
    let open = before.rfind(['(', '（']);
    let close = before.rfind([')', '）']);
    open.is_some_and(|o| close.is_none_or(|c| c < o))
}

/// A legislation event's laws: every law its clause group names, before
/// the verb ("these acts became law") or after it, is a target, named
/// first; with nobody else acting, the law's legislature passed it.
fn enacted(roles: &mut Roles, names: &[Found], scope: &Scope, end: usize) {
    let laws: Vec<&Found> = names
        .iter()
        .filter(|f| f.kind == LAW && f.start >= scope.group.start && f.end <= end)
        .collect();
    let mut targets: Vec<String> = Vec::new();
    push_names(&mut targets, laws.iter().copied());
    for t in roles.targets.drain(..) {
        if !targets.contains(&t) {
            targets.push(t);
        }
    }
    roles.targets = targets;
    if roles.actors.is_empty() {
        if let Some(o) = laws.iter().find_map(|f| f.owner.clone()) {
            roles.actors.push(o);
        }
    }
}

/// Where the last passive 被 stands: not the 被 of a party's role (被告,
/// 被上诉人, 被申请人), which names someone and turns nothing round.
fn passive_bei(text: &str) -> Option<usize> {
    text.match_indices('被').map(|(i, _)| i).rfind(|&i| {
        let after = &text[i + '被'.len_utf8()..];
        !["告", "上诉", "申请", "诉人"]
            .iter()
            .any(|w| after.starts_with(w))
    })
}

/// A court whose name runs straight into a case number and the trigger
/// (判决, 裁定): the court that decided that case.
fn cited_court<'a>(s: &str, names: &'a [Found], hit: &Hit) -> Option<&'a Found> {
    names.iter().rfind(|f| {
        f.kind == "court"
            && f.end <= hit.verb_start
            && s.get(f.end..hit.verb_start).is_some_and(|gap| {
                gap.len() <= 60
                    && gap.contains("字第")
                    && gap.ends_with('号')
                    && !gap.contains(['，', ',', '。', '、'])
            })
    })
}

/// "依据本院公共工程委员会107年12月20日工程企字第1070050131号函，……限制
/// ……参与": the agency whose letter the sentence acts under made the rule.
fn cited_issuer<'a>(s: &str, names: &'a [Found], hit: &Hit) -> Option<&'a Found> {
    names.iter().find(|f| {
        f.kind == "agency"
            && f.end <= hit.verb_start
            && s.get(..f.start).is_some_and(|b| {
                let b = b.strip_suffix("本院").unwrap_or(b);
                b.ends_with("依据") || b.ends_with("依照")
            })
            && s.get(f.end..hit.verb_start).is_some_and(|after| {
                after.find("号函").is_some_and(|end| {
                    let gap = &after[..end];
                    gap.len() <= 90 && gap.contains("字第") && !gap.contains(['，', ',', '。'])
                })
            })
    })
}

fn push_names<'a>(into: &mut Vec<String>, names: impl IntoIterator<Item = &'a Found>) {
    for f in names {
        if !into.contains(&f.name) {
            into.push(f.name.clone());
        }
    }
}

/// Known names if there are any, else every name.
fn best_known<'a>(names: &[&'a Found]) -> Vec<&'a Found> {
    let known: Vec<&Found> = names.iter().copied().filter(|f| f.known).collect();
    if known.is_empty() {
        names.to_vec()
    } else {
        known
    }
}

/// The grammatical subject: the first known name before the trigger, else
/// the first recognised one.
fn subject<'a>(s: &str, before: &[&'a Found]) -> Option<&'a Found> {
    let first = before
        .iter()
        .copied()
        .find(|f| f.known)
        .or_else(|| before.first().copied())?;
    // "China's Commerce Ministry": the body a country's possessive names
    // is the subject, not the country
    let possessed = before.iter().copied().find(|g| {
        first.kind == "country" && g.known && g.start > first.end && g.start <= first.end + 4
    });
    Some(
        possessed
            .or_else(|| acting_body(s, first, before))
            .unwrap_or(first),
    )
}

/// "中国大陆于5月28日第13届全国人民代表大会略过……": a country, then only the
/// day and the session, then the body that acted for it.
fn acting_body<'a>(s: &str, first: &Found, before: &[&'a Found]) -> Option<&'a Found> {
    if first.kind != "country" {
        return None;
    }
    before.iter().copied().find(|g| {
        matches!(g.kind.as_str(), "legislature" | "agency" | "court")
            && g.known
            && g.start > first.end
            && s.get(first.end..g.start).is_some_and(|gap| {
                gap.len() <= 40
                    && gap.contains('日')
                    && !gap.contains(['，', ',', '、', '。', '；'])
            })
    })
}

/// The name a relative clause hangs on: the last name before the clause.
fn antecedent(names: &[Found], clause_start: usize) -> Option<&Found> {
    names
        .iter()
        .rfind(|f| f.kind != "list" && f.end <= clause_start)
}

/// Where the targets end: the clause's end, or, when the next clause
/// only spells out whom the measure covers ("新增601个实体，其中包括A、B";
/// "added 12 entities, including A and B"), that clause's end.
fn including(s: &str, end: usize) -> usize {
    let rest = s.get(end..).unwrap_or("");
    let body = rest.trim_start_matches([',', '，', '、', ' ']);
    let lead = [
        "其中亦包括",
        "其中也包括",
        "其中还包括",
        "其中包括",
        "包括",
        "including ",
    ]
    .iter()
    .find(|w| body.starts_with(*w));
    let Some(lead) = lead else { return end };
    let from = end + (rest.len() - body.len()) + lead.len();
    // the list runs to the sentence's end, a semicolon or a parenthesis
    // (a Chinese list's items are joined by 、, so its comma ends it too)
    s.get(from..)
        .unwrap_or("")
        .find(['。', '；', ';', '，', '(', '（'])
        .map_or(s.len(), |p| from + p)
}

/// True when the text before a name ends in "by" or "by the".
fn after_by(before: &str) -> bool {
    let t = before.trim_end();
    let t = t
        .strip_suffix(" the")
        .or_else(|| t.strip_suffix(" a"))
        .unwrap_or(t)
        .trim_end();
    t.ends_with(" by") || t == "by"
}

/// "was added", "had been blocked", "were quickly placed".
fn is_passive(before_verb: &str) -> bool {
    let mut words = before_verb.split_whitespace().rev();
    let Some(w) = words.next() else { return false };
    let w = w.to_ascii_lowercase();
    if has(&lang::words("en").be, &w) {
        return true;
    }
    if w.ends_with("ly") {
        if let Some(w2) = words.next() {
            return has(&lang::words("en").be, &w2.to_ascii_lowercase());
        }
    }
    false
}

/// A clause opened by "that"/"which" whose object is the antecedent
/// ("the maker that Washington added to the list").
fn relative_object(clause_before: &str) -> bool {
    let t = clause_before.trim_start().to_ascii_lowercase();
    t.starts_with("that ") || t.starts_with("which ") || t.contains(" that ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::rules::TriggerKind;
    use crate::model::Kind;

    fn found(s: &str, name: &str, canon: &str, kind: &str) -> Found {
        let start = s.find(name).unwrap_or(0);
        Found {
            start,
            end: start + name.len(),
            name: canon.into(),
            kind: kind.into(),
            owner: (kind == "list").then(|| "Commerce Department".to_string()),
            known: true,
        }
    }

    fn hit(s: &str, verb: &str, end_word: &str) -> Hit {
        let vs = s.find(verb).unwrap_or(0);
        let end = s
            .find(end_word)
            .map(|e| e + end_word.len())
            .unwrap_or(s.len());
        Hit {
            kind: TriggerKind::Kind(Kind::Listing),
            start: vs,
            end,
            verb_start: vs,
            verb_end: vs + verb.len(),
            weight: 1.0,
            absorbs: Vec::new(),
            nominal: false,
        }
    }

    fn whole(s: &str) -> Scope {
        Scope {
            clause: 0..s.len(),
            group: 0..s.len(),
        }
    }

    #[test]
    fn active_subject_acts_and_object_undergoes() {
        let s = "Acme sued Bolt Corp on Monday";
        let names = vec![
            found(s, "Acme", "Acme", "company"),
            found(s, "Bolt Corp", "Bolt", "company"),
        ];
        let r = assign(s, &names, &hit(s, "sued", "sued"), &whole(s), false);
        assert_eq!(r.actors, vec!["Acme"]);
        assert_eq!(r.targets, vec!["Bolt"]);
    }

    #[test]
    fn passive_turns_roles_round_and_the_list_keeper_acts() {
        let s = "Huawei was added to the Entity List in May";
        let names = vec![
            found(s, "Huawei", "Huawei", "company"),
            found(s, "Entity List", "Entity List", "list"),
        ];
        let r = assign(s, &names, &hit(s, "added", "List"), &whole(s), false);
        assert_eq!(r.actors, vec!["Commerce Department"]);
        assert_eq!(r.targets, vec!["Huawei"]);
    }

    #[test]
    fn passive_by_phrase_names_the_actor() {
        let s = "The ban was blocked by Judge Court X in May";
        let names = vec![found(s, "Judge Court X", "Court X", "court")];
        let r = assign(s, &names, &hit(s, "blocked", "blocked"), &whole(s), false);
        assert_eq!(r.actors, vec!["Court X"]);
    }

    #[test]
    fn relative_clause_target_is_the_antecedent() {
        let s = "Huawei, which was placed on the Entity List in 2019";
        let names = vec![
            found(s, "Huawei", "Huawei", "company"),
            found(s, "Entity List", "Entity List", "list"),
        ];
        let scope = Scope {
            clause: 6..s.len(),
            group: 6..s.len(),
        };
        let r = assign(s, &names, &hit(s, "placed", "List"), &scope, false);
        assert_eq!(r.targets, vec!["Huawei"]);
    }

    #[test]
    fn chinese_jiang_construction_puts_targets_inside() {
        let s = "美国商务部18日宣布，将中芯国际列入实体清单";
        let names = vec![
            found(s, "美国商务部", "Commerce Department", "agency"),
            found(s, "中芯国际", "SMIC", "company"),
            found(s, "实体清单", "Entity List", "list"),
        ];
        let start = s.find('将').unwrap_or(0);
        let h = Hit {
            start,
            verb_start: s.find("列入").unwrap_or(0),
            verb_end: s.find("列入").unwrap_or(0) + 6,
            ..hit(s, "将", "清单")
        };
        let r = assign(s, &names, &h, &whole(s), true);
        assert_eq!(r.actors, vec!["Commerce Department"]);
        assert_eq!(r.targets, vec!["SMIC"]);
    }

    #[test]
    fn chinese_bei_passive() {
        let s = "闻泰科技于2024年12月2日被美国商务部列入实体清单";
        let names = vec![
            found(s, "闻泰科技", "Wingtech", "company"),
            found(s, "美国商务部", "Commerce Department", "agency"),
        ];
        let r = assign(s, &names, &hit(s, "列入", "清单"), &whole(s), true);
        assert_eq!(r.actors, vec!["Commerce Department"]);
        assert_eq!(r.targets, vec!["Wingtech"]);
    }
}
