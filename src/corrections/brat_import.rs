//! A brat `.ann` file, as our export wrote it and a person then edited it in brat, read
//! back and compared with the article's annotation: what differs becomes corrections.
//!
//! Read from the `.ann`: `Person` entities (the people's mentions), `Source` entities
//! with their `Kind`, `Attribution` events (cue and source) with `Declined`, `Reason`
//! entities that `Justifies` a source, and `Refers` from a source to a person. Other
//! lines brat writes (notes, normalizations, equivalences) are read and left alone.

use super::{apply, Anchor, Correction, Edit};
use crate::annotate::{Annotated, SourceKind};
use crate::export::brat::line_fragments;
use crate::span::Span;
use std::collections::{BTreeSet, HashMap};

/// A fault in an `.ann` file: its line (from 1) and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct AnnFault {
    pub line: usize,
    pub message: String,
}

fn fault(line: usize, message: impl Into<String>) -> AnnFault {
    AnnFault {
        line,
        message: message.into(),
    }
}

/// A text-bound annotation: its label and the byte span from its first fragment's
/// start to its last fragment's end.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TextBound {
    label: String,
    span: Span,
}

/// An attribution as brat holds it: an `Attribution` event, or a `Source` entity with a
/// `Kind` and no event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BratSource {
    pub span: Span,
    /// The event's trigger; none for a source entity without an event.
    pub cue: Option<Span>,
    pub kind: Option<SourceKind>,
    pub declined: bool,
    pub reason: Option<Span>,
    /// The span of the person mention the source `Refers` to.
    pub person: Option<Span>,
    /// The `Person` entity it refers to, by id (to tell which new mention it names).
    person_id: Option<String>,
}

/// What an `.ann` file says, in byte spans of the article's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ann {
    /// Every `Person` entity's span, with its id.
    pub mentions: Vec<(String, Span)>,
    pub sources: Vec<BratSource>,
}

