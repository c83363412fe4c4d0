//! Word tokens with byte spans, as the name finder reads them.

use crate::annotate::lexicon;
use crate::span::Span;
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub span: Span,
    /// Where the name part ends: before a possessive `’s` or `'s`.
    pub name_end: usize,
}

impl Token {
    /// The token without a possessive ending and without a sentence period.
    pub fn name<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.name_end]
    }

    pub fn is_possessive(&self) -> bool {
        self.name_end < self.span.end
    }
}

fn word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[’'\-.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?")
            .expect("valid word pattern")
    })
}

/// The words of `span`; a trailing period stays only on initials, acronyms and abbreviations.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    word_re()
        .find_iter(span.slice(text))
        .map(|m| {
            let mut end = span.start + m.end();
            let word = m.as_str();
            if word.ends_with('.') && !keeps_period(&word[..word.len() - 1]) {
                end -= 1;
            }
            let t = Span::new(span.start + m.start(), end);
            Token {
                span: t,
                name_end: possessive_start(text, t),
            }
        })
        .collect()
}

fn keeps_period(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    word.contains('.')
        || (letters == 1 && word.chars().all(char::is_uppercase))
        || lexicon::honorifics().contains(word)
        || lexicon::titles().contains(word)
        || matches!(word, "Jr" | "Sr" | "St")
}

fn possessive_start(text: &str, t: Span) -> usize {
    let s = t.slice(text);
    for suffix in ["’s", "'s", "’S", "'S"] {
        if s.len() > suffix.len() + 1 && s.ends_with(suffix) {
            return t.end - suffix.len();
        }
    }
    t.end
}

/// Whether the token starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the word is in capitals throughout ("WASHINGTON", "FBI").
pub fn is_all_caps(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

/// The text between two tokens, which decides whether they belong to one name.
pub fn gap<'a>(text: &'a str, a: &Token, b: &Token) -> &'a str {
    &text[a.span.end..b.span.start]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_initials_and_drop_sentence_periods() {
        let text = "Robert S. Mueller III, the F.B.I. director, met Mr. Sessions’s aide.";
        let words: Vec<&str> = tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.span.slice(text))
            .collect();
        assert_eq!(
            words,
            [
                "Robert",
                "S.",
                "Mueller",
                "III",
                "the",
                "F.B.I.",
                "director",
                "met",
                "Mr.",
                "Sessions’s",
                "aide"
            ]
        );
        let toks = tokenize(text, Span::new(0, text.len()));
        assert_eq!(toks[9].name(text), "Sessions");
    }
}
