//! The reader without a terminal: keys lead to states, and screens drawn into a
//! TestBackend show what a user would see (insta snapshots at 120x40 and 60x20).
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;
use common::reader::{key, press, render, screen};
use common::*;
use onrecord::annotate::Annotated;
use onrecord::annotate::SourceKind;
use onrecord::tui::app::{App, Emphasis, Filter, Overlay, Pane};
use onrecord::tui::input::{handle_key, handle_mouse};
use onrecord::tui::keymap::KeyMap;
use onrecord::tui::overlays::export::ExportPicker;
use onrecord::tui::overlays::help::Help;
use onrecord::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

const NYT: &str = "nyt-sessions-offered-to-resign.txt";
const HOTAIR: &str = "hotair-sessions-fed-up.txt";

fn app_with(theme: &str) -> App {
    let items = [NYT, HOTAIR]
        .iter()
        .map(|n| Annotated::new(sample(n)))
        .collect();
    let themes = vec![
        Theme::bundled(theme).unwrap(),
        Theme::bundled("mono").unwrap(),
    ];
    App::new(items, themes, 0, KeyMap::with_overrides(None).unwrap())
}

fn app() -> App {
    app_with("dark")
}

// ---- keys and state ----

#[test]
fn tab_cycles_panes_both_ways() {
    let mut a = app();
    assert_eq!(a.focus, Pane::Text);
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.focus, Pane::People);
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.focus, Pane::Sources);
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.focus, Pane::Text);
    handle_key(&mut a, KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(a.focus, Pane::Sources);
}

#[test]
fn scrolling_moves_and_stops_at_the_ends() {
    let mut a = app();
    render(&mut a, 120, 40);
    press(&mut a, "jjj");
    assert_eq!(a.text_scroll(), 3);
    press(&mut a, "k");
    assert_eq!(a.text_scroll(), 2);
    press(&mut a, "G");
    let bottom = a.text_scroll();
    assert!(bottom > 10);
    press(&mut a, "j");
    assert_eq!(a.text_scroll(), bottom, "no scrolling past the end");
    handle_key(
        &mut a,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    assert!(a.text_scroll() < bottom);
    press(&mut a, "g");
    assert_eq!(a.text_scroll(), 0);
}

#[test]
fn enter_on_a_person_cycles_through_mentions() {
    let mut a = app();
    render(&mut a, 120, 40);
    key(&mut a, KeyCode::Tab);
    assert_eq!(
        a.selected_person()
            .map(|p| a.article().annotations.people[p].name.clone())
            .as_deref(),
        Some("Jeff Sessions")
    );
    key(&mut a, KeyCode::Enter);
    assert_eq!(
        a.status.as_deref(),
        Some("mention 1/12 in the text, and 1 in the title")
    );
    let first = a.text_scroll();
    for _ in 0..6 {
        key(&mut a, KeyCode::Enter);
    }
    assert_eq!(
        a.status.as_deref(),
        Some("mention 7/12 in the text, and 1 in the title")
    );
    assert!(a.text_scroll() > first, "the text followed the mentions");
    assert!(matches!(a.emphasis, Emphasis::Person(_)));
}

#[test]
fn enter_on_a_source_scrolls_the_text_to_it() {
    let mut a = app();
    render(&mut a, 120, 40);
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    press(&mut a, "G");
    key(&mut a, KeyCode::Enter);
    let s = a.selected_source().unwrap();
    assert_eq!(a.emphasis, Emphasis::Source(s));
    assert_eq!(
        a.article().annotations.sources[s]
            .span
            .slice(&a.article().article.text),
        "two people close to the president"
    );
    assert!(a.text_scroll() > 0);
}

#[test]
fn filter_keys_cycle_and_jump() {
    let mut a = app();
    press(&mut a, "f");
    assert_eq!(a.filter, Filter::Kind(SourceKind::Anonymous));
    // The five anonymous sources and the two attributions they relay.
    let sources = &a.article().annotations.sources;
    assert!(a
        .visible_sources()
        .iter()
        .all(|&i| sources[i].counted_kind == SourceKind::Anonymous));
    let relayed = a
        .visible_sources()
        .iter()
        .filter(|&&i| sources[i].kind == SourceKind::Named && sources[i].relayed_by.is_some())
        .count();
    assert_eq!((a.visible_sources().len(), relayed), (7, 2));
    press(&mut a, "f");
    assert_eq!(a.filter, Filter::OnRecord);
    assert_eq!(a.visible_sources().len(), 5);
    press(&mut a, "5");
    assert_eq!(a.filter, Filter::Kind(SourceKind::Media));
    press(&mut a, "0");
    assert_eq!(a.filter, Filter::All);
    press(&mut a, "1p");
    assert!(a.only_paragraphs);
    assert_eq!(a.shown_paragraphs(), [0, 5, 6, 8, 10]);
}

#[test]
fn search_counts_and_steps_through_matches() {
    let mut a = app();
    render(&mut a, 120, 40);
    press(&mut a, "/spicer");
    assert!(a.search.editing);
    assert_eq!(a.search.matches.len(), 2);
    key(&mut a, KeyCode::Enter);
    assert!(!a.search.editing);
    assert_eq!(a.search.current, 0);
    press(&mut a, "n");
    assert_eq!(a.search.current, 1);
    press(&mut a, "N");
    assert_eq!(a.search.current, 0);
    press(&mut a, "N");
    assert_eq!(a.search.current, 1, "N wraps around");
    key(&mut a, KeyCode::Esc);
    assert!(a.search.matches.is_empty() && a.search.query.is_empty());
}

#[test]
fn articles_step_and_list() {
    let mut a = app();
    press(&mut a, "]");
    assert_eq!(a.current, 1);
    press(&mut a, "]");
    assert_eq!(a.current, 0, "wraps to the first");
    press(&mut a, "[");
    assert_eq!(a.current, 1);
    press(&mut a, "o");
    let Some(Overlay::Articles(list)) = &a.overlay else {
        panic!("the list is open")
    };
    assert_eq!(list.selected, 1);
    press(&mut a, "k");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.current, 0);
    assert_eq!(a.overlay, None);
}

