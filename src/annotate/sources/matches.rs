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
        if self.cut_at(range.start) || self.cut_at(range.end) {
            return self.search(range);
        }
        let spans = self.spans();
        let k = spans.partition_point(|m| m.end <= range.start);
        match spans.get(k) {
            Some(m) if m.start < range.start => self.search(range),
            Some(m) if m.end <= range.end => Some(*m),
            Some(m) if m.start < range.end => self.search(range),
            _ => None,
        }
    }

    /// Every match that a search of `range` alone finds, answered the same way.
    pub fn all_in(&self, range: Span) -> Vec<Span> {
        if self.cut_at(range.start) || self.cut_at(range.end) {
            return self.search_all(range);
        }
        let spans = self.spans();
        // The article-wide matches do not overlap, so they are in order of end as well.
        let from = spans.partition_point(|m| m.end <= range.start);
        let to = spans.partition_point(|m| m.start < range.end);
        let touching = &spans[from..to.max(from)];
        let crosses = touching.first().is_some_and(|m| m.start < range.start)
            || touching.last().is_some_and(|m| m.end > range.end);
        match crosses {
            true => self.search_all(range),
            false => touching.to_vec(),
        }
    }

    /// Whether a word runs on across `i`: a search of a range ending or starting there
    /// sees a word boundary the article does not have.
    fn cut_at(&self, i: usize) -> bool {
        let word_byte = |i: usize| {
            self.text
                .as_bytes()
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        };
        i > 0 && word_byte(i - 1) && word_byte(i)
    }

    /// Searches the whole text now rather than when first asked.
    pub fn search_now(&self) {
        self.spans();
    }

    fn spans(&self) -> &[Span] {
        self.spans.get_or_init(|| {
            self.re
                .find_iter(self.text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect()
        })
    }

    fn search(&self, range: Span) -> Option<Span> {
        self.re
            .find(range.slice(self.text))
            .map(|m| Span::new(range.start + m.start(), range.start + m.end()))
    }

    fn search_all(&self, range: Span) -> Vec<Span> {
        self.re
            .find_iter(range.slice(self.text))
            .map(|m| Span::new(range.start + m.start(), range.start + m.end()))
            .collect()
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
