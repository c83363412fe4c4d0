//! spaCy JSONL: one article per line in the layout of spaCy's `Doc.to_json`, so that
//! `Doc(nlp.vocab).from_json(line)` loads it: person mentions as entities (`ents`,
//! label `PERSON`), sources as the span group `sources` (label `SOURCE_<KIND>`), since a
//! source may overlap a mention and entities may not overlap. Offsets are code points.
//! Fields stand in alphabetical order.

use super::Annotated;
use crate::span::{CharIndex, Span};
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Serialize)]
struct Line<'a> {
    ents: Vec<Labelled>,
    meta: Meta<'a>,
    spans: Groups,
    text: &'a str,
    tokens: Vec<Token>,
}

#[derive(Serialize)]
struct Meta<'a> {
    file: &'a str,
    /// Only a filtered export has it: the source kinds it kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    only: Option<&'a [crate::annotate::SourceKind]>,
}

#[derive(Serialize)]
struct Groups {
    sources: Vec<Labelled>,
}

#[derive(Serialize)]
struct Labelled {
    end: usize,
    /// A span group's span has a knowledge-base id in spaCy's layout; ours have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    kb_id: Option<&'static str>,
    label: String,
    start: usize,
}

#[derive(Serialize)]
struct Token {
    end: usize,
    id: usize,
    start: usize,
}

/// One article as one line, with its line break.
pub fn line(a: &Annotated) -> serde_json::Result<Vec<u8>> {
    let text = &a.article.text;
    let idx = CharIndex::new(text);
    let (people, sources) = labelled_spans(a);
    let labelled = |(s, label): &(Span, String), kb_id| Labelled {
        end: idx.char_offset(s.end),
        kb_id,
        label: label.clone(),
        start: idx.char_offset(s.start),
    };
    let bounds: BTreeSet<usize> = people
        .iter()
        .chain(&sources)
        .flat_map(|(s, _)| [s.start, s.end])
        .collect();
    let tokens = tokens(text, &bounds)
        .into_iter()
        .enumerate()
        .map(|(id, t)| Token {
            end: idx.char_offset(t.end),
            id,
            start: idx.char_offset(t.start),
        })
        .collect();
    let line = Line {
        ents: people.iter().map(|p| labelled(p, None)).collect(),
        meta: Meta {
            file: &a.article.name,
            only: a.annotations.filter.as_ref().map(|f| f.only.as_slice()),
        },
        spans: Groups {
            sources: sources.iter().map(|s| labelled(s, Some(""))).collect(),
        },
        text,
        tokens,
    };
    let mut out = serde_json::to_vec(&line)?;
    out.push(b'\n');
    Ok(out)
}

/// Person mentions and sources with their labels, each in text order.
type Spans = Vec<(Span, String)>;

fn labelled_spans(a: &Annotated) -> (Spans, Spans) {
    let mut people: Spans = a
        .annotations
        .people
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| (m.span, "PERSON".to_string())))
        .collect();
    people.sort();
    let mut sources: Spans = a
        .annotations
        .sources
        .iter()
        .map(|s| (s.span, format!("SOURCE_{}", s.kind.name().to_uppercase())))
        .collect();
    sources.sort();
    (people, sources)
}

/// The tokens spaCy rebuilds the text from: runs of non-space characters, cut at every
/// span boundary so that each span starts and ends on a token; one space after a token
/// belongs to it, and any other white space is a token of its own, as spaCy has it.
fn tokens(text: &str, bounds: &BTreeSet<usize>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let space_len = rest.len() - rest.trim_start_matches(is_space).len();
        if space_len > 0 {
            out.push(Span::new(at, at + space_len));
            at += space_len;
            continue;
        }
        let word_len = rest.find(is_space).unwrap_or(rest.len());
        let word_end = at + word_len;
        let cuts = bounds.range(at + 1..word_end).copied();
        for end in cuts.chain(std::iter::once(word_end)) {
            out.push(Span::new(at, end));
            at = end;
        }
        if text[at..].starts_with(' ') {
            at += 1; // the token's own trailing space
        }
    }
    out
}

/// White space as Python's `str.split` sees it, which is how spaCy compares texts.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_the_text_as_spacy_rebuilds_it() {
        let text = "  Mr. Lopez said:\n\n“no.”  End ";
        let lopez = text.find("Lopez").unwrap();
        let bounds: BTreeSet<usize> = [lopez, lopez + 5, text.find("no").unwrap()].into();
        let words: Vec<&str> = tokens(text, &bounds)
            .iter()
            .map(|t| t.slice(text))
            .collect();
        assert_eq!(
            words,
            ["  ", "Mr.", "Lopez", "said:", "\n\n", "“", "no.”", " ", "End"]
        );
    }
}