#[test]
fn overlays_open_and_close() {
    let mut a = app();
    press(&mut a, "?");
    assert_eq!(a.overlay, Some(Overlay::Help(Help { scroll: 0 })));
    press(&mut a, "jj");
    assert_eq!(a.overlay, Some(Overlay::Help(Help { scroll: 2 })));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.overlay, None);
    press(&mut a, "s");
    assert!(matches!(a.overlay, Some(Overlay::Summary(_))));
    press(&mut a, "q");
    assert_eq!(a.overlay, None);
    assert!(!a.quit, "q closes an overlay first");
    press(&mut a, "q");
    assert!(a.quit);
}

#[test]
fn theme_key_cycles() {
    let mut a = app();
    press(&mut a, "t");
    assert_eq!(a.theme().name, "mono");
    assert_eq!(a.status.as_deref(), Some("theme: mono"));
}

#[test]
fn export_from_the_reader_never_overwrites() {
    let mut a = app();
    let dir = tempfile::tempdir().unwrap();
    a.export_dir = Some(dir.path().to_path_buf());
    press(&mut a, "1e");
    assert_eq!(a.overlay, Some(Overlay::Export(ExportPicker::new(true))));
    key(&mut a, KeyCode::Enter);
    let first = dir
        .path()
        .join("nyt-sessions-offered-to-resign.onrecord.json");
    assert_eq!(
        a.status.as_deref(),
        Some(format!("exported to {}", first.display()).as_str())
    );
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&first).unwrap()).unwrap();
    assert!(
        v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["kind"] == "anonymous" || !s["relayed_by"].is_null()),
        "the filter applies"
    );
    assert_eq!(
        v["filter"]["only"],
        serde_json::json!(["anonymous"]),
        "and says so"
    );
    assert_eq!(
        v["summary"]["sources"], 12,
        "beside the whole article's summary"
    );
    press(&mut a, "e");
    press(&mut a, "a");
    key(&mut a, KeyCode::Enter);
    let second = dir
        .path()
        .join("nyt-sessions-offered-to-resign.onrecord-2.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&second).unwrap()).unwrap();
    assert_eq!(v["sources"].as_array().unwrap().len(), 12);
}

