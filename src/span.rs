//! Byte spans into an article's text, and their conversion to code-point offsets.

use serde::Serialize;

/// A half-open byte range `start..end` into `Article.text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span with surrounding white space removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

/// Maps byte offsets of one text to Unicode code-point offsets, as exports need.
pub struct CharIndex {
    /// Code-point offset of each byte that starts a character (others hold the next one).
    offsets: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut offsets = Vec::with_capacity(text.len() + 1);
        for (n, ch) in text.chars().enumerate() {
            offsets.extend(std::iter::repeat_n(n as u32, ch.len_utf8()));
        }
        offsets.push(text.chars().count() as u32);
        CharIndex { offsets }
    }

    /// The code-point offset of a byte offset (which should be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        self.offsets[byte.min(self.offsets.len() - 1)] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "a’b 😀c";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_offset(0), 0);
        assert_eq!(idx.char_offset(1), 1);
        assert_eq!(idx.char_offset(4), 2);
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
        let c = text.find('c').unwrap();
        assert_eq!(idx.char_offset(c), 5);
    }

    #[test]
    fn trim_drops_white_space() {
        let text = "  ab \n";
        assert_eq!(Span::new(0, text.len()).trim(text).slice(text), "ab");
        assert!(Span::new(0, 2).trim(text).is_empty());
    }
}
