//! W3C Web Annotation JSON-LD: one annotation per person mention and per source,
//! each with a TextQuoteSelector and a TextPositionSelector.
//!
//! The output is one collection document; its items are written as each article's
//! annotations come, between the head and tail that [`frame`] gives. Fields stand in
//! alphabetical order, the order of the `serde_json::Value` maps this was first made with.

use super::Annotated;
use crate::span::{CharIndex, Span};
use serde::Serialize;
use std::borrow::Cow;

/// Code points of context a TextQuoteSelector gives on each side.
const CONTEXT: usize = 32;

/// Stands for the items in the collection rendered by [`frame`].
const ITEMS_MARK: &str = "\u{1}items";

/// How deep the items array stands in the collection document.
pub const ITEMS_DEPTH: usize = 2;

/// The collection's IRI, and its one page's: a URN, as an export has no address of its
/// own until someone publishes it.
const COLLECTION_ID: &str = "urn:onrecord:annotations";
const PAGE_ID: &str = "urn:onrecord:annotations#page-1";

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    first: Page,
    id: &'static str,
    label: &'a str,
    total: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Page {
    id: &'static str,
    items: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// The collection's label; a filtered export says which kinds of source it kept.
pub fn label(only: Option<&[crate::annotate::SourceKind]>) -> String {
    match only {
        None => "onrecord annotations".to_string(),
        Some(kinds) => {
            let kinds: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
            format!(
                "onrecord annotations, sources filtered to: {}",
                kinds.join(", ")
            )
        }
    }
}

/// The collection document before and after its items array, for `total` items.
pub fn frame(total: usize, label: &str, pretty: bool) -> (String, String) {
    let collection = Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        first: Page {
            id: PAGE_ID,
            items: ITEMS_MARK,
            start_index: 0,
            kind: "AnnotationPage",
        },
        id: COLLECTION_ID,
        label,
        total,
        kind: "AnnotationCollection",
    };
    let text = if pretty {
        serde_json::to_string_pretty(&collection)
    } else {
        serde_json::to_string(&collection)
    }
    .expect("the collection has only string keys");
    let mark = serde_json::to_string(ITEMS_MARK).expect("a string");
    let (head, tail) = text.split_once(&mark).expect("the mark is in the text");
    (head.to_string(), format!("{tail}\n"))
}

#[derive(Serialize)]
struct Annotation<'a> {
    body: Vec<Body<'a>>,
    id: String,
    motivation: &'static str,
    target: Target<'a>,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Body<'a> {
    purpose: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: Cow<'a, str>,
}

impl<'a> Body<'a> {
    fn new(purpose: &'static str, value: impl Into<Cow<'a, str>>) -> Self {
        Body {
            purpose,
            kind: "TextualBody",
            value: value.into(),
        }
    }

    fn tag(value: &'a str) -> Self {
        Body::new("tagging", value)
    }
}

