use crate::span::Span;
use serde::Serialize;

/// One mention of a person in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub span: Span,
    /// The body paragraph it stands in; `None` for the title.
    pub paragraph: Option<usize>,
}

/// A person the article names, with every mention linked to them.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    /// Stable within the article: `p1`, `p2`, … in order of first mention.
    pub id: String,
    /// The fullest form of the name the article gives.
    pub name: String,
    /// Other forms used ("Sessions", "Jeff Sessions").
    pub aliases: Vec<String>,
    /// Titles and roles given next to the name.
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
    /// A user's correction changed this person (see `crate::corrections`).
    pub corrected: bool,
}

/// Every mention of every person, in text order, with the index of its person.
pub fn mentions_in_order(people: &[Person]) -> Vec<(Span, usize)> {
    let mut mentions: Vec<(Span, usize)> = people
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| (m.span, i)))
        .collect();
    mentions.sort();
    mentions
}

impl Person {
    pub fn first_paragraph(&self) -> Option<usize> {
        self.mentions.iter().filter_map(|m| m.paragraph).min()
    }
}

/// Who information is attributed to. A new kind is added here (and in [`SourceKind::ALL`]),
/// in the classifier that gives it (`sources/classify.rs`) and in the reader's table of
/// kinds (`tui/kinds.rs`); everything else reads those.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
    strum::EnumCount,
    strum::EnumMessage,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum SourceKind {
    Named,
    Anonymous,
    Organization,
    Media,
    Document,
}

impl SourceKind {
    /// Every kind, in the order summaries, filters and tables list them.
    pub const ALL: [SourceKind; <SourceKind as strum::EnumCount>::COUNT] = [
        SourceKind::Anonymous,
        SourceKind::Named,
        SourceKind::Organization,
        SourceKind::Media,
        SourceKind::Document,
    ];

    /// The kind's name in exports and on the command line ("named", "anonymous", …).
    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn on_record(self) -> bool {
        self != SourceKind::Anonymous
    }
}

/// One attribution: a source, the cue that attributes, and what is attributed.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: String,
    pub span: Span,
    pub kind: SourceKind,
    /// The cue reports a belief, hope or intention ("believes", "hopes"), not words said.
    pub belief: bool,
    /// Gave no statement: refused to comment, or did not answer.
    pub declined: bool,
    /// Of the declined, those that did not answer ("did not respond to an email").
    pub no_response: bool,
    /// The content is a direct quotation, in quotation marks.
    pub direct: bool,
    /// Index into the article's sources of the attribution whose content holds this one
    /// ("…he told the president …, according to two people"): the outer source relays it.
    pub relayed_by: Option<usize>,
    /// The kind the summary and the filters count it as: its own, or the kind of the
    /// source that relays it.
    pub counted_kind: SourceKind,
    /// The reason given for anonymity, when one is.
    pub reason: Option<Span>,
    /// Index into the people list of the person a named source is.
    pub person: Option<usize>,
    pub cue: Span,
    pub content: Option<Span>,
    pub paragraph: Option<usize>,
    /// A user's correction changed or added this source (see `crate::corrections`).
    pub corrected: bool,
}

impl Source {
    pub fn on_record(&self) -> bool {
        self.kind.on_record()
    }

    /// An anonymous source with no stated reason, which editors' guidelines ask for.
    pub fn lacks_reason(&self) -> bool {
        self.kind == SourceKind::Anonymous && self.reason.is_none()
    }

    pub fn is_relayed(&self) -> bool {
        self.relayed_by.is_some()
    }
}

/// A count for each source kind; serialized as `{"named": 1, "anonymous": 2, …}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts([usize; <SourceKind as strum::EnumCount>::COUNT]);

impl KindCounts {
    pub fn get(&self, kind: SourceKind) -> usize {
        self.0[kind as usize]
    }

    pub fn add(&mut self, kind: SourceKind) {
        self.0[kind as usize] += 1;
    }

