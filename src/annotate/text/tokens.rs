//! Word tokens with byte spans, as the name finder reads them.

use super::chars::{class, Class};
use crate::annotate::lexicon::{self, Flag};
use crate::span::Span;

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

/// The words of `span`; a trailing period stays only on initials, acronyms and abbreviations.
///
/// A word is a letter or digit followed by letters, marks and digits, possibly joined by
/// an apostrophe, hyphen or period to further such runs ("O’Neill", "F.B.I", "2-to-1"),
/// and may end with a period.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = span.slice(text);
    let mut out = Vec::with_capacity(s.len() / 6);
    let mut at = 0;
    while let Some((start, end)) = next_word(s, at) {
        let mut end_abs = span.start + end;
        let word = &s[start..end];
        if word.ends_with('.') && !keeps_period(&word[..word.len() - 1]) {
            end_abs -= 1;
        }
        let t = Span::new(span.start + start, end_abs);
        out.push(Token {
            span: t,
            name_end: possessive_start(text, t),
        });
        at = end;
    }
    out
}

/// The runs of letters of `span`, with apostrophes inside ("don’t"): the words the
/// sourcing rules read for verbs.
pub fn letter_words(text: &str, span: Span) -> Vec<Span> {
    // About one word in six bytes of news text: one allocation for most sentences.
    let mut words = Vec::with_capacity(span.len() / 6 + 1);
    words.extend(letter_words_iter(text, span));
    words
}

/// The first letter word of `span`, reading no further.
pub fn first_letter_word(text: &str, span: Span) -> Option<Span> {
    letter_words_iter(text, span).next()
}

fn letter_words_iter(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let s = span.slice(text);
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        next_letter_word(&mut chars).map(|(i, end)| Span::new(span.start + i, span.start + end))
    })
}

/// The next run of letters (with apostrophes inside) from `chars`, as byte offsets.
fn next_letter_word(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> Option<(usize, usize)> {
    while let Some((i, c)) = chars.next() {
        if class(c) != Class::Letter {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !(matches!(d, '’' | '\'') || class(d) == Class::Letter) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        return Some((i, end));
    }
    None
}

fn starts_word(c: char) -> bool {
    matches!(class(c), Class::Letter | Class::Number)
}

fn continues_word(c: char) -> bool {
    class(c) != Class::Other
}

fn is_joiner(c: char) -> bool {
    matches!(c, '’' | '\'' | '-' | '.')
}

/// The byte range of the first word at or after `from`.
fn next_word(s: &str, from: usize) -> Option<(usize, usize)> {
    let (i, c) = s[from..].char_indices().find(|&(_, c)| starts_word(c))?;
    let start = from + i;
    let mut end = run_end(s, start + c.len_utf8());
    loop {
        let mut rest = s[end..].chars();
        match (rest.next(), rest.next()) {
            // "Okafor.Mr. Velt": a sentence that lost the space after its period, as
            // dumps of articles lose their paragraph breaks, is two words.
            (Some('.'), Some(n))
                if n.is_uppercase() && ends_lower(&s[start..end]) && !in_address(s, start) =>
            {
                return Some((start, end + 1));
            }
            (Some(j), Some(n)) if is_joiner(j) && starts_word(n) => {
                end = run_end(s, end + j.len_utf8() + n.len_utf8());
            }
            (Some('.'), _) => return Some((start, end + 1)),
            _ => return Some((start, end)),
        }
    }
}

/// Whether the text from `start` to the next space is an e-mail or web address
/// ("Ada.Okafor@example.org"), whose periods join its parts.
fn in_address(s: &str, start: usize) -> bool {
    let rest = &s[start..];
    let chunk = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
    chunk.contains(['@', '/'])
}

/// Whether the word so far ends in a lower-case letter after another (not "U.S" nor "p").
fn ends_lower(word: &str) -> bool {
    let mut last = word.chars().rev();
    matches!((last.next(), last.next()), (Some(a), Some(b)) if a.is_lowercase() && b.is_lowercase())
}

/// Where a run of letters, marks and digits starting at `from` ends.
fn run_end(s: &str, from: usize) -> usize {
    s[from..]
        .char_indices()
        .find(|&(_, c)| !continues_word(c))
        .map_or(s.len(), |(i, _)| from + i)
}

fn keeps_period(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let flags = lexicon::flags(word);
    word.contains('.')
        || (letters == 1 && word.chars().all(char::is_uppercase))
        || flags.has(Flag::Honorific)
        || flags.has(Flag::Title)
        || flags.has(Flag::TokenAbbreviation)
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
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters > 1
}

/// The text between two tokens, which decides whether they belong to one name.
pub fn gap<'a>(text: &'a str, a: &Token, b: &Token) -> &'a str {
    &text[a.span.end..b.span.start]
}