/// Reads an `.ann` file over `text` (the article's text, which the `.txt` holds
/// verbatim). Offsets are code points, as brat counts them. A line that cannot be read,
/// an offset beyond the text, or a reference to an id no line defines is a fault naming
/// the line.
pub fn parse_ann(ann: &str, text: &str) -> Result<Ann, AnnFault> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut spans: HashMap<String, (usize, TextBound)> = HashMap::new();
    let mut events = Vec::new();
    let mut attributes = Vec::new();
    let mut relations = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or_default();
        let body = fields
            .next()
            .ok_or_else(|| fault(n, format!("no tab after the id in {}", quote(line))))?;
        match id.chars().next() {
            Some('T') => {
                let tb = text_bound(body, &bytes).map_err(|m| fault(n, m))?;
                spans.insert(id.to_string(), (n, tb));
            }
            Some('E') => events.push((n, id.to_string(), parse_event(body, n)?)),
            Some('A' | 'M') => {
                let words: Vec<&str> = body.split_whitespace().collect();
                if !(2..=3).contains(&words.len()) {
                    return Err(fault(
                        n,
                        format!("an attribute is “NAME ID [VALUE]”, not {}", quote(body)),
                    ));
                }
                attributes.push((n, words[0], words[1], words.get(2).copied()));
            }
            Some('R') => {
                let words: Vec<&str> = body.split_whitespace().collect();
                let arg = |w: Option<&&str>, role: &str| {
                    w.and_then(|w| w.split_once(':'))
                        .filter(|(r, _)| *r == role)
                        .map(|(_, id)| id.to_string())
                };
                match (
                    words.first(),
                    arg(words.get(1), "Arg1"),
                    arg(words.get(2), "Arg2"),
                ) {
                    (Some(label), Some(a), Some(b)) if words.len() == 3 => {
                        relations.push((n, label.to_string(), a, b));
                    }
                    _ => {
                        return Err(fault(
                            n,
                            format!("a relation is “LABEL Arg1:ID Arg2:ID”, not {}", quote(body)),
                        ))
                    }
                }
            }
            // Notes, normalizations and equivalences say nothing we keep.
            Some('#' | 'N' | '*') => {}
            _ => {
                return Err(fault(
                    n,
                    format!("no brat annotation starts with {}", quote(id)),
                ))
            }
        }
    }
    let entity = |n: usize, id: &str| -> Result<&TextBound, AnnFault> {
        spans
            .get(id)
            .map(|(_, tb)| tb)
            .ok_or_else(|| fault(n, format!("{} names no text-bound annotation", quote(id))))
    };
    let mut ann = Ann::default();
    let mut by_id: Vec<(&String, &(usize, TextBound))> = spans.iter().collect();
    by_id.sort_by_key(|(_, (n, _))| *n);
    for (id, (_, tb)) in &by_id {
        if tb.label == "Person" {
            ann.mentions.push(((*id).clone(), tb.span));
        }
    }
    // What each source entity carries: its kind, its reason, its person.
    let mut kind_of: HashMap<&str, SourceKind> = HashMap::new();
    let mut declined: BTreeSet<&str> = BTreeSet::new();
    for &(n, name, target, value) in &attributes {
        match name {
            "Kind" => {
                entity(n, target)?;
                let value = value.ok_or_else(|| fault(n, "Kind needs a value"))?;
                let kind = value
                    .parse::<SourceKind>()
                    .map_err(|_| fault(n, format!("{} is no source kind", quote(value))))?;
                kind_of.insert(target, kind);
            }
            "Declined" => {
                declined.insert(target);
            }
            _ => {}
        }
    }
    let mut reason_of: HashMap<&str, Span> = HashMap::new();
    let mut person_of: HashMap<&str, (String, Span)> = HashMap::new();
    for (n, label, a, b) in &relations {
        // Relations of other kinds may join what they like; they are left alone.
        match label.as_str() {
            "Justifies" => {
                entity(*n, b)?;
                reason_of.insert(b, entity(*n, a)?.span);
            }
            "Refers" => {
                entity(*n, a)?;
                person_of.insert(a, (b.clone(), entity(*n, b)?.span));
            }
            _ => {}
        }
    }
    let brat_source = |id: &str, cue: Option<Span>, declined: bool| {
        let tb = &spans[id].1;
        let person = person_of.get(id);
        BratSource {
            span: tb.span,
            cue,
            kind: kind_of.get(id).copied(),
            declined,
            reason: reason_of.get(id).copied(),
            person: person.map(|p| p.1),
            person_id: person.map(|p| p.0.clone()),
        }
    };
    let mut with_event: BTreeSet<&str> = BTreeSet::new();
    for (n, id, event) in &events {
        if event.kind != "Attribution" {
            continue;
        }
        let trigger = entity(*n, &event.trigger)?;
        let mut source = None;
        for (role, arg) in &event.args {
            let arg_tb = entity(*n, arg)?;
            if role == "Source" && arg_tb.label == "Source" {
                source = Some(arg.as_str());
            }
        }
        if let Some(source) = source {
            with_event.insert(source);
            let declined = declined.contains(id.as_str());
            ann.sources
                .push(brat_source(source, Some(trigger.span), declined));
        }
    }
    for (id, (_, tb)) in &by_id {
        let lone = tb.label == "Source" && !with_event.contains(id.as_str());
        if lone && kind_of.contains_key(id.as_str()) {
            ann.sources.push(brat_source(id, None, false));
        }
    }
    Ok(ann)
}

fn quote(s: &str) -> String {
    format!("“{}”", crate::sanitize::clean(s))
}

/// `Label START END[;START END]*`, with the covered text after a tab.
fn text_bound(body: &str, bytes: &[usize]) -> Result<TextBound, String> {
    let (label, offsets) = body.split_once(' ').ok_or_else(|| {
        format!(
            "a text-bound annotation is “LABEL START END”, not {}",
            quote(body)
        )
    })?;
    let mut hull: Option<(usize, usize)> = None;
    for fragment in offsets.split(';') {
        let numbers: Vec<&str> = fragment.split_whitespace().collect();
        let parse = |s: &str| {
            s.parse::<usize>()
                .map_err(|_| format!("{} is no offset", quote(s)))
        };
        let [start, end] = numbers[..] else {
            return Err(format!("{} is not “START END”", quote(fragment)));
        };
        let (start, end) = (parse(start)?, parse(end)?);
        if start > end || end >= bytes.len() {
            return Err(format!(
                "the span {start}–{end} is not within the text ({} code points)",
                bytes.len() - 1
            ));
        }
        hull = Some(match hull {
            None => (start, end),
            Some((a, b)) => (a.min(start), b.max(end)),
        });
    }
    let (start, end) = hull.ok_or_else(|| "no offsets".to_string())?;
    Ok(TextBound {
        label: label.to_string(),
        span: Span::new(bytes[start], bytes[end]),
    })
}

