//! Whose goods a tariff hits: "raised tariffs on $200 billion of Chinese
//! goods", "duties on American soybeans took effect". Readers (and the
//! annotation rules) name that country as the tariff's target, but the
//! gazetteer finds no name in an adjective: the adjectives and the nouns
//! of traded goods are data (`demonyms`, `goods` in `data/lang/en.toml`).

use crate::extract::lang::words;

/// Words after a country's adjective, up to its goods noun ("Chinese
/// electric vehicles", "American farm goods").
const GOODS_REACH: usize = 3;

/// The country whose goods `text` (the rest of a tariff's clause, from its
/// verb) names, as the gazetteer's canonical name; `None` when it names
/// none, or two different ones.
pub(crate) fn goods_country(text: &str) -> Option<&'static str> {
    let w = words("en");
    let tokens: Vec<String> = text
        .split_whitespace()
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .trim_end_matches('.')
                .to_lowercase()
        })
        .collect();
    let mut found: Option<&'static str> = None;
    for (i, t) in tokens.iter().enumerate() {
        let Some((_, country)) = w
            .demonyms
            .iter()
            .find(|(adj, _)| adj.trim_end_matches('.') == t)
        else {
            continue;
        };
        let goods = tokens
            .iter()
            .skip(i + 1)
            .take(GOODS_REACH)
            .any(|n| w.goods.iter().any(|g| g == n));
        if !goods {
            continue;
        }
        match found {
            Some(c) if c != country.as_str() => return None,
            _ => found = Some(country.as_str()),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::goods_country;

    #[test]
    fn a_country_s_goods_name_the_country() {
        assert_eq!(
            goods_country("raised tariffs on $200 billion of Chinese goods."),
            Some("China")
        );
        assert_eq!(
            goods_country("duties on American farm products took effect"),
            Some("United States")
        );
        assert_eq!(
            goods_country("tariffs on U.S. soybeans and pork"),
            Some("United States")
        );
        // an adjective of people, not goods
        assert_eq!(goods_country("tariffs, Chinese officials said"), None);
        // two countries' goods name neither
        assert_eq!(
            goods_country("tariffs on Chinese steel and Japanese cars"),
            None
        );
    }
}
