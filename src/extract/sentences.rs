//! Sentence and clause splitting for English and Chinese news copy, with
//! byte offsets into the article text.
//!
//! An event's date must come from the clause that asserts it, not from any
//! date in the sentence, so the extractor needs both levels: sentences (the
//! evidence users read) and clauses (the scope a date and a trigger share).
//! English sentence ends skip abbreviations ("U.S.", "Corp.", "Jan. 29");
//! Chinese sentences end at 。！？ and clauses at ；.

/// A sentence of the article: its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// How a clause is joined to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// The first clause of the sentence.
    Start,
    /// A coordinated part ("… and …", a Chinese comma): a trigger without a
    /// date of its own may take a free date of its neighbours.
    Soft,
    /// A subordinate or separate clause (";", ", which", ", after"): dates
    /// do not cross it.
    Hard,
    /// ", when …": the clause is dated by the date just before it.
    When,
}

/// A clause of a sentence: byte range (relative to the sentence) and join.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub join: Join,
}

/// Words after which a full stop does not end an English sentence.
const ABBREVIATIONS: &[&str] = &[
    "U.S", "U.K", "U.N", "E.U", "D.C", "Corp", "Inc", "Co", "Ltd", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "Gov", "Sen",
    "Rep", "St", "No", "vs", "Gen", "Lt", "Col", "Prof", "Jr", "Sr", "a.m", "p.m", "e.g", "i.e",
    "Dept", // legal reporters: "36 FCC Rcd. ––––", "F. Supp. 3d", "Fed. Reg."
    "Rcd", "Supp", "Fed", // case names and statutes: "TikTok Inc. v. Garland", "Pub. L.",
    // "Sec. 889", "9th Cir.", "132 Stat.", "et al."
    "v", "Pub", "Sec", "Secs", "Cir", "Stat", "Cong", "Reg", "Ct", "al", "Dep't", "Gov't", "Int'l",
    "Nat'l", "Comm'n",
];

/// Splits `text` into sentences (English and Chinese mixed).
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = i + c.len_utf8();
        let boundary = match c {
            '。' | '！' | '？' | '\n' => true,
            '.' | '!' | '?' => {
                let next = bytes.get(end).copied();
                let followed_by_space = matches!(next, None | Some(b' ' | b'\n' | b'"' | b'\''));
                followed_by_space
                    && !(c == '.' && is_abbreviation(&text[start..i], text, end))
                    && !inside_short_parenthesis(&text[start..i], &text[end..])
            }
            _ => false,
        };
        if boundary {
            // Keep a closing quote with its sentence.
            let mut stop = end;
            while let Some(&(j, q)) = iter.peek() {
                if matches!(q, '"' | '”' | '’' | '」' | '』' | ')' | '）') {
                    stop = j + q.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            push_trimmed(text, start, stop, &mut out);
            start = stop;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The longest sentence the extractor looks at, in bytes (about 150
/// English words or 330 Chinese characters). Real sentences are shorter;
/// a longer run without punctuation (keyword lists, run-on spam) is cut
/// into pieces of at most this length at a space, so the work per
/// sentence, and so per article, stays bounded whatever the text.
pub const MAX_SENTENCE_BYTES: usize = 1000;

/// The lowercased end of `s[..end]` (trailing spaces trimmed), at most
/// about `max` bytes of it: for the many "does the text before this date
/// end with …" checks, which must not lowercase a whole sentence for
/// every date and trigger.
pub fn lower_tail(s: &str, end: usize, max: usize) -> String {
    let head = s.get(..end).unwrap_or(s).trim_end();
    let mut from = head.len().saturating_sub(max);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    head[from..].to_lowercase()
}

fn push_trimmed(text: &str, mut start: usize, end: usize, out: &mut Vec<Sentence>) {
    while end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // the last space in the window, unless that would leave a sliver
        if let Some(sp) = text[start..cut].rfind(char::is_whitespace) {
            if sp > MAX_SENTENCE_BYTES / 2 {
                cut = start + sp;
            }
        }
        push_piece(text, start, cut, out);
        start = cut;
    }
    push_piece(text, start, end, out);
}

fn push_piece(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Sentence {
            start: start + lead,
            end: end - trail,
        });
    }
}

/// True when a stop stands inside a parenthesis that closes soon after on
/// the same line ("(D.C. Cir. 2024)", "(U.S. Dept. of Commerce)"): a
/// sentence does not end inside one.
fn inside_short_parenthesis(before: &str, after: &str) -> bool {
    let opened = before.rfind('(');
    let closed = before.rfind(')');
    let open = match (opened, closed) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    };
    open && {
        let mut end = after.len().min(60);
        while !after.is_char_boundary(end) {
            end -= 1;
        }
        let window = &after[..end];
        window
            .find(')')
            .is_some_and(|c| !window[..c].contains(['\n', '(']))
    }
}

