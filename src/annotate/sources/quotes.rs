//! Quoted passages of a paragraph, with quotes that run on into following paragraphs.

use crate::article::Article;
use crate::span::Span;

/// The quoted spans (inside the marks) that touch one paragraph.
pub struct Quotes {
    spans: Vec<Span>,
}

/// A quotation left open at a paragraph's end runs on when the next paragraph reopens it.
const MAX_RUN_ON: usize = 6;

impl Quotes {
    /// No quotes (the title).
    pub fn none() -> Quotes {
        Quotes { spans: Vec::new() }
    }

    pub fn of(text: &str, article: &Article, i: usize) -> Quotes {
        let mut spans = Vec::new();
        let p = article.paragraphs[i].span;
        let mut open: Option<usize> = None;
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
            match c {
                '“' => open = open.or(Some(at + width)),
                '”' => {
                    if let Some(o) = open.take() {
                        spans.push(Span::new(o, at));
                    }
                }
                '"' => match open.take() {
                    Some(o) => spans.push(Span::new(o, at)),
                    None => open = Some(at + width),
                },
                _ => {}
            }
        }
        if let Some(o) = open {
            spans.push(Span::new(o, run_on_end(text, article, i)));
        }
        for q in &mut spans {
            // "“…with him,” Sean Spicer said": the comma belongs to the sentence, not the words.
            let body = q.slice(text);
            q.end -= body.len() - body.trim_end_matches([',', ' ']).len();
        }
        Quotes { spans }
    }

    pub fn inside(&self, at: usize) -> bool {
        self.spans.iter().any(|q| q.start <= at && at < q.end)
    }

    /// The quote ending closest before `at`.
    pub fn nearest_before(&self, at: usize) -> Option<Span> {
        self.spans
            .iter()
            .filter(|q| q.end <= at)
            .max_by_key(|q| q.end)
            .copied()
    }

    /// The first quote starting after `at`, within `limit`.
    pub fn nearest_after(&self, at: usize, limit: usize) -> Option<Span> {
        self.spans
            .iter()
            .filter(|q| q.start >= at && q.start < limit)
            .min_by_key(|q| q.start)
            .copied()
    }
}

/// The offsets of the bytes that may start a quote mark: `"`, `'`, a backtick, and the
/// lead byte of the curly quotes. Every other character is skipped without decoding.
fn quote_mark_candidates(body: &str) -> impl Iterator<Item = usize> + '_ {
    body.bytes()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'"' | b'\'' | b'`' | 0xe2))
        .map(|(k, _)| k)
}

/// Where a quote left open in paragraph `i` closes: in the first following paragraph
/// that closes a quote without opening one, as long as each paragraph between reopens it.
fn run_on_end(text: &str, article: &Article, i: usize) -> usize {
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
                return p.span.start + open.len_utf8() + close;
            }
        }
    }
    end
}
