//! Corrections made in the reader by keys, on an invented article in a temp folder:
//! the annotations they lead to, the sidecar on disk, the marker on screen, undo and
//! redo, and reverting from the corrections overlay.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;
use common::reader::{key, press};
use onrecord::annotate::{Annotated, SourceKind};
use onrecord::article::parse_bytes;
use onrecord::corrections::{ArticleCorrections, Corrections, Edit, Place};
use onrecord::tui::app::{App, Overlay, Pane};
use onrecord::tui::input::handle_key;
use onrecord::tui::keymap::KeyMap;
use onrecord::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

/// Invented names only (none of them is in the evaluation articles).
const STORY: &str = "Harbour council delays the vote on the ferry pier

The Wrenfield harbour council delayed its vote on the new ferry pier on Tuesday, said Odalys Pembrook, the council's chair.

Two officials familiar with the talks said the builder had asked for more money. They spoke on condition of anonymity because the talks were private.

Pembrook said the pier would still open next spring.

Caspian Threlkeld, who runs the builder, declined to comment.

The Wrenfield Gazette reported that the cost had doubled.

Marisol Quenby, a local fisher, said she hoped the pier would be built. Quenby has fished there for years.
";

fn write_story(dir: &Path) -> PathBuf {
    let path = dir.join("story.txt");
    std::fs::write(&path, STORY).unwrap();
    path
}

/// The article as the reader gets it: annotated, with its sidecar applied.
fn annotated(path: &Path, place: &Place) -> Annotated {
    let name = path.display().to_string();
    let article = parse_bytes(&name, &std::fs::read(path).unwrap(), None)
        .unwrap()
        .0;
    let mut a = Annotated::new(article);
    let warnings = Corrections::from(place.clone()).apply_to(&mut a);
    assert!(warnings.is_empty(), "{warnings:?}");
    a
}

fn open(path: &Path, place: Option<Place>) -> App {
    let a = annotated(path, place.as_ref().unwrap_or(&Place::Beside));
    let themes = vec![Theme::bundled("mono").unwrap()];
    let mut app = App::new(vec![a], themes, 0, KeyMap::with_overrides(None).unwrap());
    app.set_corrections_place(place);
    render(&mut app);
    app
}

fn ctrl(app: &mut App, c: char) {
    handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// The reader drawn at 120×40, as text.
fn render(app: &mut App) -> String {
    common::reader::screen(&common::reader::render(app, 120, 40))
}

fn text_of(app: &App, span: onrecord::span::Span) -> String {
    span.slice(&app.article().article.text).to_string()
}

/// Every source as (its words, its kind).
fn sources(app: &App) -> Vec<(String, SourceKind)> {
    app.article()
        .annotations
        .sources
        .iter()
        .map(|s| (text_of(app, s.span), s.kind))
        .collect()
}

fn source<'a>(app: &'a App, words: &str) -> &'a onrecord::annotate::Source {
    let text = &app.article().article.text;
    app.article()
        .annotations
        .sources
        .iter()
        .find(|s| s.span.slice(text) == words)
        .unwrap_or_else(|| panic!("no source “{words}” in {:?}", sources(app)))
}

fn person<'a>(app: &'a App, name: &str) -> Option<&'a onrecord::annotate::Person> {
    app.article()
        .annotations
        .people
        .iter()
        .find(|p| p.name == name)
}

/// Focuses a pane by Tab.
fn focus(app: &mut App, pane: Pane) {
    while app.focus != pane {
        key(app, KeyCode::Tab);
    }
}

/// Focuses the Sources pane and moves down to the source with these words.
fn select_source(app: &mut App, words: &str) {
    focus(app, Pane::Sources);
    press(app, "g");
    for _ in 0..20 {
        let s = app.selected_source().unwrap();
        if text_of(app, app.article().annotations.sources[s].span) == words {
            return;
        }
        press(app, "j");
    }
    panic!("no source “{words}” in the list");
}

