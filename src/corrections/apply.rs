//! Corrections applied on top of a fresh annotation, one after another.

use super::{Anchor, Correction, Edit};
use crate::annotate::sources::relay::link_relayed;
use crate::annotate::{Annotated, Mention, Person, Source, SourceKind, Summary};
use crate::article::Article;
use crate::span::Span;

/// Why a correction could not be applied. It stays in the sidecar all the same.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unapplied {
    #[error("its text {0} is no longer in the article")]
    TextGone(String),
    #[error("the annotator finds no source at {0} any more")]
    NoSource(String),
    #[error("no person has the mention {0}")]
    NoPerson(String),
    #[error("{0} overlaps a mention already")]
    MentionOverlaps(String),
    #[error("{0} is the person's only mention")]
    OnlyMention(String),
}

/// A correction that could not be applied: its place in the list, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub index: usize,
    pub why: Unapplied,
}

/// Applies the corrections in order. Those that no longer fit the article (its text
/// changed, or the annotator no longer finds what they name) are skipped and returned,
/// never dropped in silence.
pub fn apply(annotated: &mut Annotated, corrections: &[Correction]) -> Vec<Skipped> {
    if corrections.is_empty() {
        return Vec::new();
    }
    let mut editor = Editor {
        article: &annotated.article,
        people: std::mem::take(&mut annotated.annotations.people),
        sources: std::mem::take(&mut annotated.annotations.sources),
    };
    let skipped = corrections
        .iter()
        .enumerate()
        .filter_map(|(index, c)| {
            editor
                .apply(&c.edit)
                .err()
                .map(|why| Skipped { index, why })
        })
        .collect();
    let (people, sources) = editor.finish();
    let found = &mut annotated.annotations;
    found.people = people;
    found.sources = sources;
    found.summary = Summary {
        unattributed: found.unattributed.len(),
        ..Summary::of(&found.sources)
    };
    skipped
}

/// The annotations while corrections are applied. People are never removed from the
/// list until the end (a removed person is left with no mention), so the sources'
/// indices into it hold throughout.
struct Editor<'a> {
    article: &'a Article,
    people: Vec<Person>,
    sources: Vec<Source>,
}

type Applied = Result<(), Unapplied>;

