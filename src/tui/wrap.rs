//! The article laid out for a pane width: wrapped lines of cells, each cell knowing the
//! byte range of the article text it shows, so styles come from spans at draw time.

use super::sanitize::{display, Display};
use crate::article::Article;
use textwrap::core::Fragment;
use unicode_width::UnicodeWidthChar;

/// One drawn character and the article byte it stands for.
#[derive(Debug, Clone, Copy)]
pub struct Cell {
    pub byte: usize,
    pub ch: char,
    /// A kind marker drawn before a source, not a character of the text.
    pub marker: bool,
}

#[derive(Debug, Clone)]
pub struct Line {
    /// The paragraph shown, or `None` for the blank line between paragraphs.
    pub paragraph: Option<usize>,
    pub cells: Vec<Cell>,
    /// The byte after the last one shown up to this line (kept by blank lines too).
    pub end: usize,
}

/// The wrapped text of an article (or of some of its paragraphs).
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub lines: Vec<Line>,
}

impl Layout {
    /// Lays out `paragraphs` of the article at `width` columns, with a marker character
    /// drawn before each byte of `markers` (sorted by byte).
    pub fn new(
        article: &Article,
        paragraphs: &[usize],
        width: u16,
        markers: &[(usize, char)],
    ) -> Layout {
        let width = width.max(4);
        let mut lines = Vec::new();
        for (k, &p) in paragraphs.iter().enumerate() {
            if k > 0 {
                let end = lines.last().map_or(0, |l: &Line| l.end);
                lines.push(Line {
                    paragraph: None,
                    cells: Vec::new(),
                    end,
                });
            }
            let span = article.paragraphs[p].span;
            let cells = cells_of(span.start, span.slice(&article.text), markers);
            for row in wrap_cells(&cells, width) {
                let end = row.last().map_or(span.start, |c| c.byte + 1);
                lines.push(Line {
                    paragraph: Some(p),
                    cells: row,
                    end,
                });
            }
        }
        Layout { lines }
    }

    /// Lines `from..to`, cloned for drawing.
    pub fn clone_range(&self, from: usize, to: usize) -> Vec<Line> {
        self.lines[from.min(to)..to].to_vec()
    }

    /// The first line showing a byte of the article at or after `byte`.
    pub fn line_of(&self, byte: usize) -> Option<usize> {
        let i = self.lines.partition_point(|l| l.end <= byte);
        (i < self.lines.len()).then_some(i)
    }
}

fn cells_of(start: usize, s: &str, markers: &[(usize, char)]) -> Vec<Cell> {
    let mut k = markers.partition_point(|m| m.0 < start);
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let byte = start + i;
        while k < markers.len() && markers[k].0 <= byte {
            out.push(Cell {
                byte,
                ch: markers[k].1,
                marker: true,
            });
            k += 1;
        }
        if let Display::Char(ch) = display(c) {
            out.push(Cell {
                byte,
                ch,
                marker: false,
            });
        }
    }
    out
}

#[derive(Debug)]
struct Word {
    from: usize,
    to: usize,
    width: usize,
    space: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

fn cell_width(c: &Cell) -> usize {
    c.ch.width().unwrap_or(0)
}

/// Splits cells into words (a word keeps its trailing spaces as `space`), breaking words
/// wider than the line, then wraps them first-fit.
fn wrap_cells(cells: &[Cell], width: u16) -> Vec<Vec<Cell>> {
    let max = width as usize;
    let mut words: Vec<Word> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let from = i;
        let mut w = 0;
        while i < cells.len() && cells[i].ch != ' ' && w + cell_width(&cells[i]) <= max {
            w += cell_width(&cells[i]);
            i += 1;
        }
        if i == from {
            // A lone character wider than the line still takes a line.
            w = cell_width(&cells[i]);
            i += 1;
        }
        let to = i;
        let mut space = 0;
        while i < cells.len() && cells[i].ch == ' ' {
            space += 1;
            i += 1;
        }
        words.push(Word {
            from,
            to,
            width: w,
            space,
        });
    }
    let rows = textwrap::wrap_algorithms::wrap_first_fit(&words, &[max as f64]);
    rows.iter()
        .map(|row| {
            let (first, last) = (row[0].from, row[row.len() - 1].to);
            cells[first..last].to_vec()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{parse_text, Format};

    fn shown(l: &Line) -> String {
        l.cells.iter().map(|c| c.ch).collect()
    }

    #[test]
    fn wraps_at_width_and_keeps_offsets() {
        let a = parse_text(
            "t",
            "T\n\nThe quick brown fox jumps over the lazy dog.\n\nÉlan vital.".into(),
            Format::Plain,
        );
        let l = Layout::new(&a, &[0, 1], 16, &[]);
        let rows: Vec<String> = l.lines.iter().map(shown).collect();
        assert_eq!(
            rows,
            [
                "The quick brown",
                "fox jumps over",
                "the lazy dog.",
                "",
                "Élan vital."
            ]
        );
        for line in &l.lines {
            for c in &line.cells {
                assert_eq!(a.text[c.byte..].chars().next(), Some(c.ch));
            }
        }
        let fox = a.text.find("fox").unwrap();
        assert_eq!(l.line_of(fox), Some(1));
        let marked = Layout::new(&a, &[0], 40, &[(fox, '●')]);
        assert!(shown(&marked.lines[0]).contains("brown ●fox"));
    }

    #[test]
    fn long_words_break_and_controls_are_replaced() {
        let a = parse_text("t", "T\n\nabcdefghij\u{1b}[2J".into(), Format::Plain);
        let l = Layout::new(&a, &[0], 5, &[]);
        let rows: Vec<String> = l.lines.iter().map(shown).collect();
        assert_eq!(rows, ["abcde", "fghij", "␛[2J"]);
    }
}
