//! Where a pattern matches in an article, found in one pass and asked by range: "the
//! first cue after this verb", "the first reason given in the rest of the sentence".
//! Searching each range afresh made a long sentence quadratic.

use crate::span::Span;
use regex::Regex;
use std::sync::OnceLock;

pub struct TextMatches<'t> {
    text: &'t str,
    re: &'static Regex,
    spans: OnceLock<Vec<Span>>,
}

impl<'t> TextMatches<'t> {
    pub fn new(text: &'t str, re: &'static Regex) -> Self {
        TextMatches {
            text,
            re,
            spans: OnceLock::new(),
        }
    }

    /// The first match that a search of `range` alone finds. The article-wide matches
    /// answer it, except where a match crosses an end of the range or a word runs on
    /// across one; there the range itself is searched.
    pub fn first_in(&self, range: Span) -> Option<Span> {
        let word_byte = |i: usize| {
            self.text
                .as_bytes()
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        };
        // A word running on across an end of the range is cut by a search of the range
        // alone, which then sees a word boundary the article does not have.
        let cut_at = |i: usize| i > 0 && word_byte(i - 1) && word_byte(i);
        if cut_at(range.start) || cut_at(range.end) {
            return self.search(range);
        }
        let spans = self.spans.get_or_init(|| {
            self.re
                .find_iter(self.text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect()
        });
        let k = spans.partition_point(|m| m.end <= range.start);
        match spans.get(k) {
            Some(m) if m.start < range.start => self.search(range),
            Some(m) if m.end <= range.end => Some(*m),
            Some(m) if m.start < range.end => self.search(range),
            _ => None,
        }
    }

    fn search(&self, range: Span) -> Option<Span> {
        self.re
            .find(range.slice(self.text))
            .map(|m| Span::new(range.start + m.start(), range.start + m.end()))
    }
}

/// Where the text after a position first reaches a period or a line end.
pub struct Stops {
    positions: Vec<usize>,
}

impl Stops {
    pub fn of(text: &str) -> Self {
        let positions = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'.' || b == b'\n')
            .map(|(i, _)| i)
            .collect();
        Stops { positions }
    }

    /// The first period or line end at or after `from`, else the end of the text.
    pub fn next(&self, from: usize, text_len: usize) -> usize {
        let k = self.positions.partition_point(|&p| p < from);
        self.positions.get(k).copied().unwrap_or(text_len)
    }
}
