//! spaCy / Prodigy JSONL: `{"text", "spans": [{start, end, label}]}`, code-point offsets.

use super::Annotated;
use crate::span::CharIndex;
use serde_json::json;

pub fn render(items: &[Annotated]) -> String {
    items.iter().map(|a| line(a) + "\n").collect()
}

fn line(a: &Annotated) -> String {
    let text = &a.article.text;
    let idx = CharIndex::new(text);
    let mut spans = Vec::new();
    for p in &a.annotations.people {
        for m in &p.mentions {
            spans.push((m.span, "PERSON".to_string()));
        }
    }
    for s in &a.annotations.sources {
        spans.push((s.span, format!("SOURCE_{}", s.kind.name().to_uppercase())));
    }
    spans.sort_by_key(|(s, l)| (s.start, s.end, l.clone()));
    let spans: Vec<_> = spans
        .iter()
        .map(|(s, label)| json!({"start": idx.char_offset(s.start), "end": idx.char_offset(s.end), "label": label, "text": s.slice(text)}))
        .collect();
    json!({"text": text, "spans": spans, "meta": {"file": a.article.name}}).to_string()
}
