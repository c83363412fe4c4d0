//! One sentence as the sourcing rules read it: its span and quotes, and what several
//! rules ask of it, worked out at most once (whether it is in headline capitals, where
//! its clauses begin), so that no rule rescans the sentence for each word or cue.

use super::matches::TextMatches;
use crate::annotate::lexicon;
use crate::annotate::text::chars::DASH_CHARS;
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
    dateline: OnceCell<usize>,
    words_end: OnceCell<usize>,
    end_before_periods: OnceCell<usize>,
    commas: OnceCell<Vec<usize>>,
}

/// Where clauses may begin in a sentence: punctuation breaks and clause-opening words.
struct ClauseMarks {
    /// (position, where the clause starts after it, whether it is a doubled apostrophe).
    breaks: Vec<(usize, usize, bool)>,
    /// The clause-opening words, as byte ranges.
    openers: Vec<Span>,
    /// For each opener, the last opener up to it that opens a clause whatever follows,
    /// that is, one that is no "and" between names ([`joins_names`]). With it the start
    /// of a clause is one look-up, where "Ann and Bo and Cy and …" had each cue walk
    /// back over every "and".
    last_opening: Vec<Option<usize>>,
}

impl<'q> Sentence<'q> {
    pub fn new(span: Span, quotes: &'q Quotes, citations: &'q TextMatches<'q>) -> Self {
        Sentence {
            span,
            quotes,
            citations,
            title_case: OnceCell::new(),
            clauses: OnceCell::new(),
            dateline: OnceCell::new(),
            words_end: OnceCell::new(),
            end_before_periods: OnceCell::new(),
            commas: OnceCell::new(),
        }
    }

    /// The first comma in `span` (inside the sentence), found among the sentence's commas
    /// rather than by reading the span, which may run to the sentence's end for every cue.
    pub fn first_comma(&self, text: &str, span: Span) -> Option<usize> {
        let commas = self.commas.get_or_init(|| {
            let at = |(i, _)| self.span.start + i;
            self.span.slice(text).match_indices(',').map(at).collect()
        });
        let k = commas.partition_point(|&c| c < span.start);
        commas.get(k).copied().filter(|&c| c < span.end)
    }

    /// The length of a capitalised dateline opening the sentence ("WASHINGTON — ").
    pub fn dateline_len(&self, text: &str) -> usize {
        *self
            .dateline
            .get_or_init(|| dateline_len(self.span.slice(text)))
    }

    /// Where the sentence's words end: before its closing run of periods, question and
    /// exclamation marks, closing quotes and spaces.
    pub fn words_end(&self, text: &str) -> usize {
        *self.words_end.get_or_init(|| {
            let s = self.span.slice(text);
            let words = s.trim_end_matches(['.', '!', '?', '”', '"', ' ']);
            self.span.start + words.len()
        })
    }

    /// Where the sentence ends before its closing run of periods and spaces.
    pub fn end_before_periods(&self, text: &str) -> usize {
        *self.end_before_periods.get_or_init(|| {
            let s = self.span.slice(text);
            self.span.start + s.trim_end_matches(['.', ' ']).len()
        })
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
            // A break's mark may end right at `end` ("… -" before the cue).
            start = after.min(end);
        }
        let before = marks.openers.partition_point(|m| m.end <= end);
        // The last opener is read with `end`, which may cut off the name after its "and";
        // every earlier one has words after it before `end`.
        let last = before.checked_sub(1);
        let opening = last.and_then(|k| {
            let m = marks.openers[k];
            match joins_names(text, m.start, m.end, end) {
                false => Some(k),
                true => k.checked_sub(1).and_then(|j| marks.last_opening[j]),
            }
        });
        match opening.map(|k| marks.openers[k]) {
            Some(m) if m.start >= start => m.end,
            _ => start,
        }
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
            // Two hyphens stand for a dash in plain-text archives ("a ruling -- the judge said").
            // So does a hyphen with a space each side ("WASHINGTON (Reuters) - The …").
            let dash = c == '-'
                && (region[i + 1..].starts_with('-')
                    || (region[..i].ends_with(' ') && region[i + 1..].starts_with(' ')));
            let is_break = doubled
                || dash
                || DASH_CHARS.contains(&c)
                || matches!(c, ',' | ';' | ':' | '”' | '“' | '"' | '?' | '!');
            if is_break && !(quotes.inside(at) && c == ',') {
                let after = at + if doubled || dash { 2 } else { c.len_utf8() };
                breaks.push((at, after, doubled));
            }
        }
        let openers: Vec<Span> = lexicon::clause_openers()
            .find_iter(region)
            .map(|m| Span::new(sentence.start + m.start(), sentence.start + m.end()))
            .collect();
        let mut last_opening = Vec::with_capacity(openers.len());
        for (k, m) in openers.iter().enumerate() {
            let opens = !joins_names(text, m.start, m.end, sentence.end);
            let previous = k.checked_sub(1).and_then(|j| last_opening[j]);
            last_opening.push(if opens { Some(k) } else { previous });
        }
        ClauseMarks {
            breaks,
            openers,
            last_opening,
        }
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

/// "WASHINGTON — ": the length of a capitalised dateline opening a sentence.
fn dateline_len(s: &str) -> usize {
    let Some(dash) = s.find(" — ").or_else(|| s.find(" -- ")) else {
        return 0;
    };
    let place = &s[..dash];
    let is_dateline = !place.is_empty()
        && place
            .chars()
            .all(|c| c.is_uppercase() || " .,'’-".contains(c));
    if is_dateline {
        dash + s[dash..].find(|c: char| c.is_alphanumeric()).unwrap_or(0)
    } else {
        0
    }
}
