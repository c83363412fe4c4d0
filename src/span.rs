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

/// Bytes between two checkpoints of a [`CharIndex`]: the most a lookup counts.
const CHECKPOINT_BYTES: usize = 64;

/// Maps byte offsets of one text to Unicode code-point offsets, as exports need.
///
/// It keeps the code-point count at every 64th byte (a 16th of the text's size, where a
/// table per byte took four times it) and counts the rest of the way on each lookup.
/// ASCII text, where bytes are code points, needs no table at all.
pub struct CharIndex<'a> {
    text: &'a [u8],
    /// Code points before byte `k * CHECKPOINT_BYTES`; empty for ASCII text.
    checkpoints: Vec<u32>,
    chars: usize,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return CharIndex {
                text: bytes,
                checkpoints: Vec::new(),
                chars: bytes.len(),
            };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / CHECKPOINT_BYTES + 1);
        let mut chars = 0;
        for chunk in bytes.chunks(CHECKPOINT_BYTES) {
            checkpoints.push(chars as u32);
            chars += char_starts(chunk);
        }
        CharIndex {
            text: bytes,
            checkpoints,
            chars,
        }
    }

    /// The code-point offset of a byte offset: the index of the character the byte
    /// belongs to, or the length in code points for the end of the text (or beyond).
    pub fn char_offset(&self, byte: usize) -> usize {
        if byte >= self.text.len() {
            return self.chars;
        }
        if self.checkpoints.is_empty() {
            return byte;
        }
        let k = byte / CHECKPOINT_BYTES;
        let from = k * CHECKPOINT_BYTES;
        // Counting starts up to and including `byte` puts a byte inside a character
        // on that character, as a table per byte did.
        self.checkpoints[k] as usize + char_starts(&self.text[from..=byte]) - 1
    }
}

/// How many characters start in these bytes (every byte but UTF-8 continuations).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
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
    fn char_offsets_agree_with_counting_across_checkpoints() {
        let text = "é😀a’".repeat(40);
        let idx = CharIndex::new(&text);
        for byte in 0..=text.len() + 2 {
            let want = if byte >= text.len() {
                text.chars().count()
            } else {
                text.char_indices().filter(|(i, _)| *i <= byte).count() - 1
            };
            assert_eq!(idx.char_offset(byte), want, "byte {byte}");
        }
    }

    #[test]
    fn trim_drops_white_space() {
        let text = "  ab \n";
        assert_eq!(Span::new(0, text.len()).trim(text).slice(text), "ab");
        assert!(Span::new(0, 2).trim(text).is_empty());
    }
}
