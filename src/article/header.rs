//! A `Key: value` header block at the top of a plain-text article, as news archives and
//! benchmark dumps write it: `Headline:`, `Subtitle:`, `Date:`, `Publisher:`, `Author:`, ….

use super::{normalise_date, plain::byline, Meta};
use crate::span::Span;

/// Where a header field goes in [`Meta`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    Title,
    Subtitle,
    Date,
    Outlet,
    Authors,
    Url,
    /// A known key with no place of its own: kept in `Meta::extra` under its key.
    Extra,
}

/// The keys a header block may use (lower case), and where each goes.
const KEYS: &[(&str, Field)] = &[
    ("headline", Field::Title),
    ("title", Field::Title),
    ("subtitle", Field::Subtitle),
    ("subheadline", Field::Subtitle),
    ("subhead", Field::Subtitle),
    ("dek", Field::Subtitle),
    ("deck", Field::Subtitle),
    ("standfirst", Field::Subtitle),
    ("date", Field::Date),
    ("published", Field::Date),
    ("publication date", Field::Date),
    ("publisher", Field::Outlet),
    ("publication", Field::Outlet),
    ("outlet", Field::Outlet),
    ("newspaper", Field::Outlet),
    ("author", Field::Authors),
    ("authors", Field::Authors),
    ("byline", Field::Authors),
    ("url", Field::Url),
    ("link", Field::Url),
    ("section", Field::Extra),
    ("category", Field::Extra),
    ("updated", Field::Extra),
    ("language", Field::Extra),
    ("id", Field::Extra),
];

/// One header line: its key's field, the key as written and the value's span.
struct HeaderLine {
    field: Field,
    key: String,
    value: Span,
}

/// Reads a header block at the start of `text` into `meta`; returns where the body starts.
///
/// A block is one or more `Key: value` lines with known keys, ended by a blank line or by the
/// first line that is not one. A single line counts only when a blank line follows it, so a body
/// that happens to open with "Date: …" is not taken for a header.
///
/// Rule lines ("=====", "-----") framing the block are part of it.
pub fn read(text: &str, meta: &mut Meta) -> Option<usize> {
    let start = after_rule_line(text, 0);
    let (lines, end) = header_lines(text, start);
    let framed_end = after_rule_line(text, end);
    let framed = start > 0 && framed_end > end;
    let blank_follows = text[framed_end..]
        .split_inclusive('\n')
        .next()
        .is_none_or(|l| l.trim().is_empty());
    if lines.is_empty() || (lines.len() == 1 && !blank_follows && !framed) {
        return None;
    }
    for line in lines {
        apply(text, line, meta);
    }
    Some(framed_end)
}

/// Past a rule line (three or more of `=`, `-`, `*`, `_`, `~`, `#` alone on a line) at
/// `from`, or `from` itself when there is none.
fn after_rule_line(text: &str, from: usize) -> usize {
    let Some(line) = text[from..].split_inclusive('\n').next() else {
        return from;
    };
    let t = line.trim();
    let rule = t.len() >= 3 && t.chars().all(|c| "=-*_~#".contains(c));
    if rule {
        from + line.len()
    } else {
        from
    }
}

/// The header lines from `start`, and the byte where they end.
fn header_lines(text: &str, start: usize) -> (Vec<HeaderLine>, usize) {
    let mut out = Vec::new();
    let mut pos = start;
    for raw in text[start..].split_inclusive('\n') {
        match header_line(text, Span::new(pos, pos + raw.len())) {
            Some(line) => out.push(line),
            None => break,
        }
        pos += raw.len();
    }
    (out, pos)
}

fn header_line(text: &str, line: Span) -> Option<HeaderLine> {
    let s = line.slice(text);
    let colon = s.find(':')?;
    let key = s[..colon].trim();
    let field = KEYS
        .iter()
        .find(|(k, _)| key.eq_ignore_ascii_case(k))
        .map(|&(_, f)| f)?;
    if key.starts_with(char::is_whitespace) || !s[colon + 1..].starts_with([' ', '\t']) {
        return None;
    }
    let value = Span::new(line.start + colon + 1, line.end).trim(text);
    Some(HeaderLine {
        field,
        key: key.to_ascii_lowercase(),
        value,
    })
}

fn apply(text: &str, line: HeaderLine, meta: &mut Meta) {
    let value = line.value.slice(text);
    if value.is_empty() {
        return;
    }
    match line.field {
        Field::Title => {
            meta.title = Some(value.to_string());
            meta.title_span = Some(line.value);
        }
        Field::Subtitle => meta.subtitle = Some(value.to_string()),
        Field::Date => meta.date = Some(normalise_date(value).unwrap_or_else(|| value.to_string())),
        Field::Outlet => meta.outlet = Some(value.to_string()),
        Field::Authors => meta.authors = authors(value),
        Field::Url => meta.url = Some(value.to_string()),
        Field::Extra => {
            meta.extra.insert(line.key, value.to_string());
        }
    }
}

/// "Jane Doe and John Roe" or "By Jane Doe, John Roe" -> the names.
pub(crate) fn authors(value: &str) -> Vec<String> {
    let with_by = if value.starts_with("By ") || value.starts_with("BY ") {
        value.to_string()
    } else {
        format!("By {value}")
    };
    byline(&with_by).unwrap_or_else(|| vec![value.to_string()])
}
