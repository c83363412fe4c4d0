//! Article text never reaches the terminal raw: control characters, escape sequences and
//! bidirectional overrides become visible placeholders before rendering.

/// The text to draw for one character of an article.
pub fn display(c: char) -> Display {
    match c {
        '\t' | '\n' | '\r' => Display::Char(' '),
        // C0 controls, ESC among them, as their Unicode control pictures (␛, ␇, …).
        '\u{0}'..='\u{1f}' => {
            Display::Char(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
        }
        '\u{7f}' => Display::Char('␡'),
        '\u{80}'..='\u{9f}' => Display::Char('\u{fffd}'),
        // Bidirectional embeddings, overrides and isolates could reorder what is shown.
        '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}' => Display::Char('⁇'),
        '\u{feff}' => Display::Skip,
        c => Display::Char(c),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    Char(char),
    /// Invisible and harmless: drawn as nothing (a byte-order mark).
    Skip,
}

/// A whole string made safe for the terminal (titles, names, list entries).
pub fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match display(c) {
            Display::Char(d) => Some(d),
            Display::Skip => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn escapes_and_overrides_are_neutralised() {
        let hostile = "a\u{1b}[31mred\u{7}\u{202e}evil\u{9b}x\u{2066}";
        let out = clean(hostile);
        assert_eq!(out, "a␛[31mred␇⁇evil\u{fffd}x⁇");
        assert!(!out.chars().any(char::is_control));
    }
}