/// What an annotation points at: a span of the document `source` names, and for an
/// article with an address of its own (its URL), that address as its `scope`.
#[derive(Serialize)]
struct Target<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a str>,
    selector: Vec<Selector<'a>>,
    source: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Selector<'a> {
    Quote(QuoteSelector<'a>),
    Position(PositionSelector),
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct PositionSelector {
    end: usize,
    start: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// Each annotation of one article as a JSON document of its own.
pub fn items(a: &Annotated, pretty: bool) -> serde_json::Result<Vec<Vec<u8>>> {
    let mut items = Vec::new();
    for_each_item(a, pretty, |item| {
        items.push(item);
        Ok::<_, serde_json::Error>(())
    })?;
    Ok(items)
}

/// Hands each annotation of one article, as a JSON document of its own, to `write` as it
/// is made: an article's annotations need never be in memory all at once.
pub fn for_each_item<E: From<serde_json::Error>>(
    a: &Annotated,
    pretty: bool,
    mut write: impl FnMut(Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    let targets = Targets::new(a);
    let base = format!("urn:onrecord:{}", encoded(&a.article.name));
    let (targets, base) = (&targets, &base);
    let render = |annotation: Annotation| {
        if pretty {
            serde_json::to_vec_pretty(&annotation)
        } else {
            serde_json::to_vec(&annotation)
        }
    };
    let mentions = a.annotations.people.iter().flat_map(|p| {
        p.mentions.iter().enumerate().map(move |(k, m)| Annotation {
            body: [
                Some(Body::tag("person")),
                Some(Body::new("identifying", p.name.as_str())),
                p.corrected.then(|| Body::tag("corrected")),
            ]
            .into_iter()
            .flatten()
            .collect(),
            id: format!("{base}#{}-m{}", p.id, k + 1),
            motivation: "identifying",
            target: targets.of(m.span),
            kind: "Annotation",
        })
    });
    let sources = a.annotations.sources.iter().map(|s| Annotation {
        body: source_body(a, s),
        id: format!("{base}#{}", s.id),
        motivation: "classifying",
        target: targets.of(s.span),
        kind: "Annotation",
    });
    for annotation in mentions.chain(sources) {
        write(render(annotation)?)?;
    }
    Ok(())
}

fn source_body<'a>(a: &'a Annotated, s: &crate::annotate::Source) -> Vec<Body<'a>> {
    let text = &a.article.text;
    let record = if s.on_record() {
        "on-record"
    } else {
        "off-record"
    };
    let mut body = vec![
        Body::tag("source"),
        Body::tag(s.kind.name()),
        Body::tag(record),
    ];
    if s.declined {
        body.push(Body::tag("declined"));
    }
    if s.corrected {
        body.push(Body::tag("corrected"));
    }
    body.push(Body::new(
        "describing",
        format!("cue: {}", s.cue.slice(text)),
    ));
    if let Some(r) = s.reason {
        body.push(Body::new(
            "describing",
            format!("reason for anonymity: {}", r.slice(text)),
        ));
    } else if s.lacks_reason() {
        body.push(Body::tag("no-reason-given"));
    }
    if let Some(i) = s.person {
        body.push(Body::new(
            "identifying",
            a.annotations.people[i].name.as_str(),
        ));
    }
    body
}

/// Characters kept as they are in the IRIs made from file names: the unreserved ones
/// and the path separator.
const KEPT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A name made fit for an IRI: spaces and other characters percent-encoded.
fn encoded(name: &str) -> String {
    percent_encoding::utf8_percent_encode(name, KEPT).to_string()
}

/// The IRI of the document an article's offsets count in: its file as a `file:` URI,
/// or a URN for what is no file (standard input, a bundled sample).
fn document_iri(name: &str) -> String {
    std::fs::canonicalize(name)
        .ok()
        .and_then(|path| url::Url::from_file_path(path).ok())
        .map_or_else(|| format!("urn:onrecord:{}", encoded(name)), String::from)
}

/// Selectors for spans of one article's text.
struct Targets<'a> {
    text: &'a str,
    idx: CharIndex<'a>,
    source: String,
    scope: Option<&'a str>,
    /// Offsets count in the document `source` names; not so for a saved page, whose
    /// readable text is not the file (its spans are found by their quote alone).
    positions: bool,
}

impl<'a> Targets<'a> {
    fn new(a: &'a Annotated) -> Self {
        let text = &a.article.text;
        Targets {
            text,
            idx: CharIndex::new(text),
            source: document_iri(&a.article.name),
            scope: a.article.meta.url.as_deref(),
            positions: a.article.file_text.is_none(),
        }
    }

    fn of(&self, s: Span) -> Target<'_> {
        let text = self.text;
        let before = &text[..s.start];
        let prefix_from = before
            .char_indices()
            .rev()
            .nth(CONTEXT - 1)
            .map_or(0, |(i, _)| i);
        let after = &text[s.end..];
        let suffix_len = after
            .char_indices()
            .nth(CONTEXT)
            .map_or(after.len(), |(i, _)| i);
        let mut selector = vec![Selector::Quote(QuoteSelector {
            exact: s.slice(text),
            prefix: &before[prefix_from..],
            suffix: &after[..suffix_len],
            kind: "TextQuoteSelector",
        })];
        if self.positions {
            selector.push(Selector::Position(PositionSelector {
                end: self.idx.char_offset(s.end),
                start: self.idx.char_offset(s.start),
                kind: "TextPositionSelector",
            }));
        }
        Target {
            scope: self.scope,
            selector,
            source: &self.source,
        }
    }
}
