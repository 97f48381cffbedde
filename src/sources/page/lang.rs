//! The language of a page: what its markup declares, checked against what
//! its text looks like. dateline only has to tell Chinese from English
//! reliably (extraction rules differ), so the guess from text is a count of
//! Han characters among letters.

use crate::text::is_han;

/// `zh` when a good share of the letters are Han characters, else `en`.
pub fn guess_language(text: &str) -> &'static str {
    if han_share(text) >= 0.2 {
        "zh"
    } else {
        "en"
    }
}

/// The share of Han characters among the letters of the first 4,000
/// characters of `text` (0 when there are no letters).
fn han_share(text: &str) -> f64 {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in text.chars().take(4000) {
        if is_han(c) {
            han += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters == 0 {
        0.0
    } else {
        han as f64 / letters as f64
    }
}

/// The primary subtag of a language tag (`zh-Hans-CN` → `zh`,
/// `en_US` → `en`), or `None` when the tag is not one.
pub fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let ok = (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
    ok.then_some(primary)
}

/// The page's language: the first declared tag that parses, unless the text
/// plainly contradicts it (a template that says `en` over a Chinese story);
/// with no declaration, the guess from the text.
pub fn decide(declared: &[Option<String>], text: &str) -> String {
    let guess = guess_language(text);
    match declared.iter().flatten().find_map(|t| primary_subtag(t)) {
        Some(lang) if lang == "en" && han_share(text) >= 0.5 => guess.to_string(),
        Some(lang) if lang == "zh" && !text.is_empty() && han_share(text) < 0.02 => {
            guess.to_string()
        }
        Some(lang) => lang,
        None => guess.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_from_text() {
        assert_eq!(guess_language("美国商务部将华为列入实体清单。"), "zh");
        assert_eq!(guess_language("Huawei was added to the Entity List."), "en");
        assert_eq!(
            guess_language("The ruling on 华为 came on Friday after weeks of talks."),
            "en"
        );
        assert_eq!(guess_language(""), "en");
    }

    #[test]
    fn subtags() {
        assert_eq!(primary_subtag("zh-Hans-CN").as_deref(), Some("zh"));
        assert_eq!(primary_subtag("en_US").as_deref(), Some("en"));
        assert_eq!(primary_subtag(" FR ").as_deref(), Some("fr"));
        assert_eq!(primary_subtag(""), None);
        assert_eq!(primary_subtag("{{lang}}"), None);
    }

    #[test]
    fn declared_wins_unless_the_text_contradicts_it() {
        let zh = "美国商务部将华为列入实体清单，中方表示坚决反对。";
        let en = "The Commerce Department added Huawei to the Entity List.";
        assert_eq!(decide(&[Some("de".into())], en), "de");
        assert_eq!(decide(&[None, Some("zh-CN".into())], zh), "zh");
        assert_eq!(decide(&[Some("en-US".into())], zh), "zh");
        assert_eq!(decide(&[Some("zh".into())], en), "en");
        assert_eq!(decide(&[Some("bogus tag".into())], zh), "zh");
        assert_eq!(decide(&[], en), "en");
    }
}
