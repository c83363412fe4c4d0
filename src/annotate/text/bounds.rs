//! Unicode sentence boundaries (UAX #29) in one forward pass.
//!
//! The `unicode-segmentation` crate finds the same boundaries, but looks every character
//! up in a table by binary search; on news text that made sentence splitting the slowest
//! step of the annotator. Here the characters news text is made of (ASCII, Latin-1,
//! Latin Extended-A, combining accents, general punctuation) are classified directly; a
//! region holding any other character is handed to the crate, so the answers never differ.
//! The state machine follows the crate's rule by rule, so both agree on every input; the
//! property test at the bottom checks that they do.

use unicode_segmentation::UnicodeSegmentation;

/// The sentence-break category of a character (UAX #29, table 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Other,
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Format,
    Extend,
}

/// The category of a character news text commonly holds; `None` for any other.
fn category(c: char) -> Option<Cat> {
    Some(match c {
        '\t' | '\u{b}' | '\u{c}' | ' ' => Cat::Sp,
        '\n' => Cat::Lf,
        '\r' => Cat::Cr,
        '!' | '?' => Cat::STerm,
        '.' => Cat::ATerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' => Cat::Close,
        ',' | '-' | ':' | ';' => Cat::SContinue,
        '0'..='9' => Cat::Numeric,
        'A'..='Z' => Cat::Upper,
        'a'..='z' => Cat::Lower,
        '\0'..='\u{7f}' => Cat::Other,
        '\u{85}' | '\u{2028}' | '\u{2029}' => Cat::Sep,
        '\u{a0}' => Cat::Sp,
        '\u{aa}' | '\u{b5}' | '\u{ba}' => Cat::Lower,
        '\u{ab}' | '\u{bb}' => Cat::Close,
        '\u{ad}' => Cat::Format,
        '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' => Cat::Other,
        '\u{c0}'..='\u{17f}' if c.is_uppercase() => Cat::Upper,
        '\u{c0}'..='\u{17f}' if c.is_lowercase() => Cat::Lower,
        '\u{300}'..='\u{36f}' => Cat::Extend,
        '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => Cat::Sp,
        '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' => Cat::Format,
        '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}' => Cat::Format,
        '\u{200c}' | '\u{200d}' => Cat::Extend,
        '\u{2013}' | '\u{2014}' => Cat::SContinue,
        '\u{2018}'..='\u{201f}' | '\u{2039}' | '\u{203a}' | '\u{2045}' | '\u{2046}' => Cat::Close,
        '\u{2024}' => Cat::ATerm,
        '\u{203c}' | '\u{203d}' | '\u{2047}'..='\u{2049}' => Cat::STerm,
        '\u{2010}'..='\u{206f}' => Cat::Other,
        _ => return None,
    })
}

/// What the last few characters were, as far as the rules look back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Sot,
    Other,
    Cr,
    Lf,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts, newest last; runs of Close and of Sp count as one part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State([Part; 4]);

impl State {
    const START: State = State([Part::Sot; 4]);

    fn next(self, cat: Cat) -> State {
        let p = self.0;
        match (p[3], cat) {
            (Part::ClosePlus, Cat::Close) | (Part::SpPlus, Cat::Sp) => self,
            _ => State([p[1], p[2], p[3], part_of(cat)]),
        }
    }

    fn last(self) -> Part {
        self.0[3]
    }

    fn is_para_sep(self) -> bool {
        matches!(self.last(), Part::Sep | Part::Cr | Part::Lf)
    }

    /// The part before a trailing `Close* Sp*`.
    fn before_close_sp(self) -> Part {
        let p = self.0;
        let mut i = if p[3] == Part::SpPlus { 2 } else { 3 };
        if p[i] == Part::ClosePlus {
            i -= 1;
        }
        p[i]
    }

    /// SB8a: `SATerm Close* Sp*` stands last.
    fn after_terminator(self) -> bool {
        matches!(self.before_close_sp(), Part::STerm | Part::ATerm)
    }

    /// SB9: `SATerm Close*` stands last.
    fn after_terminator_close(self) -> bool {
        let p = self.0;
        let i = if p[3] == Part::ClosePlus { 2 } else { 3 };
        matches!(p[i], Part::STerm | Part::ATerm)
    }

    /// SB11: `SATerm Close* Sp* ParaSep?` stands last.
    fn ends_sentence(self) -> bool {
        let p = self.0;
        let mut i = if self.is_para_sep() { 2 } else { 3 };
        if p[i] == Part::SpPlus {
            i -= 1;
        }
        if p[i] == Part::ClosePlus {
            i -= 1;
        }
        matches!(p[i], Part::STerm | Part::ATerm)
    }
}

fn part_of(cat: Cat) -> Part {
    match cat {
        Cat::Cr => Part::Cr,
        Cat::Lf => Part::Lf,
        Cat::Sep => Part::Sep,
        Cat::ATerm => Part::ATerm,
        Cat::Upper | Cat::Lower => Part::UpperLower,
        Cat::Close => Part::ClosePlus,
        Cat::Sp => Part::SpPlus,
        Cat::STerm => Part::STerm,
        _ => Part::Other,
    }
}

