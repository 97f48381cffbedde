//! A tiny tokenizer for English date grammar: words, numbers (with what is
//! glued to them), ISO dates and the punctuation that matters.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    /// ASCII letters.
    Word,
    /// A run of digits. `plain` is false when it is part of something else
    /// (a version, money, a percentage, "5G", "1260H", "25,000", "3:30").
    Num {
        val: u32,
        digits: u8,
        ordinal: bool,
        plain: bool,
        poss: bool,
    },
    /// 2019-05-16, 2019/05/16 or 5/16/2019.
    Iso { y: i32, m: u32, d: u32 },
    /// `,` `-` (any dash) `.` `(` `)` `;`, or `x` for anything else.
    Punct(u8),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub kind: Tk,
    pub start: usize,
    pub end: usize,
}

pub(crate) fn lex(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 5 + 4);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let s = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Tok {
                kind: Tk::Word,
                start: s,
                end: i,
            });
        } else if c.is_ascii_digit() {
            i = lex_number(text, i, &mut out);
        } else if c < 0x80 {
            let p = match c {
                b',' | b'-' | b'.' | b'(' | b')' | b';' => Some(c),
                b' ' | b'\t' | b'\n' | b'\r' => None,
                _ => Some(b'x'),
            };
            if let Some(p) = p {
                out.push(Tok {
                    kind: Tk::Punct(p),
                    start: i,
                    end: i + 1,
                });
            }
            i += 1;
        } else {
            let Some(ch) = text[i..].chars().next() else {
                break;
            };
            let len = ch.len_utf8();
            let p = match ch {
                '–' | '—' | '‒' | '－' | '―' => Some(b'-'),
                '，' => Some(b','),
                c if c.is_whitespace() => None,
                _ => Some(b'x'),
            };
            if let Some(p) = p {
                out.push(Tok {
                    kind: Tk::Punct(p),
                    start: i,
                    end: i + len,
                });
            }
            i += len;
        }
    }
    out
}

fn digits_at(b: &[u8], mut i: usize) -> usize {
    let s = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i - s
}

fn parse_u32(s: &str) -> u32 {
    s.parse().unwrap_or(u32::MAX)
}

/// `Y-M-D` / `Y/M/D` or `M/D/Y` starting at `s`: the date and its end.
fn iso_at(text: &str, s: usize, n1: usize) -> Option<(Tk, usize)> {
    let b = text.as_bytes();
    let sep = *b.get(s + n1)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    let p2 = s + n1 + 1;
    let n2 = digits_at(b, p2);
    if !(1..=2).contains(&n2) || b.get(p2 + n2) != Some(&sep) {
        return None;
    }
    let p3 = p2 + n2 + 1;
    let n3 = digits_at(b, p3);
    let end = p3 + n3;
    if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let (f1, f2, f3) = (
        parse_u32(&text[s..s + n1]),
        parse_u32(&text[p2..p2 + n2]),
        parse_u32(&text[p3..end]),
    );
    let (y, m, d) = match (n1, n3) {
        (4, 1..=2) => (f1, f2, f3),
        (1..=2, 4) if sep == b'/' => (f3, f1, f2),
        _ => return None,
    };
    let y = i32::try_from(y)
        .ok()
        .filter(|y| (1000..=2999).contains(y))?;
    chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    Some((Tk::Iso { y, m, d }, end))
}

fn lex_number(text: &str, s: usize, out: &mut Vec<Tok>) -> usize {
    let b = text.as_bytes();
    let n = digits_at(b, s);
    if let Some((kind, end)) = iso_at(text, s, n) {
        out.push(Tok {
            kind,
            start: s,
            end,
        });
        return end;
    }
    let mut i = s + n;
    let prev = text[..s].chars().next_back();
    let mut plain = !matches!(prev, Some(c) if c.is_ascii_alphanumeric() || "$€£¥#+.".contains(c));
    let (mut ordinal, mut poss) = (false, false);
    let next = b.get(i).copied().unwrap_or(b' ');
    let after = b.get(i + 1).copied().unwrap_or(b' ');
    if next.is_ascii_alphabetic() {
        let ls = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let suf = &text[ls..i];
        if ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| suf.eq_ignore_ascii_case(o))
        {
            ordinal = true;
        } else {
            plain = false;
        }
    } else if matches!(next, b'.' | b',' | b':') && after.is_ascii_digit() {
        plain = false;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || (matches!(b[i], b'.' | b',' | b':')
                    && b.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            i += 1;
        }
    } else if next == b'%' {
        plain = false;
        i += 1;
    } else if let Some(end) = possessive_end(text, i) {
        poss = true;
        i = end;
    }
    if b.get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'%')
    {
        plain = false;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'%') {
            i += 1;
        }
    }
    let val = if n <= 9 {
        parse_u32(&text[s..s + n])
    } else {
        u32::MAX
    };
    out.push(Tok {
        kind: Tk::Num {
            val,
            digits: n.min(255) as u8,
            ordinal,
            plain,
            poss,
        },
        start: s,
        end: i,
    });
    i
}

/// End of a possessive `'s` / `’s` at `i`, when there is one.
fn possessive_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let after = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))?;
    if after
        .bytes()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    Some(text.len() - after.len())
}
