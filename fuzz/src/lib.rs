//! What the fuzz targets run, one function each. `tests/fuzz_regressions.rs` includes
//! this file, so a saved input goes through the very code the fuzzer ran it through.
//!
//! Each function drives onrecord with the fuzzer's bytes and checks what must hold for
//! any input: spans inside their text and on character boundaries, paragraphs in order,
//! indices that point at something. A broken rule panics, which the fuzzer reports.

use onrecord::annotate::{Annotated, Annotations};
use onrecord::article::corpus::{self, CorpusFormat, FieldNames, Records};
use onrecord::article::{decode, parse_bytes, parse_text, Article, Format};
use onrecord::corrections::brat_import::{diff, parse_ann};
use onrecord::corrections::Place;
use onrecord::export::{brat, render, CsvTable, ExportFormat};
use onrecord::span::Span;
use onrecord::tui::app::{App, Overlay};
use onrecord::tui::input::{handle_key, handle_mouse};
use onrecord::tui::keymap::{Action, KeyMap};
use onrecord::tui::theme::Theme;
use onrecord::tui::ui::draw;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui::Terminal;

const FORMATS: [Format; 4] = [Format::Plain, Format::Dump, Format::Markdown, Format::Html];

/// File names whose extensions steer format detection (the last leaves it to the text).
const NAMES: [&str; 4] = ["story.txt", "story.html", "story.md", "story"];

/// Records read from one corpus input at most: more only repeat the work.
const MAX_RECORDS: usize = 64;

/// The loader. The first byte says how the rest is read: as a file whose format is
/// detected from one of four names, in each format forced, or as a JSONL or CSV corpus.
pub fn load(data: &[u8]) {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    match usize::from(how % 10) {
        n @ 0..=3 => load_file(NAMES[n], bytes, None),
        n @ 4..=7 => load_file("story", bytes, Some(FORMATS[n - 4])),
        8 => load_corpus(bytes, CorpusFormat::Jsonl),
        _ => load_corpus(bytes, CorpusFormat::Csv),
    }
}

fn load_file(name: &str, bytes: &[u8], format: Option<Format>) {
    let Ok((article, _warnings)) = parse_bytes(name, bytes, format) else {
        return;
    };
    check_article(&article);
    // The text is the file's, decoded and otherwise unchanged (for HTML, the page's).
    let decoded = decode(name, bytes).expect("it was decoded once").text;
    let file = match article.format {
        Format::Html => article.file_text.as_deref(),
        _ => Some(article.text.as_str()),
    };
    assert!(
        file == Some(decoded.as_str()),
        "the article's file text is not the file's"
    );
}

fn load_corpus(bytes: &[u8], format: CorpusFormat) {
    let Ok(records) = Records::new(bytes, "corpus", format) else {
        return;
    };
    for record in records.take(MAX_RECORDS).flatten() {
        if let Ok(article) = corpus::article(record, &FieldNames::default()) {
            check_article(&article);
        }
    }
}

/// The annotator, then every export that is written to memory. The bytes are text
/// (invalid UTF-8 replaced), in the format the text looks like.
pub fn annotate(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let format = Format::detect("story", &text);
    let article = parse_text("story", text, format);
    check_article(&article);
    // The loader refuses an article without paragraphs; nothing past it sees one.
    if article.paragraphs.is_empty() {
        return;
    }
    let annotated = Annotated::new(article);
    check_annotations(&annotated.article, &annotated.annotations);
    check_exports(&annotated);
}

