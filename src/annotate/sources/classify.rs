//! The kind of a source phrase: named, anonymous, organization, media or document.

use crate::annotate::lexicon::{self, Flag};
use crate::annotate::text::Lower;
use crate::annotate::{Person, Source, SourceKind};

/// Every person mention in text order, for look-ups by position in logarithmic time.
pub struct MentionIndex {
    mentions: Vec<(Span, usize)>,
}

impl MentionIndex {
    pub fn new(people: &[Person]) -> Self {
        MentionIndex {
            mentions: crate::annotate::mentions_in_order(people),
        }
    }

    /// The person of the mention ending last before `at`.
    fn last_before(&self, at: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|(s, _)| s.end <= at);
        k.checked_sub(1).map(|k| self.mentions[k].1)
    }

    /// The first mention starting at or after `at`.
    pub fn first_from(&self, at: usize) -> Option<Span> {
        let k = self.mentions.partition_point(|(s, _)| s.start < at);
        self.mentions.get(k).map(|m| m.0)
    }

    /// Whether a person mention ends just before `at` (a space between).
    pub fn ends_at(&self, at: usize) -> bool {
        self.end_before(at).is_some_and(|end| at - end <= 1)
    }

    fn end_before(&self, at: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|(s, _)| s.end <= at);
        k.checked_sub(1).map(|k| self.mentions[k].0.end)
    }

    /// The person of a mention overlapping `span`.
    fn overlapping(&self, span: Span) -> Option<usize> {
        let k = self.mentions.partition_point(|(s, _)| s.end <= span.start);
        self.mentions
            .get(k)
            .filter(|(s, _)| s.overlaps(span))
            .map(|m| m.1)
    }

    /// The person of the first mention inside `span`.
    fn inside(&self, span: Span) -> Option<usize> {
        let k = self.mentions.partition_point(|(s, _)| s.start < span.start);
        self.mentions
            .get(k)
            .filter(|(s, _)| span.contains(*s))
            .map(|m| m.1)
    }
}
use crate::span::Span;

pub struct Kinding {
    pub kind: SourceKind,
    pub person: Option<usize>,
}

impl Kinding {
    fn of(kind: SourceKind) -> Self {
        Kinding { kind, person: None }
    }
}

pub fn classify(text: &str, source: Span, people: &MentionIndex, earlier: &[Source]) -> Kinding {
    let phrase = source.slice(text);
    let lower = phrase.to_lowercase();
    if let Some(k) = pronoun(&lower, source, people, earlier) {
        return k;
    }
    let head = head_word(text, source);
    let head_text = head.slice(text);
    let head_lower = head_text.to_lowercase();
    let head_flags = lexicon::flags(&head_lower);
    let person_at = |span: Span| people.overlapping(span);
    let capitalised = head_text.chars().next().is_some_and(char::is_uppercase);
    if let Some(p) = person_at(head) {
        return Kinding {
            kind: SourceKind::Named,
            person: Some(p),
        };
    }
    if head_flags.has(Flag::AnonymousNoun) {
        return Kinding::of(SourceKind::Anonymous);
    }
    if !capitalised && head_flags.has(Flag::DocumentNoun) {
        return Kinding::of(SourceKind::Document);
    }
    if head_flags.has(Flag::SpokesNoun) && !lower.starts_with("the department") {
        return Kinding::of(SourceKind::Organization);
    }
    if has_media_word(phrase) {
        return Kinding::of(SourceKind::Media);
    }
    if let Some(p) = people.inside(source) {
        if capitalised {
            return Kinding {
                kind: SourceKind::Named,
                person: Some(p),
            };
        }
    }
    if capitalised
        || phrase
            .split_whitespace()
            .any(|w| lexicon::flags(w.trim_end_matches(['’', '\'', 's'])).has(Flag::OrgWord))
    {
        return Kinding::of(SourceKind::Organization);
    }
    if lower.starts_with("the ") && head_flags.has(Flag::UniqueOffice) {
        return Kinding::of(SourceKind::Named);
    }
    Kinding::of(SourceKind::Anonymous)
}

/// He, she, they, it: the person or source the pronoun stands for.
fn pronoun(
    lower: &str,
    source: Span,
    people: &MentionIndex,
    earlier: &[Source],
) -> Option<Kinding> {
    match lower {
        "he" | "she" => Some(match people.last_before(source.start) {
            Some(p) => Kinding {
                kind: SourceKind::Named,
                person: Some(p),
            },
            None => Kinding::of(SourceKind::Anonymous),
        }),
        "they" | "we" => Some(match earlier.last() {
            Some(s) if s.kind != SourceKind::Named => Kinding::of(s.kind),
            _ => Kinding::of(SourceKind::Anonymous),
        }),
        "it" => Some(
            match earlier
                .iter()
                .rev()
                .take(20)
                .find(|s| s.kind != SourceKind::Named && s.kind != SourceKind::Anonymous)
            {
                Some(s) => Kinding::of(s.kind),
                None => Kinding::of(SourceKind::Organization),
            },
        ),
        _ => None,
    }
}

/// The head noun: the last word before a relative clause or a prepositional phrase.
pub fn head_word(text: &str, source: Span) -> Span {
    let s = source.slice(text);
    let mut last = Span::new(source.start, source.end);
    let mut pos = 0;
    for w in s.split_whitespace() {
        let at = s[pos..].find(w).map_or(pos, |i| pos + i);
        pos = at + w.len();
        let bare = Lower::of(w.trim_end_matches([',', '.']));
        if lexicon::flags(&bare).has(Flag::PostHead) && at > 0 {
            break;
        }
        let core = strip_possessive(w.trim_end_matches([',', '.']));
        last = Span::new(source.start + at, source.start + at + core.len());
    }
    last
}

fn strip_possessive(w: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            return stem;
        }
    }
    w
}

fn has_media_word(phrase: &str) -> bool {
    let words: Vec<&str> = phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| lexicon::flags(w).has(Flag::MediaWord))
        || lexicon::media_phrases().iter().any(|m| phrase.contains(m))
}
