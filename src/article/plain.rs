//! Plain text: a `Key: value` header block, or a short first line and a blank line, make the
//! title; blank lines separate paragraphs, and so do single line breaks in text that is not
//! hard-wrapped.

use super::{blank_line_paragraphs, header, normalise_date, push_trimmed, Meta, Paragraph};
use crate::span::Span;

/// A title is one line of at most this many characters.
const MAX_TITLE_CHARS: usize = 200;

pub fn parse(text: &str) -> (Meta, Vec<Paragraph>) {
    let mut meta = Meta::default();
    let mut body_from = 0;
    if let Some(end) = header::read(text, &mut meta) {
        body_from = end;
    } else if let Some(title) = title_line(text) {
        meta.title = Some(title.slice(text).to_string());
        meta.title_span = Some(title);
        body_from = title.end;
    }
    let mut spans: Vec<Span> = blank_line_paragraphs(text, body_from)
        .into_iter()
        .flat_map(|block| line_paragraphs(text, block))
        .collect();
    take_byline_and_date(text, &mut spans, &mut meta);
    (meta, spans.into_iter().map(Paragraph::new).collect())
}

/// The paragraphs of a body with no title or header (a corpus record's text): blank or
/// single line breaks as in a plain file, and a body on one line split where a
/// sentence end runs into the next sentence, as in a dump.
pub(crate) fn body_paragraphs(text: &str) -> Vec<Paragraph> {
    let spans: Vec<Span> = if text.trim().contains('\n') {
        blank_line_paragraphs(text, 0)
            .into_iter()
            .flat_map(|block| line_paragraphs(text, block))
            .collect()
    } else {
        let mut line = Vec::new();
        push_trimmed(&mut line, text, Span::new(0, text.len()));
        line.into_iter()
            .flat_map(|l| super::dump::recover_paragraphs(text, l))
            .collect()
    };
    spans.into_iter().map(Paragraph::new).collect()
}

/// The first line, when it is short and a blank line follows it.
fn title_line(text: &str) -> Option<Span> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    let next = lines.next()?;
    let span = Span::new(0, first.len()).trim(text);
    let short = span.slice(text).chars().count() <= MAX_TITLE_CHARS;
    (short && !span.is_empty() && next.trim().is_empty()).then_some(span)
}

/// Lines longer than this are not hard-wrapped: wrapping tools break at 72–80 columns.
const MAX_WRAPPED_LINE_CHARS: usize = 100;

/// A block's lines as paragraphs of their own, unless the block is hard-wrapped text.
///
/// Archives and benchmark dumps often separate paragraphs by a single line break; a text
/// wrapped by an editor breaks mid-sentence at a short, even width instead. In wrapped text
/// a paragraph ends where a line ends a sentence well short of the width, as reflowing
/// tools read it.
fn line_paragraphs(text: &str, block: Span) -> Vec<Span> {
    let body = block.slice(text);
    if !body.contains('\n') {
        return vec![block];
    }
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let width = lines
        .iter()
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let wrapped = is_hard_wrapped(&lines, width);
    let mut out = Vec::new();
    let (mut start, mut pos) = (block.start, block.start);
    for line in lines {
        pos += line.len();
        if !wrapped || ends_a_wrapped_paragraph(line, width) {
            push_trimmed(&mut out, text, Span::new(start, pos));
            start = pos;
        }
    }
    push_trimmed(&mut out, text, Span::new(start, pos));
    out
}

fn ends_a_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '\'', '’', ':', ')'])
}

/// A line that ends a sentence a quarter or more short of the wrapping width.
fn ends_a_wrapped_paragraph(line: &str, width: usize) -> bool {
    ends_a_sentence(line) && line.trim_end().chars().count() * 4 < width * 3
}

/// Short lines, one of which at least ends mid-sentence.
fn is_hard_wrapped(lines: &[&str], width: usize) -> bool {
    let breaks = lines.len() - 1;
    let mid_sentence = lines[..breaks]
        .iter()
        .filter(|l| !ends_a_sentence(l))
        .count();
    width <= MAX_WRAPPED_LINE_CHARS && mid_sentence > 0
}

/// Leading one-line paragraphs that are a date or a "By …" line are metadata, not body.
fn take_byline_and_date(text: &str, spans: &mut Vec<Span>, meta: &mut Meta) {
    while spans.len() > 1 {
        let line = spans[0].slice(text);
        if line.contains('\n') {
            break;
        }
        if let Some(date) = normalise_date(line) {
            meta.date = Some(date);
        } else if let Some(names) = byline(line) {
            meta.authors = names;
        } else {
            break;
        }
        spans.remove(0);
    }
}

/// "By Jane Doe and John Roe" -> the names.
pub(crate) fn byline(line: &str) -> Option<Vec<String>> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    if rest.len() > 120 || rest.ends_with('.') {
        return None;
    }
    let names = rest
        .split([',', '&'])
        .flat_map(|s| s.split(" and "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect::<Vec<_>>();
    (!names.is_empty()).then_some(names)
}