#[test]
fn export_to_a_chosen_folder() {
    let mut a = app();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    press(&mut a, "ejd");
    press(&mut a, folder.to_str().unwrap());
    press(&mut a, "q");
    assert!(a.overlay.is_some(), "q is text while a folder is typed");
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    let written = folder.join("nyt-sessions-offered-to-resign.onrecord.jsonl");
    assert_eq!(
        a.status.as_deref(),
        Some(format!("exported to {}", written.display()).as_str())
    );
    assert_eq!(
        std::fs::read_to_string(&written).unwrap().lines().count(),
        1
    );
    // A folder that is not there yet is made.
    let made = folder.join("new/deeper");
    press(&mut a, "ed");
    press(&mut a, &made.display().to_string());
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    let written = made.join("nyt-sessions-offered-to-resign.onrecord.json");
    assert_eq!(
        a.status.as_deref(),
        Some(format!("exported to {}", written.display()).as_str())
    );
    assert!(written.is_file());
    // One that cannot be made (a file is in the way) is reported.
    let blocked = written.join("sub");
    press(&mut a, "ed");
    press(&mut a, &blocked.display().to_string());
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    let said = a.status.as_deref().unwrap();
    assert!(
        said.starts_with(&format!(
            "export failed: {}: cannot make this folder",
            blocked.display()
        )),
        "{said}"
    );
}

#[test]
fn mouse_wheel_and_clicks_reach_the_pane_under_the_pointer() {
    let mut a = app();
    render(&mut a, 120, 40);
    let r = a.rects();
    let mouse = |kind, x, y| MouseEvent {
        kind,
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    handle_mouse(
        &mut a,
        mouse(MouseEventKind::ScrollDown, r.text.x + 2, r.text.y + 2),
    );
    assert_eq!(a.text_scroll(), 3);
    handle_mouse(
        &mut a,
        mouse(
            MouseEventKind::Down(MouseButton::Left),
            r.sources.x + 3,
            r.sources.y + 1 + 2 * 2,
        ),
    );
    assert_eq!(a.focus, Pane::Sources);
    assert_eq!(a.sources.selected(), Some(2));
    assert_eq!(a.emphasis, Emphasis::Source(2));
    handle_mouse(
        &mut a,
        mouse(
            MouseEventKind::Down(MouseButton::Left),
            r.people.x + 3,
            r.people.y + 3,
        ),
    );
    assert_eq!(a.focus, Pane::People);
    assert_eq!(a.people.rows.selected(), Some(2));
}

// ---- screens ----

#[test]
fn opening_screens() {
    for (i, name) in ["nyt", "hotair"].iter().enumerate() {
        for (w, h) in [(120, 40), (60, 20)] {
            let mut a = app();
            if i == 1 {
                press(&mut a, "]");
            }
            a.status = None;
            insta::assert_snapshot!(
                format!("open_{name}_{w}x{h}"),
                screen(&render(&mut a, w, h))
            );
        }
    }
}

#[test]
fn anonymous_only_screens() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut a = app();
        press(&mut a, "1");
        let s = screen(&render(&mut a, w, h));
        assert!(s.contains("filter: anonymous"));
        insta::assert_snapshot!(format!("anonymous_{w}x{h}"), s);
    }
    let mut a = app();
    press(&mut a, "1");
    let s = screen(&render(&mut a, 120, 40));
    // Named people appear only as attributions the anonymous sources relay.
    assert!(s.contains("Sources (7/12) · anonymous"));
    assert_eq!(s.matches("NAMED").count(), s.matches("relayed by").count());
    assert_eq!(s.matches("NAMED").count(), 2);
}

#[test]
fn search_screens() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut a = app();
        render(&mut a, w, h);
        press(&mut a, "/president");
        key(&mut a, KeyCode::Enter);
        press(&mut a, "n");
        let s = screen(&render(&mut a, w, h));
        assert!(s.contains("2/8 “president”"), "{s}");
        insta::assert_snapshot!(format!("search_{w}x{h}"), s);
    }
}

#[test]
fn the_help_ends_with_the_correction_keys() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut a = app();
        press(&mut a, "?");
        press(&mut a, &"j".repeat(80));
        let s = screen(&render(&mut a, w, h));
        assert!(s.contains("undo the last correction"), "{s}");
        insta::assert_snapshot!(format!("help_end_{w}x{h}"), s);
    }
}

