//! The general category of a character, as far as the tokenizers need it: letter,
//! combining mark, number or other. ASCII and Latin letters are answered directly; any
//! other character is asked of the regex engine's Unicode tables, so the answers are
//! exactly those of `\p{L}`, `\p{M}` and `\p{N}`.

use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Letter,
    Mark,
    Number,
    Other,
}

/// The dash characters writers set an aside off with: the em dash, the en dash and the
/// horizontal bar ("― among others ―").
pub const DASH_CHARS: [char; 3] = ['—', '–', '―'];

/// The ways a dash is written: a dash character, or two hyphens or a spaced hyphen
/// standing for one in plain-text archives.
pub const DASHES: [&str; 5] = ["--", "—", "–", "―", " -"];

/// The largest char boundary of `s` at or before `i` (`i` past the end: the end), for
/// windows cut at a byte count.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i` (`i` past the end: the end).
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

pub fn class(c: char) -> Class {
    match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Number,
        '\0'..='\u{7f}' => Class::Other,
        '\u{aa}' | '\u{b5}' | '\u{ba}' => Class::Letter,
        '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}' => Class::Number,
        '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' => Class::Other,
        '\u{c0}'..='\u{24f}' => Class::Letter,
        '\u{300}'..='\u{36f}' => Class::Mark,
        '\u{2000}'..='\u{206f}' => Class::Other,
        _ => class_by_table(c),
    }
}

fn class_by_table(c: char) -> Class {
    static TABLES: OnceLock<[Regex; 3]> = OnceLock::new();
    let [letter, mark, number] = TABLES.get_or_init(|| {
        [r"\A\p{L}", r"\A\p{M}", r"\A\p{N}"].map(|p| Regex::new(p).expect("valid class"))
    });
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    if letter.is_match(s) {
        Class::Letter
    } else if mark.is_match(s) {
        Class::Mark
    } else if number.is_match(s) {
        Class::Number
    } else {
        Class::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_step_off_the_middle_of_a_character() {
        let s = "a“b"; // “ takes bytes 1..4
        assert_eq!((floor_boundary(s, 2), ceil_boundary(s, 2)), (1, 4));
        assert_eq!((floor_boundary(s, 4), ceil_boundary(s, 4)), (4, 4));
        assert_eq!((floor_boundary(s, 99), ceil_boundary(s, 99)), (5, 5));
    }

    #[test]
    fn the_direct_answers_agree_with_the_tables() {
        let ranges = [0u32..0x250, 0x300..0x370, 0x2000..0x2070];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(class(c), class_by_table(c), "{c:?} U+{:04X}", c as u32);
        }
    }
}