/// The last run of letters before `at`, past any white space ("" when there is none): the
/// word a rule looks at before a name or a phrase ("in" of "in Porto", "said" of "said X").
pub fn word_before(text: &str, at: usize) -> &str {
    text.get(..at)
        .unwrap_or("")
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// The word right after `at`, past spaces only: "" when punctuation comes first (a word
/// after a comma belongs to another phrase).
pub fn word_after(text: &str, at: usize) -> &str {
    text.get(at..)
        .unwrap_or("")
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_word_after_stops_at_punctuation() {
        let text = "Ada Varga founder, then";
        assert_eq!(word_after(text, 9), "founder");
        assert_eq!(word_after(text, 17), "");
        assert_eq!(word_after(text, text.len()), "");
    }

    /// The word pattern the hand scanner follows.
    fn reference_words(s: &str) -> Vec<(usize, usize)> {
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let re = RE.get_or_init(|| {
            regex::Regex::new(
                r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[’'\-.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?",
            )
            .unwrap()
        });
        re.find_iter(s)
            .flat_map(|m| split_glued_sentences(s, m.start(), m.end()))
            .collect()
    }

    /// The pieces of one pattern match at each period with two lower-case letters before it
    /// and a capital after it, outside an address ("ab.Cd" is "ab." and "Cd").
    fn split_glued_sentences(s: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut piece = start;
        for (i, _) in s[start..end].match_indices('.') {
            let at = start + i;
            let before: Vec<char> = s[piece..at].chars().rev().take(2).collect();
            let lower = before.len() == 2 && before.iter().all(|c| c.is_lowercase());
            let capital = s[at + 1..end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let chunk = s[piece..].split(char::is_whitespace).next().unwrap_or("");
            if lower && capital && !chunk.contains(['@', '/']) {
                out.push((piece, at + 1));
                piece = at + 1;
            }
        }
        out.push((piece, end));
        out
    }

    fn words(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some((start, end)) = next_word(s, at) {
            out.push((start, end));
            at = end;
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            if std::env::var_os("CI").is_some() { 2000 } else { 20000 }
        ))]
        #[test]
        fn words_agree_with_the_pattern(
            chars in prop::collection::vec(prop::sample::select(vec![
                'a', 'Z', '7', ' ', '.', '.', '-', '\'', '’', ',', 'é', '\u{301}', '²', 'ª',
                '“', 'ж', '中', 'Ⅻ', '\u{903}', '_', '\n', '@', '/', 'Ж',
            ]), 0..30)
        ) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(words(&s), reference_words(&s));
        }

        #[test]
        fn letter_words_agree_with_the_pattern(
            chars in prop::collection::vec(prop::sample::select(vec![
                'a', 'Z', '7', ' ', '.', '-', '\'', '’', 'é', '\u{301}', 'ª', 'ж', '中', 'Ⅻ',
            ]), 0..30)
        ) {
            let s: String = chars.into_iter().collect();
            let re = regex::Regex::new(r"[\p{L}][\p{L}’']*").unwrap();
            let want: Vec<Span> = re.find_iter(&s).map(|m| Span::new(m.start(), m.end())).collect();
            prop_assert_eq!(letter_words(&s, Span::new(0, s.len())), want);
        }
    }

    #[test]
    fn tokens_keep_initials_and_drop_sentence_periods() {
        let text = "Robert S. Quillfeather III, the F.B.I. director, met Mr. Velde’s aide.";
        let words: Vec<&str> = tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.span.slice(text))
            .collect();
        assert_eq!(
            words,
            [
                "Robert",
                "S.",
                "Quillfeather",
                "III",
                "the",
                "F.B.I.",
                "director",
                "met",
                "Mr.",
                "Velde’s",
                "aide"
            ]
        );
        let toks = tokenize(text, Span::new(0, text.len()));
        assert_eq!(toks[9].name(text), "Velde");
    }
}
