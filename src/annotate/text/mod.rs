//! The text layer: sentences and word tokens of a paragraph, computed once in a
//! forward pass and read by every people and sourcing rule.

mod bounds;
pub mod chars;
mod lower;
pub use lower::{Lower, LowerText};
pub mod quotes;
pub mod sentences;
pub mod tokens;

pub use sentences::{sentence_of, sentences};
