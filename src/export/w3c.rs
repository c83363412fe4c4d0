//! W3C Web Annotation JSON-LD: one annotation per person mention and per source,
//! each with a TextQuoteSelector and a TextPositionSelector.

use super::Annotated;
use crate::span::{CharIndex, Span};
use serde_json::{json, Value};

/// Code points of context a TextQuoteSelector gives on each side.
const CONTEXT: usize = 32;

pub fn collection(items: &[Annotated]) -> Value {
    let annotations: Vec<Value> = items.iter().flat_map(annotations).collect();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": "onrecord annotations",
        "total": annotations.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": annotations },
    })
}

fn annotations(a: &Annotated) -> Vec<Value> {
    let text = &a.article.text;
    let chars: Vec<char> = text.chars().collect();
    let idx = CharIndex::new(text);
    let target_source = a
        .article
        .meta
        .url
        .clone()
        .unwrap_or_else(|| a.article.name.clone());
    let base = format!("urn:onrecord:{}", a.article.name);
    let target = |s: Span| {
        let (start, end) = (idx.char_offset(s.start), idx.char_offset(s.end));
        let prefix: String = chars[start.saturating_sub(CONTEXT)..start].iter().collect();
        let suffix: String = chars[end..(end + CONTEXT).min(chars.len())]
            .iter()
            .collect();
        json!({
            "source": target_source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": s.slice(text), "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        })
    };
    let tag = |v: &str| json!({"type": "TextualBody", "purpose": "tagging", "value": v});
    let mut out = Vec::new();
    for p in &a.annotations.people {
        for (k, m) in p.mentions.iter().enumerate() {
            out.push(json!({
                "id": format!("{base}#{}-m{}", p.id, k + 1),
                "type": "Annotation",
                "motivation": "identifying",
                "body": [tag("person"), {"type": "TextualBody", "purpose": "identifying", "value": p.name}],
                "target": target(m.span),
            }));
        }
    }
    for s in &a.annotations.sources {
        let mut body = vec![
            tag("source"),
            tag(s.kind.name()),
            tag(if s.on_record() {
                "on-record"
            } else {
                "off-record"
            }),
        ];
        if s.declined {
            body.push(tag("declined"));
        }
        body.push(json!({"type": "TextualBody", "purpose": "describing", "value": format!("cue: {}", s.cue.slice(text))}));
        if let Some(r) = s.reason {
            body.push(json!({"type": "TextualBody", "purpose": "describing", "value": format!("reason for anonymity: {}", r.slice(text))}));
        } else if s.lacks_reason() {
            body.push(tag("no-reason-given"));
        }
        if let Some(i) = s.person {
            body.push(json!({"type": "TextualBody", "purpose": "identifying", "value": a.annotations.people[i].name}));
        }
        out.push(json!({
            "id": format!("{base}#{}", s.id),
            "type": "Annotation",
            "motivation": "classifying",
            "body": body,
            "target": target(s.span),
        }));
    }
    out
}
