//! Searching the text: typing a query, its matches, and stepping through them.

use super::app::App;
use super::field::{Edit, TextField};
use crate::span::Span;
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, Default)]
pub struct Search {
    pub editing: bool,
    pub query: String,
    pub matches: Vec<Span>,
    pub current: usize,
    /// The query being typed.
    field: TextField,
}

impl Search {
    /// The query being typed, split at the cursor.
    pub fn typed(&self) -> (&str, &str) {
        self.field.around_cursor()
    }
}

impl App {
    /// `/`: a new query; Esc gives the last one back.
    pub fn start_search(&mut self) {
        self.search.field = TextField::replacing(&self.search.query);
        self.search.editing = true;
        self.search.query.clear();
        self.search.matches.clear();
    }

    /// A key while the query is typed: the matches follow the typing.
    pub fn edit_search(&mut self, key: &KeyEvent) {
        match self.search.field.key(key) {
            Edit::Typing => {
                self.search.query = self.search.field.value().to_string();
                self.run_search();
            }
            Edit::Cancelled => {
                self.search.editing = false;
                self.search.query = self.search.field.before().to_string();
                self.run_search();
            }
            Edit::Done => self.go_to_first_match(),
        }
    }

    fn go_to_first_match(&mut self) {
        self.search.editing = false;
        self.run_search();
        if let Some(first) = self.search.matches.first().copied() {
            self.search.current = 0;
            self.scroll_to_byte(first.start);
        } else {
            self.status = Some(format!("no match for “{}”", self.search.query));
        }
    }

    /// Finds the query (case-insensitive) in the paragraphs.
    pub fn run_search(&mut self) {
        let q = self.search.query.to_lowercase();
        let a = &self.articles[self.current].article;
        let mut matches = Vec::new();
        if !q.is_empty() {
            for p in &a.paragraphs {
                let body = p.span.slice(&a.text);
                matches.extend(
                    find_all_ci(body, &q)
                        .into_iter()
                        .map(|(s, e)| Span::new(p.span.start + s, p.span.start + e)),
                );
            }
        }
        self.search.matches = matches;
        self.search.current = 0;
    }

    /// `n` and `N`: the next or previous match, wrapping around.
    pub fn jump_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.status = Some(if self.search.query.is_empty() {
                "no search: press / to search".into()
            } else {
                format!("no match for “{}”", self.search.query)
            });
            return;
        }
        self.search.current = if forward {
            (self.search.current + 1) % n
        } else {
            (self.search.current + n - 1) % n
        };
        let span = self.search.matches[self.search.current];
        self.ensure_shown(span);
    }
}

/// Byte ranges of `needle` (already lowercase) in `hay`, case-insensitively.
/// Compares char by char so offsets stay true even where lowercasing changes lengths.
pub fn find_all_ci(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let n: Vec<char> = needle.chars().collect();
    let h: Vec<(usize, char)> = hay.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + n.len() <= h.len() {
        let hit = n
            .iter()
            .enumerate()
            .all(|(k, c)| h[i + k].1.to_lowercase().eq(c.to_lowercase()));
        if hit {
            let end = h.get(i + n.len()).map_or(hay.len(), |x| x.0);
            out.push((h[i].0, end));
            i += n.len().max(1);
        } else {
            i += 1;
        }
    }
    out
}
