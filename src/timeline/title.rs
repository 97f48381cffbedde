//! Headlines: a short English line built from an event's kind, actors and
//! targets ("Commerce adds Huawei to Entity List"), never copied from a
//! source, so every event reads alike whatever language reported it.

use crate::model::Kind;

/// Lists named in listing and delisting reports, by the words that name them.
const LISTS: &[(&[&str], &str)] = &[
    (
        &["unreliable entity", "不可靠实体"],
        "unreliable entity list",
    ),
    (&["entity list", "实体清单", "实体名单"], "Entity List"),
    (
        &["1260h", "chinese military compan", "中国军事企业"],
        "1260H list",
    ),
    (&["unverified list", "未经核实"], "Unverified List"),
    (
        &["sdn", "specially designated national", "特别指定国民"],
        "SDN list",
    ),
    (&["ns-cmic", "cmic list"], "NS-CMIC list"),
    (&["uflpa"], "UFLPA Entity List"),
    (&["covered list", "涵盖清单"], "FCC covered list"),
    (
        &["export control list", "出口管制管控名单", "管控名单"],
        "export control list",
    ),
];

/// The list an event's evidence names, if any.
pub fn list_name(evidence: &[&str]) -> Option<&'static str> {
    let text = evidence.join(" ").to_lowercase();
    LISTS
        .iter()
        .find(|(cues, _)| cues.iter().any(|c| text.contains(c)))
        .map(|(_, name)| *name)
}

/// A name as a headline uses it: "Commerce Department" reads "Commerce".
pub fn short_name(name: &str) -> String {
    let n = name.trim();
    for suffix in [" Department", " Ministry"] {
        if let Some(head) = n.strip_suffix(suffix) {
            if !head.is_empty() && !head.contains(' ') {
                return head.to_string();
            }
        }
    }
    n.to_string()
}

/// "A", "A and B", "A, B and C", "A, B and 3 others".
pub fn join_names(names: &[String]) -> String {
    let v: Vec<String> = names.iter().map(|n| short_name(n)).collect();
    match v.as_slice() {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b} and {c}"),
        [a, b, rest @ ..] => format!("{a}, {b} and {} others", rest.len()),
    }
}

/// The headline of an event.
pub fn headline(kind: Kind, actors: &[String], targets: &[String], evidence: &[&str]) -> String {
    let a = join_names(&actors[..actors.len().min(2)]);
    let t = join_names(targets);
    let list = list_name(evidence);
    let (active, passive): (String, String) = match kind {
        Kind::Listing => {
            let l = list.unwrap_or("a government list");
            (format!("{a} adds {t} to {l}"), format!("{t} added to {l}"))
        }
        Kind::Delisting => {
            let l = list.unwrap_or("a government list");
            (
                format!("{a} removes {t} from {l}"),
                format!("{t} removed from {l}"),
            )
        }
        Kind::Ban => (format!("{a} bans {t}"), format!("{t} banned")),
        Kind::Lawsuit => (format!("{a} sues {t}"), format!("Lawsuit against {t}")),
        Kind::Ruling => (
            format!("{a} rules in case involving {t}"),
            format!("Court rules in case involving {t}"),
        ),
        Kind::Sanction => (format!("{a} sanctions {t}"), format!("{t} sanctioned")),
        Kind::ExportControl => (
            format!("{a} restricts exports to {t}"),
            format!("Export controls on {t}"),
        ),
        Kind::Tariff => (
            format!("{a} sets tariffs on {t}"),
            format!("Tariffs on {t}"),
        ),
        Kind::Investigation => (
            format!("{a} investigates {t}"),
            format!("Investigation into {t}"),
        ),
        Kind::Accusation => (
            format!("{a} accuses {t}"),
            format!("Accusation against {t}"),
        ),
        Kind::Legislation => (
            format!("{a} advances measure on {t}"),
            format!("Measure on {t}"),
        ),
        Kind::Other => (format!("{a} acts on {t}"), format!("Event involving {t}")),
    };
    match (a.is_empty(), t.is_empty()) {
        (false, false) => active,
        (true, false) => passive,
        (false, true) => match kind {
            Kind::Listing | Kind::Delisting => {
                format!("{a} updates {}", list.unwrap_or("a government list"))
            }
            Kind::ExportControl => format!("{a} imposes export controls"),
            Kind::Tariff => format!("{a} sets tariffs"),
            Kind::Legislation => format!("{a} advances measure"),
            Kind::Ban => format!("{a} issues ban"),
            Kind::Sanction => format!("{a} imposes sanctions"),
            Kind::Lawsuit => format!("{a} files lawsuit"),
            Kind::Ruling => format!("{a} issues ruling"),
            Kind::Investigation => format!("{a} opens investigation"),
            Kind::Accusation => format!("{a} makes accusation"),
            Kind::Other => format!("{a} acts"),
        },
        (true, true) => {
            let k = kind.as_str().replace('_', " ");
            let mut c = k.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => k,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn headlines_read_like_news() {
        type Case<'a> = (Kind, &'a [&'a str], &'a [&'a str], &'a str, &'a str);
        let cases: &[Case] = &[
            (
                Kind::Listing,
                &["Commerce Department"],
                &["Huawei"],
                "Commerce put Huawei on the Entity List.",
                "Commerce adds Huawei to Entity List",
            ),
            (
                Kind::Listing,
                &["Department of Defense"],
                &["Alibaba", "Baidu", "BYD"],
                "named in the 1260H list",
                "Department of Defense adds Alibaba, Baidu and BYD to 1260H list",
            ),
            (
                Kind::Listing,
                &["商务部"],
                &["因美纳"],
                "商务部将因美纳列入不可靠实体清单",
                "商务部 adds 因美纳 to unreliable entity list",
            ),
            (
                Kind::Lawsuit,
                &["Alibaba"],
                &["Department of Defense"],
                "Alibaba sued.",
                "Alibaba sues Department of Defense",
            ),
            (Kind::Ban, &[], &["TikTok"], "", "TikTok banned"),
            (
                Kind::ExportControl,
                &["Commerce Department"],
                &[],
                "",
                "Commerce imposes export controls",
            ),
            (Kind::Tariff, &[], &[], "", "Tariff"),
            (Kind::ExportControl, &[], &[], "", "Export control"),
            (
                Kind::Delisting,
                &["Commerce Department"],
                &["A", "B", "C", "D"],
                "Unverified List",
                "Commerce removes A, B and 2 others from Unverified List",
            ),
        ];
        for (kind, a, t, ev, want) in cases {
            assert_eq!(
                headline(*kind, &s(a), &s(t), &[ev]),
                *want,
                "{kind:?} {a:?} {t:?}"
            );
        }
    }

    #[test]
    fn short_names_only_trim_one_word_departments() {
        assert_eq!(short_name("Commerce Department"), "Commerce");
        assert_eq!(short_name("Department of Defense"), "Department of Defense");
        assert_eq!(
            short_name("U.S. Commerce Department"),
            "U.S. Commerce Department"
        );
    }
}
