//! `E`: the timeline as the user sees it (the query line's filters, the
//! order) written to a self-contained HTML page, its path shown in the
//! status line. One plain call of `crate::export`, so it can move onto a
//! background job unchanged.

use super::app::App;
use crate::export::{self, Format, Options};
use crate::text::count;

impl App {
    /// Exports the current filtered view into `export_dir`.
    pub fn export_view(&mut self) {
        let (filter, _) = self.filter();
        let mut opts = Options::new(chrono::Utc::now());
        let query = crate::text::clean_line(&self.query);
        if !query.is_empty() {
            opts.title = format!("Timeline: {query}");
        }
        match export::export_to_dir(&self.store, &filter, Format::Html, &opts, &self.export_dir) {
            Ok(w) => self.set_flash(
                &format!(
                    "exported {} to {}",
                    count(w.events, "event", "events"),
                    w.path.display()
                ),
                false,
            ),
            Err(e) => self.set_flash(&e, true),
        }
    }

    /// Sends `E`'s exports to `dir` instead of the working directory.
    pub fn with_export_dir(mut self, dir: impl Into<std::path::PathBuf>) -> App {
        self.export_dir = dir.into();
        self
    }
}
