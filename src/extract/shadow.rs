//! Regexes with Unicode word boundaries (`\\b`) run fast only on ASCII
//! text: on text with one "é", "—" or "华" the regex crate falls back to its
//! slowest engine, and a long accented item took a minute. The English
//! patterns therefore run on an ASCII stand-in of the text with the same
//! word boundaries, and positions are mapped back.

/// An all-ASCII stand-in for an English text, one byte a character:
/// letters and digits become `a`, whitespace a space, `’` an apostrophe
/// (every pattern that takes `’s` also takes `'s`), anything else `#` (not
/// a word character, not a space), so word boundaries fall where they do
/// in the original.
pub(crate) struct AsciiShadow {
    pub text: String,
    /// The original byte offset of each shadow byte, and of the end.
    offsets: Vec<usize>,
}

impl AsciiShadow {
    pub fn new(s: &str) -> AsciiShadow {
        let mut text = String::with_capacity(s.len());
        let mut offsets = Vec::with_capacity(s.len() + 1);
        for (i, c) in s.char_indices() {
            offsets.push(i);
            text.push(match c {
                c if c.is_ascii() => c,
                '’' => '\'',
                c if c.is_whitespace() => ' ',
                c if c.is_alphanumeric() => 'a',
                _ => '#',
            });
        }
        offsets.push(s.len());
        AsciiShadow { text, offsets }
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
        assert!(sh.text.is_ascii());
        let at = sh.text.find("ban").unwrap_or(0);
        assert_eq!(&s[sh.original(at)..sh.original(at + 3)], "ban");
        assert_eq!(sh.original(sh.text.len()), s.len());
        assert_eq!(sh.original(sh.text.len() + 5), s.len());
    }
}
