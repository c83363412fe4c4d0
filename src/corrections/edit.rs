//! The edits a user can make to an article's annotations, as they are kept in a sidecar.

use super::Anchor;
use crate::annotate::SourceKind;
use serde::{Deserialize, Serialize};

/// One correction: an edit, and for an article that is one record of a corpus file, the
/// record it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// The record of a corpus file (its line); none for an article file of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    #[serde(flatten)]
    pub edit: Edit,
}

/// A change to the annotations. A source is named by its phrase and its cue (the pair
/// tells apart two attributions to one phrase); a person by any one of their mentions.
/// Edits apply in the order they were made, each to what the ones before it left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(tag = "edit", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Edit {
    /// The source is of another kind.
    SourceKind {
        source: Anchor,
        cue: Anchor,
        kind: SourceKind,
    },
    /// The source declined to comment (or did not respond), or did not.
    SourceDeclined {
        source: Anchor,
        cue: Anchor,
        declined: bool,
        no_response: bool,
    },
    /// What the annotator took for an attribution is none.
    NotASource { source: Anchor, cue: Anchor },
    /// The source's phrase covers other words.
    SourceSpan {
        source: Anchor,
        cue: Anchor,
        span: Anchor,
    },
    /// The source is the person with this mention; with none, it is no one of the people.
    SourcePerson {
        source: Anchor,
        cue: Anchor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        person: Option<Anchor>,
    },
    /// The reason given for the source's anonymity; with none, no reason is given.
    SourceReason {
        source: Anchor,
        cue: Anchor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<Anchor>,
    },
    /// An attribution the annotator missed. Without a cue of its own, the source's
    /// phrase stands for it.
    NewSource {
        source: Anchor,
        kind: SourceKind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cue: Option<Anchor>,
    },
    /// The person goes by another name.
    PersonName { person: Anchor, name: String },
    /// Two people are one: the first's mentions join the second.
    MergePeople { person: Anchor, into: Anchor },
    /// A mention is of a person of its own.
    SplitMention { mention: Anchor },
    /// The person is no person (a place, a team, a company).
    NotAPerson { person: Anchor },
    /// One mention is of no person.
    NotAMention { mention: Anchor },
    /// A mention the annotator missed: of the person with the given mention, or of a new
    /// person named by its text.
    NewMention {
        mention: Anchor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        person: Option<Anchor>,
    },
}

impl Edit {
    /// The edit's name in the sidecar ("source-kind", "merge-people", …).
    pub fn name(&self) -> &'static str {
        self.into()
    }

    /// Whether the edit is to a source (or adds one), rather than to the people.
    pub fn is_about_a_source(&self) -> bool {
        matches!(
            self,
            Edit::SourceKind { .. }
                | Edit::SourceDeclined { .. }
                | Edit::NotASource { .. }
                | Edit::SourceSpan { .. }
                | Edit::SourcePerson { .. }
                | Edit::SourceReason { .. }
                | Edit::NewSource { .. }
        )
    }

    /// The span the edit is about, for lists and messages.
    pub fn target(&self) -> &Anchor {
        match self {
            Edit::SourceKind { source, .. }
            | Edit::SourceDeclined { source, .. }
            | Edit::NotASource { source, .. }
            | Edit::SourceSpan { source, .. }
            | Edit::SourcePerson { source, .. }
            | Edit::SourceReason { source, .. }
            | Edit::NewSource { source, .. } => source,
            Edit::PersonName { person, .. }
            | Edit::MergePeople { person, .. }
            | Edit::NotAPerson { person } => person,
            Edit::SplitMention { mention }
            | Edit::NotAMention { mention }
            | Edit::NewMention { mention, .. } => mention,
        }
    }

    /// One line saying what the edit does: "source-kind “two aides” → anonymous".
    pub fn describe(&self) -> String {
        let what = match self {
            Edit::SourceKind { kind, .. } | Edit::NewSource { kind, .. } => {
                format!(" → {}", kind.name())
            }
            Edit::SourceDeclined {
                declined,
                no_response,
                ..
            } => match (declined, no_response) {
                (_, true) => " → did not respond".to_string(),
                (true, false) => " → declined".to_string(),
                (false, false) => " → gave a statement".to_string(),
            },
            Edit::SourceSpan { span, .. } => format!(" → “{}”", clean(&span.text)),
            Edit::SourcePerson { person, .. } => match person {
                Some(p) => format!(" → {}", clean(&p.text)),
                None => " → no person".to_string(),
            },
            Edit::SourceReason { reason, .. } => match reason {
                Some(r) => format!(" → because “{}”", clean(&r.text)),
                None => " → no reason given".to_string(),
            },
            Edit::PersonName { name, .. } => format!(" → {}", clean(name)),
            Edit::MergePeople { into, .. } => format!(" → {}", clean(&into.text)),
            Edit::NewMention { person, .. } => match person {
                Some(p) => format!(" → {}", clean(&p.text)),
                None => String::new(),
            },
            Edit::NotASource { .. }
            | Edit::SplitMention { .. }
            | Edit::NotAPerson { .. }
            | Edit::NotAMention { .. } => String::new(),
        };
        format!("{} “{}”{what}", self.name(), clean(&self.target().text))
    }
}

fn clean(s: &str) -> String {
    crate::sanitize::clean(s)
}

impl Edit {
    /// Every span the edit names, to be moved where its text stands now.
    pub fn anchors_mut(&mut self) -> Vec<&mut Anchor> {
        match self {
            Edit::SourceKind { source, cue, .. }
            | Edit::SourceDeclined { source, cue, .. }
            | Edit::NotASource { source, cue } => vec![source, cue],
            Edit::SourceSpan { source, cue, span } => vec![source, cue, span],
            Edit::SourcePerson {
                source,
                cue,
                person: other,
            }
            | Edit::SourceReason {
                source,
                cue,
                reason: other,
            } => [Some(source), Some(cue), other.as_mut()]
                .into_iter()
                .flatten()
                .collect(),
            Edit::NewSource { source, cue, .. } => {
                [Some(source), cue.as_mut()].into_iter().flatten().collect()
            }
            Edit::PersonName { person, .. } | Edit::NotAPerson { person } => vec![person],
            Edit::MergePeople { person, into } => vec![person, into],
            Edit::SplitMention { mention } | Edit::NotAMention { mention } => vec![mention],
            Edit::NewMention { mention, person } => [Some(mention), person.as_mut()]
                .into_iter()
                .flatten()
                .collect(),
        }
    }
}
