//! Which stored article a new one is, and what it may change there.
//!
//! An article is known by its link, its canonical url and its feed's guid,
//! so the same story arriving by feed, page or file is stored once. Those
//! names are claims made by whoever published the item, so they are only
//! believed where the claimant speaks for the page:
//!
//! - a link is the item's own address: it always joins, unless the stored
//!   article holds that key from another site (a claim left by an older
//!   dateline), which then loses it;
//! - a canonical url or url-shaped guid joins only an article of the same
//!   feed or the same site (registrable domain, by the public-suffix list),
//!   and is only recorded (as a name, and as the url sources cite) when it
//!   is on the item's own site;
//! - a guid never joins two different pages of one feed (feeds that give
//!   every item the same guid exist);
//! - a re-published item from the same origin (feed, or the page itself)
//!   updates the stored headline, date and text; other sources only fill
//!   what is missing or bring a fuller text, so a teaser never replaces a
//!   story and two renderings of one story never undo each other.

use super::articles::{url_key, StoredArticle};
use super::{Result, Store};
use crate::model::Article;
use rusqlite::OptionalExtension;

/// The registrable domain of a url's host (`www.reuters.com` →
/// `reuters.com`, `news.bbc.co.uk` → `bbc.co.uk`); an IP address or a
/// name the list does not cover stands for itself. `None` when the url is
/// not http(s).
pub fn site(raw: &str) -> Option<String> {
    let u = url::Url::parse(raw.trim()).ok()?;
    if !matches!(u.scheme(), "http" | "https") {
        return None;
    }
    match u.host()? {
        url::Host::Domain(d) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            Some(psl::domain_str(&d).map(str::to_string).unwrap_or(d))
        }
        url::Host::Ipv4(ip) => Some(ip.to_string()),
        url::Host::Ipv6(ip) => Some(ip.to_string()),
    }
}

/// The site an article speaks for: its link's, or for a local file, the
/// canonical url the page declares.
fn site_of(a: &Article) -> Option<String> {
    site(&a.url).or_else(|| {
        a.url
            .starts_with("file:")
            .then(|| a.canonical_url.as_deref().and_then(site))
            .flatten()
    })
}

fn same_feed(a: &Article, b: &Article) -> bool {
    match (&a.feed_url, &b.feed_url) {
        (Some(x), Some(y)) => url_key(x) == url_key(y),
        _ => false,
    }
}

fn same_site(a: &Article, b: &Article) -> bool {
    matches!((site_of(a), site_of(b)), (Some(x), Some(y)) if x == y)
}

/// The page's own addresses, as keys.
fn pages(a: &Article) -> Vec<String> {
    std::iter::once(&a.url)
        .chain(&a.canonical_url)
        .map(|u| url_key(u))
        .collect()
}

fn same_page(a: &Article, b: &Article) -> bool {
    let theirs = pages(b);
    pages(a).iter().any(|k| theirs.contains(k))
}

/// Where an article came from: the same feed, or (for pages) the same
/// address. A source re-publishing an item may correct it.
fn same_origin(a: &Article, b: &Article) -> bool {
    match (&a.feed_url, &b.feed_url) {
        (Some(_), Some(_)) => same_feed(a, b),
        (None, None) => url_key(&a.url) == url_key(&b.url),
        _ => false,
    }
}

/// How a key names the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Via {
    Link,
    Canonical,
    Guid,
}

/// A name of the new article and how it came by it.
#[derive(Debug, Clone)]
struct Key {
    key: String,
    via: Via,
}