#[test]
fn help_and_summary_screens() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut a = app();
        press(&mut a, "?");
        let s = screen(&render(&mut a, w, h));
        assert!(s.contains("Keys"));
        insta::assert_snapshot!(format!("help_{w}x{h}"), s);
        key(&mut a, KeyCode::Esc);
        press(&mut a, "s");
        insta::assert_snapshot!(format!("summary_{w}x{h}"), screen(&render(&mut a, w, h)));
    }
}

#[test]
fn a_tiny_terminal_says_so() {
    let mut a = app();
    let s = screen(&render(&mut a, 20, 5));
    assert!(s.contains("Terminal too"), "{s}");
}

#[test]
fn narrow_terminals_show_only_the_focused_pane() {
    let mut a = app();
    let s = screen(&render(&mut a, 50, 20));
    assert!(s.contains(" Text ") && s.contains(" People ") && !s.contains("Sources ("));
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    let s = screen(&render(&mut a, 50, 20));
    assert!(s.contains("Sources (12/12)"));
}

/// The cell holding the first character of `needle` on screen.
fn find(t: &Terminal<TestBackend>, needle: &str) -> (u16, u16) {
    find_in(t, t.backend().buffer().area.width, needle)
}

/// The same, in the columns left of `width` (the text pane).
fn find_in(t: &Terminal<TestBackend>, width: u16, needle: &str) -> (u16, u16) {
    let b = t.backend().buffer();
    let first = needle.chars().next().unwrap().to_string();
    for y in 0..b.area.height {
        let row: String = (0..width).map(|x| b[(x, y)].symbol().to_string()).collect();
        if let Some(i) = row.find(needle) {
            let col = row[..i].chars().count() as u16;
            assert_eq!(b[(col, y)].symbol(), first);
            return (col, y);
        }
    }
    panic!("{needle:?} not on screen");
}

#[test]
fn kinds_are_styled_and_marked() {
    let mut a = app();
    let t = render(&mut a, 120, 40);
    let b = t.backend().buffer();
    let (x, y) = find(&t, "two people who were briefed");
    assert_eq!(b[(x - 1, y)].symbol(), "○", "anonymous marker");
    let anon = b[(x, y)].style();
    assert!(anon
        .add_modifier
        .contains(Modifier::UNDERLINED | Modifier::ITALIC));
    assert_eq!(anon.fg, Some(Color::Rgb(0xff, 0x9e, 0x3d)));
    let (x, y) = find(&t, "the White");
    assert_eq!(b[(x - 1, y)].symbol(), "■");
    assert!(b[(x, y)]
        .style()
        .add_modifier
        .contains(Modifier::UNDERLINED));
    assert_eq!(b[(x, y)].style().fg, Some(Color::LightBlue));
    let (x, y) = find(&t, "Jeff Sessions offered");
    assert_eq!(
        b[(x, y)].style().fg,
        Some(Color::LightCyan),
        "people are highlighted"
    );
    let (x, y) = find(&t, "offered to resign");
    assert_eq!(
        b[(x, y)].style().fg,
        Some(Color::Gray),
        "plain text is plain"
    );
}

#[test]
fn mono_theme_uses_no_colour() {
    let mut a = app_with("mono");
    let t = render(&mut a, 120, 40);
    let b = t.backend().buffer();
    for cell in b.content() {
        assert!(
            matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
            "a coloured cell in mono"
        );
    }
    let (x, y) = find(&t, "two people who were briefed");
    assert!(b[(x, y)]
        .style()
        .add_modifier
        .contains(Modifier::UNDERLINED | Modifier::ITALIC));
}

#[test]
fn the_selected_source_is_emphasised() {
    let mut a = app();
    render(&mut a, 120, 40);
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    press(&mut a, "j");
    key(&mut a, KeyCode::Enter);
    let t = render(&mut a, 120, 40);
    let (x, y) = find_in(&t, a.rects().text.right(), "two people who were briefed");
    let style = t.backend().buffer()[(x, y)].style();
    assert_eq!(style.bg, Some(Color::Rgb(0x3a, 0x3a, 0x5a)));
    assert!(style.add_modifier.contains(Modifier::BOLD));
    // The cue and the attributed words are marked with it.
    let (x, y) = find_in(&t, a.rects().text.right(), "according to");
    assert!(t.backend().buffer()[(x, y)]
        .style()
        .add_modifier
        .contains(Modifier::REVERSED));
    let (x, y) = find_in(&t, a.rects().text.right(), "Attorney General Jeff");
    assert!(t.backend().buffer()[(x, y)]
        .style()
        .add_modifier
        .contains(Modifier::UNDERLINED));
}

