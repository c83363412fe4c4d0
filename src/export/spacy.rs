//! spaCy / Prodigy JSONL: `{"text", "spans": [{start, end, label}]}`, code-point offsets.
//! Fields stand in alphabetical order, as the `serde_json::Value` maps first used gave them.

use super::Annotated;
use crate::span::{CharIndex, Span};
use serde::Serialize;

#[derive(Serialize)]
struct Line<'a> {
    meta: Meta<'a>,
    spans: Vec<Labelled<'a>>,
    text: &'a str,
}

#[derive(Serialize)]
struct Meta<'a> {
    file: &'a str,
}

#[derive(Serialize)]
struct Labelled<'a> {
    end: usize,
    label: String,
    start: usize,
    text: &'a str,
}

/// One article as one line, with its line break.
pub fn line(a: &Annotated) -> serde_json::Result<Vec<u8>> {
    let text = &a.article.text;
    let idx = CharIndex::new(text);
    let spans = labelled_spans(a)
        .into_iter()
        .map(|(s, label)| Labelled {
            end: idx.char_offset(s.end),
            label,
            start: idx.char_offset(s.start),
            text: s.slice(text),
        })
        .collect();
    let line = Line {
        meta: Meta {
            file: &a.article.name,
        },
        spans,
        text,
    };
    let mut out = serde_json::to_vec(&line)?;
    out.push(b'\n');
    Ok(out)
}

/// Every person mention and source with its label, in text order.
fn labelled_spans(a: &Annotated) -> Vec<(Span, String)> {
    let mut spans = Vec::new();
    for p in &a.annotations.people {
        for m in &p.mentions {
            spans.push((m.span, "PERSON".to_string()));
        }
    }
    for s in &a.annotations.sources {
        spans.push((s.span, format!("SOURCE_{}", s.kind.name().to_uppercase())));
    }
    spans.sort_by(|(a, la), (b, lb)| (a.start, a.end, la).cmp(&(b.start, b.end, lb)));
    spans
}
