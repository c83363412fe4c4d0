//! The JSON contract: article, paragraphs, people, sources and summary,
//! with code-point offsets into the file text and the text each span covers.
//!
//! Typed records serialised straight to the output. Their fields stand in
//! alphabetical order because the contract was first written from `serde_json::Value`
//! maps, which sort their keys: the order is part of the bytes readers have.

use super::Annotated;
use crate::annotate::{Person, Source, SourceKind, Summary, Unattributed};
use crate::span::{CharIndex, Span};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// The whole annotated article as a JSON value (for tests and callers that walk it).
pub fn to_value(a: &Annotated) -> serde_json::Value {
    let idx = CharIndex::new(&a.article.text);
    serde_json::to_value(Record::new(a, &idx)).expect("the record has only string keys")
}

/// Writes the annotated article as one JSON document, pretty-printed or on one line.
pub fn write(
    a: &Annotated,
    out: &mut (impl Write + ?Sized),
    pretty: bool,
) -> serde_json::Result<()> {
    let idx = CharIndex::new(&a.article.text);
    let record = Record::new(a, &idx);
    if pretty {
        serde_json::to_writer_pretty(out, &record)
    } else {
        serde_json::to_writer(out, &record)
    }
}

#[derive(Serialize)]
struct Record<'a> {
    article: ArticleInfo<'a>,
    /// Only a filtered export has it, and then `summary` is the whole article's.
    #[serde(skip_serializing_if = "Option::is_none")]
    filter: Option<FilterRecord<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    filtered_summary: Option<SummaryRecord>,
    paragraphs: Vec<ParagraphRecord<'a>>,
    people: Vec<PersonRecord<'a>>,
    sources: Vec<SourceRecord<'a>>,
    summary: SummaryRecord,
    unattributed: Vec<UnattributedRecord<'a>>,
}

impl<'a> Record<'a> {
    fn new(a: &'a Annotated, idx: &CharIndex) -> Self {
        let spans = Spans {
            text: &a.article.text,
            idx,
        };
        let people = &a.annotations.people;
        let filter = a.annotations.filter.as_ref();
        let summary = a.annotations.whole_summary();
        Record {
            article: ArticleInfo::new(a, idx),
            filter: filter.map(|f| FilterRecord { only: &f.only }),
            filtered_summary: filter.map(|_| SummaryRecord::from(&a.annotations.summary)),
            paragraphs: paragraphs(a, &spans),
            people: people
                .iter()
                .map(|p| PersonRecord::new(p, &spans))
                .collect(),
            sources: a
                .annotations
                .sources
                .iter()
                .map(|s| SourceRecord::new(s, people, &a.annotations.sources, &spans))
                .collect(),
            summary: SummaryRecord::from(summary),
            unattributed: a
                .annotations
                .unattributed
                .iter()
                .map(|u| UnattributedRecord::new(u, &spans))
                .collect(),
        }
    }
}

/// The kinds a filtered export kept.
#[derive(Serialize)]
struct FilterRecord<'a> {
    only: &'a [SourceKind],
}

/// Turns byte spans of the article text into code-point spans with their text.
struct Spans<'t, 'i> {
    text: &'t str,
    idx: &'i CharIndex<'i>,
}

impl<'t> Spans<'t, '_> {
    fn of(&self, s: Span) -> SpanRecord<'t> {
        SpanRecord {
            end: self.idx.char_offset(s.end),
            start: self.idx.char_offset(s.start),
            text: s.slice(self.text),
        }
    }
}

#[derive(Serialize)]
struct SpanRecord<'a> {
    end: usize,
    start: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct ArticleInfo<'a> {
    authors: &'a [String],
    chars: usize,
    date: &'a Option<String>,
    extra: &'a BTreeMap<String, String>,
    file: &'a str,
    format: &'static str,
    keywords: &'a [String],
    outlet: &'a Option<String>,
    people_keywords: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    subtitle: &'a Option<String>,
    title: &'a Option<String>,
    url: &'a Option<String>,
}

impl<'a> ArticleInfo<'a> {
    fn new(a: &'a Annotated, idx: &CharIndex) -> Self {
        let meta = &a.article.meta;
        ArticleInfo {
            authors: &meta.authors,
            chars: idx.char_offset(a.article.text.len()),
            date: &meta.date,
            extra: &meta.extra,
            file: &a.article.name,
            format: a.article.format.name(),
            keywords: &meta.keywords,
            outlet: &meta.outlet,
            people_keywords: &meta.people,
            subtitle: &meta.subtitle,
            title: &meta.title,
            url: &meta.url,
        }
    }
}

#[derive(Serialize)]
struct ParagraphRecord<'a> {
    block_quote: bool,
    end: usize,
    index: usize,
    /// Only HTML paragraphs have one: their place in the page source file.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Offsets>,
    start: usize,
    text: &'a str,
}

/// Code-point offsets into the page source, which has no text of its own here.
#[derive(Serialize)]
struct Offsets {
    end: usize,
    start: usize,
}

fn paragraphs<'a>(a: &'a Annotated, spans: &Spans<'a, '_>) -> Vec<ParagraphRecord<'a>> {
    let file = a.article.file_text.as_deref().map(CharIndex::new);
    a.article
        .paragraphs
        .iter()
        .enumerate()
        .map(|(index, p)| {
            let span = spans.of(p.span);
            let source = match (p.source, &file) {
                (Some(s), Some(fidx)) => Some(Offsets {
                    end: fidx.char_offset(s.end),
                    start: fidx.char_offset(s.start),
                }),
                _ => None,
            };
            ParagraphRecord {
                block_quote: p.block_quote,
                end: span.end,
                index,
                source,
                start: span.start,
                text: span.text,
            }
        })
        .collect()
}