/// True when the full stop ending `before` belongs to an abbreviation or an
/// initial and the sentence goes on.
fn is_abbreviation(before: &str, text: &str, after_dot: usize) -> bool {
    // "Corp ." (a space that page extraction left before the stop) is "Corp."
    let word = before
        .trim_end_matches(' ')
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let next_word = text[after_dot..].trim_start();
    let next_lower = next_word.chars().next().is_some_and(|c| c.is_lowercase());
    let next_digit = next_word.chars().next().is_some_and(|c| c.is_ascii_digit());
    if ABBREVIATIONS.contains(&word) {
        // "U.S." ends a sentence when a capitalised word follows, unless it
        // is part of a name ("U.S. Commerce"): keep going for titles and
        // months, which are the common case in news copy.
        if word == "U.S" || word == "U.K" || word == "U.N" || word == "E.U" || word == "D.C" {
            return !next_word.is_empty() && !starts_sentence_after_country(next_word);
        }
        return true;
    }
    // Single initials ("J. Smith") and lowercase continuations.
    (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase())) || next_lower || next_digit
}

/// After "U.S." a new sentence usually starts with a function word.
fn starts_sentence_after_country(next: &str) -> bool {
    const STARTERS: &[&str] = &[
        "The ",
        "It ",
        "In ",
        "On ",
        "He ",
        "She ",
        "They ",
        "A ",
        "An ",
        "But ",
        "This ",
        "That ",
        "We ",
        "Its ",
        "Some ",
        "Analysts ",
        "Officials ",
    ];
    STARTERS.iter().any(|s| next.starts_with(s))
}

/// English words that open a subordinate clause after a comma.
const HARD_AFTER_COMMA: &[&str] = &[
    "which",
    "who",
    "whose",
    "after",
    "before",
    "while",
    "but",
    "since",
    "as",
    "until",
    "citing",
    "saying",
    "where",
    "although",
    "though",
    "because",
    "according",
    "about",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "shortly",
    "just",
    "founded",
    "based",
    "headquartered",
    "valued",
    "established",
    "a",
    "an",
    "the",
    "in",
    "on",
];

/// Participles after a comma that describe the same action as the clause
/// before ("barred sales, activating a denial order"): a soft join.
const SOFT_PARTICIPLES: &[&str] = &[
    "barring",
    "cutting",
    "making",
    "giving",
    "handing",
    "wiping",
    "clearing",
    "forcing",
    "allowing",
    "leaving",
    "escalating",
    "tightening",
    "activating",
    "adding",
    "prompting",
    "sending",
    "requiring",
    "declaring",
    "banning",
    "blocking",
    "closing",
    "extending",
];

/// Words that open a fronted subordinate clause ("After X, Y did Z").
const FRONTED: &[&str] = &[
    "after", "before", "when", "while", "since", "although", "though", "because", "once", "until",
    "if", "as",
];

/// Past forms that do not end in -ed, for the " and " test.
const IRREGULAR_PAST: &[&str] = &[
    "took",
    "put",
    "cut",
    "sent",
    "told",
    "set",
    "made",
    "began",
    "won",
    "lost",
    "paid",
    "froze",
    "brought",
    "sought",
    "struck",
    "hit",
    "sued",
    "bans",
    "adds",
    "sues",
    "files",
    "imposes",
    "bars",
    "blocks",
    "orders",
    "introduce",
    "introduces",
    "signs",
    "opens",
    "launches",
];

