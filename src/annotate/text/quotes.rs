//! Quoted passages of a paragraph, with quotes that run on into following paragraphs:
//! the one quote finder, read by the sourcing rules (what is quoted) and by the reader
//! (what it styles as a quotation).

use crate::annotate::lexicon::{self, Flag};
use crate::article::Article;
use crate::span::Span;

/// The quoted passages that open in one paragraph.
pub struct Quotes {
    /// The quoted words, inside the marks (a closing comma left out).
    spans: Vec<Span>,
    /// The same passages with their marks (to the paragraph's end, or the end of the
    /// run-on, when no mark closes them).
    marked: Vec<Span>,
}

/// A quotation left open at a paragraph's end runs on when the next paragraph reopens it.
const MAX_RUN_ON: usize = 6;

impl Quotes {
    /// No quotes (the title).
    pub fn none() -> Quotes {
        Quotes {
            spans: Vec::new(),
            marked: Vec::new(),
        }
    }

    pub fn of(text: &str, article: &Article, i: usize) -> Quotes {
        let (mut spans, mut marked) = (Vec::new(), Vec::new());
        let p = article.paragraphs[i].span;
        let mut open: Option<(usize, usize)> = None;
        // Whether a double quote mark stood earlier in the paragraph.
        let mut marks_seen = false;
        let body = p.slice(text);
        for k in quote_mark_candidates(body) {
            let Some(c) = body[k..].chars().next() else {
                continue;
            };
            let at = p.start + k;
            // Some archives write quotes as two apostrophes or backticks: ''…'' or ``…''.
            let doubled =
                (c == '\'' || c == '`') && body[k + 1..].starts_with(c) && !body[..k].ends_with(c);
            let c = if doubled { '"' } else { c };
            let width = if doubled { 2 } else { c.len_utf8() };
            let closing_place = stands_where_quotes_close(body, k, width);
            // "I can't,” she said." with no mark before it: the paragraph's first mark
            // closes a quote whose opening mark was left out, so the quote is all before it.
            let unopened_close = !marks_seen
                && matches!(c, '"' | '”')
                && closing_place
                && !after_reporting_verb(&body[..k]);
            // "“It is odd,“ she said": an opening mark typed for the closing one.
            let mistyped_close = c == '“' && open.is_some() && closing_place;
            marks_seen |= matches!(c, '"' | '“' | '”');
            // `open` is the mark's start and the quoted words' start.
            let mut close = |(mark, words): (usize, usize)| {
                spans.push(Span::new(words, at));
                marked.push(Span::new(mark, at + width));
            };
            match c {
                _ if unopened_close => close((p.start, p.start)),
                '“' if mistyped_close => open.take().into_iter().for_each(&mut close),
                '“' => open = open.or(Some((at, at + width))),
                '”' => open.take().into_iter().for_each(&mut close),
                '"' => match open.take() {
                    Some(o) => close(o),
                    None => open = Some((at, at + width)),
                },
                _ => {}
            }
        }
        if let Some((mark, words)) = open {
            let end = run_on_end(text, article, i);
            spans.push(Span::new(words, end.words));
            marked.push(Span::new(mark, end.marked));
        }
        for q in &mut spans {
            // "“…with him,” Sean Spicer said": the comma belongs to the sentence, not the words.
            let body = q.slice(text);
            q.end -= body.len() - body.trim_end_matches([',', ' ']).len();
        }
        Quotes { spans, marked }
    }

    /// The quoted passages with their quote marks, in text order.
    pub fn marked(&self) -> &[Span] {
        &self.marked
    }

    // The passages are disjoint and in text order, both ends rising (one opens only
    // after the last has closed), so that each look-up below is a binary search: the
    // rules ask once per word, and a paragraph may hold thousands of quotes.

    pub fn inside(&self, at: usize) -> bool {
        let k = self.spans.partition_point(|q| q.start <= at);
        k > 0 && at < self.spans[k - 1].end
    }

    /// The quote ending closest before `at`.
    pub fn nearest_before(&self, at: usize) -> Option<Span> {
        let k = self.spans.partition_point(|q| q.end <= at);
        k.checked_sub(1).map(|k| self.spans[k])
    }

    /// The first quote starting after `at`, within `limit`.
    pub fn nearest_after(&self, at: usize, limit: usize) -> Option<Span> {
        let k = self.spans.partition_point(|q| q.start < at);
        self.spans.get(k).filter(|q| q.start < limit).copied()
    }
}

/// The quoted passages, marks included, that touch the bytes `range` of the article,
/// sorted and with overlaps merged (a run-on quote holds the next paragraph's own):
/// what the reader styles as quotation.
pub fn marked_in(article: &Article, range: std::ops::Range<usize>) -> Vec<Span> {
    let paragraphs = &article.paragraphs;
    let to = paragraphs.partition_point(|p| p.span.start < range.end);
    // A quote opened up to MAX_RUN_ON paragraphs earlier may run on into the range.
    let from = paragraphs
        .partition_point(|p| p.span.end <= range.start)
        .saturating_sub(MAX_RUN_ON);
    let mut spans: Vec<Span> = (from..to.max(from))
        .flat_map(|i| Quotes::of(&article.text, article, i).marked)
        .filter(|q| q.end > range.start && q.start < range.end)
        .collect();
    spans.sort_by_key(|q| q.start);
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for q in spans {
        match merged.last_mut() {
            Some(last) if q.start < last.end => last.end = last.end.max(q.end),
            _ => merged.push(q),
        }
    }
    merged
}