#[derive(Serialize)]
struct PersonRecord<'a> {
    aliases: &'a [String],
    /// Only a person a user's correction changed has it (as `true`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    corrected: bool,
    first_paragraph: Option<usize>,
    id: &'a str,
    mention_count: usize,
    mentions: Vec<MentionRecord<'a>>,
    name: &'a str,
    roles: &'a [String],
}

#[derive(Serialize)]
struct MentionRecord<'a> {
    end: usize,
    paragraph: Option<usize>,
    start: usize,
    text: &'a str,
}

impl<'a> PersonRecord<'a> {
    fn new(p: &'a Person, spans: &Spans<'a, '_>) -> Self {
        let mentions = p
            .mentions
            .iter()
            .map(|m| {
                let span = spans.of(m.span);
                MentionRecord {
                    end: span.end,
                    paragraph: m.paragraph,
                    start: span.start,
                    text: span.text,
                }
            })
            .collect();
        PersonRecord {
            aliases: &p.aliases,
            corrected: p.corrected,
            first_paragraph: p.first_paragraph(),
            id: &p.id,
            mention_count: p.mentions.len(),
            mentions,
            name: &p.name,
            roles: &p.roles,
        }
    }
}

#[derive(Serialize)]
struct SourceRecord<'a> {
    belief: bool,
    content: Option<SpanRecord<'a>>,
    /// Only a source a user's correction changed or added has it (as `true`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    corrected: bool,
    cue: SpanRecord<'a>,
    declined: bool,
    direct: bool,
    end: usize,
    id: &'a str,
    kind: SourceKind,
    no_reason_given: bool,
    no_response: bool,
    on_record: bool,
    paragraph: Option<usize>,
    /// The id of the person a named source is.
    person: Option<&'a str>,
    reason: Option<SpanRecord<'a>>,
    /// The id of the source whose content holds this attribution.
    relayed_by: Option<&'a str>,
    start: usize,
    text: &'a str,
}

impl<'a> SourceRecord<'a> {
    fn new(
        s: &'a Source,
        people: &'a [Person],
        sources: &'a [Source],
        spans: &Spans<'a, '_>,
    ) -> Self {
        let span = spans.of(s.span);
        SourceRecord {
            belief: s.belief,
            content: s.content.map(|c| spans.of(c)),
            corrected: s.corrected,
            cue: spans.of(s.cue),
            declined: s.declined,
            direct: s.direct,
            end: span.end,
            id: &s.id,
            kind: s.kind,
            no_reason_given: s.lacks_reason(),
            no_response: s.no_response,
            on_record: s.on_record(),
            paragraph: s.paragraph,
            person: s.person.map(|i| people[i].id.as_str()),
            reason: s.reason.map(|r| spans.of(r)),
            relayed_by: s.relayed_by.map(|i| sources[i].id.as_str()),
            start: span.start,
            text: span.text,
        }
    }
}

#[derive(Serialize)]
struct UnattributedRecord<'a> {
    cue: SpanRecord<'a>,
    end: usize,
    paragraph: Option<usize>,
    start: usize,
    text: &'a str,
}

impl<'a> UnattributedRecord<'a> {
    fn new(u: &'a Unattributed, spans: &Spans<'a, '_>) -> Self {
        let span = spans.of(u.span);
        UnattributedRecord {
            cue: spans.of(u.cue),
            end: span.end,
            paragraph: u.paragraph,
            start: span.start,
            text: span.text,
        }
    }
}

/// [`Summary`] with its fields in the contract's (alphabetical) order: a sorted map,
/// so each kind's count stands where its name sorts.
#[derive(Serialize)]
#[serde(transparent)]
struct SummaryRecord(std::collections::BTreeMap<&'static str, serde_json::Value>);

impl From<&Summary> for SummaryRecord {
    fn from(s: &Summary) -> Self {
        let mut fields: std::collections::BTreeMap<&'static str, serde_json::Value> = [
            ("anonymous_share", s.anonymous_share.into()),
            (
                "anonymous_without_reason",
                s.anonymous_without_reason.into(),
            ),
            ("declined", s.declined.into()),
            ("no_response", s.no_response.into()),
            ("relayed", s.relayed.into()),
            ("sources", s.sources.into()),
            ("unattributed", s.unattributed.into()),
        ]
        .into_iter()
        .collect();
        fields.extend(s.kinds.iter().map(|(kind, n)| (kind.name(), n.into())));
        // Present only when a correction was applied, so uncorrected output is as before.
        if s.corrected > 0 {
            fields.insert("corrected", s.corrected.into());
        }
        SummaryRecord(fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{parse_text, Format};

    /// A `Value` map sorts its keys, so equal text means the fields are in sorted order.
    #[test]
    fn fields_stand_in_sorted_order() {
        let text = "A Title\n\nThe plan is dead, according to two officials who asked not \
                    to be named. “We will fight,” said Maria Lopez, the mayor.";
        let a = Annotated::new(parse_text("story.txt", text.to_string(), Format::Plain));
        let mut direct = Vec::new();
        write(&a, &mut direct, true).unwrap();
        let sorted = serde_json::to_string_pretty(&to_value(&a)).unwrap();
        assert_eq!(String::from_utf8(direct).unwrap(), sorted);
    }
}
