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

/// What is drawn for a character, if anything.
fn shown(c: char) -> Option<char> {
    match display(c) {
        Display::Char(d) => Some(d),
        Display::Skip => None,
    }
}

/// A whole string made safe for the terminal (titles, names, list entries).
pub fn clean(s: &str) -> String {
    s.chars().filter_map(shown).collect()
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

/// A writer to a terminal: what an export writes there (article text in CSV, brat or
/// Markdown, which keep it as it is) goes through [`display`], line breaks and tabs
/// kept. A character cut between two writes waits for the rest of it.
pub struct TerminalSafe<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> TerminalSafe<W> {
    pub fn new(inner: W) -> Self {
        TerminalSafe {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes the pending bytes up to `end`, made safe.
    fn write_safe(&mut self, end: usize) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(&self.pending[..end]);
        let safe: String = (text.chars())
            .filter_map(|c| match c {
                '\n' | '\t' => Some(c),
                c => shown(c),
            })
            .collect();
        self.pending.drain(..end);
        self.inner.write_all(safe.as_bytes())
    }
}

impl<W: std::io::Write> std::io::Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let whole = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            // Cut short: the character's last bytes come with the next write.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => self.pending.len(),
        };
        self.write_safe(whole)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<W: std::io::Write> Drop for TerminalSafe<W> {
    fn drop(&mut self) {
        // A character still cut short at the end is written as a replacement mark.
        if !self.pending.is_empty() {
            let _ = self.write_safe(self.pending.len());
            let _ = self.inner.flush();
        }
    }
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

    #[test]
    fn a_terminal_writer_neutralises_escapes_even_when_a_character_is_cut() {
        use std::io::Write;
        let text = "a,\u{1b}[2J“quoted”\u{202e}\tb\n";
        let mut out = Vec::new();
        {
            let mut safe = super::TerminalSafe::new(&mut out);
            // One byte at a time: every multi-byte character is cut.
            for b in text.as_bytes() {
                safe.write_all(std::slice::from_ref(b)).unwrap();
            }
        }
        assert_eq!(String::from_utf8(out).unwrap(), "a,␛[2J“quoted”⁇\tb\n");
    }
}