fn select_person(app: &mut App, name: &str) {
    focus(app, Pane::People);
    press(app, "g");
    for _ in 0..20 {
        let p = app.selected_person().unwrap();
        if app.article().annotations.people[p].name == name {
            return;
        }
        press(app, "j");
    }
    panic!("no person {name}");
}

/// Searches the text for `words` and selects them.
fn select_words(app: &mut App, words: &str) {
    focus(app, Pane::Text);
    press(app, "/");
    press(app, words);
    key(app, KeyCode::Enter);
    press(app, "v");
    let selected = app.selection.as_ref().unwrap().span();
    assert_eq!(text_of(app, selected), words);
}

fn saved(path: &Path, place: &Place) -> Vec<Edit> {
    ArticleCorrections::load(place, &path.display().to_string())
        .unwrap()
        .list
        .into_iter()
        .map(|c| c.edit)
        .collect()
}

fn status(app: &App) -> String {
    app.status.clone().unwrap_or_default()
}

#[test]
fn a_kind_change_is_applied_saved_marked_undone_and_redone() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    let sidecar = dir.path().join("story.onrecord.toml");
    let mut app = open(&path, Some(Place::Beside));
    select_source(&mut app, "Caspian Threlkeld");
    assert_eq!(
        source(&app, "Caspian Threlkeld").kind,
        SourceKind::Organization
    );
    press(&mut app, "K");
    assert!(matches!(app.overlay, Some(Overlay::Pick(_))));
    assert!(render(&mut app).contains("Kind of source"));
    // The kinds in the order of SourceKind::ALL (anonymous, named, organization, …),
    // the picker on the source's own: named is the one above.
    press(&mut app, "k");
    key(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none());
    let s = source(&app, "Caspian Threlkeld");
    assert_eq!((s.kind, s.corrected), (SourceKind::Named, true));
    assert!(
        status(&app).contains("saved in story.onrecord.toml"),
        "{}",
        status(&app)
    );
    assert!(matches!(
        saved(&path, &Place::Beside)[..],
        [Edit::SourceKind {
            kind: SourceKind::Named,
            ..
        }]
    ));
    let screen = render(&mut app);
    assert!(screen.contains("NAMED ✎ Caspian Threlkeld"), "{screen}");
    insta::assert_snapshot!("kind_corrected_120x40", screen);
    assert_eq!(
        app.selected_source()
            .map(|s| app.article().annotations.sources[s].kind),
        Some(SourceKind::Named),
        "the edited source stays selected"
    );

    press(&mut app, "u");
    assert_eq!(
        source(&app, "Caspian Threlkeld").kind,
        SourceKind::Organization
    );
    assert!(!sidecar.exists(), "no corrections left: no sidecar");
    assert!(status(&app).starts_with("undone: source-kind"));
    press(&mut app, "U");
    assert_eq!(source(&app, "Caspian Threlkeld").kind, SourceKind::Named);
    assert_eq!(saved(&path, &Place::Beside).len(), 1);
    press(&mut app, "u");
    ctrl(&mut app, 'r');
    assert_eq!(source(&app, "Caspian Threlkeld").kind, SourceKind::Named);
    press(&mut app, "U");
    assert_eq!(status(&app), "nothing to redo");

    // Opened again, the reader shows the corrected kind.
    let mut again = open(&path, Some(Place::Beside));
    assert_eq!(source(&again, "Caspian Threlkeld").kind, SourceKind::Named);
    assert!(render(&mut again).contains("NAMED ✎ Caspian Threlkeld"));
}

