//! Plain text: a short first line and a blank line make the title; blank lines separate paragraphs.

use super::{blank_line_paragraphs, normalise_date, Meta, Paragraph};
use crate::span::Span;

/// A title is one line of at most this many characters.
const MAX_TITLE_CHARS: usize = 200;

pub fn parse(text: &str) -> (Meta, Vec<Paragraph>) {
    let mut meta = Meta::default();
    let mut body_from = 0;
    if let Some(title) = title_line(text) {
        meta.title = Some(title.slice(text).to_string());
        meta.title_span = Some(title);
        body_from = title.end;
    }
    let mut spans = blank_line_paragraphs(text, body_from);
    take_byline_and_date(text, &mut spans, &mut meta);
    (meta, spans.into_iter().map(Paragraph::new).collect())
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
