//! Corrections applied on top of a fresh annotation: each edit, re-anchoring after the
//! article changes, and what is reported when a correction no longer fits.
#![allow(clippy::unwrap_used)]

use onrecord::annotate::{Annotated, SourceKind};
use onrecord::article::{parse_text, Format};
use onrecord::corrections::{apply, Anchor, Correction, Edit, Unapplied};
use onrecord::span::Span;

const STORY: &str = "Harbor plan stalls\n\n\
The harbor plan is dead, according to two officials who asked not to be named. \
\"We will fight,\" said Maria Lopez, the mayor.\n\n\
Lopez met Tomas Brandt, the council's clerk, on Monday. Brandt said the vote would \
wait. The Daily Ledger reported that the port authority disagreed.\n";

fn annotated(text: &str) -> Annotated {
    Annotated::new(parse_text("story.txt", text.to_string(), Format::Plain))
}

/// The anchor of the `nth` (from 0) occurrence of `words` in `text`.
fn at(text: &str, words: &str, nth: usize) -> Anchor {
    let start = text.match_indices(words).nth(nth).unwrap().0;
    Anchor::of(text, Span::new(start, start + words.len()))
}

fn correction(edit: Edit) -> Correction {
    Correction { record: None, edit }
}

/// Each source as (phrase, kind, corrected).
fn sources(a: &Annotated) -> Vec<(&str, SourceKind, bool)> {
    a.annotations
        .sources
        .iter()
        .map(|s| (s.span.slice(&a.article.text), s.kind, s.corrected))
        .collect()
}

/// Each person as (name, mention texts).
fn people(a: &Annotated) -> Vec<(String, Vec<&str>)> {
    a.annotations
        .people
        .iter()
        .map(|p| {
            let mentions = p
                .mentions
                .iter()
                .map(|m| m.span.slice(&a.article.text))
                .collect();
            (p.name.clone(), mentions)
        })
        .collect()
}

fn corrected(edits: Vec<Edit>) -> (Annotated, Vec<onrecord::corrections::Skipped>) {
    let mut a = annotated(STORY);
    let list: Vec<Correction> = edits.into_iter().map(correction).collect();
    let skipped = apply(&mut a, &list);
    (a, skipped)
}

#[test]
fn the_story_as_the_annotator_finds_it() {
    let a = annotated(STORY);
    assert_eq!(
        sources(&a),
        [
            (
                "two officials who asked not to be named",
                SourceKind::Anonymous,
                false
            ),
            ("Maria Lopez", SourceKind::Named, false),
            ("Brandt", SourceKind::Named, false),
            ("The Daily Ledger", SourceKind::Media, false),
        ]
    );
    assert_eq!(people(&a).len(), 2);
}

#[test]
fn a_kind_change_is_applied_marked_and_counted() {
    let (a, skipped) = corrected(vec![Edit::SourceKind {
        source: at(STORY, "The Daily Ledger", 0),
        cue: at(STORY, "reported", 0),
        kind: SourceKind::Organization,
    }]);
    assert!(skipped.is_empty());
    assert_eq!(
        sources(&a)[3],
        ("The Daily Ledger", SourceKind::Organization, true)
    );
    let summary = &a.annotations.summary;
    assert_eq!(summary.count(SourceKind::Media), 0);
    assert_eq!(summary.count(SourceKind::Organization), 1);
    assert_eq!(summary.corrected, 1);
    assert!(summary.line().contains("1 corrected"), "{}", summary.line());
}

#[test]
fn not_a_source_removes_it_and_a_new_source_joins_in_text_order() {
    let (a, skipped) = corrected(vec![
        Edit::NotASource {
            source: at(STORY, "Brandt", 1),
            cue: at(STORY, "said", 1),
        },
        Edit::NewSource {
            source: at(STORY, "the port authority", 0),
            kind: SourceKind::Organization,
            cue: Some(at(STORY, "disagreed", 0)),
        },
    ]);
    assert!(skipped.is_empty());
    let found = sources(&a);
    assert_eq!(found.len(), 4);
    assert!(!found.iter().any(|s| s.0 == "Brandt"));
    assert_eq!(
        found[3],
        ("the port authority", SourceKind::Organization, true)
    );
    let ids: Vec<&str> = a
        .annotations
        .sources
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["s1", "s2", "s3", "s4"]);
}

