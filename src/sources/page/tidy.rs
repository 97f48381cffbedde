//! Paragraph-level tidying after the story is chosen: the lines that sit
//! inside a story's container but are not story. A stamp ("Updated 5:27
//! am", "By a reporter - 11/18/19") or a copyright line would give the
//! timeline a false date, and a "You may also like" list is other stories.
//! Only short lines are touched; a long paragraph is always kept.

use regex::Regex;
use std::sync::LazyLock;

/// A byline or a media credit: a short line starting with one of these.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:by)\s+\p{Lu}[^.!?。]*$|(?i:photo|image|credit):|来源[:：])")
        .expect("constant regex")
});

/// A time stamp: a short line starting with one of these words and
/// holding a digit ("Published reports say…" is story).
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:last\s+)?updated\b|published\b|posted\b|first published\b|更新时间|发布时间)",
    )
    .expect("constant regex")
});

/// A heading that introduces a list of other stories.
static OTHER_STORIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:you (?:may|might) also like|related(?: stories| articles| coverage| news| content)?|read more|more from .{0,40}|recommended(?: for you)?|most (?:read|popular)|trending(?: now)?|相关新闻|相关阅读|推荐阅读|更多阅读|热门文章)\W*$")
        .expect("constant regex")
});

/// A copyright or rights line.
static RIGHTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)©|\(c\)\s*\d{4}|all rights reserved|版权所有").expect("constant regex")
});

/// Lines at most this long may be stamps or rights lines.
const SHORT: usize = 120;
/// Lines at most this long may be items of a list of other stories.
const LIST_ITEM: usize = 100;

/// Drops stamps, rights lines and lists of other stories from `paras`.
pub fn tidy(paras: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(paras.len());
    let mut in_list = false;
    for p in paras {
        let chars = p.chars().count();
        if in_list {
            if chars <= LIST_ITEM {
                continue;
            }
            in_list = false;
        }
        if chars <= 60 && OTHER_STORIES.is_match(&p) {
            in_list = true;
            continue;
        }
        let stamp = STAMP.is_match(&p) && p.chars().any(|c| c.is_ascii_digit());
        if chars <= SHORT && (stamp || BYLINE.is_match(&p) || RIGHTS.is_match(&p)) {
            continue;
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn stamps_and_rights_go_story_stays() {
        let got = tidy(lines(&[
            "By Jane Roe - 11/18/19 11:04 PM EST",
            "Updated at 1:23 p.m.",
            "By March, the company had stopped shipping to the listed firms.",
            "Published 9 July 2026",
            "Published reports say the deal is close.",
            "Photo: Example Agency",
            "© 2026 Example Media. All rights reserved.",
            "发布时间：2026-07-09",
            "The ban takes effect on Friday.",
        ]));
        assert_eq!(
            got,
            lines(&[
                "By March, the company had stopped shipping to the listed firms.",
                "Published reports say the deal is close.",
                "The ban takes effect on Friday.",
            ])
        );
    }

    #[test]
    fn list_of_other_stories_is_dropped_until_a_long_paragraph() {
        let long = "This paragraph is long enough to be story text again, since it runs well past the length that any headline in a list of links would have.";
        let got = tidy(lines(&[
            "The court ruled on Monday.",
            "You may also like...",
            "Court fines carrier",
            "Regulator opens probe",
            long,
        ]));
        assert_eq!(got, lines(&["The court ruled on Monday.", long]));
    }

    #[test]
    fn long_lines_are_never_touched() {
        let long = format!(
            "Updated {}",
            "rules on exports were widened again. ".repeat(5)
        );
        assert_eq!(tidy(vec![long.clone()]), vec![long]);
    }
}