/// The offsets of the bytes that may start a quote mark: `"`, `'`, a backtick, and the
/// lead byte of the curly quotes. Every other character is skipped without decoding.
fn quote_mark_candidates(body: &str) -> impl Iterator<Item = usize> + '_ {
    body.bytes()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'"' | b'\'' | b'`' | 0xe2))
        .map(|(k, _)| k)
}

/// Whether the mark of `width` bytes at `k` stands where a quote closes: after the
/// quote's last punctuation and before a space or the paragraph's end.
fn stands_where_quotes_close(body: &str, k: usize, width: usize) -> bool {
    body[..k].ends_with([',', '.', '?', '!'])
        && body[k + width..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
}

/// "He says,” there are …": a closing mark right after a reporting verb and a comma was
/// typed for an opening one.
fn after_reporting_verb(before: &str) -> bool {
    let before = before.trim_end_matches([',', '.', '?', '!']);
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    lexicon::lower_flags(word).has(Flag::ReportingVerb)
}

/// Where a quote left open ends: before its closing mark, and after it.
struct RunOnEnd {
    words: usize,
    marked: usize,
}

/// Where a quote left open in paragraph `i` closes: in the first following paragraph
/// that closes a quote without opening one, as long as each paragraph between reopens it.
fn run_on_end(text: &str, article: &Article, i: usize) -> RunOnEnd {
    let mut end = article.paragraphs[i].span.end;
    for p in article.paragraphs.iter().skip(i + 1).take(MAX_RUN_ON) {
        let body = p.span.slice(text);
        let Some(open) = body.chars().next().filter(|c| matches!(c, '“' | '"')) else {
            break;
        };
        end = p.span.end;
        let inner = &body[open.len_utf8()..];
        if let Some(close) = inner.find(['”', '"']) {
            if !inner[..close].contains('“') {
                let words = p.span.start + open.len_utf8() + close;
                let mark = inner[close..].chars().next().map_or(0, char::len_utf8);
                return RunOnEnd {
                    words,
                    marked: words + mark,
                };
            }
        }
    }
    RunOnEnd {
        words: end,
        marked: end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{parse_text, Format};

    fn marked(text: &str, paragraph: usize) -> Vec<String> {
        let article = parse_text("q.txt", text.to_string(), Format::Plain);
        let quotes = Quotes::of(&article.text, &article, paragraph);
        let slice = |s: &Span| s.slice(&article.text).to_string();
        quotes.marked().iter().map(slice).collect()
    }

    #[test]
    fn marked_quotes_keep_their_marks_and_the_words_leave_the_comma_out() {
        let text = "Title\n\n“We will win,” she said, and he said \"not yet\" twice.";
        assert_eq!(marked(text, 0), ["“We will win,”", "\"not yet\""]);
        let article = parse_text("q.txt", text.to_string(), Format::Plain);
        let quotes = Quotes::of(&article.text, &article, 0);
        let first = quotes.nearest_after(0, usize::MAX).unwrap();
        assert_eq!(first.slice(&article.text), "We will win");
    }

    #[test]
    fn a_quote_reopened_in_the_next_paragraph_runs_on_to_its_close() {
        let text = "Title\n\n“The plan is sound.\n\n“It will pass,” the mayor said.";
        assert_eq!(marked(text, 0), ["“The plan is sound.\n\n“It will pass,”"]);
    }

    #[test]
    fn the_reader_gets_each_quoted_passage_once_even_where_one_runs_on() {
        let text = "Title\n\n“The plan is sound.\n\n“It will pass,” the mayor said. \"Soon.\"";
        let article = parse_text("q.txt", text.to_string(), Format::Plain);
        let second = article.paragraphs[1].span;
        let spans = marked_in(&article, second.start..second.end);
        let texts: Vec<&str> = spans.iter().map(|s| s.slice(&article.text)).collect();
        assert_eq!(
            texts,
            ["“The plan is sound.\n\n“It will pass,”", "\"Soon.\""]
        );
    }

    /// The binary searches of `inside`, `nearest_before` and `nearest_after` need the
    /// passages disjoint and in order, whatever marks a paragraph mixes.
    #[test]
    fn passages_are_disjoint_and_in_order() {
        let body = "“a” \"b\" “c “d” e” ''f'' \"g “h\" i” ``j'' “k, \"l";
        let article = parse_text("q.txt", format!("Title\n\n{body}"), Format::Plain);
        let quotes = Quotes::of(&article.text, &article, 0);
        assert!(quotes.spans.len() >= 6);
        for pair in quotes.spans.windows(2) {
            assert!(pair[0].start <= pair[0].end && pair[0].end < pair[1].start);
        }
    }

    #[test]
    fn doubled_apostrophes_are_quote_marks() {
        let text = "Title\n\nShe called it ''a fine day'' at noon.";
        assert_eq!(marked(text, 0), ["''a fine day''"]);
    }
}
