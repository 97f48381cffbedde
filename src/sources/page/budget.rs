//! Budgets that keep one hostile page from hanging or exhausting the
//! process: how deep elements may nest and how many there may be. The
//! content scorer's cost grows with depth times size, so a page past these
//! limits is refused with an error for that page alone.

use dom_query::{Document, NodeRef};

/// The deepest element nesting read. Real news pages stay under ~60.
pub const MAX_DEPTH: usize = 400;
/// The most elements read on one page. Large real pages have ~10,000.
pub const MAX_ELEMENTS: usize = 150_000;

/// A cheap look at the source before parsing: placeholder, always passes.
pub fn check_source(_html: &str) -> Result<(), String> {
    Ok(())
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
