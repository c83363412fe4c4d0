//! The JSON contract: article, paragraphs, people, sources and summary,
//! with code-point offsets into the file text and the text each span covers.

use super::Annotated;
use crate::annotate::{Person, Source};
use crate::span::{CharIndex, Span};
use serde_json::{json, Value};

/// The whole annotated article as a JSON value.
pub fn to_value(a: &Annotated) -> Value {
    let idx = CharIndex::new(&a.article.text);
    let text = &a.article.text;
    let span = |s: Span| json!({"start": idx.char_offset(s.start), "end": idx.char_offset(s.end), "text": s.slice(text)});
    let meta = &a.article.meta;
    json!({
        "article": {
            "file": a.article.name,
            "format": a.article.format.name(),
            "title": meta.title,
            "outlet": meta.outlet,
            "url": meta.url,
            "date": meta.date,
            "authors": meta.authors,
            "keywords": meta.keywords,
            "people_keywords": meta.people,
            "extra": meta.extra,
            "chars": idx.char_offset(text.len()),
        },
        "paragraphs": paragraphs(a, &span),
        "people": a.annotations.people.iter().map(|p| person(p, &span)).collect::<Vec<_>>(),
        "sources": a.annotations.sources.iter().map(|s| source(s, &a.annotations.people, &span)).collect::<Vec<_>>(),
        "summary": a.annotations.summary,
    })
}

/// The paragraphs; for HTML each also gives `source`, its place in the page source file.
fn paragraphs(a: &Annotated, span: &dyn Fn(Span) -> Value) -> Vec<Value> {
    let file = a
        .article
        .file_text
        .as_deref()
        .map(|f| (f, CharIndex::new(f)));
    a.article
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut v = span(p.span);
            v["index"] = json!(i);
            v["block_quote"] = json!(p.block_quote);
            if let (Some(s), Some((_, fidx))) = (p.source, &file) {
                v["source"] =
                    json!({"start": fidx.char_offset(s.start), "end": fidx.char_offset(s.end)});
            }
            v
        })
        .collect()
}

fn person(p: &Person, span: &dyn Fn(Span) -> Value) -> Value {
    json!({
        "id": p.id,
        "name": p.name,
        "aliases": p.aliases,
        "roles": p.roles,
        "mention_count": p.mentions.len(),
        "first_paragraph": p.first_paragraph(),
        "mentions": p.mentions.iter().map(|m| {
            let mut v = span(m.span);
            v["paragraph"] = json!(m.paragraph);
            v
        }).collect::<Vec<_>>(),
    })
}

fn source(s: &Source, people: &[Person], span: &dyn Fn(Span) -> Value) -> Value {
    let mut v = span(s.span);
    let extra = json!({
        "id": s.id,
        "kind": s.kind,
        "on_record": s.on_record(),
        "declined": s.declined,
        "reason": s.reason.map(span),
        "no_reason_given": s.lacks_reason(),
        "person": s.person.map(|i| people[i].id.clone()),
        "cue": span(s.cue),
        "content": s.content.map(span),
        "paragraph": s.paragraph,
    });
    if let (Value::Object(v), Value::Object(extra)) = (&mut v, extra) {
        v.extend(extra);
    }
    v
}
