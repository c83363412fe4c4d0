//! A word in lower case for look-ups, without a heap allocation for the ASCII words
//! news text is mostly made of.

use std::ops::Deref;

/// Lower-case ASCII words up to this many bytes stay on the stack.
const INLINE: usize = 40;

pub enum Lower<'a> {
    /// Already lower case: most words are.
    Same(&'a str),
    Inline {
        buf: [u8; INLINE],
        len: usize,
    },
    Heap(String),
}

impl<'a> Lower<'a> {
    pub fn of(word: &'a str) -> Lower<'a> {
        if !word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            Lower::Same(word)
        } else if word.is_ascii() && word.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..word.len()].copy_from_slice(word.as_bytes());
            buf[..word.len()].make_ascii_lowercase();
            Lower::Inline {
                buf,
                len: word.len(),
            }
        } else {
            Lower::Heap(word.to_lowercase())
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            // Lower-casing ASCII bytes keeps them ASCII, so the bytes stay UTF-8.
            Lower::Inline { buf, len } => std::str::from_utf8(&buf[..*len]).unwrap_or_default(),
            Lower::Heap(s) => s,
        }
    }
}

impl Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An article's text with its ASCII letters lower-cased, byte for byte at the same
/// offsets: the cue lists are ASCII words, and a case-sensitive search of this text runs
/// several times faster than a case-blind search of the original.
pub struct LowerText(String);

impl LowerText {
    pub fn of(text: &str) -> LowerText {
        LowerText(text.to_ascii_lowercase())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_to_lowercase() {
        for w in [
            "Said",
            "FBI",
            "",
            "Élysée",
            "a".repeat(60).as_str(),
            "O’Neill",
            "İstanbul",
        ] {
            assert_eq!(Lower::of(w).as_str(), w.to_lowercase());
        }
    }
}