/// Panics unless the article's spans are sound: paragraphs non-empty, trimmed, in order
/// and disjoint; every span inside its text and on character boundaries.
pub fn check_article(a: &Article) {
    let text = &a.text;
    let mut last_end = 0;
    for (i, p) in a.paragraphs.iter().enumerate() {
        let s = p.span;
        check_span(text, s, "paragraph");
        assert!(s.start < s.end, "paragraph {i} is empty: {s:?}");
        assert!(s.start >= last_end, "paragraph {i} overlaps the one before");
        let slice = s.slice(text);
        assert_eq!(slice.trim(), slice, "paragraph {i} is not trimmed");
        assert_eq!(
            a.paragraph_of(s.start),
            Some(i),
            "paragraph_of({})",
            s.start
        );
        if let Some(source) = p.source {
            let file = a.file_text.as_deref();
            check_span(
                file.expect("a paragraph source needs a file text"),
                source,
                "source",
            );
        }
        last_end = s.end;
    }
    if let Some(title) = a.meta.title_span {
        check_span(text, title, "title");
        let said = a.meta.title.as_deref();
        assert_eq!(
            Some(title.slice(text)),
            said,
            "the title span is not the title"
        );
    }
}

fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} {s:?} is outside the text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} cuts a character"
    );
}

/// Panics unless every span of the annotations is sound and every index points at a
/// paragraph, a person or a source there is.
pub fn check_annotations(a: &Article, found: &Annotations) {
    let text = &a.text;
    let paragraph = |i: Option<usize>, what: &str| {
        if let Some(i) = i {
            assert!(
                i < a.paragraphs.len(),
                "{what} in paragraph {i} of {}",
                a.paragraphs.len()
            );
        }
    };
    for person in &found.people {
        for m in &person.mentions {
            check_span(text, m.span, "mention");
            paragraph(m.paragraph, "mention");
            if let Some(i) = m.paragraph {
                assert!(
                    a.paragraphs[i].span.contains(m.span),
                    "mention {:?} outside its paragraph",
                    m.span
                );
            }
        }
    }
    for s in &found.sources {
        check_span(text, s.span, "source");
        check_span(text, s.cue, "cue");
        for (span, what) in [(s.content, "content"), (s.reason, "reason")] {
            if let Some(span) = span {
                check_span(text, span, what);
                assert!(!span.is_empty(), "an empty {what} at {span:?}");
            }
        }
        // Bounded, so that exports, which repeat each content's text, grow with the text.
        let content = s.content.map_or(0, |c| c.len());
        assert!(content <= 2048, "a content of {content} bytes");
        paragraph(s.paragraph, "source");
        if let Some(p) = s.person {
            assert!(
                p < found.people.len(),
                "source of person {p} of {}",
                found.people.len()
            );
        }
    }
    // Relays form chains that end, at the source each one is counted as.
    for (i, s) in found.sources.iter().enumerate() {
        let mut top = i;
        for _ in 0..=found.sources.len() {
            let Some(r) = found.sources[top].relayed_by else {
                break;
            };
            assert!(
                r < found.sources.len(),
                "relayed by source {r} of {}",
                found.sources.len()
            );
            top = r;
        }
        let top = &found.sources[top];
        assert!(
            top.relayed_by.is_none(),
            "the relays of source {i} go round in a loop"
        );
        assert_eq!(
            s.counted_kind, top.kind,
            "source {i} is not counted as its outermost relayer"
        );
    }
    for u in &found.unattributed {
        check_span(text, u.span, "unattributed claim");
        check_span(text, u.cue, "hearsay cue");
        paragraph(u.paragraph, "unattributed claim");
    }
}

