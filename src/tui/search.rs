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

    /// Enter: the first match from the page shown on (as `n` goes on from there).
    fn go_to_first_match(&mut self) {
        self.search.editing = false;
        self.run_search();
        let top = self.text.first_byte();
        match self.search.matches.iter().position(|m| m.start >= top) {
            Some(k) => self.show_match(k),
            None if !self.search.matches.is_empty() => self.show_match(0),
            None => self.status = Some(format!("no match for “{}”", self.search.query)),
        }
    }

    /// Finds the query (in any case, with any apostrophes and quotes) in the paragraphs
    /// the text pane shows: a match the reader cannot show is not counted.
    pub fn run_search(&mut self) {
        let a = &self.articles[self.current].article;
        let mut matches = Vec::new();
        if let Some(pattern) = pattern(&self.search.query) {
            for p in self.shown_paragraphs().iter().map(|&i| &a.paragraphs[i]) {
                let body = p.span.slice(&a.text);
                matches.extend(
                    pattern
                        .find_iter(body)
                        .filter(|m| !m.is_empty())
                        .map(|m| Span::new(p.span.start + m.start(), p.span.start + m.end())),
                );
            }
        }
        self.search.matches = matches;
        self.search.current = 0;
    }

    /// The matches again after the paragraphs shown changed, the current one kept.
    pub(super) fn search_shown_again(&mut self) {
        if self.search.query.is_empty() {
            return;
        }
        let current = self.search.matches.get(self.search.current).copied();
        self.run_search();
        let k = current.and_then(|c| self.search.matches.iter().position(|m| *m == c));
        self.search.current = k.unwrap_or(0);
    }

    /// `n` and `N`: the next or previous match, wrapping around. They go on from the
    /// current match while it is on the page, else from the page (after `G`, a jump or
    /// scrolling, the next match is the one below, not one back at the top).
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
        let matches = &self.search.matches;
        let current = matches.get(self.search.current).copied();
        let k = match current.filter(|m| self.text.shows_byte(m.start)) {
            Some(_) if forward => (self.search.current + 1) % n,
            Some(_) => (self.search.current + n - 1) % n,
            None => {
                let top = self.text.first_byte();
                let after = matches.partition_point(|m| m.start < top);
                if forward {
                    after % n
                } else {
                    (after + n - 1) % n
                }
            }
        };
        self.show_match(k);
    }

    fn show_match(&mut self, k: usize) {
        self.search.current = k;
        let span = self.search.matches[k];
        self.ensure_shown(span);
    }
}

/// Typographic quotes and the straight ones they stand for: typing either finds all.
const QUOTE_CLASSES: &[(char, &str)] = &[
    ('\'', "['‘’]"),
    ('‘', "['‘’]"),
    ('’', "['‘’]"),
    ('"', "[\"“”]"),
    ('“', "[\"“”]"),
    ('”', "[\"“”]"),
];

/// The query as a case-insensitive pattern in which any apostrophe or quote mark finds
/// the straight and the curly ones; `None` for an empty query.
pub fn pattern(query: &str) -> Option<regex::Regex> {
    if query.is_empty() {
        return None;
    }
    let mut escaped = String::new();
    let mut buf = [0u8; 4];
    for c in query.chars() {
        match QUOTE_CLASSES.iter().find(|(q, _)| *q == c) {
            Some((_, class)) => escaped.push_str(class),
            None => escaped.push_str(&regex::escape(c.encode_utf8(&mut buf))),
        }
    }
    regex::RegexBuilder::new(&escaped)
        .case_insensitive(true)
        .build()
        .ok()
}

/// Byte ranges of `query` in `hay`, as the search finds them.
pub fn find_all(hay: &str, query: &str) -> Vec<(usize, usize)> {
    pattern(query).map_or_else(Vec::new, |p| {
        p.find_iter(hay)
            .filter(|m| !m.is_empty())
            .map(|m| (m.start(), m.end()))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::find_all;

    fn found<'a>(hay: &'a str, query: &str) -> Vec<&'a str> {
        find_all(hay, query)
            .into_iter()
            .map(|(s, e)| &hay[s..e])
            .collect()
    }

    #[test]
    fn any_case_finds_it() {
        assert_eq!(
            found("The Harbour board met. THE BOARD voted.", "the board"),
            ["THE BOARD"]
        );
        assert_eq!(found("Ärger und ärger", "ÄRGER"), ["Ärger", "ärger"]);
    }

    #[test]
    fn straight_apostrophes_and_quotes_find_curly_ones() {
        let hay = "The mayor’s aide called it “a mistake” and the mayor's office agreed.";
        assert_eq!(found(hay, "mayor's"), ["mayor’s", "mayor's"]);
        assert_eq!(found(hay, "\"a mistake\""), ["“a mistake”"]);
        assert_eq!(found("It is ‘final’, she said.", "'final'"), ["‘final’"]);
    }

    #[test]
    fn curly_apostrophes_and_quotes_find_straight_ones() {
        let hay = "The mayor's aide called it \"a mistake\" and the mayor’s office agreed.";
        assert_eq!(found(hay, "mayor’s"), ["mayor's", "mayor’s"]);
        assert_eq!(found(hay, "“a mistake”"), ["\"a mistake\""]);
    }

    #[test]
    fn pattern_characters_are_plain_text() {
        assert_eq!(found("Costs rose (again) by 5.5%.", "(again)"), ["(again)"]);
        assert_eq!(found("a.b axb", "a.b"), ["a.b"]);
        assert!(found("anything", "").is_empty());
    }
}
