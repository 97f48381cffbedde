//! Taking the timeline elsewhere. `json` is the `events --json` contract of
//! DESIGN.md that scripts rely on.

pub mod json;