/// Every single-file export of the article, each table of the CSV: none fails in
/// memory, the JSON ones parse, and each span the JSON and brat give (code-point
/// offsets with the text they cover) covers that text. brat's `.ann`, read back as
/// `import-brat` reads an edited one, asks for no correction.
pub fn check_exports(a: &Annotated) {
    let chars: Vec<char> = a.article.text.chars().collect();
    let ann = brat::ann(a);
    check_ann_spans(&ann, &chars);
    let read = parse_ann(&ann, &a.article.text)
        .unwrap_or_else(|e| panic!("the .ann does not read back: {e}\n{ann}"));
    let (edits, notes) = diff(a, &read, None);
    assert!(
        edits.is_empty() && notes.is_empty(),
        "the .ann read back asks for {edits:?} ({notes:?})\n{ann}"
    );
    for format in ExportFormat::ALL {
        let tables: &[CsvTable] = match format {
            ExportFormat::Csv => &[CsvTable::Sources, CsvTable::People, CsvTable::Mentions],
            _ => &[CsvTable::Sources],
        };
        for &table in tables {
            let out = render(std::slice::from_ref(a), format, table, false)
                .unwrap_or_else(|e| panic!("the {} export failed: {e}", format.name()));
            match format {
                ExportFormat::Json | ExportFormat::W3c => {
                    let value = parse_json(&out, format);
                    if format == ExportFormat::Json {
                        check_json_spans(&value, &chars);
                    }
                }
                ExportFormat::Jsonl | ExportFormat::Spacy => {
                    for line in out.lines() {
                        parse_json(line, format);
                    }
                }
                ExportFormat::Csv => check_csv(&out),
                _ => {}
            }
        }
    }
}

/// A CSV table reads back, each row as many fields as the header.
fn check_csv(out: &str) {
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let fields = rows.headers().expect("a CSV header").len();
    for row in rows.records() {
        let row = row.unwrap_or_else(|e| panic!("a CSV row does not read back: {e}"));
        assert_eq!(row.len(), fields, "a CSV row of {} fields", row.len());
    }
}

fn parse_json(text: &str, format: ExportFormat) -> serde_json::Value {
    serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("the {} export is not JSON: {e}", format.name()))
}

/// Each text-bound line of an `.ann` (`T1<tab>Label 0 4;5 9<tab>text`) has three
/// fields, and its fragments, in code points, joined by spaces, are its text.
fn check_ann_spans(ann: &str, chars: &[char]) {
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            fields.len(),
            3,
            "an .ann line of {} fields: {line:?}",
            fields.len()
        );
        let (_, offsets) = fields[1].split_once(' ').expect("a label, then offsets");
        let covered: Vec<String> = offsets
            .split(';')
            .map(|pair| {
                let (start, end) = pair.split_once(' ').expect("two offsets");
                let (start, end): (usize, usize) = (
                    start.parse().unwrap_or(usize::MAX),
                    end.parse().unwrap_or(0),
                );
                assert!(
                    start < end && end <= chars.len(),
                    "an .ann fragment {pair:?}: {line:?}"
                );
                chars[start..end].iter().collect()
            })
            .collect();
        assert_eq!(
            covered.join(" "),
            fields[2],
            "an .ann line's text: {line:?}"
        );
    }
}

/// Every object with numeric `start` and `end` and a string `text` is a span of the
/// article's text in code points.
fn check_json_spans(value: &serde_json::Value, chars: &[char]) {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.iter().for_each(|v| check_json_spans(v, chars)),
        Value::Object(fields) => {
            let start = fields.get("start").and_then(Value::as_u64);
            let end = fields.get("end").and_then(Value::as_u64);
            let text = fields.get("text").and_then(Value::as_str);
            if let (Some(start), Some(end), Some(text)) = (start, end, text) {
                let (start, end) = (start as usize, end as usize);
                assert!(
                    start <= end && end <= chars.len(),
                    "JSON span {start}..{end} of {}",
                    chars.len()
                );
                let covered: String = chars[start..end].iter().collect();
                assert_eq!(covered, text, "JSON span {start}..{end}");
            }
            fields.values().for_each(|v| check_json_spans(v, chars));
        }
        _ => {}
    }
}

/// Events read from one input at most, so that a unit stays fast.
const MAX_EVENTS: usize = 512;

/// The largest screen tried.
const MAX_WIDTH: u16 = 300;
const MAX_HEIGHT: u16 = 120;

/// Names of the reader's articles. None is a file, so the corrections made by the keys
/// have no sidecar to go to and are never saved (checked before each run).
const ARTICLE_NAMES: [&str; 3] = [
    "onrecord-fuzz-first",
    "onrecord-fuzz-second",
    "onrecord-fuzz-third",
];