impl Editor<'_> {
    fn text(&self) -> &str {
        &self.article.text
    }

    fn find(&self, anchor: &Anchor) -> Result<Span, Unapplied> {
        anchor
            .find(self.text())
            .ok_or_else(|| Unapplied::TextGone(anchor.describe()))
    }

    fn apply(&mut self, edit: &Edit) -> Applied {
        match edit {
            Edit::SourceKind { source, cue, kind } => {
                let i = self.source(source, cue)?;
                self.sources[i].kind = *kind;
                self.touch(i);
            }
            Edit::SourceDeclined {
                source,
                cue,
                declined,
                no_response,
            } => {
                let i = self.source(source, cue)?;
                self.sources[i].declined = *declined || *no_response;
                self.sources[i].no_response = *no_response;
                self.touch(i);
            }
            Edit::NotASource { source, cue } => {
                let i = self.source(source, cue)?;
                self.sources.remove(i);
            }
            Edit::SourceSpan { source, cue, span } => {
                let i = self.source(source, cue)?;
                let span = self.find(span)?;
                self.sources[i].span = span;
                self.sources[i].paragraph = self.article.paragraph_of(span.start);
                self.touch(i);
            }
            Edit::SourcePerson {
                source,
                cue,
                person,
            } => {
                let i = self.source(source, cue)?;
                self.sources[i].person = match person {
                    Some(p) => Some(self.person(p)?),
                    None => None,
                };
                self.touch(i);
            }
            Edit::SourceReason {
                source,
                cue,
                reason,
            } => {
                let i = self.source(source, cue)?;
                self.sources[i].reason = match reason {
                    Some(r) => Some(self.find(r)?),
                    None => None,
                };
                self.touch(i);
            }
            Edit::NewSource { source, kind, cue } => self.new_source(source, *kind, cue)?,
            Edit::PersonName { person, name } => {
                let p = self.person(person)?;
                let person = &mut self.people[p];
                let old = std::mem::replace(&mut person.name, name.clone());
                person.aliases.retain(|a| a != name);
                if !person.aliases.contains(&old) {
                    person.aliases.push(old);
                }
                person.corrected = true;
            }
            Edit::MergePeople { person, into } => {
                let (from, to) = (self.person(person)?, self.person(into)?);
                self.merge(from, to);
            }
            Edit::SplitMention { mention } => self.split(mention)?,
            Edit::NotAPerson { person } => {
                let p = self.person(person)?;
                self.people[p].mentions.clear();
                self.unlink(p, None);
            }
            Edit::NotAMention { mention } => {
                let span = self.find(mention)?;
                let p = self.person_at(span, mention)?;
                self.people[p].mentions.retain(|m| m.span != span);
                self.people[p].corrected = true;
                if self.people[p].mentions.is_empty() {
                    self.unlink(p, None);
                }
            }
            Edit::NewMention { mention, person } => self.new_mention(mention, person)?,
        }
        Ok(())
    }

    fn touch(&mut self, i: usize) {
        self.sources[i].corrected = true;
    }

    /// The source with this phrase and cue; failing that, the first with this phrase.
    fn source(&self, source: &Anchor, cue: &Anchor) -> Result<usize, Unapplied> {
        let span = self.find(source)?;
        let cue = cue.find(self.text());
        let at = |s: &Source| s.span == span;
        self.sources
            .iter()
            .position(|s| at(s) && Some(s.cue) == cue)
            .or_else(|| self.sources.iter().position(at))
            .ok_or_else(|| Unapplied::NoSource(source.describe()))
    }

    /// The person with a mention at the anchor.
    fn person(&self, mention: &Anchor) -> Result<usize, Unapplied> {
        let span = self.find(mention)?;
        self.person_at(span, mention)
    }

    fn person_at(&self, span: Span, mention: &Anchor) -> Result<usize, Unapplied> {
        self.people
            .iter()
            .position(|p| p.mentions.iter().any(|m| m.span == span))
            .ok_or_else(|| Unapplied::NoPerson(mention.describe()))
    }

    /// Sources linked to person `from` are linked to `to` instead.
    fn unlink(&mut self, from: usize, to: Option<usize>) {
        for s in &mut self.sources {
            if s.person == Some(from) {
                s.person = to;
                s.corrected = true;
            }
        }
    }

    fn merge(&mut self, from: usize, to: usize) {
        if from == to {
            return;
        }
        let gone = std::mem::take(&mut self.people[from].mentions);
        let names: Vec<String> = std::iter::once(self.people[from].name.clone())
            .chain(self.people[from].aliases.iter().cloned())
            .collect();
        let roles = self.people[from].roles.clone();
        let into = &mut self.people[to];
        into.mentions.extend(gone);
        into.mentions.sort_by_key(|m| m.span);
        for name in names {
            if name != into.name && !into.aliases.contains(&name) {
                into.aliases.push(name);
            }
        }
        for role in roles {
            if !into.roles.contains(&role) {
                into.roles.push(role);
            }
        }
        into.corrected = true;
        self.unlink(from, Some(to));
    }

    fn split(&mut self, mention: &Anchor) -> Applied {
        let span = self.find(mention)?;
        let p = self.person_at(span, mention)?;
        if self.people[p].mentions.len() == 1 {
            return Err(Unapplied::OnlyMention(mention.describe()));
        }
        self.people[p].mentions.retain(|m| m.span != span);
        self.people[p].corrected = true;
        let new = self.people.len();
        self.people.push(self.new_person(span));
        for s in &mut self.sources {
            if s.person == Some(p) && s.span.overlaps(span) {
                s.person = Some(new);
                s.corrected = true;
            }
        }
        Ok(())
    }

    fn new_person(&self, span: Span) -> Person {
        Person {
            id: String::new(),
            name: span.slice(self.text()).to_string(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: vec![self.mention(span)],
            corrected: true,
        }
    }

    fn mention(&self, span: Span) -> Mention {
        Mention {
            span,
            paragraph: self.article.paragraph_of(span.start),
        }
    }

    fn new_mention(&mut self, mention: &Anchor, person: &Option<Anchor>) -> Applied {
        let span = self.find(mention)?;
        let taken = self
            .people
            .iter()
            .any(|p| p.mentions.iter().any(|m| m.span.overlaps(span)));
        if taken {
            return Err(Unapplied::MentionOverlaps(mention.describe()));
        }
        match person {
            Some(p) => {
                let p = self.person(p)?;
                let m = self.mention(span);
                let person = &mut self.people[p];
                person.mentions.push(m);
                person.mentions.sort_by_key(|m| m.span);
                person.corrected = true;
            }
            None => self.people.push(self.new_person(span)),
        }
        Ok(())
    }

    fn new_source(&mut self, source: &Anchor, kind: SourceKind, cue: &Option<Anchor>) -> Applied {
        let span = self.find(source)?;
        let cue = match cue {
            Some(c) => self.find(c)?,
            None => span,
        };
        let person = self
            .people
            .iter()
            .position(|p| p.mentions.iter().any(|m| m.span.overlaps(span)));
        let at = self
            .sources
            .partition_point(|s| (s.span.start, s.cue.start) <= (span.start, cue.start));
        self.sources.insert(
            at,
            Source {
                id: String::new(),
                span,
                kind,
                belief: false,
                declined: false,
                no_response: false,
                direct: false,
                relayed_by: None,
                counted_kind: kind,
                reason: None,
                person,
                cue,
                content: None,
                paragraph: self.article.paragraph_of(span.start),
                corrected: true,
            },
        );
        Ok(())
    }

    /// The people left, in order of first mention with fresh ids, and the sources with
    /// their links to them, their ids and their relays made anew.
    fn finish(self) -> (Vec<Person>, Vec<Source>) {
        let Editor {
            mut people,
            mut sources,
            ..
        } = self;
        let mut order: Vec<usize> = (0..people.len())
            .filter(|&p| !people[p].mentions.is_empty())
            .collect();
        order.sort_by_key(|&p| people[p].mentions[0].span);
        let mut new_index = vec![None; people.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = Some(new);
        }
        for s in &mut sources {
            s.person = s.person.and_then(|p| new_index[p]);
        }
        let mut slots: Vec<Option<Person>> = people.drain(..).map(Some).collect();
        let mut people: Vec<Person> = order.iter().filter_map(|&p| slots[p].take()).collect();
        for (i, p) in people.iter_mut().enumerate() {
            p.id = format!("p{}", i + 1);
        }
        for (i, s) in sources.iter_mut().enumerate() {
            s.id = format!("s{}", i + 1);
        }
        link_relayed(&mut sources);
        (people, sources)
    }
}
