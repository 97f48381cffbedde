//! The story text of a parsed page. The main-content choice is made by
//! dom_smoothie (a port of Mozilla's Readability), after a first pass here
//! that removes what Readability tends to keep on news pages: ad slots,
//! "most read" and "related" lists, newsletter and share boxes, bylines,
//! captions and comments. The text comes back one paragraph per block,
//! paragraphs separated by a blank line, tidied by [`super::tidy`].
//!
//! dom_smoothie was chosen by measurement on the 181 pages of `eval/pages`
//! (`score_pages.py`, release builds, one core): the earlier scraper
//! container scorer gave F1 0.671; rs-trafilatura 0.957 at 122 pages/s;
//! dom_smoothie alone 0.951 at over 600 pages/s; with this module's
//! passes 0.973 at about 440 pages/s including metadata.

use crate::text;
use dom_query::{Document, Matcher, NodeRef};
use dom_smoothie::{Config, Readability, TextMode};
use regex::Regex;
use std::sync::LazyLock;

/// Tags whose whole subtree is never story text.
static DROP_TAGS: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new("script, style, noscript, template, button, select, textarea, iframe, svg, dialog, figure, figcaption, title, xmp, plaintext, noembed, noframes")
        .expect("constant selector")
});

static TIME: LazyLock<Matcher> = LazyLock::new(|| Matcher::new("time").expect("constant selector"));

/// Tags of boxes beside the story: dropped unless they hold it (some sites
/// wrap the whole page in a `<form>`).
const BOX_TAGS: &[&str] = &["nav", "aside", "footer", "form"];

/// Every element with a class or id, the candidates for [`BOILERPLATE`],
/// and the [`BOX_TAGS`].
static MARKED: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new("[class], [id], nav, aside, footer, form").expect("constant selector")
});

/// Class or id words of boxes around the story, matched as whole
/// hyphen- or underscore-separated words.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(?:ad|ads|adslot|ad-slot|advert|advertisement|dfp|cookie|cookies|consent|gdpr|most-read|mostread|most-popular|popular|trending|related|recommended|recirc|newsletter|signup|sign-up|subscribe|subscription|paywall|share|sharing|social|sharebar|share-bar|byline|breadcrumbs?|outbrain|taboola|promo|sponsored|caption|captions|credit|credits|gallery|slideshow|carousel|timestamp|tags|tag-list|comments|comment|author|authors)(?:$|[\s_-])",
    )
    .expect("constant regex")
});

/// Class or id words of reader comments, removed even when they hold long
/// paragraphs (comments often outweigh a short post).
static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:comments|comment-list|commentlist|comments-area|disqus_thread|disqus)(?:$|[\s_-])")
        .expect("constant regex")
});

/// The story text of `doc`, which this consumes (Readability rewrites it).
pub fn story_text(doc: Document, max_elements: usize) -> Result<String, String> {
    preclean(&doc);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: max_elements,
        ..Default::default()
    };
    let mut reader = Readability::with_document(doc, None, Some(cfg)).map_err(|e| e.to_string())?;
    match reader.parse() {
        Ok(article) => Ok(paragraphs(&article.text_content)),
        Err(dom_smoothie::ReadabilityError::GrabFailed) => Ok(String::new()),
        Err(e) => Err(e.to_string()),
    }
}

/// Removes subtrees that are never the story. An element whose class or id
/// names a box (ads, "most read", share bars) goes too, unless it holds
/// most of the page's paragraphs: some sites put such words on the story's
/// own container.
fn preclean(doc: &Document) {
    doc.select_matcher(&DROP_TAGS).remove();
    let doomed: Vec<NodeRef> = doc
        .select_matcher(&MARKED)
        .nodes()
        .iter()
        .filter(|n| {
            !matches!(
                n.node_name().as_deref(),
                Some("html" | "body" | "article" | "main")
            )
        })
        .filter(|n| {
            let class = n.attr("class").unwrap_or_default();
            let id = n.attr("id").unwrap_or_default();
            if COMMENTS.is_match(&class) || COMMENTS.is_match(&id) {
                return true;
            }
            let boxed = n
                .node_name()
                .is_some_and(|t| BOX_TAGS.contains(&t.as_ref()))
                || BOILERPLATE.is_match(&class)
                || BOILERPLATE.is_match(&id);
            boxed && !holds_story(n)
        })
        .cloned()
        .collect();
    for n in doomed {
        n.remove_from_parent();
    }
    drop_lone_times(doc);
}

