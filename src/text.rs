//! Text hygiene at the borders: everything that arrives from a feed, a page
//! or a file passes through [`clean`] before it is stored, so no control
//! character or terminal escape sequence can ever reach the screen, and
//! whitespace is regular enough for the extractor.

/// The most characters a title (of an article, a feed or an event) keeps;
/// a page whose `<title>` never closes must not become a megabyte title.
pub const MAX_TITLE_CHARS: usize = 300;

/// The most bytes of story text kept for one article (a long feature is
/// well under a tenth of this); the rest of a larger item is dropped, so
/// storing and extracting it cost a bounded amount.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// `s` cut to at most `max` bytes, at a character boundary (at the last
/// paragraph or space break in the final kilobyte when there is one).
pub fn cap_bytes(mut s: String, max: usize) -> String {
    if s.len() <= max {
        return s;
    }
    let mut cut = floor_boundary(&s, max);
    if let Some(sp) = s[..cut].rfind(char::is_whitespace) {
        if sp + 1024 >= cut {
            cut = sp;
        }
    }
    s.truncate(cut);
    s.truncate(s.trim_end().len());
    s
}

/// The largest char boundary of `s` at or below `at`.
pub fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A CJK unified ideograph (the basic block, extension A, compatibility
/// ideographs): the one definition of "Chinese character" that language
/// guessing, sentence assembly, the full-text index and the views share.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Strips terminal escape sequences (CSI, OSC, DCS and friends) and every
/// control character except newline and tab, normalises exotic spaces and
/// line separators, and trims trailing spaces on each line.
pub fn clean(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 CSI / OSC / DCS / SOS / PM / APC introducers
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                out.push(if c == '\u{3000}' { '\u{3000}' } else { ' ' })
            }
            // zero-width and bidi controls can disguise text
            '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// [`clean`], then every run of whitespace folded into one space: for
/// titles, names and other one-line fields.
pub fn clean_line(input: &str) -> String {
    clean(input)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A title or other one-line field from outside: [`clean_line`], anything
/// that looks like a tag (`<b>`, `</p>`, `<!--`) removed, and capped at
/// [`MAX_TITLE_CHARS`] on a word boundary with an ellipsis. Bounded work:
/// only the first few kilobytes of a huge input are looked at.
pub fn title(input: &str) -> String {
    let head = match input.char_indices().nth(MAX_TITLE_CHARS * 16) {
        Some((at, _)) => &input[..at],
        None => input,
    };
    let line = clean_line(&strip_tags(head));
    cap_chars(&line, MAX_TITLE_CHARS)
}

/// `s` cut to at most `max` characters, at the last space in the final
/// tenth when there is one, with `…` marking the cut.
pub fn cap_chars(s: &str, max: usize) -> String {
    let Some((cut, _)) = s.char_indices().nth(max.saturating_sub(1)) else {
        return s.to_string();
    };
    if s[cut..].chars().count() <= 1 {
        return s.to_string();
    }
    let kept = &s[..cut];
    let floor = kept.len() - kept.len() / 10;
    let kept = match kept.rfind(' ') {
        Some(sp) if sp >= floor => &kept[..sp],
        _ => kept,
    };
    format!("{}…", kept.trim_end())
}

/// Text with tag-like runs removed: `<` followed by a letter, `/`, `!` or
/// `?`, up to the next `>` (or the end). A `<` followed by anything else
/// ("a < b") is text and stays.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        if tag {
            match after.find('>') {
                Some(gt) => {
                    out.push(' ');
                    rest = &after[gt + 1..];
                }
                None => rest = "",
            }
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A count with its noun in the right number: "1 event", "0 events",
/// "3 events", for every message that counts something.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// [`clean`], then paragraphs normalised: lines inside a paragraph joined
/// with a space, paragraphs separated by exactly one blank line.
pub fn clean_paragraphs(input: &str) -> String {
    let cleaned = clean(input);
    let mut paras: Vec<String> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in cleaned.lines() {
        let t = line.trim();
        if t.is_empty() {
            if !cur.is_empty() {
                paras.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.push(t);
        }
    }
    if !cur.is_empty() {
        paras.push(cur.join(" "));
    }
    paras
        .into_iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            chars.next();
            skip_string(chars);
        }
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            // nF sequences: intermediates then one final byte
            while let Some(&c) = chars.peek() {
                chars.next();
                if !('\u{20}'..='\u{2f}').contains(&c) {
                    break;
                }
            }
        }
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    // parameters and intermediates, then one final byte in 0x40..=0x7e
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
        if !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    // until BEL, ST (ESC \) or C1 ST
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_and_controls() {
        let cases = [
            ("plain text", "plain text"),
            ("red \u{1b}[31mALERT\u{1b}[0m done", "red ALERT done"),
            ("title\u{1b}]0;pwned\u{7} ok", "title ok"),
            (
                "osc with st \u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\",
                "osc with st link",
            ),
            ("bell\u{7} and null\u{0} gone", "bell and null gone"),
            ("c1 csi \u{9b}2J cleared", "c1 csi  cleared"),
            ("cr\r\nlf", "cr\nlf"),
            ("zero\u{200b}width", "zerowidth"),
            ("bidi \u{202e}txet", "bidi txet"),
            ("dcs \u{1b}Pq#0;2;0;0;0\u{1b}\\ end", "dcs  end"),
            ("中文\u{1b}[1m加粗\u{1b}[0m", "中文加粗"),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input), want, "input {input:?}");
        }
    }

    #[test]
    fn titles_lose_markup_and_are_capped() {
        assert_eq!(
            title("<b>Huawei</b> listed &amp; <i>more</i>"),
            "Huawei listed &amp; more"
        );
        assert_eq!(title("a < b and c<d"), "a < b and c");
        assert_eq!(title("x <!-- note --> y"), "x y");
        let huge = "word ".repeat(400_000) + "<p>";
        let t = title(&huge);
        assert!(
            t.chars().count() <= MAX_TITLE_CHARS,
            "{}",
            t.chars().count()
        );
        assert!(t.ends_with("word…"), "{t}");
        let han = "华".repeat(1000);
        let t = title(&han);
        assert_eq!(t.chars().count(), MAX_TITLE_CHARS);
        assert!(t.ends_with('…'));
        assert_eq!(cap_chars("short", 10), "short");
        assert_eq!(cap_chars("exactly10!", 10), "exactly10!");
    }

    #[test]
    fn text_is_capped_at_a_boundary() {
        let s = "é".repeat(1000);
        let capped = cap_bytes(s.clone(), 101);
        assert_eq!(capped.len(), 100);
        assert_eq!(cap_bytes("short".into(), 10), "short");
        let words = "word ".repeat(1000);
        assert!(cap_bytes(words, 2003).ends_with("word"));
    }

    #[test]
    fn one_han_definition() {
        assert!(is_han('华') && is_han('\u{3400}') && is_han('\u{f900}'));
        assert!(!is_han('a') && !is_han('。') && !is_han('カ'));
    }

    #[test]
    fn folds_lines_and_paragraphs() {
        assert_eq!(clean_line("  a\n b\t\tc  "), "a b c");
        assert_eq!(
            clean_paragraphs("one\ntwo\n\n\n\nthree  \n"),
            "one two\n\nthree"
        );
        assert_eq!(clean_paragraphs("\n\n"), "");
    }
}
