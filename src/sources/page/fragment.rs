//! The text of an HTML fragment, such as a feed item's content: there is no
//! page around it to tell story from clutter, so every block counts, minus
//! scripts, styles, forms and media. The walk is iterative so that deeply
//! nested markup cannot exhaust the stack.

use crate::text;
use scraper::{Html, Node};

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
/// blank line.
pub fn fragment_text(fragment: &str) -> String {
    let doc = Html::parse_fragment(fragment);
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
    let mut stack = vec![(doc.tree.root(), true)];
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            Node::Text(t) if entering => cur.push_str(t),
            Node::Element(el) => {
                let name = el.name();
                if entering && SKIP_TAGS.contains(&name) {
                    continue;
                }
                if BLOCK_TAGS.contains(&name) {
                    flush(&mut cur, &mut paras);
                }
                if entering {
                    stack.push((node, false));
                    let kids: Vec<_> = node.children().collect();
                    stack.extend(kids.into_iter().rev().map(|k| (k, true)));
                }
            }
            _ if entering => {
                let kids: Vec<_> = node.children().collect();
                stack.extend(kids.into_iter().rev().map(|k| (k, true)));
            }
            _ => {}
        }
    }
    flush(&mut cur, &mut paras);
    paras.join("\n\n")
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
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}deep{}",
            "<span>".repeat(100_000),
            "</span>".repeat(100_000)
        );
        assert_eq!(fragment_text(&html), "deep");
    }
}
