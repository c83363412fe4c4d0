//! onrecord: who is named, and who speaks on the record, in political news.
//!
//! Data flows one way: [`article`] loads text into paragraphs, [`annotate`] finds
//! people and sources as pure functions, and [`export`] and [`tui`] only read the result.

pub mod annotate;
pub mod article;
pub mod cli;
pub mod export;
pub mod samples;
pub mod span;
pub mod tui;