#[test]
fn hostile_text_is_neutralised_on_screen() {
    let text =
        "Title\u{1b}]0;pwned\u{7}\n\nThe senator said \u{1b}[2J\u{202e}hello\u{9b}31m today.\n";
    let art = onrecord::article::parse_text(
        "hostile.txt",
        text.to_string(),
        onrecord::article::Format::Plain,
    );
    let themes = vec![Theme::bundled("dark").unwrap()];
    let mut a = App::new(
        vec![Annotated::new(art)],
        themes,
        0,
        KeyMap::with_overrides(None).unwrap(),
    );
    let t = render(&mut a, 80, 20);
    let s = screen(&t);
    assert!(s.contains("Title␛]0;pwned␇"), "{s}");
    assert!(s.contains("␛[2J⁇hello\u{fffd}31m"), "{s}");
    for cell in t.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character reached the screen"
        );
    }
}

#[test]
fn the_header_gives_the_authors_and_a_readable_date() {
    let path = root().join("tests/fixtures/pages/jsonld-graph.html");
    let bytes = std::fs::read(path).unwrap();
    let (art, _) = onrecord::article::parse_bytes("jsonld-graph.html", &bytes, None).unwrap();
    let themes = vec![Theme::bundled("dark").unwrap()];
    let mut a = App::new(
        vec![Annotated::new(art)],
        themes,
        0,
        KeyMap::with_overrides(None).unwrap(),
    );
    let s = screen(&render(&mut a, 100, 20));
    let header: Vec<&str> = s.lines().take(2).map(str::trim_end).collect();
    assert_eq!(
        header,
        [
            "Council approves new cycle lanes",
            "Riverside Gazette · by Odile Varga and Tomas Reyna · 16 Apr 2024, 12:00"
        ]
    );
}

mod drawing_never_panics {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just(" said".to_string()),
            Just(" Mr. Trump".to_string()),
            Just(" “quote”".to_string()),
            Just("\n\n".to_string()),
            Just(" according to officials".to_string()),
            Just(" 😀".to_string()),
            Just("\u{1b}[31m".to_string()),
            Just(" 中文字符".to_string()),
            Just("\t".to_string()),
            Just(" averyveryverylongwordwithoutanyspaces".to_string()),
            "[a-zA-Z ]{0,10}",
        ];
        prop::collection::vec(piece, 1..50).prop_map(|v| format!("T\n\n{}x", v.concat()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(60))]

        #[test]
        fn at_any_size_after_any_keys(body in text(), w in 1u16..160, h in 1u16..60, keys in "[jkGgf0-6p/an\\]\\[s?e\\t]{0,12}") {
            let art = onrecord::article::parse_text("fuzz.txt", body, onrecord::article::Format::Plain);
            let mut a = App::new(vec![Annotated::new(art)], vec![Theme::bundled("dark").unwrap()], 0, KeyMap::with_overrides(None).unwrap());
            let dir = tempfile::tempdir().unwrap();
            a.export_dir = Some(dir.path().to_path_buf());
            render(&mut a, w, h);
            for c in keys.chars() {
                let code = if c == '\t' { KeyCode::Tab } else { KeyCode::Char(c) };
                handle_key(&mut a, KeyEvent::new(code, KeyModifiers::NONE));
                render(&mut a, w, h);
            }
            key(&mut a, KeyCode::Enter);
            render(&mut a, w, h);
        }
    }
}

#[test]
fn the_footer_gives_the_keys_of_the_focused_pane() {
    let mut a = app();
    let footer = |a: &mut App| {
        screen(&render(a, 120, 40))
            .lines()
            .last()
            .unwrap()
            .to_string()
    };
    assert!(footer(&mut a).contains("scroll"));
    key(&mut a, KeyCode::Tab);
    assert!(footer(&mut a).contains("next mention"));
    key(&mut a, KeyCode::Tab);
    assert!(footer(&mut a).contains("show in text"));
    press(&mut a, "s");
    assert!(footer(&mut a).contains("close"));
}

// ---- articles arriving while the reader is open ----

mod loading {
    use super::*;
    use onrecord::tui::loader::{self, Incoming, Report};
    use std::sync::mpsc;