struct Event {
    kind: String,
    trigger: String,
    args: Vec<(String, String)>,
}

/// `Type:TRIGGER Role:ID …`; a repeated role's number (`Source2`) is dropped.
fn parse_event(body: &str, n: usize) -> Result<Event, AnnFault> {
    let mut pairs = body.split_whitespace().map(|w| {
        w.split_once(':')
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .ok_or_else(|| fault(n, format!("{} is not “ROLE:ID”", quote(w))))
    });
    let (kind, trigger) = pairs
        .next()
        .ok_or_else(|| fault(n, "an event is “TYPE:TRIGGER ROLE:ID …”"))??;
    let args = pairs
        .map(|p| {
            p.map(|(role, id)| {
                (
                    role.trim_end_matches(|c: char| c.is_ascii_digit())
                        .to_string(),
                    id,
                )
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(Event {
        kind,
        trigger,
        args,
    })
}

/// The corrections that make `annotated` (a fresh annotation with the corrections made
/// so far) say what the `.ann` says, in the order they are to be applied, and what
/// could not be carried over. `only`: the kinds the export kept; sources of other kinds
/// were never in the `.ann` and are left alone.
pub fn diff(
    annotated: &Annotated,
    ann: &Ann,
    only: Option<&[SourceKind]>,
) -> (Vec<Edit>, Vec<String>) {
    let mut notes = Vec::new();
    let mut edits = people_edits(annotated, ann, &mut notes);
    let mut after = annotated.clone();
    let people: Vec<Correction> = edits
        .iter()
        .map(|edit| Correction {
            record: None,
            edit: edit.clone(),
        })
        .collect();
    apply(&mut after, &people);
    edits.extend(source_edits(annotated, &after, ann, only));
    (edits, notes)
}

/// A span as the `.ann` gives it: from its first line fragment to its last.
fn hull(text: &str, span: Span) -> Span {
    let frags = line_fragments(text, span);
    match (frags.first(), frags.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.end),
        _ => span,
    }
}

fn people_edits(a: &Annotated, ann: &Ann, notes: &mut Vec<String>) -> Vec<Edit> {
    let text = &a.article.text;
    let anchor = |span: Span| Anchor::of(text, span);
    let in_brat: BTreeSet<Span> = ann.mentions.iter().map(|m| m.1).collect();
    let mut edits = Vec::new();
    // Every mention the annotation has, by its span as brat gives it.
    let mut known: BTreeSet<Span> = BTreeSet::new();
    // The first mention each person keeps.
    let mut kept_first: Vec<Option<Span>> = Vec::new();
    for person in &a.annotations.people {
        let gone: Vec<Span> = person
            .mentions
            .iter()
            .map(|m| m.span)
            .filter(|&s| !in_brat.contains(&hull(text, s)))
            .collect();
        known.extend(person.mentions.iter().map(|m| hull(text, m.span)));
        kept_first.push(
            person
                .mentions
                .iter()
                .map(|m| m.span)
                .find(|s| !gone.contains(s)),
        );
        if gone.len() == person.mentions.len() && !gone.is_empty() {
            edits.push(Edit::NotAPerson {
                person: anchor(gone[0]),
            });
        } else {
            edits.extend(
                gone.iter()
                    .map(|&m| Edit::NotAMention { mention: anchor(m) }),
            );
        }
    }
    // The kept mentions, which a new one may not overlap.
    let kept: Vec<Span> = a
        .annotations
        .people
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| m.span))
        .filter(|&s| in_brat.contains(&hull(text, s)))
        .collect();
    // Sources the annotation links to a person, by their span, to follow a `Refers` to
    // a new mention to that person.
    let linked: HashMap<Span, usize> = a
        .annotations
        .sources
        .iter()
        .filter_map(|s| s.person.map(|p| (hull(text, s.span), p)))
        .collect();
    let mut added: Vec<Span> = Vec::new();
    for (id, span) in &ann.mentions {
        let span = *span;
        if known.contains(&span) || added.contains(&span) {
            continue;
        }
        let words = span.slice(text);
        if kept.iter().any(|k| k.overlaps(span)) {
            notes.push(format!(
                "the new mention “{}” overlaps one the annotator found; left out",
                crate::sanitize::clean(words)
            ));
            continue;
        }
        let by_refers = ann
            .sources
            .iter()
            .filter(|s| s.person_id.as_deref() == Some(id.as_str()))
            .find_map(|s| linked.get(&s.span))
            .and_then(|&p| kept_first[p]);
        let by_text = || {
            a.annotations
                .people
                .iter()
                .enumerate()
                .find_map(|(p, person)| {
                    let same = person.name == words
                        || person.aliases.iter().any(|n| n == words)
                        || person.mentions.iter().any(|m| m.span.slice(text) == words);
                    same.then_some(kept_first[p]).flatten()
                })
        };
        let by_new = || added.iter().find(|s| s.slice(text) == words).copied();
        let person = by_refers.or_else(by_text).or_else(by_new);
        edits.push(Edit::NewMention {
            mention: anchor(span),
            person: person.map(anchor),
        });
        added.push(span);
    }
    edits
}

fn source_edits(
    before: &Annotated,
    a: &Annotated,
    ann: &Ann,
    only: Option<&[SourceKind]>,
) -> Vec<Edit> {
    let text = &a.article.text;
    let anchor = |span: Span| Anchor::of(text, span);
    let ours: Vec<&crate::annotate::Source> = a.annotations.sources.iter().collect();
    // Sources of kinds the export left out were never in the `.ann`: missing there,
    // they are not removed.
    let in_export = |s: &crate::annotate::Source| only.is_none_or(|k| k.contains(&s.counted_kind));
    // Source entities the annotation has, so that one left without its event is no new
    // source.
    let all_spans: BTreeSet<Span> = before
        .annotations
        .sources
        .iter()
        .chain(&a.annotations.sources)
        .map(|s| hull(text, s.span))
        .collect();
    let theirs: Vec<&BratSource> = ann
        .sources
        .iter()
        .filter(|b| b.cue.is_some() || !all_spans.contains(&b.span))
        .collect();
    let mut pair: Vec<Option<usize>> = vec![None; ours.len()];
    let mut taken = vec![false; theirs.len()];
    let key = |s: &crate::annotate::Source| (hull(text, s.span), hull(text, s.cue));
    // The same phrase and cue; then the same cue, the phrase moved.
    for same_span in [true, false] {
        for (i, s) in ours.iter().enumerate() {
            if pair[i].is_some() {
                continue;
            }
            let (span, cue) = key(s);
            let found = (0..theirs.len()).find(|&j| {
                !taken[j] && theirs[j].cue == Some(cue) && (!same_span || theirs[j].span == span)
            });
            if let Some(j) = found {
                pair[i] = Some(j);
                taken[j] = true;
            }
        }
    }
    let person_of = |span: Span| {
        a.annotations
            .people
            .iter()
            .position(|p| p.mentions.iter().any(|m| hull(text, m.span) == span))
    };
    let mut edits = Vec::new();
    for (i, s) in ours.iter().enumerate() {
        if pair[i].is_none() && in_export(s) {
            edits.push(Edit::NotASource {
                source: anchor(s.span),
                cue: anchor(s.cue),
            });
        }
    }
    for (i, s) in ours.iter().enumerate() {
        let Some(j) = pair[i] else { continue };
        let b = theirs[j];
        let (source, cue) = (anchor(s.span), anchor(s.cue));
        if let Some(kind) = b.kind.filter(|&k| k != s.kind) {
            edits.push(Edit::SourceKind {
                source: source.clone(),
                cue: cue.clone(),
                kind,
            });
        }
        if b.declined != s.declined {
            edits.push(Edit::SourceDeclined {
                source: source.clone(),
                cue: cue.clone(),
                declined: b.declined,
                no_response: false,
            });
        }
        if b.reason != s.reason.map(|r| hull(text, r)) {
            edits.push(Edit::SourceReason {
                source: source.clone(),
                cue: cue.clone(),
                reason: b.reason.map(anchor),
            });
        }
        let wanted = b.person.and_then(person_of);
        if b.person.is_some_and(|_| wanted.is_some()) && wanted != s.person
            || b.person.is_none() && s.person.is_some()
        {
            edits.push(Edit::SourcePerson {
                source: source.clone(),
                cue: cue.clone(),
                person: b.person.filter(|_| wanted.is_some()).map(anchor),
            });
        }
        if b.span != hull(text, s.span) {
            edits.push(Edit::SourceSpan {
                source,
                cue,
                span: anchor(b.span),
            });
        }
    }
    for (j, b) in theirs.iter().enumerate() {
        if taken[j] {
            continue;
        }
        let kind = b.kind.unwrap_or(match b.person {
            Some(_) => SourceKind::Named,
            None => SourceKind::Anonymous,
        });
        let (source, cue) = (anchor(b.span), anchor(b.cue.unwrap_or(b.span)));
        edits.push(Edit::NewSource {
            source: source.clone(),
            kind,
            cue: b.cue.map(anchor),
        });
        if b.declined {
            edits.push(Edit::SourceDeclined {
                source: source.clone(),
                cue: cue.clone(),
                declined: true,
                no_response: false,
            });
        }
        if let Some(r) = b.reason {
            edits.push(Edit::SourceReason {
                source: source.clone(),
                cue: cue.clone(),
                reason: Some(anchor(r)),
            });
        }
        // A new source is linked to the person a mention inside it names; say so when
        // brat says otherwise.
        let auto = a
            .annotations
            .people
            .iter()
            .position(|p| p.mentions.iter().any(|m| m.span.overlaps(b.span)));
        let wanted = b.person.and_then(person_of);
        if wanted != auto && (wanted.is_some() || b.person.is_none()) {
            edits.push(Edit::SourcePerson {
                source,
                cue,
                person: b.person.filter(|_| wanted.is_some()).map(anchor),
            });
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{parse_text, Format};
    use crate::export::brat::ann;

    use crate::corrections::fixture::STORY;

    fn annotated() -> Annotated {
        Annotated::new(parse_text("story.txt", STORY.to_string(), Format::Plain))
    }

    /// Code-point offsets of the `nth` occurrence of `words` (the story is ASCII).
    fn offsets(words: &str, nth: usize) -> (usize, usize) {
        let start = STORY.match_indices(words).nth(nth).unwrap().0;
        (start, start + words.len())
    }

    /// The id of the line with this label and text.
    fn id(ann: &str, label: &str, text: &str) -> String {
        ann.lines()
            .find(|l| l.contains(&format!("\t{label} ")) && l.ends_with(&format!("\t{text}")))
            .unwrap()
            .split('\t')
            .next()
            .unwrap()
            .to_string()
    }

    fn without(ann: &str, gone: impl Fn(&str) -> bool) -> String {
        ann.lines()
            .filter(|l| !gone(l))
            .map(|l| format!("{l}\n"))
            .collect()
    }

    /// The edits the `.ann` asks for; applying them leaves nothing more to ask.
    fn edits_for(edited: &str) -> Vec<Edit> {
        let a = annotated();
        let parsed = parse_ann(edited, STORY).unwrap();
        let (edits, notes) = diff(&a, &parsed, None);
        assert!(notes.is_empty(), "{notes:?}");
        let mut after = annotated();
        let list: Vec<Correction> = edits
            .iter()
            .map(|e| Correction {
                record: None,
                edit: e.clone(),
            })
            .collect();
        assert!(apply(&mut after, &list).is_empty());
        assert_eq!(diff(&after, &parsed, None).0, [], "after {edits:?}");
        edits
    }

    #[test]
    fn the_export_read_back_asks_for_nothing() {
        assert_eq!(edits_for(&ann(&annotated())), []);
    }

    #[test]
    fn declined_reason_refers_and_span_edits_are_read() {
        let exported = ann(&annotated());
        let vornholm = id(&exported, "Source", "Ilsabet Vornholm");
        let event = exported
            .lines()
            .find(|l| l.contains(&format!("Source:{vornholm}")))
            .unwrap()
            .split('\t')
            .next()
            .unwrap()
            .to_string();
        let staff = id(
            &exported,
            "Source",
            "three staff members who asked not to be named",
        );
        let (a, b) = offsets("three staff members", 0);
        let edited = without(&exported, |l| {
            l.starts_with('R') && (l.contains("Justifies") || l.contains(&vornholm))
        })
        .replace(
            &format!("{staff}\tSource {} {}", a, offsets("be named", 0).1),
            &format!("{staff}\tSource {a} {b}"),
        ) + &format!("A90\tDeclined {event}\n");
        let names: Vec<&str> = edits_for(&edited).iter().map(Edit::name).collect();
        assert_eq!(
            names,
            [
                "source-reason",
                "source-span",
                "source-declined",
                "source-person"
            ]
        );
    }

    #[test]
    fn mentions_removed_and_added_follow_refers_and_text() {
        let exported = ann(&annotated());
        let second = id(&exported, "Person", "Vornholm");
        let source = id(&exported, "Source", "Ilsabet Vornholm");
        let (a, b) = offsets("the county planner", 0);
        let edited = without(&exported, |l| l.starts_with(&format!("{second}\t"))).replace(
            &format!("Refers Arg1:{source} Arg2:T1"),
            &format!("Refers Arg1:{source} Arg2:T90"),
        ) + &format!("T90\tPerson {a} {b}\tthe county planner\n");
        let edits = edits_for(&edited);
        assert_eq!(edits.len(), 2, "{edits:?}");
        assert!(matches!(&edits[0], Edit::NotAMention { mention } if mention.text == "Vornholm"));
        assert!(matches!(
            &edits[1],
            Edit::NewMention { mention, person: Some(p) }
                if mention.text == "the county planner" && p.text == "Ilsabet Vornholm"
        ));
    }

    #[test]
    fn a_new_source_with_its_event_and_a_person_removed_are_read() {
        let exported = ann(&annotated());
        let (s1, s2) = offsets("the mining firm", 0);
        let (c1, c2) = offsets("objected", 0);
        let tullimore: Vec<String> = ["Garrick Tullimore", "Tullimore"]
            .iter()
            .map(|t| id(&exported, "Person", t))
            .collect();
        let edited = without(&exported, |l| {
            tullimore
                .iter()
                .any(|t| l.starts_with(&format!("{t}\t")) || l.ends_with(&format!(":{t}")))
        }) + &format!(
            "T90\tSource {s1} {s2}\tthe mining firm\nT91\tAttribution {c1} {c2}\tobjected\n\
             E90\tAttribution:T91 Source:T90\nA90\tKind T90 organization\n"
        );
        let edits = edits_for(&edited);
        assert!(
            matches!(&edits[0], Edit::NotAPerson { person } if person.text == "Garrick Tullimore")
        );
        assert!(matches!(
            &edits[1],
            Edit::NewSource { source, kind: SourceKind::Organization, cue: Some(cue) }
                if source.text == "the mining firm" && cue.text == "objected"
        ));
        assert_eq!(edits.len(), 2, "{edits:?}");
    }

    #[test]
    fn sources_the_export_left_out_are_left_alone() {
        let only = [SourceKind::Named];
        let exported = ann(&annotated().only_kinds(&only));
        let parsed = parse_ann(&exported, STORY).unwrap();
        assert_eq!(diff(&annotated(), &parsed, Some(&only)).0, []);
        assert_eq!(diff(&annotated(), &parsed, None).0.len(), 2, "two left out");

        // A kind changed to one the export leaves out is still compared.
        let vornholm = id(&exported, "Source", "Ilsabet Vornholm");
        let edited = exported.replace(
            &format!("Kind {vornholm} named"),
            &format!("Kind {vornholm} anonymous"),
        );
        let parsed = parse_ann(&edited, STORY).unwrap();
        let (edits, _) = diff(&annotated(), &parsed, Some(&only));
        assert_eq!(
            edits.iter().map(Edit::name).collect::<Vec<_>>(),
            ["source-kind"]
        );
        let mut after = annotated();
        let list = [Correction {
            record: None,
            edit: edits[0].clone(),
        }];
        assert!(apply(&mut after, &list).is_empty());
        assert_eq!(diff(&after, &parsed, Some(&only)).0, []);
    }

    #[test]
    fn offsets_are_code_points_of_text_beyond_ascii() {
        let text = "Hafen\n\n„Wir warten“, sagte Zoë Ørnvik, die Hafenmeisterin. \
            Ørnvik sagte später, das Boot 🚢 komme, according to two pilots.\n";
        let a = Annotated::new(parse_text("hafen.txt", text.to_string(), Format::Plain));
        let exported = ann(&a);
        let parsed = parse_ann(&exported, text).unwrap();
        for (_, span) in &parsed.mentions {
            assert!(span.slice(text).contains("Ørnvik"), "{span:?}");
        }
        assert_eq!(diff(&a, &parsed, None).0, []);
    }

    #[test]
    fn no_line_makes_the_reader_panic() {
        let lines = [
            "",
            "\t",
            "T1",
            "T1\t",
            "T1\tPerson",
            "T1\tPerson 1",
            "T1\tPerson 1 2;",
            "T1\tPerson ;",
            "T1\tPerson -1 2\tx",
            "T1\tPerson 1 99999999999999999999999\tx",
            "E1\t",
            "E1\t:",
            "E1\tAttribution",
            "A1\t",
            "A1\tKind",
            "A1\tKind T1 named extra words",
            "R1\t",
            "R1\tRefers Arg1: Arg2:",
            "#1\t",
            "N1",
            "*\tEquiv T1 T2",
            "é\tx",
            "T1\tPerson 3 4\tx\ty",
        ];
        for line in lines {
            let _ = parse_ann(line, STORY);
            let _ = parse_ann(&format!("T1\tSource 0 6\tQuarry\n{line}\n"), STORY);
        }
    }

    #[test]
    fn a_cue_moved_is_the_attribution_made_anew_with_what_it_carries() {
        let exported = ann(&annotated());
        let (a, b) = offsets("said", 1);
        let (c, d) = offsets("would move", 0);
        let cue = exported
            .lines()
            .find(|l| l.contains(&format!("\tAttribution {a} {b}\t")))
            .unwrap()
            .to_string();
        let moved = cue.replace(&format!("{a} {b}\tsaid"), &format!("{c} {d}\twould move"));
        let edits = edits_for(&exported.replace(&cue, &moved));
        let names: Vec<&str> = edits.iter().map(Edit::name).collect();
        assert_eq!(names, ["not-a-source", "new-source"]);
        assert!(matches!(
            &edits[1],
            Edit::NewSource { source, kind: SourceKind::Named, cue: Some(cue) }
                if source.text == "Tullimore" && cue.text == "would move"
        ));
    }

    #[test]
    fn a_new_mention_of_a_name_already_known_joins_its_person() {
        let text = "Harbour dues\n\nWenna Trezise said the dues would rise. \
            The clerk agreed with Trezise on Monday.\n";
        let fresh = Annotated::new(parse_text("dues.txt", text.to_string(), Format::Plain));
        let exported = ann(&fresh);
        // A correction made before took the second mention away; brat has it.
        let last = text.rfind("Trezise").unwrap();
        let second = Anchor::of(text, Span::new(last, last + 7));
        let mut a = fresh.clone();
        let taken = Correction {
            record: None,
            edit: Edit::NotAMention {
                mention: second.clone(),
            },
        };
        assert!(apply(&mut a, &[taken]).is_empty());
        let parsed = parse_ann(&exported, text).unwrap();
        let (edits, _) = diff(&a, &parsed, None);
        assert!(
            matches!(
                &edits[..],
                [Edit::NewMention { mention, person: Some(p) }]
                    if *mention == second && p.text == "Wenna Trezise"
            ),
            "{edits:?}"
        );
    }

    #[test]
    fn faults_name_their_line() {
        let fault = |ann: &str| parse_ann(ann, STORY).unwrap_err();
        assert_eq!(fault("T1\tPerson 0 6\tQuarry\nT2 Person 0 6\n").line, 2);
        assert_eq!(fault("\nT1\tPerson 0 6;8\tQuarry\n").line, 2);
        assert_eq!(fault("T1\tPerson 6 0\tQuarry\n").line, 1);
        assert_eq!(
            fault("T1\tSource 0 6\tQuarry\nA1\tKind T1 rumour\n").line,
            2
        );
        assert_eq!(fault("E1\tAttribution:T7 Source:T8\n").line, 1);
        assert_eq!(fault("X1\tsomething\n").line, 1);
        assert!(fault("R1\tRefers Arg1:T1\n")
            .message
            .contains("LABEL Arg1:ID Arg2:ID"));
        // Notes and normalizations are read and left alone.
        let ok =
            "T1\tPerson 0 6\tQuarry\n#1\tAnnotatorNotes T1\ta note\nN1\tReference T1 Wiki:1\tQ\n";
        assert_eq!(parse_ann(ok, STORY).unwrap().mentions.len(), 1);
    }
}