/// True when " and " joins two clauses rather than two nouns: a verb comes
/// within the next few words ("and in 2023 extended", "and the bureau
/// restricted"), not in "defence and aerospace companies".
fn and_joins_clauses(rest: &str, in_title: bool) -> bool {
    let words: Vec<&str> = rest.split_whitespace().take(6).collect();
    words.iter().take(5).enumerate().any(|(i, w)| {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        if IRREGULAR_PAST.contains(&lw.as_str()) {
            return true;
        }
        // A regular past form is a verb when an object or a preposition
        // follows it ("extended the rule", "restricted exports"), not an
        // adjective before a noun ("liquefied natural gas"). A capitalised
        // one after a capitalised word is a word of a title ("the Secure
        // and Trusted Communications Networks Act").
        lw.len() > 4
            && lw.ends_with("ed")
            && !(in_title && w.starts_with(|c: char| c.is_uppercase()))
            && !w.ends_with(',')
            && words.get(i + 1).is_some_and(|next| object_like(next))
    })
}

/// True when ", and " opens the last name of a list of names that a
/// preposition then ends (", and China Telecom to the list").
fn last_of_named_list(rest: &str) -> bool {
    let mut words = rest.split_whitespace().skip(1);
    let mut names = 0;
    for w in words.by_ref().take(5) {
        if w.starts_with(|c: char| c.is_uppercase()) && !w.ends_with(',') {
            names += 1;
            continue;
        }
        return names > 0 && matches!(w, "to" | "onto" | "on" | "from" | "off" | "with" | "for");
    }
    false
}

/// True when the word before " and " is capitalised ("Secure and …").
fn title_word_before(before: &str) -> bool {
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}

fn object_like(w: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "the", "a", "an", "its", "their", "his", "her", "it", "them", "to", "on", "in", "from",
        "into", "by", "at", "for", "with", "all", "some", "new", "more",
    ];
    let lw = w.to_ascii_lowercase();
    FUNCTION.contains(&lw.as_str())
        || w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '$')
        || (lw.len() > 3 && lw.ends_with('s') && !lw.ends_with("ss"))
}

/// "Since 2018," / "Since early 2020," / "Once in effect on May 2,": a
/// fronted phrase over a date, which dates the main clause, not a fronted
/// clause of its own ("Since the court ruled, …").
fn dated_phrase(first: &str, head: &str) -> bool {
    let words: Vec<String> = head
        .split_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    // "Once in effect on September 27, the order will prohibit …"
    let once_in_effect = first == "once" && words.iter().any(|w| w.starts_with("effect"));
    once_in_effect
        || first == "since"
            && words.len() <= 4
            && words.iter().skip(1).any(|w| {
                w.bytes().any(|b| b.is_ascii_digit())
                    || super::dates::words::month_index(w.trim_end_matches(['.', ',']))
                        .is_some_and(|(_, abbreviated)| !abbreviated)
            })
}

/// "Several months after the court ruled, …", "Two weeks after …": a span
/// before "after" opens a fronted clause as "after" does.
fn span_after_lead(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    let mut words = lower.split_whitespace().skip_while(|w| {
        matches!(
            *w,
            "approximately"
                | "about"
                | "roughly"
                | "nearly"
                | "some"
                | "a"
                | "few"
                | "several"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
        )
    });
    matches!(
        words.next(),
        Some("days" | "weeks" | "months" | "day" | "week" | "month")
    ) && words.next() == Some("after")
}

/// True when byte `i` stands inside a parenthesis that closes after it.
fn in_parens(s: &str, i: usize) -> bool {
    let (before, after) = (s.get(..i).unwrap_or(""), s.get(i..).unwrap_or(""));
    let open = before.rfind('(');
    open.is_some_and(|o| !before[o..].contains(')'))
        && after.find(')').is_some_and(|c| !after[..c].contains('('))
}