#[test]
fn declined_cycles_and_not_a_source_removes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    let mut app = open(&path, Some(Place::Beside));
    select_source(&mut app, "Pembrook");
    press(&mut app, "D");
    let s = source(&app, "Pembrook");
    assert!(s.declined && !s.no_response);
    press(&mut app, "D");
    let s = source(&app, "Pembrook");
    assert!(s.declined && s.no_response);
    press(&mut app, "D");
    let s = source(&app, "Pembrook");
    assert!(!s.declined && !s.no_response && s.corrected);
    assert_eq!(saved(&path, &Place::Beside).len(), 3);

    select_source(&mut app, "The Wrenfield Gazette");
    press(&mut app, "x");
    assert!(!sources(&app)
        .iter()
        .any(|(w, _)| w == "The Wrenfield Gazette"));
    assert_eq!(app.article().annotations.sources.len(), 5);
    assert!(matches!(
        saved(&path, &Place::Beside).last(),
        Some(Edit::NotASource { .. })
    ));
}

#[test]
fn a_source_span_moves_by_words_at_either_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    let mut app = open(&path, Some(Place::Beside));
    select_source(&mut app, "Two officials familiar with the talks");
    press(&mut app, "h");
    source(&app, "Two officials familiar with the");
    press(&mut app, "L");
    source(&app, "officials familiar with the");
    press(&mut app, "l");
    source(&app, "officials familiar with the talks");
    press(&mut app, "H");
    let s = source(&app, "Two officials familiar with the talks");
    assert!(s.corrected);
    // One correction for the moves in a row, each undone on its own.
    assert_eq!(saved(&path, &Place::Beside).len(), 1);
    press(&mut app, "u");
    source(&app, "officials familiar with the talks");
    press(&mut app, "uu");
    source(&app, "Two officials familiar with the");
    let saved_span = match &saved(&path, &Place::Beside)[..] {
        [Edit::SourceSpan { source, span, .. }] => (source.text.clone(), span.text.clone()),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        saved_span,
        (
            "Two officials familiar with the talks".into(),
            "Two officials familiar with the".into()
        )
    );
    press(&mut app, "UUU");
    source(&app, "Two officials familiar with the talks");
    // The start cannot go back past the paragraph.
    press(&mut app, "H");
    assert_eq!(status(&app), "the source's words end there");
}

#[test]
fn a_source_is_linked_to_a_person_and_unlinked() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    let mut app = open(&path, Some(Place::Beside));
    select_source(&mut app, "Caspian Threlkeld");
    press(&mut app, "P");
    let screen = render(&mut app);
    assert!(
        screen.contains("(no one)") && screen.contains("Odalys Pembrook"),
        "{screen}"
    );
    press(&mut app, "j");
    key(&mut app, KeyCode::Enter);
    let p = source(&app, "Caspian Threlkeld").person.unwrap();
    assert_eq!(app.article().annotations.people[p].name, "Odalys Pembrook");
    assert!(render(&mut app).contains("Caspian Threlkeld → Odalys Pembrook"));
    press(&mut app, "P");
    key(&mut app, KeyCode::Enter);
    assert_eq!(source(&app, "Caspian Threlkeld").person, None);
    assert!(matches!(
        saved(&path, &Place::Beside)[..],
        [
            Edit::SourcePerson {
                person: Some(_),
                ..
            },
            Edit::SourcePerson { person: None, .. }
        ]
    ));
}

#[test]
fn the_reason_is_cleared_and_set_from_selected_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    let mut app = open(&path, Some(Place::Beside));
    let anon = "Two officials familiar with the talks";
    select_source(&mut app, anon);
    press(&mut app, "R");
    assert_eq!(source(&app, anon).reason, None);
    assert!(render(&mut app).contains("no reason given"));

    select_words(&mut app, "because the talks were private");
    key(&mut app, KeyCode::Enter);
    let screen = render(&mut app);
    assert!(
        screen.contains("the reason for the anonymity of “Two officials familiar with the talks”"),
        "{screen}"
    );
    press(&mut app, "jjjj");
    key(&mut app, KeyCode::Enter);
    let reason = source(&app, anon).reason.unwrap();
    assert_eq!(text_of(&app, reason), "because the talks were private");
    assert!(app.selection.is_none());
    assert!(matches!(
        saved(&path, &Place::Beside)[..],
        [
            Edit::SourceReason { reason: None, .. },
            Edit::SourceReason {
                reason: Some(_),
                ..
            }
        ]
    ));
}

