//! onrecord: who is named, and who speaks on the record, in political news.
//!
//! Data flows one way: [`article`] loads text into paragraphs, [`annotate`] finds
//! people and sources as pure functions, and [`export`] and [`tui`] only read the result.
//!
//! ```
//! use onrecord::article::{parse_text, Format};
//! use onrecord::annotate::{annotate, SourceKind};
//!
//! let text = "A Title\n\nThe plan is dead, according to two officials who asked not to be named. \
//!             “We will fight,” said Maria Lopez, the mayor.";
//! let article = parse_text("story.txt", text.to_string(), Format::Plain);
//! let found = annotate(&article);
//! let sources: Vec<(&str, SourceKind)> =
//!     found.sources.iter().map(|s| (s.span.slice(&article.text), s.kind)).collect();
//! assert_eq!(sources, [
//!     ("two officials who asked not to be named", SourceKind::Anonymous),
//!     ("Maria Lopez", SourceKind::Named),
//! ]);
//! assert_eq!(found.people[0].name, "Maria Lopez");
//! assert_eq!(found.people[0].roles, ["mayor"]);
//! ```

pub mod annotate;
pub mod article;
pub mod corrections;
pub mod export;
pub mod parallel;
pub mod pipeline;
pub mod samples;
pub mod sanitize;
pub mod span;
pub mod stats;
pub mod tui;
