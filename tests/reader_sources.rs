//! The reader's ways to a source: its details, stepping through the sources in the
//! text, clicking one, and narrowing them to one person; and the narrow screen.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;

use common::reader::{key, press, render, screen};
use common::*;
use onrecord::annotate::Annotated;
use onrecord::tui::app::{App, Emphasis, Overlay, Pane};
use onrecord::tui::input::handle_mouse;
use onrecord::tui::keymap::KeyMap;
use onrecord::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

const NYT: &str = "nyt-sessions-offered-to-resign.txt";

fn app() -> App {
    let items = vec![Annotated::new(sample(NYT))];
    let themes = vec![Theme::bundled("dark").unwrap()];
    App::new(items, themes, 0, KeyMap::with_overrides(None).unwrap())
}

fn tab(a: &mut App, times: usize) {
    for _ in 0..times {
        key(a, KeyCode::Tab);
    }
}

fn code_points(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// The screen's rows joined with single spaces, borders and padding gone: text the box
/// wrapped reads as one line again.
fn flowing(s: &str) -> String {
    s.split(|c: char| c == '│' || c == '\n' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn details_give_a_source_whole_where_the_pane_cuts_it() {
    let mut a = app();
    render(&mut a, 120, 40);
    tab(&mut a, 2);
    press(&mut a, "j");
    let i = a.selected_source().unwrap();
    let source = a.article().annotations.sources[i].clone();
    let text = a.article().article.text.clone();
    let content = source.content.unwrap().slice(&text).to_string();
    let pane = screen(&render(&mut a, 120, 40));
    let listed = pane.lines().find(|l| l.contains("according to ·")).unwrap();
    assert!(
        !listed.contains("his job"),
        "the pane cuts the content: {listed}"
    );

    press(&mut a, "i");
    assert!(matches!(a.overlay, Some(Overlay::Details(_))));
    let s = screen(&render(&mut a, 120, 40));
    // The box stands over the text pane: its rows are read between its borders.
    let inside: String = s
        .lines()
        .filter_map(|l| l.split('│').nth(2))
        .collect::<Vec<_>>()
        .join("\n");
    let words = flowing(&inside);
    assert!(words.contains(&content), "{s}");
    assert!(words.contains(source.span.slice(&text)), "{s}");
    assert!(words.contains("reason none given"), "{s}");
    let offsets = format!(
        "source {}–{}",
        code_points(&text, source.span.start),
        code_points(&text, source.span.end)
    );
    assert!(words.contains(&offsets), "{offsets} in {s}");
    press(&mut a, "i");
    assert_eq!(a.overlay, None, "i closes it again");
}

#[test]
fn details_need_a_source() {
    let mut a = app();
    press(&mut a, "6");
    assert!(a.visible_sources().is_empty(), "no document is cited");
    press(&mut a, "i");
    assert_eq!(a.overlay, None);
    assert_eq!(a.status.as_deref(), Some("no source selected"));
}

#[test]
fn the_source_keys_step_through_the_text() {
    let mut a = app();
    render(&mut a, 120, 40);
    press(&mut a, ">");
    assert_eq!(
        (a.sources.selected(), a.emphasis),
        (Some(0), Emphasis::Source(0))
    );
    press(&mut a, ">>");
    assert_eq!(a.sources.selected(), Some(2));
    assert_eq!(a.status.as_deref(), Some("source 3/12"));
    press(&mut a, "<");
    assert_eq!(a.emphasis, Emphasis::Source(1));
    assert_eq!(a.focus, Pane::Text, "the focus stays in the text");
    press(&mut a, "<<");
    assert_eq!(a.emphasis, Emphasis::Source(0));
    assert!(a.status.as_deref().unwrap().starts_with("no source before"));

    // From the end of the text, the next source is the first on the last page.
    press(&mut a, "G");
    render(&mut a, 120, 40);
    press(&mut a, ">");
    let later = a.selected_source().unwrap();
    assert!(later > 0, "{later}");
    let s = screen(&render(&mut a, 120, 40));
    let text = &a.article().article.text;
    let words = a.article().annotations.sources[later].span.slice(text);
    let first_line: String = words.chars().take(20).collect();
    let page: String = s
        .lines()
        .map(|l| l.split('│').nth(1).unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flowing(&page).contains(first_line.trim()),
        "{first_line} on {s}"
    );
}

#[test]
fn a_click_on_a_marker_selects_its_source() {
    let mut a = app();
    let t = render(&mut a, 120, 40);
    let buffer = t.backend().buffer();
    let text = a.rects().text;
    let (x, y) = (text.y..text.y + text.height)
        .flat_map(|y| (text.x..text.x + text.width).map(move |x| (x, y)))
        .find(|&(x, y)| buffer[(x, y)].symbol() == "○")
        .expect("an anonymous source's marker on screen");
    handle_mouse(
        &mut a,
        MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        },
    );
    let i = a.selected_source().unwrap();
    let s = &a.article().annotations.sources[i];
    assert_eq!(s.kind, onrecord::annotate::SourceKind::Anonymous);
    assert_eq!(a.emphasis, Emphasis::Source(i));
    assert_eq!(a.focus, Pane::Text);
}

#[test]
fn the_sources_narrow_to_the_selected_person_and_back() {
    let mut a = app();
    tab(&mut a, 1);
    let p = a.selected_person().unwrap();
    let name = a.article().annotations.people[p].name.clone();
    press(&mut a, "F");
    let visible = a.visible_sources().to_vec();
    assert!(!visible.is_empty());
    assert!(visible
        .iter()
        .all(|&i| a.article().annotations.sources[i].person == Some(p)));
    let s = screen(&render(&mut a, 140, 40));
    assert!(s.contains(&format!("filter: all sources of {name}")), "{s}");
    press(&mut a, "F");
    assert_eq!(a.visible_sources().len(), 12);
}

#[test]
fn on_a_narrow_screen_enter_brings_the_text_forward() {
    let mut a = app();
    render(&mut a, 50, 20);
    tab(&mut a, 2);
    press(&mut a, "j");
    render(&mut a, 50, 20);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.focus, Pane::Text);
    let s = screen(&render(&mut a, 50, 20));
    let i = a.selected_source().unwrap();
    let words = a.article().annotations.sources[i].span;
    let first_word = words
        .slice(&a.article().article.text)
        .split(' ')
        .next()
        .unwrap();
    assert!(s.contains(first_word), "{s}");
    // A person too: Enter shows the mention in the text, and Enter there goes on.
    tab(&mut a, 1);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.focus, Pane::Text);
    key(&mut a, KeyCode::Enter);
    assert!(
        a.status.as_deref().unwrap().starts_with("mention 2/"),
        "{:?}",
        a.status
    );
}

