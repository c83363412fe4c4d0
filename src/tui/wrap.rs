//! The article laid out for a pane width: wrapped lines of cells, each cell knowing the
//! byte range of the article text it shows, so styles come from spans at draw time.
//!
//! Layout is lazy, paragraph by paragraph: a 20 MB article has tens of thousands of
//! paragraphs, and a frame needs only the few on screen (and the last few, to know
//! where the bottom is). Positions are therefore rows of a paragraph, not line numbers,
//! which would need every paragraph above laid out.

use crate::article::Article;
use crate::sanitize::{display, Display};
use textwrap::core::Fragment;
use unicode_width::UnicodeWidthChar;

/// Shown text up to this size is laid out whole at once: it costs a few milliseconds
/// and gives exact line numbers (for the scroll percentage) from the first frame.
pub const EAGER_BYTES: usize = 256 * 1024;

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

/// A line of the laid-out text: row `row` of the `para`-th shown paragraph, where a
/// paragraph's row 0 is the blank line before it (all but the first have one).
/// Ordered as the lines are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub para: usize,
    pub row: usize,
}

/// The wrapped text of an article (or of some of its paragraphs), laid out on demand.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The article's paragraphs shown, in order.
    paragraphs: Vec<usize>,
    width: u16,
    /// A marker character drawn before each of these bytes, sorted by byte.
    markers: Vec<(usize, char)>,
    /// The lines of each shown paragraph, once laid out.
    laid: Vec<Option<Vec<Line>>>,
    laid_count: usize,
}

impl Layout {
    /// The layout of `paragraphs` of the article at `width` columns, with a marker
    /// character drawn before each byte of `markers` (sorted by byte). Only short texts
    /// are laid out now; the rest as it is read.
    pub fn new(
        article: &Article,
        paragraphs: &[usize],
        width: u16,
        markers: &[(usize, char)],
    ) -> Layout {
        let mut layout = Layout {
            paragraphs: paragraphs.to_vec(),
            width: width.max(4),
            markers: markers.to_vec(),
            laid: vec![None; paragraphs.len()],
            laid_count: 0,
        };
        let bytes: usize = paragraphs
            .iter()
            .map(|&p| article.paragraphs[p].span.len())
            .sum();
        if bytes <= EAGER_BYTES {
            layout.lay_out_all(article);
        }
        layout
    }

    /// Lays out every paragraph not laid out yet.
    pub fn lay_out_all(&mut self, article: &Article) {
        for k in 0..self.paragraphs.len() {
            self.lines(article, k);
        }
    }

    /// The number of lines, once every paragraph is laid out.
    pub fn total_if_known(&self) -> Option<usize> {
        (self.laid_count == self.paragraphs.len()).then(|| {
            self.laid
                .iter()
                .map(|l| l.as_ref().map_or(0, Vec::len))
                .sum()
        })
    }

    /// The lines of the `k`-th shown paragraph (with the blank line before it).
    pub fn lines(&mut self, article: &Article, k: usize) -> &[Line] {
        if self.laid[k].is_none() {
            self.laid[k] = Some(self.lay_out(article, k));
            self.laid_count += 1;
        }
        self.laid[k].as_deref().expect("laid out just now")
    }

    fn lay_out(&self, article: &Article, k: usize) -> Vec<Line> {
        let p = self.paragraphs[k];
        let span = article.paragraphs[p].span;
        let mut lines = Vec::new();
        if k > 0 {
            // Ends where the paragraph above does, so `pos_of` passes over it.
            let above = article.paragraphs[self.paragraphs[k - 1]].span.end;
            lines.push(Line {
                paragraph: None,
                cells: Vec::new(),
                end: above,
            });
        }
        let cells = cells_of(span.start, span.slice(&article.text), &self.markers);
        for row in wrap_cells(&cells, self.width) {
            let end = row.last().map_or(span.start, |c| c.byte + 1);
            lines.push(Line {
                paragraph: Some(p),
                cells: row,
                end,
            });
        }
        lines
    }

    fn len_of(&mut self, article: &Article, k: usize) -> usize {
        self.lines(article, k).len()
    }

    /// `pos` made a real line: within the paragraphs and their rows, past an empty
    /// first paragraph. Positions kept across a new width or filter may be stale.
    pub fn clamp(&mut self, article: &Article, pos: Pos) -> Pos {
        let count = self.paragraphs.len();
        if count == 0 {
            return Pos::default();
        }
        let para = pos.para.min(count - 1);
        let len = self.len_of(article, para);
        if len == 0 && para + 1 < count {
            return Pos {
                para: para + 1,
                row: 0,
            };
        }
        Pos {
            para,
            row: pos.row.min(len.saturating_sub(1)),
        }
    }