/// Removes a block that holds nothing but a `<time>`: a publication or
/// update stamp, whose date is metadata rather than an event of the story.
fn drop_lone_times(doc: &Document) {
    let lone: Vec<NodeRef> = doc
        .select_matcher(&TIME)
        .nodes()
        .iter()
        .filter_map(|t| t.parent())
        .filter(|p| {
            matches!(
                p.node_name().as_deref(),
                Some("p" | "div" | "span" | "small")
            )
        })
        .filter(|p| {
            let time_text: usize = p
                .children_it(false)
                .filter(|c| c.node_name().as_deref() == Some("time"))
                .map(|c| c.normalized_char_count())
                .sum();
            p.normalized_char_count() <= time_text + 1
        })
        .collect();
    for p in lone {
        p.remove_from_parent();
    }
}

/// Whether `n` holds long paragraphs, so that removing it would lose the
/// story rather than a box beside it.
fn holds_story(n: &NodeRef) -> bool {
    let mut long = 0;
    for d in n.descendants_it() {
        if d.node_name().as_deref() == Some("p") && d.normalized_char_count() > 120 {
            long += 1;
            if long >= 3 {
                return true;
            }
        }
    }
    false
}

/// One paragraph per non-empty line, cleaned of control characters and
/// runs of whitespace, tidied of stamps and lists of other stories, and
/// separated by a blank line.
fn paragraphs(raw: &str) -> String {
    let lines: Vec<String> = raw
        .lines()
        .map(text::clean_line)
        .filter(|l| !l.is_empty())
        .collect();
    super::tidy::tidy(lines).join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(html: &str) -> String {
        story_text(Document::from(html), 0).unwrap_or_default()
    }

    const BODY: &str = "<p>The regulator opened an investigation into the chip maker on Monday, citing possible breaches of export rules that took effect last year.</p>\
<p>Officials said the inquiry would examine shipments made through third countries and could lead to fines or a ban on further sales.</p>\
<p>The company said it had complied with every rule and would cooperate fully with the authorities while the review goes on.</p>";

    #[test]
    fn keeps_paragraphs_and_drops_boxes() {
        let html = format!(
            r#"<html><body><nav>Home World Tech</nav><div class="cookie-banner">We use cookies</div>
<main><article><p class="byline">By a reporter</p>{BODY}
<div class="ad-slot"><span>Advertisement</span> Subscribe for $1</div></article>
<div class="most-read"><h2>Most read</h2><ul><li><a href="/x">Other story from 2001</a></li></ul></div></main>
<footer><p>Copyright 2026</p></footer></body></html>"#
        );
        let text = story(&html);
        let paras: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(paras.len(), 3, "{text}");
        assert!(paras[0].starts_with("The regulator opened"));
        assert!(paras[2].ends_with("review goes on."));
        for clutter in [
            "Advertisement",
            "cookies",
            "Most read",
            "By a reporter",
            "Copyright",
        ] {
            assert!(!text.contains(clutter), "{clutter} in {text}");
        }
    }

    #[test]
    fn a_story_container_named_like_a_box_is_kept() {
        let html =
            format!(r#"<html><body><div class="post share-enabled">{BODY}</div></body></html>"#);
        assert!(story(&html).contains("The regulator opened"));
    }

    #[test]
    fn page_of_scripts_has_no_story() {
        let html = "<html><head><script>var a=1;</script></head><body><script>b()</script><style>p{}</style></body></html>";
        assert_eq!(story(html), "");
    }

    #[test]
    fn element_budget_is_enforced() {
        let html = format!("<html><body>{}</body></html>", "<p>x</p>".repeat(50));
        assert!(story_text(Document::from(html.as_str()), 10).is_err());
    }

    #[test]
    fn paragraph_lines() {
        assert_eq!(paragraphs("  a  b \n\n\nc\n \nd"), "a b\n\nc\n\nd");
    }
}