    fn arrived(index: usize, article: onrecord::article::Article) -> Report {
        Report {
            index,
            article: Some(Annotated::new(article)),
            warnings: Vec::new(),
        }
    }

    fn third() -> onrecord::article::Article {
        onrecord::article::parse_text(
            "third.txt",
            "A Third Story\n\nThe mayor said the plan was dead.".into(),
            onrecord::article::Format::Plain,
        )
    }

    fn names(a: &App) -> Vec<&str> {
        a.articles.iter().map(|x| x.article.name.as_str()).collect()
    }

    #[test]
    fn the_first_frame_shows_progress_and_the_list_completes_in_order() {
        let (tx, rx) = mpsc::channel();
        let mut incoming = Incoming::new(rx, 4);
        tx.send(arrived(0, sample(NYT))).unwrap();
        let first = incoming.wait_first();
        let themes = vec![Theme::bundled("dark").unwrap()];
        let mut a = App::new(first, themes, 0, KeyMap::with_overrides(None).unwrap());
        a.follow(incoming);
        let s = screen(&render(&mut a, 120, 40));
        assert!(s.contains("annotating 1/4"), "{s}");
        assert!(s.contains("Sessions Is Said to Have Offered"), "{s}");
        press(&mut a, "o");
        let list = screen(&render(&mut a, 120, 40));
        assert!(list.contains("Articles · 1 of 1 · 3 more coming"), "{list}");
        key(&mut a, KeyCode::Esc);

        // The third input comes before the second: it waits for it, and keys still work.
        tx.send(arrived(2, third())).unwrap();
        a.receive();
        assert_eq!(names(&a), [NYT]);
        press(&mut a, "j]");
        assert_eq!((a.current, a.text_scroll()), (0, 1));
        assert!(a.status.as_deref().unwrap().contains("not ready"));

        // The second was a folder file that could not be read: skipped, with a warning.
        tx.send(Report {
            index: 1,
            article: None,
            warnings: vec!["skipped broken.txt: unreadable".into()],
        })
        .unwrap();
        a.receive();
        assert_eq!(names(&a), [NYT, "third.txt"]);
        let s = screen(&render(&mut a, 120, 40));
        assert!(s.contains("article 1/2 · annotating 3/4"), "{s}");

        tx.send(arrived(3, sample(HOTAIR))).unwrap();
        drop(tx);
        a.receive();
        assert_eq!(names(&a), [NYT, "third.txt", HOTAIR]);
        assert_eq!(a.loading_progress(), None);
        assert_eq!(a.load_warnings(), ["skipped broken.txt: unreadable"]);
        let s = screen(&render(&mut a, 120, 40));
        assert!(
            !s.contains("annotating") && s.contains("article 1/3"),
            "{s}"
        );
        assert!(s.contains("1 loading warning(s): W lists them"), "{s}");
        press(&mut a, "W");
        let s = screen(&render(&mut a, 120, 40));
        assert!(s.contains("Warnings (1)"), "{s}");
        assert!(s.contains("• skipped broken.txt: unreadable"), "{s}");
        key(&mut a, KeyCode::Esc);
        assert_eq!(a.overlay, None);
    }

    #[test]
    fn workers_gone_before_the_end_is_a_failure_not_a_short_list() {
        let (tx, rx) = mpsc::channel();
        let mut incoming = Incoming::new(rx, 3);
        tx.send(arrived(0, sample(NYT))).unwrap();
        let first = incoming.wait_first();
        let themes = vec![Theme::bundled("dark").unwrap()];
        let mut a = App::new(first, themes, 0, KeyMap::with_overrides(None).unwrap());
        a.follow(incoming);
        assert!(!a.load_failed());
        drop(tx);
        a.receive();
        assert!(a.load_failed());
        assert_eq!(a.loading_progress(), None);
    }