    /// The first line.
    pub fn first(&mut self, article: &Article) -> Pos {
        self.clamp(article, Pos::default())
    }

    /// The last line.
    pub fn last(&mut self, article: &Article) -> Pos {
        let end = Pos {
            para: usize::MAX,
            row: usize::MAX,
        };
        self.clamp(article, end)
    }

    /// `n` lines below `pos`, stopping at the last line.
    pub fn down(&mut self, article: &Article, pos: Pos, mut n: usize) -> Pos {
        if self.paragraphs.is_empty() {
            return Pos::default();
        }
        let mut pos = self.clamp(article, pos);
        loop {
            let len = self.len_of(article, pos.para);
            if pos.row + n < len {
                return Pos {
                    row: pos.row + n,
                    ..pos
                };
            }
            if pos.para + 1 >= self.paragraphs.len() {
                return Pos {
                    row: len.saturating_sub(1),
                    ..pos
                };
            }
            n -= len - pos.row;
            pos = Pos {
                para: pos.para + 1,
                row: 0,
            };
        }
    }

    /// `n` lines above `pos`, stopping at the first line.
    pub fn up(&mut self, article: &Article, pos: Pos, mut n: usize) -> Pos {
        let mut pos = self.clamp(article, pos);
        let first = self.first(article);
        loop {
            if n <= pos.row {
                return Pos {
                    row: pos.row - n,
                    ..pos
                }
                .max(first);
            }
            if pos.para == 0 {
                return first;
            }
            n -= pos.row + 1;
            let para = pos.para - 1;
            let len = self.len_of(article, para);
            if len == 0 {
                return first;
            }
            pos = Pos { para, row: len - 1 };
        }
    }

    /// The top line of the last page of `height` lines.
    pub fn bottom_top(&mut self, article: &Article, height: usize) -> Pos {
        let last = self.last(article);
        self.up(article, last, height.max(1) - 1)
    }

    /// Up to `n` lines from `pos` on, cloned for drawing.
    pub fn lines_from(&mut self, article: &Article, pos: Pos, n: usize) -> Vec<Line> {
        let mut out = Vec::new();
        if self.paragraphs.is_empty() {
            return out;
        }
        let pos = self.clamp(article, pos);
        let mut row = pos.row;
        for k in pos.para..self.paragraphs.len() {
            let lines = self.lines(article, k);
            let take = (n - out.len()).min(lines.len().saturating_sub(row));
            out.extend_from_slice(&lines[row..row + take]);
            row = 0;
            if out.len() == n {
                break;
            }
        }
        out
    }

    /// The first line showing a byte of the article at or after `byte`.
    pub fn pos_of(&mut self, article: &Article, byte: usize) -> Option<Pos> {
        let k = self
            .paragraphs
            .partition_point(|&p| article.paragraphs[p].span.end <= byte);
        if k >= self.paragraphs.len() {
            return None;
        }
        let lines = self.lines(article, k);
        let row = lines.partition_point(|l| l.end <= byte);
        if row < lines.len() {
            return Some(Pos { para: k, row });
        }
        (k + 1 < self.paragraphs.len()).then_some(Pos {
            para: k + 1,
            row: 0,
        })
    }

    /// The line number of `pos`, counted from 0. Lays out every paragraph above it,
    /// so it is for short texts (and tests).
    pub fn line_number(&mut self, article: &Article, pos: Pos) -> usize {
        let pos = self.clamp(article, pos);
        let above: usize = (0..pos.para).map(|k| self.len_of(article, k)).sum();
        above + pos.row
    }