/// The reader. The bytes before the first NUL are up to three articles, parted by a
/// record separator (0x1E), each loaded as a file is; the bytes after it are keys,
/// mouse events and resizes, each followed by the layout step and a frame drawn into a
/// test backend, as the reader's event loop does.
pub fn reader(data: &[u8]) {
    let (articles, events) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let items: Vec<Annotated> = articles
        .split(|&b| b == 0x1e)
        .zip(ARTICLE_NAMES)
        .filter_map(|(bytes, name)| {
            assert!(
                !std::path::Path::new(name).exists(),
                "{name} is in the working folder: corrections would be saved beside it"
            );
            parse_bytes(name, bytes, None).ok()
        })
        .map(|(article, _)| Annotated::new(article))
        .collect();
    if items.is_empty() {
        return;
    }
    let themes = ["dark", "light", "mono", "high-contrast"]
        .iter()
        .map(|name| Theme::bundled(name).expect("the theme is bundled"))
        .collect();
    let keymap = KeyMap::with_overrides(None).expect("the built-in key map reads");
    let mut app = App::new(items, themes, 0, keymap);
    // Corrections on, beside the article files: there are none, so nothing is written.
    app.set_corrections_place(Some(Place::Beside));
    let (mut width, mut height) = (80, 24);
    let mut terminal = frame(&mut app, None, width, height);
    let mut bytes = events.iter().copied();
    for _ in 0..MAX_EVENTS {
        let Some(b) = bytes.next() else { break };
        match event(b, &mut bytes) {
            Event::Key(key) if writes(&app, &key) => continue,
            Event::Key(key) => handle_key(&mut app, key),
            Event::Mouse(m) => handle_mouse(&mut app, m),
            Event::Resize(w, h) => (width, height) = (w, h),
        }
        if app.quit {
            break;
        }
        terminal = frame(&mut app, Some(terminal), width, height);
    }
}

/// The layout step and a frame, as the event loop runs them, in a terminal of the size
/// (the one given, unless its size changed).
fn frame(
    app: &mut App,
    terminal: Option<Terminal<TestBackend>>,
    width: u16,
    height: u16,
) -> Terminal<TestBackend> {
    let area = Rect::new(0, 0, width, height);
    let mut terminal = match terminal {
        Some(t) if t.backend().buffer().area == area => t,
        _ => Terminal::new(TestBackend::new(width, height)).expect("a test terminal"),
    };
    app.update_layout(area);
    terminal
        .draw(|f| draw(f, app))
        .expect("drawing into a test backend");
    check_screen(terminal.backend().buffer());
    terminal
}

/// Panics if a cell of the screen holds a character the terminal would act on, that
/// would reorder what is drawn, or that terminals draw at widths of their own choosing.
fn check_screen(buffer: &ratatui::buffer::Buffer) {
    for (i, cell) in buffer.content().iter().enumerate() {
        for c in cell.symbol().chars() {
            assert!(
                !is_unsafe_on_screen(c),
                "the screen holds {c:?} at cell {i}"
            );
        }
    }
}

/// Controls (C0, DEL, C1), bidirectional controls, zero-width and format characters,
/// private use and noncharacters: written out here rather than asked of the sanitiser,
/// so that a fault in it is caught.
fn is_unsafe_on_screen(c: char) -> bool {
    let n = c as u32;
    c.is_control()
        || matches!(n, 0x202a..=0x202e | 0x2066..=0x2069 | 0x200b..=0x200f | 0x061c)
        || matches!(n, 0x2060 | 0xfeff | 0xfff9..=0xfffb | 0xfdd0..=0xfdef)
        || matches!(n, 0xe000..=0xf8ff | 0xf0000..=0x10ffff)
        || n & 0xfffe == 0xfffe
}

