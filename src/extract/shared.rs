//! Rules shared between threads and compiled when first needed.
//!
//! Compiling the built-in rules takes a good part of a second's tenth
//! (their regular expressions), yet the terminal timeline needs them only
//! when it refreshes or re-links. When the user has no rules or entity file
//! of their own there is nothing that could fail, so the compilation can
//! wait, or run on another thread while the first frame is drawn
//! ([`SharedRules::warm_up`]). A user's files are still compiled at once by
//! [`crate::settings::Settings::load`], so their errors come before the
//! terminal opens.

use super::{RuleError, Rules};
use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// A handle on one set of rules; clones share it, and it is compiled once,
/// by whichever thread reads it first (others wait for it).
#[derive(Clone, Debug)]
pub struct SharedRules(Arc<Cell>);

#[derive(Debug)]
struct Cell {
    rules: OnceLock<Rules>,
    build: fn() -> Rules,
}

impl SharedRules {
    /// Rules already compiled.
    pub fn ready(rules: Rules) -> SharedRules {
        SharedRules(Arc::new(Cell {
            rules: OnceLock::from(rules),
            build: Rules::builtin,
        }))
    }

    /// The rules [`Rules::load`] gives for `dir`: compiled now, so their
    /// errors come now, when the user has files of their own there;
    /// otherwise the built-ins, which cannot fail, compiled when first read.
    pub fn load(dir: &Path) -> Result<SharedRules, RuleError> {
        if Rules::USER_FILES.iter().any(|f| dir.join(f).is_file()) {
            Ok(SharedRules::ready(Rules::load(dir)?))
        } else {
            Ok(SharedRules::builtin_later())
        }
    }

    /// The built-in rules, compiled when first read.
    pub fn builtin_later() -> SharedRules {
        SharedRules(Arc::new(Cell {
            rules: OnceLock::new(),
            build: Rules::builtin,
        }))
    }

    /// Whether the rules are compiled yet.
    pub fn is_ready(&self) -> bool {
        self.0.rules.get().is_some()
    }

    /// Compiles the rules on a background thread, so that they are ready
    /// when first needed without holding up the caller.
    pub fn warm_up(&self) {
        if self.is_ready() {
            return;
        }
        let me = self.clone();
        let _ = std::thread::Builder::new()
            .name("rules".into())
            .spawn(move || {
                let _ = &*me;
            });
    }
}

impl Deref for SharedRules {
    type Target = Rules;
    fn deref(&self) -> &Rules {
        self.0.rules.get_or_init(self.0.build)
    }
}

impl From<Rules> for SharedRules {
    fn from(rules: Rules) -> SharedRules {
        SharedRules::ready(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_rules_compile_on_first_read_and_equal_the_builtin() {
        let later = SharedRules::builtin_later();
        assert!(!later.is_ready());
        let copy = later.clone();
        assert_eq!(later.version, Rules::builtin().version);
        assert!(
            later.is_ready() && copy.is_ready(),
            "clones share one compilation"
        );
    }

    #[test]
    fn warm_up_compiles_on_another_thread() {
        let later = SharedRules::builtin_later();
        later.warm_up();
        // reading waits for the warm-up if it is still running
        assert_eq!(later.version, Rules::builtin().version);
        assert!(later.is_ready());
    }

    #[test]
    fn load_compiles_now_only_when_the_user_has_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let builtin = SharedRules::load(dir.path()).expect("built-ins");
        assert!(!builtin.is_ready(), "the built-ins wait to be read");
        std::fs::write(
            dir.path().join("rules.toml"),
            "disable = [\"no-such-id\"]\n",
        )
        .expect("write");
        let err = SharedRules::load(dir.path()).expect_err("unknown id");
        assert!(err.to_string().contains("rules.toml"), "{err}");
        std::fs::write(dir.path().join("rules.toml"), "").expect("write");
        assert!(SharedRules::load(dir.path())
            .expect("empty file")
            .is_ready());
    }

    #[test]
    fn ready_rules_are_ready() {
        assert!(SharedRules::ready(Rules::builtin()).is_ready());
    }
}
