//! Anchors: a span named by its code-point offsets and the text it covers, so that it can
//! be found again when the article file has changed a little.

use crate::span::{CharIndex, Span};
use serde::{Deserialize, Serialize};

/// A span as a correction names it: code-point offsets (as every export gives them) and
/// the text they covered when the correction was made.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Anchor {
    /// The anchor of a byte span of `text`.
    pub fn of(text: &str, span: Span) -> Anchor {
        Anchor::with_index(text, &CharIndex::new(text), span)
    }

    /// [`Anchor::of`] with an index of `text` made once for many anchors.
    pub fn with_index(text: &str, index: &CharIndex, span: Span) -> Anchor {
        Anchor {
            start: index.char_offset(span.start),
            end: index.char_offset(span.end),
            text: span.slice(text).to_string(),
        }
    }

    /// Where the anchor's text stands in `text` now: at its offsets when it is still
    /// there, else the occurrence nearest to them; `None` when the text is gone.
    pub fn find(&self, text: &str) -> Option<Span> {
        if self.text.is_empty() {
            return None;
        }
        let start = byte_of_char(text, self.start);
        let end = start + self.text.len();
        if text.get(start..end) == Some(self.text.as_str()) {
            return Some(Span::new(start, end));
        }
        text.match_indices(self.text.as_str())
            .map(|(at, _)| at)
            .min_by_key(|&at| at.abs_diff(start))
            .map(|at| Span::new(at, at + self.text.len()))
    }

    /// Moves the anchor to where its text stands in `text` now, if it moved.
    pub fn reanchor(&mut self, text: &str) {
        if let Some(found) = self.find(text) {
            *self = Anchor::of(text, found);
        }
    }

    /// A short form for messages: the text in quotes and where it stood.
    pub fn describe(&self) -> String {
        format!(
            "“{}” (at {})",
            crate::sanitize::clean(&self.text),
            self.start
        )
    }
}

/// The byte offset of the code point at `chars`, or the end of `text` beyond it.
fn byte_of_char(text: &str, chars: usize) -> usize {
    if text.is_ascii() {
        return chars.min(text.len());
    }
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_anchor_finds_its_text_where_it_was() {
        let text = "Élise said the vote would wait, said Élise.";
        let span = Span::new(text.rfind("Élise").unwrap(), text.len() - 1);
        let anchor = Anchor::of(text, span);
        assert_eq!(anchor.text, "Élise");
        assert_eq!(anchor.start, 37, "code points, not bytes");
        assert_eq!(anchor.find(text), Some(span));
    }

    #[test]
    fn an_anchor_follows_its_text_when_words_are_inserted_before_it() {
        let before = "The mayor said no. The clerk said yes.";
        let clerk = before.find("The clerk").unwrap();
        let anchor = Anchor::of(before, Span::new(clerk, clerk + 9));
        let after = "Late on Monday, the mayor said no. The clerk said yes.";
        let found = anchor.find(after).unwrap();
        assert_eq!(found.slice(after), "The clerk");
        assert_eq!(found.start, after.find("The clerk").unwrap());
    }

    #[test]
    fn of_several_occurrences_the_nearest_is_taken() {
        let text = "He said so. He said so again. He said so once more.";
        let second = text.find("He said so again").unwrap();
        let anchor = Anchor {
            start: second + 3,
            end: second + 5,
            text: "He".into(),
        };
        assert_eq!(anchor.find(text).unwrap().start, second);
    }

    #[test]
    fn an_anchor_whose_text_is_gone_is_not_found() {
        let anchor = Anchor {
            start: 4,
            end: 13,
            text: "the clerk".into(),
        };
        assert_eq!(anchor.find("The mayor said no."), None);
    }
}