/// Whether the key would write a file: Enter in the export picker (not while a folder
/// is typed) exports, into whatever folder was typed, which may be any folder there is.
/// Those keys are skipped; the picker itself is still driven by every other key.
fn writes(app: &App, key: &KeyEvent) -> bool {
    matches!(&app.overlay, Some(Overlay::Export(picker)) if !picker.editing_folder())
        && app.keymap().action(key) == Some(Action::Activate)
}

enum Event {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
}

/// Characters past ASCII to type into the search and the fields: wide, combining,
/// zero-width, right-to-left, and the marks the annotator reads.
const TYPED: [char; 16] = [
    'é', '“', '”', '‘', '’', '«', '»', '—', 'ß', '中', '🙂', '\u{301}', '\u{200b}', '\u{feff}',
    'ש', '\u{1b}',
];

/// One event from its first byte (and the bytes after it for some):
/// printable ASCII is that key; other bytes below 0x80 are the keys that are no
/// characters; 0x80–0xBF types a character from [`TYPED`]; 0xC0–0xDF resizes to the
/// next two bytes; 0xE0–0xEF is a mouse event at the next two; 0xF0–0xFF is the next
/// byte's character with Ctrl or Alt.
fn event(b: u8, rest: &mut impl Iterator<Item = u8>) -> Event {
    let mut next = || rest.next().unwrap_or(0);
    let key = |code, modifiers| Event::Key(KeyEvent::new(code, modifiers));
    match b {
        0x20..=0x7e => {
            let c = char::from(b);
            let shift = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            key(KeyCode::Char(c), shift)
        }
        0x00..=0x1f | 0x7f => {
            let (code, modifiers) = special(b);
            key(code, modifiers)
        }
        0x80..=0xbf => key(
            KeyCode::Char(TYPED[usize::from(b) % TYPED.len()]),
            KeyModifiers::NONE,
        ),
        0xc0..=0xdf => {
            let w = scaled(next(), MAX_WIDTH);
            let h = scaled(next(), MAX_HEIGHT);
            Event::Resize(w, h)
        }
        0xe0..=0xef => {
            let kind = match b % 4 {
                0 => MouseEventKind::ScrollDown,
                1 => MouseEventKind::ScrollUp,
                2 => MouseEventKind::Down(MouseButton::Left),
                _ => MouseEventKind::Moved,
            };
            let (column, row) = (u16::from(next()), u16::from(next()) / 2);
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        }
        _ => {
            let c = char::from(b' ' + next() % 95);
            let modifiers = if b % 2 == 0 {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::ALT
            };
            key(KeyCode::Char(c), modifiers)
        }
    }
}

/// A byte as a size from 1 to `max`.
fn scaled(b: u8, max: u16) -> u16 {
    1 + u16::try_from(u32::from(b) * u32::from(max) / 256).expect("below max")
}

/// The keys that are no characters, and a few Ctrl keys the reader and its fields know.
fn special(b: u8) -> (KeyCode, KeyModifiers) {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    match b % 20 {
        0 => (KeyCode::Enter, none),
        1 => (KeyCode::Esc, none),
        2 => (KeyCode::Tab, none),
        3 => (KeyCode::BackTab, KeyModifiers::SHIFT),
        4 => (KeyCode::Up, none),
        5 => (KeyCode::Down, none),
        6 => (KeyCode::Left, none),
        7 => (KeyCode::Right, none),
        8 => (KeyCode::PageUp, none),
        9 => (KeyCode::PageDown, none),
        10 => (KeyCode::Home, none),
        11 => (KeyCode::End, none),
        12 => (KeyCode::Backspace, none),
        13 => (KeyCode::Delete, none),
        14 => (KeyCode::Char('d'), ctrl),
        15 => (KeyCode::Char('u'), ctrl),
        16 => (KeyCode::Char('r'), ctrl),
        17 => (KeyCode::Char('w'), ctrl),
        18 => (KeyCode::Insert, none),
        _ => (KeyCode::F(1), none),
    }
}