#[test]
fn declined_span_reason_and_person_link_are_corrected() {
    let source = at(STORY, "Brandt", 1);
    let cue = at(STORY, "said", 1);
    let (a, skipped) = corrected(vec![
        Edit::SourceDeclined {
            source: source.clone(),
            cue: cue.clone(),
            declined: true,
            no_response: false,
        },
        Edit::SourcePerson {
            source: source.clone(),
            cue: cue.clone(),
            person: None,
        },
        Edit::SourceReason {
            source: source.clone(),
            cue: cue.clone(),
            reason: Some(at(STORY, "on Monday", 0)),
        },
        // The span last: the edits after it would name the source by its new phrase.
        Edit::SourceSpan {
            source,
            cue,
            span: at(STORY, "Brandt said", 0),
        },
    ]);
    assert!(skipped.is_empty(), "{skipped:?}");
    let s = &a.annotations.sources[2];
    assert_eq!(s.span.slice(&a.article.text), "Brandt said");
    assert!(s.declined && !s.no_response && s.corrected);
    assert_eq!(s.person, None);
    assert_eq!(s.reason.unwrap().slice(&a.article.text), "on Monday");
    assert_eq!(a.annotations.summary.declined, 1);
}

#[test]
fn people_are_renamed_merged_split_and_removed() {
    let (a, skipped) = corrected(vec![
        Edit::PersonName {
            person: at(STORY, "Lopez", 1),
            name: "María López".into(),
        },
        Edit::MergePeople {
            person: at(STORY, "Tomas Brandt", 0),
            into: at(STORY, "Maria Lopez", 0),
        },
    ]);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(
        people(&a),
        [(
            "María López".to_string(),
            vec!["Maria Lopez", "Lopez", "Tomas Brandt", "Brandt"]
        )]
    );
    assert!(a.annotations.people[0]
        .aliases
        .contains(&"Tomas Brandt".to_string()));
    // Brandt's source now links to the one person left.
    assert_eq!(a.annotations.sources[2].person, Some(0));

    let (a, skipped) = corrected(vec![
        Edit::SplitMention {
            mention: at(STORY, "Brandt", 1),
        },
        Edit::NotAPerson {
            person: at(STORY, "Lopez", 1),
        },
    ]);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(
        people(&a),
        [
            ("Tomas Brandt".to_string(), vec!["Tomas Brandt"]),
            ("Brandt".to_string(), vec!["Brandt"]),
        ]
    );
    let ids: Vec<&str> = a.annotations.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p2"]);
    // Maria Lopez's source lost its person; Brandt's source follows the split mention.
    assert_eq!(a.annotations.sources[1].person, None);
    assert_eq!(a.annotations.sources[2].person, Some(1));
}

#[test]
fn mentions_are_added_and_removed() {
    let (a, skipped) = corrected(vec![
        Edit::NewMention {
            mention: at(STORY, "The Daily Ledger", 0),
            person: None,
        },
        Edit::NotAMention {
            mention: at(STORY, "Lopez", 1),
        },
        Edit::NewMention {
            mention: at(STORY, "Maria Lopez", 0),
            person: None,
        },
    ]);
    assert_eq!(
        skipped.iter().map(|s| s.index).collect::<Vec<_>>(),
        [2],
        "a mention where one is already is refused"
    );
    assert!(matches!(skipped[0].why, Unapplied::MentionOverlaps(_)));
    let found = people(&a);
    assert_eq!(found[0].1, ["Maria Lopez"]);
    assert!(found.contains(&("The Daily Ledger".to_string(), vec!["The Daily Ledger"])));
}

#[test]
fn a_correction_follows_its_text_when_the_article_changes() {
    let edit = Edit::SourceKind {
        source: at(STORY, "The Daily Ledger", 0),
        cue: at(STORY, "reported", 0),
        kind: SourceKind::Organization,
    };
    let changed = STORY.replace("Harbor plan stalls", "Harbor plan stalls again, for now");
    let mut a = annotated(&changed);
    let skipped = apply(&mut a, &[correction(edit)]);
    assert!(skipped.is_empty(), "{skipped:?}");
    let s = &a.annotations.sources[3];
    assert_eq!(s.span.slice(&a.article.text), "The Daily Ledger");
    assert_eq!(s.kind, SourceKind::Organization);
}

#[test]
fn a_correction_whose_sentence_is_gone_is_reported_not_applied() {
    let edit = Edit::SourceKind {
        source: at(STORY, "The Daily Ledger", 0),
        cue: at(STORY, "reported", 0),
        kind: SourceKind::Organization,
    };
    let changed = STORY.replace(
        " The Daily Ledger reported that the port authority disagreed.",
        "",
    );
    let mut a = annotated(&changed);
    let skipped = apply(&mut a, &[correction(edit)]);
    assert_eq!(skipped.len(), 1);
    assert!(
        matches!(&skipped[0].why, Unapplied::TextGone(t) if t.contains("The Daily Ledger")),
        "{skipped:?}"
    );
    assert_eq!(a.annotations.summary.corrected, 0);
}