/// Splits one sentence into clauses. `s` is the sentence text.
pub fn clauses(s: &str, zh: bool) -> Vec<Clause> {
    let mut cuts: Vec<(usize, usize, Join)> = Vec::new(); // (cut at, next starts at, join)
    let b = s.as_bytes();
    // "After DeepSeek released its model, Italy ordered …": the fronted
    // clause ends at its first comma.
    let first = first_word(s).to_ascii_lowercase();
    // "As of March 2, 2026, the Act will …" dates the clause; it is no
    // fronted clause, and its first comma is inside the date.
    let head = s.trim_start().get(..8).unwrap_or("").to_ascii_lowercase();
    let dated_by_as = head.starts_with("as of ") || head.starts_with("as from ");
    let fronted = FRONTED.contains(&first.as_str()) || span_after_lead(s);
    let fronted_end = if !zh && !dated_by_as && fronted {
        s.find(", ")
            .filter(|&comma| !dated_phrase(&first, s.get(..comma).unwrap_or("")))
    } else {
        None
    };
    let titles = if zh { Vec::new() } else { quoted_titles(s) };
    let in_title = |i: usize| titles.iter().any(|&(a, z)| i > a && i < z);
    for (i, c) in s.char_indices() {
        if Some(i) == fronted_end {
            cuts.push((i, i + 1, Join::Hard));
            continue;
        }
        match c {
            // "12:01 a.m." is a time, not a clause break.
            ':' if i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit) => {}
            // "Became Public Law No: 116-222": a number's label.
            ':' if s[..i].ends_with(" No")
                && s[i + 1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit()) => {}
            // "May 15, 2019: Commerce adds Huawei …", a timeline's entry:
            // the date that heads the line dates what follows it.
            ':' | '—' | '–' if !zh && cuts.is_empty() && date_head(&s[..i]) => {}
            // "on List 1 ($34 billion; effective July 6, 2018)": a list
            // inside an aside, not two clauses.
            ';' if !zh && in_parens(s, i) => {}
            ';' | '；' | ':' | '：' => cuts.push((i, i + c.len_utf8(), Join::Hard)),
            // "原定1月1日生效，但被法官叫停": a contrast starts a clause of
            // its own, which does not borrow the date before it.
            '，' | ',' if zh => {
                let rest = &s[i + c.len_utf8()..];
                let contrast = ["但", "然而", "不过", "却"]
                    .iter()
                    .any(|w| rest.starts_with(w));
                let join = if contrast { Join::Hard } else { Join::Soft };
                cuts.push((i, i + c.len_utf8(), join));
            }
            // "Executive Order 13942, “Addressing the Threat …, and Taking
            // …,” 85 Fed. Reg.": commas inside a quoted title cut nothing.
            ',' if in_title(i) => {}
            ',' => {
                let rest = &s[i + 1..];
                let word = first_word(rest);
                let lw = word.to_ascii_lowercase();
                if lw == "when" {
                    cuts.push((i, i + 1, Join::When));
                } else if lw == "and" && last_of_named_list(rest) {
                    // "added Huawei, ZTE, and Dahua to the list": the last
                    // name of a list, not a clause
                } else if lw == "and" || SOFT_PARTICIPLES.contains(&lw.as_str()) {
                    cuts.push((i, i + 1, Join::Soft));
                } else if HARD_AFTER_COMMA.contains(&lw.as_str()) {
                    // "on Friday," and "in May," after a comma are usually
                    // appositive date phrases that belong to the verb before,
                    // so only split when the phrase is not a date.
                    if (lw == "on" || lw == "in" || lw == "a" || lw == "an" || lw == "the")
                        && !follows_clause_end(rest)
                    {
                        continue;
                    }
                    // "On August 18, 2017, the office said it would …": a
                    // fronted date phrase dates the clause it opens.
                    let open = cuts.last().map_or(0, |c| c.1);
                    if fronted_date(s.get(open..i).unwrap_or("")) {
                        continue;
                    }
                    cuts.push((i, i + 1, Join::Hard));
                }
            }
            // "948–965", "2019–2020": a range between numbers, not an aside
            '–' if i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + c.len_utf8()).is_some_and(u8::is_ascii_digit) => {}
            '—' | '–' => cuts.push((i, i + c.len_utf8(), Join::Hard)),
            ' ' if !zh => {
                let rest = &s[i + 1..];
                if rest.starts_with("and ")
                    && i > 0
                    && b[i - 1] != b','
                    && and_joins_clauses(&rest[4..], title_word_before(&s[..i]))
                {
                    cuts.push((i, i + 1, Join::Soft));
                } else if (rest.starts_with("after ")
                    || rest.starts_with("before ")
                    || rest.starts_with("while ")
                    || rest.starts_with("whereas "))
                    && i > 0
                    && b[i - 1] != b','
                {
                    cuts.push((i, i + 1, Join::Hard));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    let mut join = Join::Start;
    for (at, next, j) in cuts {
        if at > start {
            out.push(Clause {
                start,
                end: at,
                join,
            });
            start = next;
            join = j;
        } else {
            start = next;
            join = strongest(join, j);
        }
    }
    out.push(Clause {
        start,
        end: s.len(),
        join,
    });
    out
}

fn strongest(a: Join, b: Join) -> Join {
    match (a, b) {
        (Join::Hard, _) | (_, Join::Hard) => Join::Hard,
        (Join::When, _) | (_, Join::When) => Join::When,
        (Join::Start, x) | (x, Join::Start) => x,
        _ => Join::Soft,
    }
}

fn first_word(s: &str) -> &str {
    let s = s.trim_start();
    let end = s
        .find(|c: char| !c.is_alphanumeric() && c != '\'')
        .unwrap_or(s.len());
    &s[..end]
}

/// ", the ministry said" / ", a step that …": a new clause starts when the
/// phrase after the comma has a verb soon after it (a rough test: it holds
/// "said", "that", "which" or "who" within a few words).
/// Quoted titles: a quotation that opens with a capital letter and closes
/// within 400 bytes, as (open, close) byte offsets.
fn quoted_titles(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(i),
            ('"', None) => open = Some(i),
            ('”' | '"', Some(o)) => {
                let inner = s.get(o..i).unwrap_or("").trim_start_matches(['“', '"']);
                if i - o <= 400 && inner.starts_with(|ch: char| ch.is_uppercase()) {
                    out.push((o, i));
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// "On August 18, 2017", "In March 2018": a preposition and a date, the
/// whole of what precedes a comma.
fn fronted_date(head: &str) -> bool {
    // "On Friday," dates as "On June 13," does
    let words: Vec<&str> = head.split_whitespace().collect();
    words.len() <= 5
        && words
            .first()
            .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "on" | "in" | "by"))
        && words.iter().any(|w| {
            w.bytes().any(|b| b.is_ascii_digit())
                || super::dates::words::names_month_or_weekday(w.trim_end_matches(['.', ',']))
        })
}

/// True when `head` is a date alone ("May 15, 2019", "Sept. 2018",
/// "2019"): a month name or a year first, at most four words, each a
/// month, a day or a year.
pub(crate) fn date_head(head: &str) -> bool {
    use super::dates::words::month_index;
    let words: Vec<&str> = head
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.']))
        .collect();
    let month = |w: &str| month_index(w).is_some();
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    let year = |w: &str| w.len() == 4 && number(w) && (w.starts_with("19") || w.starts_with("20"));
    (1..=4).contains(&words.len())
        && words.first().is_some_and(|w| month(w) || year(w))
        && words.iter().any(|w| year(w) || number(w))
        && words.iter().all(|w| month(w) || number(w))
}

fn follows_clause_end(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().take(6).collect();
    words
        .iter()
        .any(|w| matches!(*w, "said" | "says" | "that" | "which" | "who" | "whose"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn lower_tails() {
        assert_eq!(lower_tail("Starting From  June", 15, 64), "starting from");
        assert_eq!(lower_tail("Starting From June", 13, 4), "from");
        assert_eq!(lower_tail("自3月10日起", 7, 5), "3月");
    }

    #[test]
    fn runs_without_punctuation_are_cut_into_bounded_pieces() {
        let soup = "Huawei ban Entity List sanctions 华为 制裁 ".repeat(400);
        let pieces = split(&soup);
        assert!(pieces.len() > 10, "{}", pieces.len());
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        // cut at spaces: every piece starts and ends on a whole word
        assert!(pieces
            .iter()
            .all(|p| !p.starts_with("uawei") && !p.ends_with("Entit")));
        let han = "华".repeat(2000);
        assert!(split(&han).iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        assert_eq!(split(&han).concat(), han);
    }

    #[test]
    fn english_abbreviations_do_not_end_sentences() {
        let t = "The U.S. Commerce Department acted on Jan. 29 against Acme Corp. in Ohio. It said so. Then U.S. officials left.";
        assert_eq!(
            split(t),
            vec![
                "The U.S. Commerce Department acted on Jan. 29 against Acme Corp. in Ohio.",
                "It said so.",
                "Then U.S. officials left."
            ]
        );
    }

    #[test]
    fn case_names_and_statute_citations_do_not_end_sentences() {
        let t = "In Velka Inc. v. Roe, the 9th Cir. court ruled under Pub. L. No. 118-50 and Sec. 3 of it. It said so.";
        assert_eq!(
            split(t),
            vec![
                "In Velka Inc. v. Roe, the 9th Cir. court ruled under Pub. L. No. 118-50 and Sec. 3 of it.",
                "It said so."
            ]
        );
    }

    #[test]
    fn a_sentence_ending_in_us_ends() {
        let t = "Sales fell in the U.S. The company said more.";
        assert_eq!(
            split(t),
            vec!["Sales fell in the U.S.", "The company said more."]
        );
    }

    #[test]
    fn chinese_sentences_split_on_full_stops() {
        let t = "商务部3日发布公告。公告自8月1日起实施！是否有效？";
        assert_eq!(
            split(t),
            vec!["商务部3日发布公告。", "公告自8月1日起实施！", "是否有效？"]
        );
    }

    #[test]
    fn paragraphs_split_even_without_a_stop() {
        let t = "A headline without stop\n\nThe body starts here.";
        assert_eq!(
            split(t),
            vec!["A headline without stop", "The body starts here."]
        );
    }

    #[test]
    fn clauses_mark_how_they_join() {
        let s = "Texas banned the app in May and in June extended the rule, which took effect on Monday; later it ended";
        let cs = clauses(s, false);
        let parts: Vec<(&str, Join)> = cs
            .iter()
            .map(|c| (s[c.start..c.end].trim(), c.join))
            .collect();
        assert_eq!(
            parts,
            vec![
                ("Texas banned the app in May", Join::Start),
                ("and in June extended the rule", Join::Soft),
                ("which took effect on Monday", Join::Hard),
                ("later it ended", Join::Hard),
            ]
        );
    }

    #[test]
    fn and_between_nouns_does_not_split() {
        let s = "Beijing added 15 defence and aerospace companies to its list on Tuesday";
        assert_eq!(clauses(s, false).len(), 1);
        // a capitalised past form is a word of a title, not a verb
        let s = "The House passed the Safe and Guarded Routers Act in 2021";
        assert_eq!(clauses(s, false).len(), 1);
    }

    #[test]
    fn the_last_name_of_a_list_is_no_clause() {
        let s = "The agency added Velka, Ostrava Networks, and Zephyr Labs to its list on May 2";
        assert_eq!(clauses(s, false).len(), 1);
        let s = "The agency added Velka to its list, and Beijing retaliated on May 3";
        assert_eq!(clauses(s, false).len(), 2);
    }

    #[test]
    fn after_and_fronted_clauses_split_hard() {
        let s = "Shares fell on Friday after the Pentagon put the firm on a list";
        let cs = clauses(s, false);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[1].join, Join::Hard);
        let s = "After the firm released its model early this year, Italy ordered it blocked";
        let cs = clauses(s, false);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[1].join, Join::Hard);
    }

    #[test]
    fn participles_after_a_comma_join_softly() {
        let s = "It barred sales on Monday, activating a denial order";
        let cs = clauses(s, false);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[1].join, Join::Soft);
    }

    #[test]
    fn when_clauses_are_marked() {
        let s = "It had been on the list since Oct. 7, when Washington unveiled rules";
        let cs = clauses(s, false);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[1].join, Join::When);
    }

    #[test]
    fn chinese_commas_are_soft_and_semicolons_hard() {
        let s = "2022年10月7日，美国商务部出台新规；同年12月，长江存储被列入实体清单";
        let cs = clauses(s, true);
        let joins: Vec<Join> = cs.iter().map(|c| c.join).collect();
        assert_eq!(joins, vec![Join::Start, Join::Soft, Join::Hard, Join::Soft]);
    }
}