    /// How far through the shown text `byte` is, in percent: the scroll position
    /// where line numbers are not known yet.
    pub fn percent_of_byte(&self, article: &Article, byte: usize) -> usize {
        let (Some(&first), Some(&last)) = (self.paragraphs.first(), self.paragraphs.last()) else {
            return 100;
        };
        let from = article.paragraphs[first].span.start;
        let to = article.paragraphs[last].span.end;
        100 * byte.saturating_sub(from).min(to - from) / (to - from).max(1)
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

    fn all_rows(l: &mut Layout, a: &Article) -> Vec<String> {
        l.lines_from(a, Pos::default(), usize::MAX)
            .iter()
            .map(shown)
            .collect()
    }

    #[test]
    fn wraps_at_width_and_keeps_offsets() {
        let a = parse_text(
            "t",
            "T\n\nThe quick brown fox jumps over the lazy dog.\n\nÉlan vital.".into(),
            Format::Plain,
        );
        let mut l = Layout::new(&a, &[0, 1], 16, &[]);
        assert_eq!(
            all_rows(&mut l, &a),
            [
                "The quick brown",
                "fox jumps over",
                "the lazy dog.",
                "",
                "Élan vital."
            ]
        );
        for line in l.lines_from(&a, Pos::default(), 10) {
            for c in &line.cells {
                assert_eq!(a.text[c.byte..].chars().next(), Some(c.ch));
            }
        }
        let fox = a.text.find("fox").unwrap();
        let at = l.pos_of(&a, fox).unwrap();
        assert_eq!(at, Pos { para: 0, row: 1 });
        assert_eq!(l.line_number(&a, at), 1);
        let elan = a.text.find("vital").unwrap();
        let elan_at = l.pos_of(&a, elan).unwrap();
        assert_eq!(l.line_number(&a, elan_at), 4);
        let mut marked = Layout::new(&a, &[0], 40, &[(fox, '●')]);
        assert!(all_rows(&mut marked, &a)[0].contains("brown ●fox"));
    }

    #[test]
    fn long_words_break_and_controls_are_replaced() {
        let a = parse_text("t", "T\n\nabcdefghij\u{1b}[2J".into(), Format::Plain);
        let mut l = Layout::new(&a, &[0], 5, &[]);
        assert_eq!(all_rows(&mut l, &a), ["abcde", "fghij", "␛[2J"]);
    }

    /// A text too long to be laid out at once, of numbered paragraphs.
    fn long_article() -> Article {
        let mut text = String::from("T\n\n");
        let mut k = 0;
        while text.len() <= 2 * EAGER_BYTES {
            text.push_str(&format!(
                "Paragraph {k} has words enough to wrap twice.\n\n"
            ));
            k += 1;
        }
        parse_text("long.txt", text, Format::Plain)
    }

    #[test]
    fn a_long_text_is_laid_out_only_where_it_is_read() {
        let a = long_article();
        let all: Vec<usize> = (0..a.paragraphs.len()).collect();
        let mut lazy = Layout::new(&a, &all, 30, &[]);
        assert_eq!(lazy.laid_count, 0, "nothing before it is read");
        let bottom = lazy.bottom_top(&a, 10);
        assert_eq!(lazy.lines_from(&a, Pos::default(), 10).len(), 10);
        let last = lazy.lines_from(&a, bottom, 10);
        assert!(lazy.laid_count < 10, "{} laid out", lazy.laid_count);
        assert_eq!(last.len(), 10);
        assert!(shown(&last[9]).ends_with("twice."));
        assert_eq!(lazy.total_if_known(), None);

        // The same moves on the whole layout give the same lines.
        let mut whole = Layout::new(&a, &all, 30, &[]);
        whole.lay_out_all(&a);
        let total = whole.total_if_known().unwrap();
        let whole_bottom = whole.bottom_top(&a, 10);
        let bottom_line = whole.line_number(&a, whole_bottom);
        assert_eq!(bottom_line, total - 10);
        let middle = a.text.find("Paragraph 5000 ").unwrap();
        let at = lazy.pos_of(&a, middle).unwrap();
        assert_eq!(whole.pos_of(&a, middle), Some(at));
        assert_eq!(at.row, 1, "row 0 is the blank line above");
        let up = lazy.up(&a, at, 7);
        let down = lazy.down(&a, up, 7);
        assert_eq!(down, at);
        assert_eq!(whole.line_number(&a, up) + 7, whole.line_number(&a, at));
        assert_eq!(lazy.down(&a, bottom, 1000), lazy.last(&a));
        assert_eq!(lazy.up(&a, Pos { para: 2, row: 0 }, 1000), Pos::default());
    }

    #[test]
    fn no_paragraph_shown_is_one_empty_place() {
        let a = parse_text("t", "T\n\nBody.".into(), Format::Plain);
        let mut none = Layout::new(&a, &[], 20, &[]);
        let top = Pos::default();
        assert_eq!(none.down(&a, top, 3), top);
        assert_eq!(none.up(&a, top, 3), top);
        assert_eq!(none.bottom_top(&a, 10), top);
        assert!(none.lines_from(&a, top, 10).is_empty());
        assert_eq!(none.pos_of(&a, 3), None);
    }
}