    #[test]
    fn a_folder_loads_in_the_background_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        let text = |n: &str| std::fs::read(root().join("sample_articles").join(n)).unwrap();
        std::fs::write(dir.path().join("a.txt"), text(HOTAIR)).unwrap();
        std::fs::write(dir.path().join("b.txt"), b"\0\0\0binary").unwrap();
        std::fs::write(dir.path().join("c.txt"), text(NYT)).unwrap();
        let paths = [dir.path().to_path_buf()];
        let failures = onrecord::pipeline::Report::for_paths(&paths, &onrecord::pipeline::quiet);
        let jobs = loader::jobs_for(&paths, &Default::default(), &failures).unwrap();
        let (first, rest) = loader::first_and_rest(
            loader::start(jobs, Default::default()),
            &onrecord::pipeline::quiet,
        )
        .unwrap();
        let mut a = App::new(
            first,
            vec![Theme::bundled("dark").unwrap()],
            0,
            KeyMap::with_overrides(None).unwrap(),
        );
        a.follow(rest);
        while a.loading_progress().is_some() {
            std::thread::sleep(std::time::Duration::from_millis(5));
            a.receive();
        }
        let files: Vec<String> = a
            .articles
            .iter()
            .map(|x| {
                let p = std::path::Path::new(&x.article.name);
                p.file_name().unwrap().to_string_lossy().into_owned()
            })
            .collect();
        assert_eq!(files, ["a.txt", "c.txt"]);
        assert_eq!(a.load_warnings().len(), 1);
        assert!(
            a.load_warnings()[0].starts_with("skipped ") && a.load_warnings()[0].contains("b.txt"),
            "{:?}",
            a.load_warnings()
        );
    }

    #[test]
    fn a_named_file_that_fails_is_the_same_error_as_before() {
        let missing = std::path::PathBuf::from("/no/such/story.txt");
        let paths = std::slice::from_ref(&missing);
        let failures = onrecord::pipeline::Report::for_paths(paths, &onrecord::pipeline::quiet);
        let now = loader::jobs_for(paths, &Default::default(), &failures)
            .err()
            .unwrap();
        let before = onrecord::pipeline::load_all(
            &[missing],
            &Default::default(),
            &onrecord::pipeline::quiet,
        )
        .unwrap_err();
        assert_eq!(format!("{now:#}"), format!("{before:#}"));
        assert!(format!("{now:#}").contains("/no/such/story.txt"), "{now:#}");
    }

    #[test]
    fn a_bad_path_among_good_ones_is_counted_and_the_others_are_read() {
        let good = root().join("sample_articles").join(NYT);
        let paths = [std::path::PathBuf::from("/no/such/story.txt"), good];
        let failures = onrecord::pipeline::Report::for_paths(&paths, &onrecord::pipeline::quiet);
        let jobs = loader::jobs_for(&paths, &Default::default(), &failures).unwrap();
        assert_eq!(jobs.len(), 1);
        let end = failures.finish().unwrap_err();
        assert_eq!(format!("{end}"), "1 input could not be read (see above)");
    }
}

#[test]
fn the_article_list_scrolls_to_the_selection() {
    let items = (0..30)
        .map(|i| Annotated::new(sample(if i % 2 == 0 { NYT } else { HOTAIR })))
        .collect();
    let themes = vec![Theme::bundled("dark").unwrap()];
    let mut a = App::new(items, themes, 0, KeyMap::with_overrides(None).unwrap());
    press(&mut a, "o");
    for _ in 0..21 {
        press(&mut a, "j");
    }
    let s = screen(&render(&mut a, 60, 20));
    insta::assert_snapshot!("articles_60x20", s);
}

#[test]
fn the_unattributed_filter_lists_hearsay_with_no_source() {
    let mut a = app();
    press(&mut a, "7");
    assert_eq!(a.filter, Filter::Unattributed);
    assert!(a.visible_sources().is_empty());
    let s = screen(&render(&mut a, 120, 40));
    assert!(s.contains("filter: unattributed claims"), "{s}");
    assert!(s.contains("Unattributed claims (1)"), "{s}");
    assert!(s.contains("? HEARSAY is said to"), "{s}");
    press(&mut a, "p");
    let last = a.article().article.paragraphs.len() - 1;
    assert_eq!(a.shown_paragraphs(), [last]);
}

