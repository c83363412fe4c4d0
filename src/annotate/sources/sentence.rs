//! One sentence as the sourcing rules read it: its span and quotes, and what several
//! rules ask of it, worked out at most once (whether it is in headline capitals, where
//! its clauses begin), so that no rule rescans the sentence for each word or cue.

use super::matches::TextMatches;
use crate::annotate::lexicon;
use crate::annotate::text::quotes::Quotes;
use crate::span::Span;
use std::cell::OnceCell;

pub struct Sentence<'q> {
    pub span: Span,
    pub quotes: &'q Quotes,
    /// The article's "according to" cues, which end what a source said.
    pub citations: &'q TextMatches<'q>,
    title_case: OnceCell<bool>,
    clauses: OnceCell<ClauseMarks>,
}

/// Where clauses may begin in a sentence: punctuation breaks and clause-opening words.
struct ClauseMarks {
    /// (position, where the clause starts after it, whether it is a doubled apostrophe).
    breaks: Vec<(usize, usize, bool)>,
    /// The clause-opening words, as byte ranges.
    openers: Vec<Span>,
}

impl<'q> Sentence<'q> {
    pub fn new(span: Span, quotes: &'q Quotes, citations: &'q TextMatches<'q>) -> Self {
        Sentence {
            span,
            quotes,
            citations,
            title_case: OnceCell::new(),
            clauses: OnceCell::new(),
        }
    }

    /// Headline style: most longer words capitalised.
    pub fn is_title_case(&self, text: &str) -> bool {
        *self.title_case.get_or_init(|| {
            let (mut long, mut caps) = (0, 0);
            for w in self.span.slice(text).split_whitespace() {
                if w.chars().filter(|c| c.is_alphabetic()).count() > 3 {
                    long += 1;
                    caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
                }
            }
            long >= 3 && caps * 10 >= long * 7
        })
    }

    /// Where the clause holding the words just before `end` starts: after the last
    /// punctuation break or clause-opening word before `end`.
    pub fn clause_start(&self, text: &str, end: usize) -> usize {
        let marks = self
            .clauses
            .get_or_init(|| ClauseMarks::of(text, self.span, self.quotes));
        let mut start = self.span.start;
        let before = marks.breaks.partition_point(|b| b.0 < end);
        // A doubled apostrophe counts only when both marks stand before `end`.
        if let Some(&(_, after, _)) = marks.breaks[..before]
            .iter()
            .rev()
            .find(|(at, _, doubled)| !doubled || at + 1 < end)
        {
            start = after;
        }
        let openers = &marks.openers[..marks.openers.partition_point(|m| m.end <= end)];
        if let Some(m) = openers
            .iter()
            .rev()
            .take_while(|m| m.start >= start)
            .find(|m| !joins_names(text, m.start, m.end, end))
        {
            start = m.end;
        }
        start
    }
}

impl ClauseMarks {
    fn of(text: &str, sentence: Span, quotes: &Quotes) -> Self {
        let region = sentence.slice(text);
        let mut breaks = Vec::new();
        for (i, c) in region.char_indices() {
            let at = sentence.start + i;
            // Doubled apostrophes are quote marks in some archives (''…,'' he said).
            let doubled = c == '\'' && region[i + 1..].starts_with('\'');
            let is_break =
                doubled || matches!(c, ',' | ';' | ':' | '—' | '–' | '”' | '“' | '"' | '?' | '!');
            if is_break && !(quotes.inside(at) && c == ',') {
                let after = at + if doubled { 2 } else { c.len_utf8() };
                breaks.push((at, after, doubled));
            }
        }
        let openers = lexicon::clause_openers()
            .find_iter(region)
            .map(|m| Span::new(sentence.start + m.start(), sentence.start + m.end()))
            .collect();
        ClauseMarks { breaks, openers }
    }
}

/// "Jon Karl and ABC", "Smith and Jones": an "and" between capitalised words joins one phrase.
fn joins_names(text: &str, at: usize, word_end: usize, end: usize) -> bool {
    let word = &text[at..word_end];
    if !word.eq_ignore_ascii_case("and") {
        return false;
    }
    let before = text[..at].trim_end().rsplit(' ').next().unwrap_or("");
    let after = text[word_end..end].trim_start();
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    cap(before) && cap(after)
}