/// SB8: after `ATerm Close* Sp*`, no break when a lowercase letter comes before any
/// letter, paragraph separator or terminator in `ahead`.
fn lower_follows(state: State, ahead: &str) -> bool {
    if state.before_close_sp() != Part::ATerm {
        return false;
    }
    for c in ahead.chars() {
        match category(c) {
            Some(Cat::Lower) => return true,
            Some(Cat::Upper | Cat::Sep | Cat::Cr | Cat::Lf | Cat::STerm | Cat::ATerm) | None => {
                return false
            }
            _ => {}
        }
    }
    false
}

/// Whether a break stands before a character of category `cat`, which starts `ahead`;
/// updates the state.
fn breaks_before(state: &mut State, cat: Cat, ahead: &str) -> bool {
    let before = *state;
    *state = before.next(cat);
    if before.last() == Part::Sot {
        return true;
    }
    if cat == Cat::Lf && before.last() == Part::Cr {
        return false;
    }
    if before.is_para_sep() {
        return true;
    }
    match cat {
        Cat::Extend | Cat::Format => {
            *state = before;
            false
        }
        Cat::Numeric if before.last() == Part::ATerm => false,
        Cat::Upper if before.0[2] == Part::UpperLower && before.0[3] == Part::ATerm => false,
        _ if lower_follows(before, ahead) => false,
        Cat::SContinue | Cat::STerm | Cat::ATerm if before.after_terminator() => false,
        Cat::Close | Cat::Sp | Cat::Sep | Cat::Cr | Cat::Lf if before.after_terminator_close() => {
            false
        }
        Cat::Sp | Cat::Sep | Cat::Cr | Cat::Lf if before.after_terminator() => false,
        _ => before.ends_sentence(),
    }
}

/// The sentences of `s` as `(byte offset, text)`, exactly as
/// `UnicodeSegmentation::split_sentence_bound_indices` gives them.
pub fn sentence_bounds(s: &str) -> Vec<(usize, &str)> {
    let Some(starts) = sentence_starts(s) else {
        return s.split_sentence_bound_indices().collect();
    };
    let mut out = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(s.len());
        out.push((start, &s[start..end]));
    }
    out
}

/// Where each sentence starts, or `None` when `s` holds a character outside the known set.
fn sentence_starts(s: &str) -> Option<Vec<usize>> {
    let bytes = s.as_bytes();
    let mut starts = Vec::new();
    let mut state = State::START;
    let mut i = 0;
    while i < bytes.len() {
        let (cat, width) = match bytes[i] {
            b if b < 0x80 => (ascii_category(b), 1),
            _ => {
                let c = s[i..].chars().next()?;
                (category(c)?, c.len_utf8())
            }
        };
        if breaks_before(&mut state, cat, &s[i..]) {
            starts.push(i);
        }
        i += width;
    }
    Some(starts)
}

/// The category of an ASCII byte, from a table built once.
fn ascii_category(b: u8) -> Cat {
    static TABLE: std::sync::OnceLock<[Cat; 128]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        std::array::from_fn(|b| category(char::from(b as u8)).unwrap_or(Cat::Other))
    });
    table[usize::from(b)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(s: &str) -> Vec<(usize, &str)> {
        s.split_sentence_bound_indices().collect()
    }

    #[test]
    fn agrees_on_news_like_text() {
        for s in [
            "Mr. Smith went. He said “no.” Then left!  Why? (Really.) 3.5 percent e.g. this",
            "U.S. officials met. ‘Yes,’ she said.\n\nNew paragraph… here — and there.",
            "Ends with a period.",
            "",
            "a.\r\nb. c.. d?! e.’ ” F",
            "WASHINGTON — The A.B.C. said: «Oui.» Él dijo. ¿Qué? Ça va.",
        ] {
            assert_eq!(sentence_bounds(s), reference(s), "{s:?}");
        }
    }

    #[test]
    fn other_scripts_fall_back_to_the_reference() {
        let s = "Он сказал. 他说。 Then.";
        assert_eq!(sentence_bounds(s), reference(s));
    }

    fn news_char() -> impl Strategy<Value = char> {
        prop::sample::select(vec![
            'a', 'b', 'Z', 'Q', '1', '7', ' ', ' ', '.', '.', '?', '!', ',', ';', ':', '-', '"',
            '\'', '(', ')', '\n', '\r', '\t', '\u{a0}', 'é', 'É', 'ß', 'ª', '«', '»', '\u{ad}',
            '\u{301}', '\u{200b}', '\u{200d}', '‘', '’', '“', '”', '–', '—', '…', '\u{2024}', '‼',
            '\u{2028}', '\u{85}', '×', '#', '\u{2009}', 'Ā', 'ŉ',
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            if std::env::var_os("CI").is_some() { 2000 } else { 20000 }
        ))]
        #[test]
        fn agrees_with_unicode_segmentation(chars in prop::collection::vec(news_char(), 0..40)) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(sentence_bounds(&s), reference(&s));
        }
    }
}