#[test]
fn selected_words_become_a_new_source_a_new_person_or_a_mention() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    let mut app = open(&path, Some(Place::Beside));

    // h and l move the end of the selection by a word.
    select_words(&mut app, "Caspian");
    press(&mut app, "l");
    assert_eq!(
        text_of(&app, app.selection.as_ref().unwrap().span()),
        "Caspian Threlkeld"
    );
    assert!(render(&mut app).contains("selected “Caspian Threlkeld”"));
    // Once the status is gone, the footer gives the selection's keys.
    press(&mut app, "j");
    let screen = render(&mut app);
    assert!(screen.contains("Enter  use the words"), "{screen}");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "j");
    key(&mut app, KeyCode::Enter);
    let p = person(&app, "Caspian Threlkeld").unwrap();
    assert!(p.corrected);
    assert_eq!(p.mentions.len(), 1);
    assert!(render(&mut app).contains("✎ Caspian Threlkeld"));

    select_words(&mut app, "The Wrenfield harbour council");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert!(render(&mut app).contains("Kind of the new source"));
    press(&mut app, "jj");
    key(&mut app, KeyCode::Enter);
    let s = source(&app, "The Wrenfield harbour council");
    assert_eq!((s.kind, s.corrected), (SourceKind::Organization, true));

    select_words(&mut app, "the council's chair");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "jj");
    key(&mut app, KeyCode::Enter);
    // People most mentioned first: Odalys Pembrook leads.
    key(&mut app, KeyCode::Enter);
    let p = person(&app, "Odalys Pembrook").unwrap();
    assert_eq!(p.mentions.len(), 3);
    let texts: Vec<String> = p.mentions.iter().map(|m| text_of(&app, m.span)).collect();
    assert!(
        texts.contains(&"the council's chair".to_string()),
        "{texts:?}"
    );

    // Esc drops a selection without an edit.
    select_words(&mut app, "Quenby has");
    key(&mut app, KeyCode::Esc);
    assert!(app.selection.is_none());
    assert_eq!(saved(&path, &Place::Beside).len(), 3);
}

#[test]
fn people_are_renamed_merged_split_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    let mut app = open(&path, Some(Place::Beside));

    select_person(&mut app, "Marisol Quenby");
    press(&mut app, "r");
    assert!(matches!(app.overlay, Some(Overlay::Rename(_))));
    ctrl(&mut app, 'u');
    press(&mut app, "Marisol Quenby-Ashe");
    key(&mut app, KeyCode::Enter);
    let p = person(&app, "Marisol Quenby-Ashe").unwrap();
    assert!(p.corrected);
    assert!(render(&mut app).contains("✎ Marisol Quenby-Ashe"));
    assert_eq!(
        app.selected_person()
            .map(|p| app.article().annotations.people[p].name.clone()),
        Some("Marisol Quenby-Ashe".into())
    );

    // Split: Enter shows a mention, b makes it someone else.
    select_person(&mut app, "Odalys Pembrook");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    press(&mut app, "b");
    assert_eq!(person(&app, "Odalys Pembrook").unwrap().mentions.len(), 1);
    assert_eq!(person(&app, "Pembrook").unwrap().mentions.len(), 1);

    // Merge them back.
    select_person(&mut app, "Pembrook");
    press(&mut app, "M");
    assert!(render(&mut app).contains("Merge Pembrook into"));
    // Options: everyone else, most mentioned first (Marisol Quenby-Ashe has two).
    press(&mut app, "j");
    key(&mut app, KeyCode::Enter);
    assert!(person(&app, "Pembrook").is_none());
    assert_eq!(person(&app, "Odalys Pembrook").unwrap().mentions.len(), 2);

    // Not a mention: the mention Enter showed is dropped.
    select_person(&mut app, "Marisol Quenby-Ashe");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    press(&mut app, "X");
    assert_eq!(
        person(&app, "Marisol Quenby-Ashe").unwrap().mentions.len(),
        1
    );

    // Not a person.
    select_person(&mut app, "Marisol Quenby-Ashe");
    press(&mut app, "x");
    assert!(person(&app, "Marisol Quenby-Ashe").is_none());
    assert_eq!(app.article().annotations.people.len(), 1);

    let names: Vec<&str> = saved(&path, &Place::Beside)
        .iter()
        .map(Edit::name)
        .collect();
    assert_eq!(
        names,
        [
            "person-name",
            "split-mention",
            "merge-people",
            "not-a-mention",
            "not-a-person"
        ]
    );
}

