//! brat standoff: the text verbatim, a `.ann` file and an `annotation.conf`.

use super::Annotated;
use crate::annotate::SourceKind;
use crate::span::{CharIndex, Span};
use std::fmt::Write;
use strum::IntoEnumIterator;

/// brat's configuration up to the values of `Kind`, which come from [`SourceKind`].
const CONF_BEFORE_KINDS: &str = "\
[entities]
Person
Source
Content
Reason

[relations]
Refers\tArg1:Source, Arg2:Person
Justifies\tArg1:Reason, Arg2:Source
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Attribution\tSource:Source, Content?:Content

[attributes]
Kind\tArg:Source, Value:";

const CONF_AFTER_KINDS: &str = "
Declined\tArg:Attribution
NoReasonGiven\tArg:Source
Corrected\tArg:Source|Person
";

/// brat's `annotation.conf`: the entities, relations, events and attributes our `.ann`
/// files use, with every source kind as a value of `Kind`.
pub fn annotation_conf() -> String {
    let kinds: Vec<&str> = SourceKind::iter().map(SourceKind::name).collect();
    format!("{CONF_BEFORE_KINDS}{}{CONF_AFTER_KINDS}", kinds.join("|"))
}

/// The `.ann` file for one article: offsets in code points, as brat counts them.
pub fn ann(a: &Annotated) -> String {
    let text = &a.article.text;
    let idx = CharIndex::new(text);
    let mut w = Writer {
        text,
        idx: &idx,
        out: String::new(),
        t: 0,
        other: 0,
    };
    let mut person_t = Vec::new();
    for p in &a.annotations.people {
        let ids: Vec<String> = p
            .mentions
            .iter()
            .filter_map(|m| w.span("Person", m.span))
            .collect();
        if p.corrected {
            for id in &ids {
                w.attribute(&format!("Corrected {id}"));
            }
        }
        person_t.push(ids);
    }
    for s in &a.annotations.sources {
        // A span with no visible text cannot be written as brat reads spans.
        let (Some(src), Some(cue)) = (w.span("Source", s.span), w.span("Attribution", s.cue))
        else {
            continue;
        };
        let content = s.content.and_then(|c| w.span("Content", c));
        w.other += 1;
        let event = format!("E{}", w.other);
        let mut line = format!("{event}\tAttribution:{cue} Source:{src}");
        if let Some(c) = content {
            line.push_str(&format!(" Content:{c}"));
        }
        w.line(&line);
        w.attribute(&format!("Kind {src} {}", s.kind.name()));
        if s.corrected {
            w.attribute(&format!("Corrected {src}"));
        }
        if s.declined {
            w.attribute(&format!("Declined {event}"));
        }
        if s.lacks_reason() {
            w.attribute(&format!("NoReasonGiven {src}"));
        }
        if let Some(reason) = s.reason.and_then(|r| w.span("Reason", r)) {
            w.relation("Justifies", &reason, &src);
        }
        if let Some(first) = s
            .person
            .and_then(|i| person_t.get(i))
            .and_then(|ids| ids.first())
        {
            w.relation("Refers", &src, first);
        }
    }
    w.out
}

struct Writer<'a> {
    text: &'a str,
    idx: &'a CharIndex<'a>,
    out: String,
    t: usize,
    other: usize,
}

impl Writer<'_> {
    /// A text-bound annotation; a span over line breaks or tabs becomes one fragment
    /// per piece, so that every line of the `.ann` keeps its three tab-separated fields.
    /// `None` for a span with no visible text, which brat cannot hold.
    fn span(&mut self, label: &str, span: Span) -> Option<String> {
        let frags = line_fragments(self.text, span);
        if frags.is_empty() {
            return None;
        }
        self.t += 1;
        let id = format!("T{}", self.t);
        let offsets: Vec<String> = frags
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    self.idx.char_offset(f.start),
                    self.idx.char_offset(f.end)
                )
            })
            .collect();
        let covered: Vec<&str> = frags.iter().map(|f| f.slice(self.text)).collect();
        let _ = writeln!(
            self.out,
            "{id}\t{label} {}\t{}",
            offsets.join(";"),
            covered.join(" ")
        );
        Some(id)
    }

    fn line(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn attribute(&mut self, body: &str) {
        self.other += 1;
        let _ = writeln!(self.out, "A{}\t{body}", self.other);
    }

    fn relation(&mut self, label: &str, a: &str, b: &str) {
        self.other += 1;
        let _ = writeln!(self.out, "R{}\t{label} Arg1:{a} Arg2:{b}", self.other);
    }
}

/// The non-empty pieces of a span between line breaks and tabs (which would break the
/// `.ann` line that gives the covered text).
pub fn line_fragments(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    for (i, c) in span.slice(text).char_indices() {
        if matches!(c, '\n' | '\r' | '\t') {
            out.push(Span::new(start, span.start + i));
            start = span.start + i + 1;
        }
    }
    out.push(Span::new(start, span.end));
    out.retain(|f| !f.trim(text).is_empty());
    out.into_iter().map(|f| f.trim(text)).collect()
}

/// The manifest's file name in a brat folder (brat leaves files it does not know alone).
pub const MANIFEST: &str = "onrecord.toml";

/// Which article each `.txt`/`.ann` pair of a brat folder stands for, so that the
/// folder, once edited in brat, can be read back as corrections.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The working folder of the export, which relative article names start from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<std::path::PathBuf>,
    /// The source kinds the export kept (`--only`); none: every kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<Vec<SourceKind>>,
    /// File stem (`story` for `story.txt` and `story.ann`) → the article's name: its
    /// file, or `file:line` for a record of a corpus.
    pub articles: std::collections::BTreeMap<String, String>,
}

const MANIFEST_HEADER: &str = "\
# onrecord: which article each .txt/.ann pair of this brat folder stands for.
# `onrecord import-brat FOLDER` reads the edits made in brat back as corrections.
";

impl Manifest {
    pub fn to_toml(&self) -> String {
        format!(
            "{MANIFEST_HEADER}\n{}",
            toml::to_string(self).unwrap_or_default()
        )
    }
}