#[test]
fn the_current_mention_stands_apart_from_the_others() {
    let mut a = app();
    render(&mut a, 120, 40);
    tab(&mut a, 1);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    let t = render(&mut a, 120, 40);
    let buffer = t.backend().buffer();
    let reversed = |x, y| {
        buffer[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    };
    let text = a.rects().text;
    let rows: Vec<u16> = (text.y + 1..text.y + text.height - 1)
        .filter(|&y| (text.x + 1..text.x + text.width - 1).any(|x| reversed(x, y)))
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "one mention is marked current: rows {rows:?}"
    );
}

#[test]
fn small_screens_keep_the_summary_and_the_export_options_readable() {
    let mut a = app();
    press(&mut a, "s");
    let s = screen(&render(&mut a, 40, 12));
    assert!(s.contains("Sources by kind (12)"), "{s}");
    assert!(!s.contains("█"), "no chart squeezed in: {s}");
    key(&mut a, KeyCode::Esc);

    press(&mut a, "e");
    for _ in 0..6 {
        press(&mut a, "j");
    }
    press(&mut a, "d");
    press(&mut a, "/a/rather/long/folder/name/to/export/into");
    let s = screen(&render(&mut a, 40, 12));
    assert!(
        s.contains("markdown"),
        "the selected format stays in sight: {s}"
    );
    assert!(
        s.contains("[ ] a: only all sources"),
        "the filter option: {s}"
    );
    assert!(
        s.contains("export/into▏"),
        "the folder's end and cursor: {s}"
    );
}

#[test]
fn the_footer_keeps_help_and_quit_and_the_counts_fit_80_columns() {
    let mut a = app();
    for width in [60, 80, 120] {
        let s = screen(&render(&mut a, width, 24));
        let footer = s.lines().last().unwrap();
        assert!(
            footer.contains("? ") && footer.trim_end().ends_with("quit"),
            "{footer}"
        );
    }
    let s = screen(&render(&mut a, 80, 24));
    let counts = s.lines().nth(2).unwrap();
    assert!(counts.trim_end().ends_with("1 unattributed"), "{counts}");
}

#[test]
fn search_goes_on_from_the_page_shown() {
    let mut a = app();
    render(&mut a, 120, 30);
    press(&mut a, "/president");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.search.current, 0);
    let all = a.search.matches.len();
    assert!(all > 4, "{all}");
    press(&mut a, "G");
    render(&mut a, 120, 30);
    press(&mut a, "n");
    assert!(
        a.search.current > 1,
        "after G the next match is below, not back at the top: {}",
        a.search.current
    );
}

#[test]
fn search_counts_only_the_paragraphs_shown() {
    let mut a = app();
    press(&mut a, "/spokeswoman");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.search.matches.len(), 1);
    // Only the paragraphs with media sources: the spokeswoman's is hidden.
    press(&mut a, "5p");
    assert!(a.search.matches.is_empty(), "{:?}", a.search.matches);
    press(&mut a, "n");
    assert_eq!(a.status.as_deref(), Some("no match for “spokeswoman”"));
    press(&mut a, "p");
    assert_eq!(a.search.matches.len(), 1, "all paragraphs again");
}
