//! Regexes with Unicode word boundaries (`\\b`) run fast only on ASCII
//! text: on text with one "é", "—" or "华" the regex crate falls back to its
//! slowest engine, and a long accented item took a minute. The English
//! patterns therefore run on an ASCII stand-in of the text with the same
//! word boundaries, and positions are mapped back.

/// An all-ASCII stand-in for an English text, one byte a character:
/// letters and digits become `a`, whitespace a space, `’` an apostrophe
/// (every pattern that takes `’s` also takes `'s`), anything else `#`
/// (not a word character, not a space), so word boundaries fall where they
/// do in the original; [`AsciiShadow::unquoted`] also drops double
/// quotation marks.
pub(crate) struct AsciiShadow {
    pub text: String,
    /// The original byte offset of each shadow byte, and of the end.
    offsets: Vec<usize>,
    /// The original width in bytes of each shadow byte's character.
    widths: Vec<usize>,
}

impl AsciiShadow {
    pub fn new(s: &str) -> AsciiShadow {
        AsciiShadow::build(s, false)
    }

    /// The stand-in without double quotation marks, for triggers that read
    /// through them ('agreed to reduce "reciprocal tariffs"').
    pub fn unquoted(s: &str) -> AsciiShadow {
        AsciiShadow::build(s, true)
    }

    fn build(s: &str, drop_quotes: bool) -> AsciiShadow {
        let mut text = String::with_capacity(s.len());
        let mut offsets = Vec::with_capacity(s.len() + 1);
        let mut widths = Vec::with_capacity(s.len());
        for (i, c) in s.char_indices() {
            if drop_quotes && matches!(c, '"' | '“' | '”') {
                continue;
            }
            offsets.push(i);
            widths.push(c.len_utf8());
            text.push(match c {
                c if c.is_ascii() => c,
                '’' => '\'',
                c if c.is_whitespace() => ' ',
                c if c.is_alphanumeric() => 'a',
                _ => '#',
            });
        }
        offsets.push(s.len());
        AsciiShadow {
            text,
            offsets,
            widths,
        }
    }

    /// The original byte offset where the shadow text before byte `i`
    /// ends: for a match's end, so a dropped quote after it stays outside.
    pub fn original_end(&self, i: usize) -> usize {
        if i == 0 {
            return self.original(0);
        }
        let prev = self.original(i - 1);
        let next = self.original(i);
        // the last character before `i` ends where the next kept one
        // starts, unless quotes were dropped in between
        let gap = next - prev;
        let width = self.widths.get(i - 1).copied().unwrap_or(gap);
        prev + width.min(gap)
    }

    pub fn original(&self, i: usize) -> usize {
        match self.offsets.get(i) {
            Some(&o) => o,
            None => self.offsets.last().copied().unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_ascii_byte_a_character_and_positions_map_back() {
        let s = "Zoë’s “ban” — 华为";
        let sh = AsciiShadow::new(s);
        assert_eq!(sh.text, "Zoa's #ban# # aa");
        let unquoted = AsciiShadow::unquoted(s);
        assert_eq!(unquoted.text, "Zoa's ban # aa");
        let at = unquoted.text.find("ban").unwrap_or(0);
        assert_eq!(
            &s[unquoted.original(at)..unquoted.original_end(at + 3)],
            "ban"
        );
        assert!(sh.text.is_ascii());
        let at = sh.text.find("ban").unwrap_or(0);
        assert_eq!(&s[sh.original(at)..sh.original(at + 3)], "ban");
        assert_eq!(sh.original(sh.text.len()), s.len());
        assert_eq!(sh.original(sh.text.len() + 5), s.len());
    }
}