#[test]
fn the_corrections_overlay_lists_what_was_not_applied_and_reverts() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    // A correction made before the article changed: its words are gone.
    std::fs::write(
        dir.path().join("story.onrecord.toml"),
        "[[correction]]\nedit = \"not-a-person\"\n\n[correction.person]\nstart = 3\nend = 21\ntext = \"Zebedee Farnsworth\"\n",
    )
    .unwrap();
    let a = annotated_quietly(&path);
    let themes = vec![Theme::bundled("mono").unwrap()];
    let mut app = App::new(vec![a], themes, 0, KeyMap::with_overrides(None).unwrap());
    app.set_corrections_place(Some(Place::Beside));
    render(&mut app);

    select_source(&mut app, "The Wrenfield Gazette");
    press(&mut app, "x");
    select_person(&mut app, "Marisol Quenby");
    press(&mut app, "x");
    press(&mut app, "C");
    let screen = render(&mut app);
    assert!(screen.contains("Corrections"), "{screen}");
    assert!(
        screen.contains("not-a-person “Zebedee Farnsworth” · not applied: its text"),
        "{screen}"
    );
    assert!(screen.contains("not-a-source “The Wrenfield Gazette”"));
    assert!(screen.contains("not-a-person “Marisol Quenby”"));

    // Revert the second: the Gazette is a source again.
    press(&mut app, "jx");
    assert!(matches!(app.overlay, Some(Overlay::Corrections(_))));
    source(&app, "The Wrenfield Gazette");
    assert!(person(&app, "Marisol Quenby").is_none());
    assert_eq!(saved(&path, &Place::Beside).len(), 2);
    let screen = render(&mut app);
    assert!(!screen.contains(". not-a-source"), "{screen}");
    assert!(
        screen.contains(" 2. not-a-person “Marisol Quenby”"),
        "{screen}"
    );
    assert!(screen.contains("reverted: not-a-source"), "{screen}");
    // The revert is undone like any edit, in the list too.
    press(&mut app, "u");
    assert!(matches!(app.overlay, Some(Overlay::Corrections(_))));
    assert!(!sources(&app)
        .iter()
        .any(|(w, _)| w == "The Wrenfield Gazette"));
    assert_eq!(saved(&path, &Place::Beside).len(), 3);
    assert!(render(&mut app).contains(" 2. not-a-source “The Wrenfield Gazette”"));
    // Reverting all of them leaves an empty list and no sidecar.
    press(&mut app, "xxx");
    assert!(render(&mut app).contains("no corrections yet"));
    assert!(!dir.path().join("story.onrecord.toml").exists());
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
    press(&mut app, "U");
    assert_eq!(status(&app), "nothing to redo");
}

/// The article with its sidecar applied, whatever the sidecar warns about.
fn annotated_quietly(path: &Path) -> Annotated {
    let name = path.display().to_string();
    let article = parse_bytes(&name, &std::fs::read(path).unwrap(), None)
        .unwrap()
        .0;
    let mut a = Annotated::new(article);
    Corrections::from(Place::Beside).apply_to(&mut a);
    a
}

