//! The text of an HTML fragment, such as a feed item's content: there is no
//! page around it to tell story from clutter, so every block counts, minus
//! scripts, styles, forms and media. The walk is iterative so that deeply
//! nested markup cannot exhaust the stack.

use crate::text;
use dom_query::{Document, NodeRef};

/// Tags whose subtree is never text a reader sees as the item's content.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "form",
    "button",
    "iframe",
    "svg",
    "select",
    "textarea",
    "figure",
    "figcaption",
    // raw-text elements: their content is markup as text, never prose
    "title",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
];

/// Tags that end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "header",
    "footer",
    "main",
];

/// Text of an HTML fragment: every block's text, paragraphs separated by a
/// blank line. A fragment nested too deep to parse cheaply has its tags
/// stripped instead.
pub fn fragment_text(fragment: &str) -> String {
    if super::budget::check_source(fragment).is_err() {
        return strip_tags(fragment);
    }
    let doc = Document::fragment(fragment);
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, paras: &mut Vec<String>| {
        let t = text::clean_line(cur);
        if !t.is_empty() {
            paras.push(t);
        }
        cur.clear();
    };
    // (node, entering): a block is flushed both when entered and when left
    let mut stack: Vec<(NodeRef, bool)> = vec![(doc.root(), true)];
    while let Some((node, entering)) = stack.pop() {
        if node.is_text() {
            if entering {
                cur.push_str(&node.text());
            }
            continue;
        }
        if node.is_element() {
            let name = node.node_name().unwrap_or_default();
            if entering && SKIP_TAGS.contains(&name.as_ref()) {
                continue;
            }
            if BLOCK_TAGS.contains(&name.as_ref()) {
                flush(&mut cur, &mut paras);
            }
        } else if !(node.is_document() || node.is_fragment()) {
            continue;
        }
        if entering {
            stack.push((node, false));
            let mut kids = Vec::new();
            let mut child = node.first_child();
            while let Some(c) = child {
                child = c.next_sibling();
                kids.push(c);
            }
            stack.extend(kids.into_iter().rev().map(|k| (k, true)));
        }
    }
    flush(&mut cur, &mut paras);
    paras.join("\n\n")
}

/// The text between tags, for markup too deep to parse: a linear pass.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    text::clean_line(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs() {
        let html = "<p>First <b>bold</b> line.</p><div>Second<br>Third</div><script>x()</script><ul><li>One</li><li>Two</li></ul>plain tail";
        assert_eq!(
            fragment_text(html),
            "First bold line.\n\nSecond\n\nThird\n\nOne\n\nTwo\n\nplain tail"
        );
    }

    #[test]
    fn plain_text_passes_through() {
        assert_eq!(
            fragment_text("Just a teaser &amp; more."),
            "Just a teaser & more."
        );
        assert_eq!(fragment_text(""), "");
    }

    #[test]
    fn too_deep_to_parse_is_stripped() {
        let html = format!(
            "{}deep <i>teaser</i>{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        assert_eq!(fragment_text(&html), "deep teaser");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}deep{}",
            "<span>".repeat(100_000),
            "</span>".repeat(100_000)
        );
        assert_eq!(fragment_text(&html), "deep");
    }
}