    /// Each kind with its count, in the order the kinds are declared.
    pub fn iter(&self) -> impl Iterator<Item = (SourceKind, usize)> + '_ {
        <SourceKind as strum::IntoEnumIterator>::iter().map(|kind| (kind, self.get(kind)))
    }
}

impl Serialize for KindCounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter().map(|(kind, n)| (kind.name(), n)))
    }
}

/// Counts over an article's sources.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub sources: usize,
    /// Sources of each kind, as counted (relayed ones under their relayer's kind).
    #[serde(flatten)]
    pub kinds: KindCounts,
    pub anonymous_share: f64,
    pub anonymous_without_reason: usize,
    pub declined: usize,
    /// Of the declined, those that did not answer.
    pub no_response: usize,
    /// Attributions relayed by another source, counted as that source's kind.
    pub relayed: usize,
    /// Hearsay claims with no source (set by the annotator beside the sources' counts).
    pub unattributed: usize,
    /// Sources a user's correction changed or added.
    #[serde(skip_serializing_if = "is_zero")]
    pub corrected: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    pub fn of(sources: &[Source]) -> Summary {
        let mut kinds = KindCounts::default();
        sources.iter().for_each(|s| kinds.add(s.counted_kind));
        let anonymous = kinds.get(SourceKind::Anonymous);
        Summary {
            sources: sources.len(),
            kinds,
            anonymous_share: if sources.is_empty() {
                0.0
            } else {
                anonymous as f64 / sources.len() as f64
            },
            anonymous_without_reason: sources.iter().filter(|s| s.lacks_reason()).count(),
            declined: sources.iter().filter(|s| s.declined).count(),
            no_response: sources.iter().filter(|s| s.no_response).count(),
            relayed: sources.iter().filter(|s| s.is_relayed()).count(),
            unattributed: 0,
            corrected: sources.iter().filter(|s| s.corrected).count(),
        }
    }

    pub fn count(&self, kind: SourceKind) -> usize {
        self.kinds.get(kind)
    }

    /// "10 sources · 7 anonymous · 1 named · 1 organization · 2 relayed", leaving out
    /// kinds with none (relayed attributions are counted under their relayer's kind).
    pub fn line(&self) -> String {
        let mut parts = vec![format!(
            "{} source{}",
            self.sources,
            if self.sources == 1 { "" } else { "s" }
        )];
        for kind in SourceKind::ALL {
            let n = self.count(kind);
            if n > 0 {
                parts.push(format!("{n} {}", kind.name()));
            }
        }
        if self.relayed > 0 {
            parts.push(format!("{} relayed", self.relayed));
        }
        if self.unattributed > 0 {
            parts.push(format!("{} unattributed", self.unattributed));
        }
        if self.corrected > 0 {
            parts.push(format!("{} corrected", self.corrected));
        }
        parts.join(" · ")
    }
}

/// A claim passed on with no source ("The mayor is said to favour the plan"): hearsay
/// the reader can see apart from sourced statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Unattributed {
    /// The sentence that holds the claim.
    pub span: Span,
    /// The hearsay words ("is said to", "reportedly").
    pub cue: Span,
    pub paragraph: Option<usize>,
}

/// Everything the annotator found in one article.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub people: Vec<Person>,
    pub sources: Vec<Source>,
    /// Hearsay claims no source is given for.
    pub unattributed: Vec<Unattributed>,
    pub summary: Summary,
    /// Set when only the sources of some kinds were kept ([`super::Annotated::only_kinds`]):
    /// the exports say so, beside the whole article's summary.
    pub filter: Option<KindFilter>,
}

impl Annotations {
    /// The whole article's summary: `summary` itself, or when the sources were filtered,
    /// the one kept from before.
    pub fn whole_summary(&self) -> &Summary {
        self.filter.as_ref().map_or(&self.summary, |f| &f.whole)
    }
}

/// The kinds an export's sources were filtered to, and the whole article's summary.
#[derive(Debug, Clone, PartialEq)]
pub struct KindFilter {
    /// The kinds kept, in the order the kinds are declared.
    pub only: Vec<SourceKind>,
    /// The summary of every source the article has.
    pub whole: Summary,
}
