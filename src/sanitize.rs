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
        // Invisible and zero-width: terminals disagree on their width (a joiner may fuse
        // two glyphs into one cell), which would shift what is drawn after them.
        '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}' => Display::Skip,
        // Interlinear annotation marks, private-use code points (drawn at any width by
        // icon fonts) and noncharacters have no meaning in an article.
        '\u{fff9}'..='\u{fffb}'
        | '\u{e000}'..='\u{f8ff}'
        | '\u{f0000}'..='\u{10ffff}'
        | '\u{fdd0}'..='\u{fdef}' => Display::Char('\u{fffd}'),
        c if (c as u32) & 0xfffe == 0xfffe => Display::Char('\u{fffd}'),
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

/// A message made safe for the terminal, its line breaks kept: every error and notice
/// the binary prints goes through it, since they quote file names and article text.
pub fn for_terminal(message: &str) -> String {
    message
        .split('\n')
        .map(clean)
        .collect::<Vec<_>>()
        .join("\n")
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

    #[test]
    fn zero_width_format_private_use_and_noncharacters_are_neutralised() {
        let hostile = "a\u{200b}b\u{200d}c\u{fffa}d\u{e001}e\u{fdd5}f\u{1fffe}g\u{100001}";
        assert_eq!(
            clean(hostile),
            "abc\u{fffd}d\u{fffd}e\u{fffd}f\u{fffd}g\u{fffd}"
        );
        assert_eq!(
            clean("Fran\u{e7}ois \u{2014} \u{201c}ok\u{201d}"),
            "François — “ok”"
        );
    }

    #[test]
    fn messages_keep_their_lines_and_lose_their_escapes() {
        let message = "story\u{1b}]0;title\u{7}.txt: not found\nsecond line";
        assert_eq!(
            super::for_terminal(message),
            "story␛]0;title␇.txt: not found\nsecond line"
        );
    }
}