/// A corpus in the reader: the list as a table, sorted, filtered by typing, and the
/// outlets compared.
#[test]
fn the_corpus_view_sorts_filters_and_compares_outlets() {
    let paths = [
        root().join("tests/fixtures/corpus/harbour.jsonl"),
        root().join("sample_articles"),
    ];
    let items =
        onrecord::pipeline::load_all(&paths, &Default::default(), &onrecord::pipeline::quiet)
            .unwrap()
            .into_iter()
            .map(Annotated::new)
            .collect();
    let themes = vec![Theme::bundled("dark").unwrap()];
    let mut a = App::new(items, themes, 0, KeyMap::with_overrides(None).unwrap());
    press(&mut a, "oS");
    let list = screen(&render(&mut a, 120, 16));
    insta::assert_snapshot!("corpus_list_by_outlet_120x16", list);
    assert!(list.contains("Articles · 5 of 5 · by outlet"), "{list}");

    press(&mut a, "c");
    let compared = screen(&render(&mut a, 120, 16));
    insta::assert_snapshot!("corpus_outlets_120x16", compared);
    assert!(compared.contains("Harbour Post"), "{compared}");

    key(&mut a, KeyCode::Esc);
    press(&mut a, "/courier");
    key(&mut a, KeyCode::Enter);
    let filtered = screen(&render(&mut a, 120, 16));
    assert!(
        filtered.contains("Articles · 1 of 5 · by outlet · filter: courier"),
        "{filtered}"
    );
    assert!(filtered.contains("all 1 shown"), "{filtered}");
    key(&mut a, KeyCode::Enter);
    assert!(
        a.article().article.name.ends_with("harbour.jsonl:3"),
        "{}",
        a.article().article.name
    );
}

// ---- text fields: the search, the export folder ----

fn ctrl(app: &mut App, c: char) {
    handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn footer_line(app: &mut App) -> String {
    let s = screen(&render(app, 120, 40));
    s.lines().last().unwrap().trim_end().to_string()
}

#[test]
fn the_search_field_edits_like_a_shell_line() {
    let mut a = app();
    press(&mut a, "/the attorney general");
    ctrl(&mut a, 'w');
    assert_eq!(a.search.query, "the attorney ");
    assert!(footer_line(&mut a).starts_with("/the attorney ▏"));
    key(&mut a, KeyCode::Left);
    key(&mut a, KeyCode::Left);
    assert!(
        footer_line(&mut a).starts_with("/the attorne▏y "),
        "the cursor moved left"
    );
    ctrl(&mut a, 'u');
    assert_eq!(a.search.query, "y ");
    assert!(footer_line(&mut a).starts_with("/▏y "));
    key(&mut a, KeyCode::Right);
    press(&mut a, "X");
    assert_eq!(a.search.query, "yX ");
}

#[test]
fn esc_while_searching_brings_back_the_last_search() {
    let mut a = app();
    press(&mut a, "/spicer");
    key(&mut a, KeyCode::Enter);
    press(&mut a, "/pres");
    assert_eq!(a.search.query, "pres");
    key(&mut a, KeyCode::Esc);
    assert!(!a.search.editing);
    assert_eq!(a.search.query, "spicer");
    assert_eq!(a.search.matches.len(), 2);
    assert!(footer_line(&mut a).contains("1/2 “spicer”"));
    // With no search before, Esc leaves none.
    let mut a = app();
    press(&mut a, "/pres");
    key(&mut a, KeyCode::Esc);
    assert!(a.search.query.is_empty() && a.search.matches.is_empty());
}

#[test]
fn the_export_folder_field_edits_and_esc_keeps_the_old_folder() {
    let mut a = app();
    let folder_line = |a: &mut App| {
        screen(&render(a, 120, 40))
            .lines()
            .find(|l| l.contains("folder:"))
            .unwrap()
            .to_string()
    };
    press(&mut a, "ed");
    press(&mut a, "/tmp/out/mine");
    ctrl(&mut a, 'w');
    assert!(folder_line(&mut a).contains("d: folder: /tmp/out/▏"));
    key(&mut a, KeyCode::Left);
    assert!(folder_line(&mut a).contains("d: folder: /tmp/out▏/"));
    ctrl(&mut a, 'u');
    assert!(folder_line(&mut a).contains("d: folder: ▏/"));
    key(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_some(), "Esc leaves the field, not the picker");
    assert!(folder_line(&mut a).contains("d: folder: beside the article"));
    press(&mut a, "d");
    press(&mut a, "/srv");
    key(&mut a, KeyCode::Enter);
    assert!(folder_line(&mut a).contains("d: folder: /srv"));
    press(&mut a, "d");
    press(&mut a, "/x");
    key(&mut a, KeyCode::Esc);
    assert!(folder_line(&mut a).contains("d: folder: /srv "));
}