#[test]
fn a_read_only_folder_with_a_corrections_folder_saves_there() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    let path = write_story(&news);
    let kept = dir.path().join("kept");
    let place = Place::Folder(kept.clone());
    set_read_only(&news, true);
    let mut app = open(&path, Some(place.clone()));
    select_source(&mut app, "Caspian Threlkeld");
    press(&mut app, "K");
    press(&mut app, "k");
    key(&mut app, KeyCode::Enter);
    set_read_only(&news, false);
    assert!(status(&app).contains("saved in story.onrecord.toml"));
    assert!(!news.join("story.onrecord.toml").exists());
    let (sidecar, _) = place.sidecar_of(&path.display().to_string()).unwrap();
    assert!(
        sidecar.starts_with(&kept) && sidecar.exists(),
        "{sidecar:?}"
    );
    assert_eq!(saved(&path, &place).len(), 1);
    let again = open(&path, Some(place));
    assert_eq!(source(&again, "Caspian Threlkeld").kind, SourceKind::Named);
}

fn set_read_only(dir: &Path, read_only: bool) {
    let mut perms = std::fs::metadata(dir).unwrap().permissions();
    perms.set_readonly(read_only);
    std::fs::set_permissions(dir, perms).unwrap();
}

#[test]
fn without_a_place_editing_is_refused_and_without_a_file_edits_stay_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    let mut app = open(&path, None);
    select_source(&mut app, "Caspian Threlkeld");
    press(&mut app, "D");
    assert!(status(&app).contains("editing is off"), "{}", status(&app));
    assert!(!source(&app, "Caspian Threlkeld").corrected);

    // An article that is no file (a bundled sample, standard input).
    let article = parse_bytes("pasted article", STORY.as_bytes(), None)
        .unwrap()
        .0;
    let themes = vec![Theme::bundled("mono").unwrap()];
    let mut app = App::new(
        vec![Annotated::new(article)],
        themes,
        0,
        KeyMap::with_overrides(None).unwrap(),
    );
    app.set_corrections_place(Some(Place::Beside));
    render(&mut app);
    select_source(&mut app, "The Wrenfield Gazette");
    press(&mut app, "x");
    assert!(status(&app).contains("not saved"), "{}", status(&app));
    assert_eq!(app.article().annotations.sources.len(), 5);
    press(&mut app, "u");
    assert_eq!(app.article().annotations.sources.len(), 6);
}

#[test]
fn edit_keys_outside_their_pane_say_where_to_go() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    let mut app = open(&path, Some(Place::Beside));
    press(&mut app, "K");
    assert!(status(&app).contains("Sources pane"));
    press(&mut app, "r");
    assert!(status(&app).contains("People pane"));
    select_person(&mut app, "Odalys Pembrook");
    press(&mut app, "b");
    assert!(status(&app).contains("press Enter"));
    assert!(!dir.path().join("story.onrecord.toml").exists());

    // An edit that cannot be applied is taken back and says why.
    key(&mut app, KeyCode::Enter);
    press(&mut app, "b");
    // The mention split off is selected, as a person of its own.
    let p = app.selected_person().unwrap();
    assert_eq!(app.article().annotations.people[p].mentions.len(), 1);
    press(&mut app, "b");
    assert!(status(&app).contains("press Enter"), "{}", status(&app));
    key(&mut app, KeyCode::Enter);
    press(&mut app, "b");
    assert!(
        status(&app).contains("“Odalys Pembrook” (at 137) is the person's only mention"),
        "{}",
        status(&app)
    );
    assert_eq!(saved(&path, &Place::Beside).len(), 1);
}

#[cfg(unix)]
#[test]
fn a_save_that_fails_is_said_and_the_edit_stays_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_story(dir.path());
    // The corrections folder is a link to nowhere: nothing is read from it (no
    // corrections yet), and nothing can be written under it.
    let blocked = dir.path().join("blocked");
    std::os::unix::fs::symlink(dir.path().join("gone"), &blocked).unwrap();
    let mut app = open(&path, Some(Place::Folder(blocked)));
    select_source(&mut app, "The Wrenfield Gazette");
    press(&mut app, "x");
    assert!(status(&app).contains("NOT saved"), "{}", status(&app));
    assert_eq!(app.article().annotations.sources.len(), 5);
    assert!(render(&mut app).contains("NOT saved"));
}
