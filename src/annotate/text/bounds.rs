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

/// What the last few characters were, as far as the rules look back. Each part is one
/// bit, so that a whole state is tested against a set of parts with one mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Part {
    Other = 0x01,
    UpperLower = 0x02,
    ClosePlus = 0x04,
    SpPlus = 0x08,
    ATerm = 0x10,
    STerm = 0x20,
    Lf = 0x40,
    Sep = 0x41,
    Cr = 0x42,
    Sot = 0x80,
}

/// The parts a break depends on: terminators, separators and the start of the text.
const SPECIAL: u8 = 0xf0;

impl Part {
    fn from_bits(b: u8) -> Part {
        match b {
            0x01 => Part::Other,
            0x02 => Part::UpperLower,
            0x04 => Part::ClosePlus,
            0x08 => Part::SpPlus,
            0x10 => Part::ATerm,
            0x20 => Part::STerm,
            0x40 => Part::Lf,
            0x41 => Part::Sep,
            0x42 => Part::Cr,
            _ => Part::Sot,
        }
    }
}

/// The last four parts, newest in the lowest byte; runs of Close and of Sp count as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State(u32);

impl State {
    const START: State = State(0x8080_8080);

    /// The part `back` places before the newest (0 is the newest).
    fn part(self, back: usize) -> Part {
        Part::from_bits((self.0 >> (8 * back)) as u8)
    }

    fn next(self, cat: Cat) -> State {
        let part = part_of(cat);
        match (self.last(), part) {
            (Part::ClosePlus, Part::ClosePlus) | (Part::SpPlus, Part::SpPlus) => self,
            _ => State((self.0 << 8) | part as u32),
        }
    }

    fn last(self) -> Part {
        self.part(0)
    }

    /// No part a break depends on: a terminator, a separator or the start.
    fn is_plain(self) -> bool {
        self.0 & u32::from_ne_bytes([SPECIAL; 4]) == 0
    }

    fn is_para_sep(self) -> bool {
        matches!(self.last(), Part::Sep | Part::Cr | Part::Lf)
    }

    /// The part before a trailing `Close* Sp*`.
    fn before_close_sp(self) -> Part {
        let mut back = usize::from(self.last() == Part::SpPlus);
        if self.part(back) == Part::ClosePlus {
            back += 1;
        }
        self.part(back)
    }

    /// SB8a: `SATerm Close* Sp*` stands last.
    fn after_terminator(self) -> bool {
        matches!(self.before_close_sp(), Part::STerm | Part::ATerm)
    }

    /// SB9: `SATerm Close*` stands last.
    fn after_terminator_close(self) -> bool {
        let back = usize::from(self.last() == Part::ClosePlus);
        matches!(self.part(back), Part::STerm | Part::ATerm)
    }

    /// SB11: `SATerm Close* Sp* ParaSep?` stands last.
    fn ends_sentence(self) -> bool {
        let mut back = usize::from(self.is_para_sep());
        if self.part(back) == Part::SpPlus {
            back += 1;
        }
        if self.part(back) == Part::ClosePlus {
            back += 1;
        }
        matches!(self.part(back), Part::STerm | Part::ATerm)
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
    if before.is_plain() {
        // No terminator or separator in sight: no rule can break here.
        if matches!(cat, Cat::Extend | Cat::Format) {
            *state = before;
        }
        return false;
    }
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
        Cat::Upper if before.part(1) == Part::UpperLower && before.last() == Part::ATerm => false,
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
        if state.is_plain() {
            i = skip_plain_ascii(bytes, i, &mut state);
            if i == bytes.len() {
                break;
            }
        }
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

/// Skips the ASCII bytes from `i` that are no terminator or line break: with no
/// terminator in sight none of them can start a sentence. The rules look back past such
/// a run only to the part of its last character, which the state is set to.
fn skip_plain_ascii(bytes: &[u8], from: usize, state: &mut State) -> usize {
    let end = bytes[from..]
        .iter()
        .position(|&b| b >= 0x80 || matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r'))
        .map_or(bytes.len(), |k| from + k);
    if end > from {
        let last = part_of(ascii_category(bytes[end - 1]));
        *state = State(0x0101_0100 | last as u32);
    }
    end
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