/// The names an article may be known by: its link; its canonical url and
/// url-shaped guid when they are on its own site; its guid within its feed.
fn keys_of(a: &Article) -> Vec<Key> {
    let own = site_of(a);
    let on_own_site = |u: &str| own.is_some() && site(u) == own;
    let mut keys = vec![Key {
        key: format!("url:{}", url_key(&a.url)),
        via: Via::Link,
    }];
    if let Some(c) = a.canonical_url.as_deref().filter(|c| on_own_site(c)) {
        keys.push(Key {
            key: format!("url:{}", url_key(c)),
            via: Via::Canonical,
        });
    }
    if let Some(g) = &a.guid {
        let url_like = g.starts_with("http://") || g.starts_with("https://");
        if url_like && on_own_site(g) {
            keys.push(Key {
                key: format!("url:{}", url_key(g)),
                via: Via::Guid,
            });
        }
        if let Some(feed) = &a.feed_url {
            keys.push(Key {
                key: format!("guid:{}#{}", url_key(feed), g),
                via: Via::Guid,
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    keys.retain(|k| seen.insert(k.key.clone()));
    keys
}

/// May `new` join `old`, which holds one of its keys?
fn may_join(new: &Article, old: &StoredArticle, via: Via) -> bool {
    let old = &old.article;
    match via {
        Via::Link => {
            url_key(&old.url) == url_key(&new.url) || same_feed(new, old) || same_site(new, old)
        }
        Via::Canonical => same_feed(new, old) || same_site(new, old),
        Via::Guid => {
            // within one feed a guid names one page; across a site's feeds
            // it names the story
            let feed = same_feed(new, old);
            if feed {
                same_page(new, old)
            } else {
                same_site(new, old)
            }
        }
    }
}

/// What storing an article will do.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    /// The stored article it joins, if any.
    pub existing: Option<StoredArticle>,
    /// The article as it will be stored.
    pub stored: Article,
    /// Whether the stored text or headline changes (the search index
    /// follows).
    pub text_changed: bool,
    /// Whether anything extraction or the timeline reads changes.
    pub changed: bool,
    /// Its names: (key, take it over from the article holding it).
    pub keys: Vec<(String, bool)>,
}

impl Store {
    /// Works out what storing `a` would do, without writing.
    pub(super) fn plan_article(&self, a: &Article) -> Result<Plan> {
        let keys = keys_of(a);
        let mut existing: Option<StoredArticle> = None;
        let mut take_over = vec![false; keys.len()];
        for (i, k) in keys.iter().enumerate() {
            let holder: Option<i64> = self
                .conn
                .prepare_cached("SELECT article_id FROM article_keys WHERE key = ?1")?
                .query_row([&k.key], |r| r.get(0))
                .optional()?;
            let Some(id) = holder else { continue };
            if existing.as_ref().is_some_and(|e| e.id == id) {
                continue;
            }
            let Some(old) = self.article(id)? else {
                continue;
            };
            if existing.is_none() && may_join(a, &old, k.via) {
                existing = Some(old);
            } else if k.via != Via::Guid
                && !same_feed(a, &old.article)
                && !same_site(a, &old.article)
            {
                // the key is this article's own address, held by another
                // site's article through a claim an older dateline believed
                take_over[i] = true;
            }
        }
        let keys: Vec<(String, bool)> = keys.into_iter().map(|k| k.key).zip(take_over).collect();
        let Some(old) = existing else {
            // another site's address is no name of this article, and no
            // url to cite it by
            let mut stored = a.clone();
            stored.canonical_url = believed_canonical(a);
            return Ok(Plan {
                existing: None,
                stored,
                text_changed: true,
                changed: true,
                keys,
            });
        };
        let (stored, text_changed, changed) = merge(&old.article, a);
        Ok(Plan {
            existing: Some(old),
            stored,
            text_changed,
            changed,
            keys,
        })
    }

    /// The article as storing `a` would leave it, when that changes what
    /// extraction reads; `None` when it changes nothing. For extracting
    /// outside the write transaction.
    pub fn preview_article(&self, a: &Article) -> Result<Option<Article>> {
        let plan = self.plan_article(a)?;
        Ok(plan.changed.then_some(plan.stored))
    }
}

/// The article's canonical url when it is on the article's own site.
fn believed_canonical(a: &Article) -> Option<String> {
    let own = site_of(a)?;
    a.canonical_url
        .clone()
        .filter(|c| site(c).as_deref() == Some(own.as_str()))
}

/// `old` with what `new` may change in it; (merged, text changed, anything
/// extraction or the timeline reads changed).
fn merge(old: &Article, new: &Article) -> (Article, bool, bool) {
    let mut m = old.clone();
    let origin = same_origin(old, new);
    let old_len = old.text.chars().count();
    let new_len = new.text.chars().count();
    let fuller = new_len > old_len + 40;
    let corrected =
        origin && !new.text.trim().is_empty() && new_len >= old_len && new.text != old.text;
    let text_changed = fuller || corrected;
    if text_changed {
        m.text = new.text.clone();
        if !new.lang.is_empty() {
            m.lang = new.lang.clone();
        }
    }
    if origin && !new.title.trim().is_empty() {
        m.title = new.title.clone();
    }
    if m.title.trim().is_empty() && !new.title.trim().is_empty() {
        m.title = new.title.clone();
    }
    match (old.published, new.published) {
        (None, Some(p)) => m.published = Some(p),
        (Some(o), Some(p)) if origin && o != p => m.published = Some(p),
        _ => {}
    }
    if m.canonical_url.is_none() {
        m.canonical_url = believed_canonical(new);
    }
    let changed = m != *old;
    let reindex = text_changed || m.title != old.title;
    (m, reindex, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_are_registrable_domains() {
        let table = [
            ("https://www.reuters.com/world/x", Some("reuters.com")),
            ("http://news.bbc.co.uk/a", Some("bbc.co.uk")),
            ("https://WWW.Example.COM./a", Some("example.com")),
            ("https://user.github.io/p", Some("user.github.io")),
            ("http://127.0.0.1:8080/feed", Some("127.0.0.1")),
            ("http://localhost/feed", Some("localhost")),
            ("file:///tmp/a.html", None),
            ("not a url", None),
        ];
        for (url, want) in table {
            assert_eq!(site(url).as_deref(), want, "{url}");
        }
    }
}

#[cfg(test)]
mod identity_tests {
    use super::*;
    use chrono::DateTime;

    fn item(feed: Option<&str>, url: &str, title: &str, text: &str) -> Article {
        Article {
            url: url.into(),
            feed_url: feed.map(Into::into),
            outlet: "Wire".into(),
            title: title.into(),
            text: text.into(),
            lang: "en".into(),
            ..Default::default()
        }
    }

    const GENUINE: &str =
        "Commerce added Huawei to the Entity List on May 15, 2019, the genuine report says.";
    const FABRICATED: &str = "A fabricated report, long enough to count as the fuller text of the story, says Commerce removed Huawei from the Entity List on June 1, 2019.";

    fn texts(s: &Store) -> Vec<String> {
        s.articles()
            .expect("articles")
            .into_iter()
            .map(|a| a.article.text)
            .collect()
    }

    #[test]
    fn another_sites_canonical_or_guid_cannot_take_over_an_article() {
        for claim in ["canonical", "guid"] {
            for hostile_first in [false, true] {
                let mut s = Store::open_in_memory().expect("db");
                let genuine = item(
                    Some("https://www.reuters.com/rss"),
                    "https://www.reuters.com/tech/huawei-listed",
                    "Huawei listed",
                    GENUINE,
                );
                let mut hostile = item(
                    Some("https://evil.example/rss"),
                    "https://evil.example/story",
                    "Huawei delisted",
                    FABRICATED,
                );
                match claim {
                    "canonical" => hostile.canonical_url = Some(genuine.url.clone()),
                    _ => hostile.guid = Some(genuine.url.clone()),
                }
                let order = if hostile_first {
                    [&hostile, &genuine]
                } else {
                    [&genuine, &hostile]
                };
                for a in order {
                    let up = s.upsert_article(a).expect("stored");
                    assert!(up.inserted, "{claim}, hostile first {hostile_first}: {a:?}");
                }
                let case = format!("{claim}, hostile first: {hostile_first}");
                assert_eq!(s.article_count().ok(), Some(2), "{case}");
                let found = s
                    .article_by_url(&genuine.url)
                    .expect("q")
                    .expect("genuine found");
                assert_eq!(found.article.text, GENUINE, "{case}");
                assert!(texts(&s).contains(&FABRICATED.to_string()), "{case}");
            }
        }
    }

    #[test]
    fn a_claim_an_older_dateline_believed_is_taken_back() {
        let mut s = Store::open_in_memory().expect("db");
        let mut hostile = item(
            Some("https://evil.example/rss"),
            "https://evil.example/story",
            "T",
            FABRICATED,
        );
        hostile.canonical_url = Some("https://www.reuters.com/tech/huawei-listed".into());
        let h = s.upsert_article(&hostile).expect("hostile");
        // what the lax rules of old recorded: the other site's address
        s.conn
            .execute(
                "INSERT INTO article_keys (key, article_id) VALUES ('url:http://www.reuters.com/tech/huawei-listed', ?1)",
                [h.id],
            )
            .expect("old key");
        let genuine = item(
            Some("https://www.reuters.com/rss"),
            "https://www.reuters.com/tech/huawei-listed",
            "Huawei listed",
            GENUINE,
        );
        let g = s.upsert_article(&genuine).expect("genuine");
        assert!(g.inserted);
        assert_eq!(
            s.article_by_url(&genuine.url).expect("q").map(|a| a.id),
            Some(g.id)
        );
        // and importing it again changes nothing
        let again = s.upsert_article(&genuine).expect("again");
        assert_eq!(
            (again.id, again.inserted, again.changed),
            (g.id, false, false)
        );
        assert_eq!(
            s.article(h.id).expect("q").map(|a| a.article.text),
            Some(FABRICATED.into())
        );
    }

    #[test]
    fn the_same_sites_canonical_joins() {
        let mut s = Store::open_in_memory().expect("db");
        let teaser = item(
            Some("https://news.example.co.uk/rss"),
            "https://news.example.co.uk/a?utm_source=rss",
            "T",
            "teaser",
        );
        let t = s.upsert_article(&teaser).expect("teaser");
        let mut page = item(None, "https://amp.example.co.uk/a", "T", GENUINE);
        page.canonical_url = Some("https://news.example.co.uk/a".into());
        let p = s.upsert_article(&page).expect("page");
        assert_eq!((p.id, p.inserted, p.changed), (t.id, false, true));
        // a different site under the same public suffix is not the same site
        let mut other = item(None, "https://other.co.uk/a", "T", FABRICATED);
        other.canonical_url = Some("https://news.example.co.uk/a".into());
        assert!(s.upsert_article(&other).expect("other").inserted);
        assert_eq!(
            s.article(t.id).expect("q").map(|a| a.article.text),
            Some(GENUINE.into())
        );
    }

    #[test]
    fn a_duplicate_guid_in_a_feed_never_merges_different_links() {
        let mut s = Store::open_in_memory().expect("db");
        for guid in ["1", "https://x.example/"] {
            let mut one = item(
                Some("https://x.example/rss"),
                "https://x.example/one",
                "One",
                GENUINE,
            );
            one.guid = Some(guid.into());
            let mut two = item(
                Some("https://x.example/rss"),
                "https://x.example/two",
                "Two",
                FABRICATED,
            );
            two.guid = Some(guid.into());
            let a = s.upsert_article(&one).expect("one");
            let b = s.upsert_article(&two).expect("two");
            assert!(a.inserted && b.inserted, "guid {guid}");
            assert_ne!(a.id, b.id);
            // the same item again still finds its own article
            let again = s.upsert_article(&two).expect("again");
            assert_eq!((again.id, again.inserted), (b.id, false), "guid {guid}");
            s.conn
                .execute_batch(
                    "DELETE FROM article_keys; DELETE FROM articles; DELETE FROM articles_fts;",
                )
                .expect("reset");
        }
    }

    #[test]
    fn a_republished_item_corrects_headline_date_and_text() {
        let mut s = Store::open_in_memory().expect("db");
        let feed = Some("https://x.example/rss");
        let when = |t: &str| DateTime::parse_from_rfc3339(t).ok();
        let mut first = item(feed, "https://x.example/a", "Huawei listd", GENUINE);
        first.published = when("2019-05-16T09:00:00+08:00");
        let a = s.upsert_article(&first).expect("first");
        let mut fixed = first.clone();
        fixed.title = "Huawei listed".into();
        fixed.published = when("2019-05-17T09:00:00+08:00");
        fixed.text = GENUINE.replace("May 15", "May 16");
        let b = s.upsert_article(&fixed).expect("fixed");
        assert_eq!((b.id, b.inserted, b.changed), (a.id, false, true));
        let stored = s.article(a.id).expect("q").expect("some").article;
        assert_eq!(stored.title, "Huawei listed");
        assert_eq!(stored.published, fixed.published);
        assert_eq!(stored.text, fixed.text);
        assert_eq!(s.search_articles("listed", 5).expect("fts").len(), 1);
        // the same item again: nothing changes
        let c = s.upsert_article(&fixed).expect("again");
        assert!(!c.changed);
        // a teaser of it from the same feed does not replace the story
        let mut teaser = fixed.clone();
        teaser.text = "Huawei listed.".into();
        assert!(!s.upsert_article(&teaser).expect("teaser").changed);
        // another source's rendering fills nothing and overrides nothing
        let mut page = item(
            None,
            "https://x.example/a",
            "Huawei listed | X News",
            GENUINE,
        );
        page.published = when("2019-05-17T01:00:00Z");
        assert!(!s.upsert_article(&page).expect("page").changed);
        assert_eq!(
            s.article(a.id).expect("q").expect("some").article.title,
            "Huawei listed"
        );
    }
}
