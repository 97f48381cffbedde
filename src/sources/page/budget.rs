//! Budgets that keep one hostile page from hanging or exhausting the
//! process: how deep elements may nest and how many there may be. The
//! content scorer's cost grows with depth times size, so a page past these
//! limits is refused with an error for that page alone.

use dom_query::{Document, NodeRef};

/// The deepest element nesting read. Real news pages stay under ~60.
pub const MAX_DEPTH: usize = 400;
/// The most elements read on one page. Large real pages have ~10,000.
pub const MAX_ELEMENTS: usize = 150_000;

/// The deepest nesting the source may suggest before it is parsed. The
/// HTML parser's own cost grows with the square of the open-element stack,
/// so a page of 100,000 unclosed `<div>`s must be refused before parsing.
pub const MAX_SOURCE_DEPTH: usize = 4_000;

/// Tags that never stay open: void elements and those the parser closes by
/// itself when a sibling starts.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "colgroup", "rb", "rt", "rp", "b", "i", "u", "s", "em", "strong", "font",
    "a", "small", "big", "code", "nobr", "strike", "tt", "!doctype",
];

/// A linear scan of the source that estimates the deepest element nesting
/// (opened minus closed tags, leaving out tags that cannot nest deeply).
pub fn check_source(html: &str) -> Result<(), String> {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let start = i + off + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_at = if closing { start + 1 } else { start };
        let name_len = bytes[name_at.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!')
            .count();
        i = name_at + name_len;
        if name_len == 0 || name_len > 16 {
            continue;
        }
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            let end = memchr(b'>', &bytes[i..]).map_or(bytes.len(), |e| i + e);
            if end > 0 && bytes.get(end - 1) == Some(&b'/') {
                continue;
            }
            depth += 1;
            if depth > MAX_SOURCE_DEPTH {
                return Err(format!(
                    "elements nest more than {MAX_SOURCE_DEPTH} deep in the source"
                ));
            }
        }
    }
    Ok(())
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|b| *b == needle)
}

/// Counts elements and nesting depth of the parsed page without recursion.
pub fn check_tree(doc: &Document) -> Result<(), String> {
    let mut elements = 0usize;
    let mut stack: Vec<(NodeRef, usize)> = vec![(doc.root(), 0)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(format!("elements nest more than {MAX_DEPTH} deep"));
        }
        if node.is_element() {
            elements += 1;
            if elements > MAX_ELEMENTS {
                return Err(format!("more than {MAX_ELEMENTS} elements"));
            }
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            if c.is_element() {
                stack.push((c, depth + 1));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_depth_estimate() {
        let deep = format!("{}x{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        assert!(check_source(&deep).is_err());
        let closed = "<div><p>x</p></div>".repeat(10_000);
        assert!(check_source(&closed).is_ok());
        let unclosed_paragraphs = format!("<div>{}</div>", "<p>x<br><img src=a>".repeat(10_000));
        assert!(check_source(&unclosed_paragraphs).is_ok());
        let self_closing = "<span/>".repeat(10_000);
        assert!(check_source(&self_closing).is_ok());
        assert!(check_source("<").is_ok());
        assert!(check_source("</").is_ok());
    }

    #[test]
    fn tree_limits() {
        let deep = format!(
            "{}x{}",
            "<div>".repeat(MAX_DEPTH + 5),
            "</div>".repeat(MAX_DEPTH + 5)
        );
        assert!(check_tree(&Document::from(deep.as_str())).is_err());
        let shallow = "<div><p>x</p></div>".repeat(100);
        assert!(check_tree(&Document::from(shallow.as_str())).is_ok());
    }
}
