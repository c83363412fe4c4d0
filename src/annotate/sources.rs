//! Sourcing: attributions, their sources, and whether each source is on the record.

use super::{Person, Source};
use crate::article::Article;

pub fn find_sources(_article: &Article, _people: &[Person]) -> Vec<Source> {
    Vec::new()
}
