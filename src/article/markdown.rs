//! Markdown with a `+++` TOML front matter block.

use super::{blank_line_paragraphs, normalise_date, Meta, Paragraph};
use crate::span::Span;

pub fn parse(text: &str) -> (Meta, Vec<Paragraph>) {
    let mut meta = Meta::default();
    let body_from = match front_matter(text) {
        Some((toml_src, end)) => {
            read_front_matter(toml_src, &mut meta);
            end
        }
        None => 0,
    };
    let mut paragraphs = Vec::new();
    for span in blank_line_paragraphs(text, body_from) {
        let block = span.slice(text);
        if let Some(heading) = block.strip_prefix('#') {
            if meta.title.is_none() && !block.contains('\n') {
                let title = heading.trim_start_matches('#').trim();
                let start = span.end - block.len()
                    + (block.len() - block.trim_start_matches('#').trim_start().len());
                meta.title = Some(title.to_string());
                meta.title_span = Some(Span::new(start, start + title.len()));
            }
            continue;
        }
        if is_rule(block) {
            continue;
        }
        paragraphs.extend(paragraph(text, span));
    }
    (meta, paragraphs)
}

/// The key of `Meta::extra` that says why the front matter could not be read.
pub const FRONT_MATTER_ERROR: &str = "front_matter_error";

/// The TOML between the opening and closing `+++` lines, and where the body starts.
fn front_matter(text: &str) -> Option<(&str, usize)> {
    let first = text.lines().next()?;
    if first.trim() != "+++" {
        return None;
    }
    let open_end = text.find('\n')? + 1;
    let mut pos = open_end;
    for line in text[open_end..].split_inclusive('\n') {
        if line.trim() == "+++" {
            return Some((&text[open_end..pos], pos + line.len()));
        }
        pos += line.len();
    }
    None
}

fn read_front_matter(src: &str, meta: &mut Meta) {
    let table = match src.parse::<toml::Table>() {
        Ok(table) => table,
        Err(e) => {
            let why: Vec<&str> = e.message().split_whitespace().collect();
            meta.extra.insert(
                FRONT_MATTER_ERROR.into(),
                format!("the +++ block is not valid TOML: {}", why.join(" ")),
            );
            return;
        }
    };
    for (key, value) in table {
        let as_text = || {
            value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string)
        };
        match key.as_str() {
            "title" => meta.title = Some(as_text()),
            "outlet" | "publisher" | "site" => meta.outlet = Some(as_text()),
            "url" | "link" => meta.url = Some(as_text()),
            "date" | "published" => {
                let raw = as_text();
                meta.date = Some(normalise_date(&raw).unwrap_or(raw));
            }
            "authors" | "author" => meta.authors = strings(&value),
            "keywords" | "tags" => meta.keywords = strings(&value),
            _ => {
                meta.extra.insert(key, as_text());
            }
        }
    }
}

fn strings(value: &toml::Value) -> Vec<String> {
    match value {
        toml::Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .collect(),
        toml::Value::String(s) => s
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        other => vec![other.to_string()],
    }
}

fn is_rule(block: &str) -> bool {
    let t = block.trim();
    t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_'))
}

/// A paragraph; a `>` block quote starts after its marker.
fn paragraph(text: &str, span: Span) -> Option<Paragraph> {
    let block = span.slice(text);
    match block.strip_prefix('>') {
        Some(rest) => {
            let skip = block.len() - rest.trim_start().len();
            let span = Span::new(span.start + skip, span.end);
            (!span.is_empty()).then_some(Paragraph {
                span,
                block_quote: true,
                source: None,
            })
        }
        None => Some(Paragraph::new(span)),
    }
}
