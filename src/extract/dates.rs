//! The date grammar (placeholder until the grammar lands).
