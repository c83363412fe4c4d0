//! Frames of the reader, at 120x40: on a 20 MB article the first (which lays out only
//! the page it shows) and the following ones; and the time until the first frame of a
//! folder of 10,000 articles, which are annotated in the background.
//!
//! Targets: first frame ≤ 50 ms, a following frame ≤ 2 ms, 10,000 articles ≤ 50 ms.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use onrecord::annotate::Annotated;
use onrecord::article::{parse_text, Format};
use onrecord::tui::app::App;
use onrecord::tui::keymap::{Action, KeyMap};
use onrecord::tui::loader;
use onrecord::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::Path;

#[path = "support/generate.rs"]
mod generate;

fn new_app(items: Vec<Annotated>) -> App {
    let themes = vec![Theme::bundled("dark").expect("bundled")];
    App::new(
        items,
        themes,
        0,
        KeyMap::with_overrides(None).expect("default keys"),
    )
}

/// A frame as the reader makes one: the layout step, then the drawing.
fn draw(terminal: &mut Terminal<TestBackend>, app: &mut App) {
    app.update_layout(ratatui::layout::Rect::new(0, 0, 120, 40));
    terminal
        .draw(|f| onrecord::tui::ui::draw(f, app))
        .expect("draws");
}

fn big_article() -> Annotated {
    let article = parse_text("big.txt", generate::generated(20_000_000), Format::Plain);
    Annotated::new(article)
}

fn render_20mb(c: &mut Criterion) {
    let big = big_article();
    let mut group = c.benchmark_group("render 20MB");
    group.sample_size(10);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    group.bench_function("open and first frame", |b| {
        b.iter_batched(
            || big.clone(),
            |item| {
                let mut app = new_app(vec![item]);
                draw(&mut terminal, &mut app);
                app
            },
            BatchSize::LargeInput,
        );
    });
    group.bench_function("first frame", |b| {
        b.iter_batched(
            || new_app(vec![big.clone()]),
            |mut app| {
                draw(&mut terminal, &mut app);
                app
            },
            BatchSize::LargeInput,
        );
    });
    let mut app = new_app(vec![big.clone()]);
    draw(&mut terminal, &mut app);
    group.bench_function("next frame (page down)", |b| {
        b.iter(|| {
            let before = app.text.top();
            app.apply(Action::PageDown);
            if app.text.top() == before {
                app.apply(Action::Top);
            }
            draw(&mut terminal, &mut app);
        });
    });
    let len = big.article.text.len();
    let mut byte = 0usize;
    group.bench_function("frame after a jump (search, source)", |b| {
        b.iter(|| {
            // Somewhere far off each time, as a search or a source would lead.
            byte = (byte + 7_919_993) % len;
            app.scroll_to_byte(byte);
            draw(&mut terminal, &mut app);
        });
    });
    group.finish();
}

/// A folder of `count` articles: the samples under varied names.
fn article_folder(dir: &Path, count: usize) {
    let samples: Vec<String> = [
        "hotair-sessions-fed-up.txt",
        "nyt-sessions-offered-to-resign.txt",
    ]
    .iter()
    .map(|n| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample_articles")
            .join(n);
        std::fs::read_to_string(path).expect("sample exists")
    })
    .collect();
    for i in 0..count {
        let name = format!("{i:05}-story.txt");
        std::fs::write(dir.join(name), &samples[i % samples.len()]).expect("writes");
    }
}

fn open_folder(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    article_folder(dir.path(), 10_000);
    let paths = [dir.path().to_path_buf()];
    let mut group = c.benchmark_group("open 10,000 articles");
    group.sample_size(20);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    group.bench_function("time to first frame", |b| {
        b.iter(|| {
            let failures =
                onrecord::pipeline::Report::for_paths(&paths, &onrecord::pipeline::quiet);
            let jobs =
                loader::jobs_for(&paths, &Default::default(), &failures).expect("folder lists");
            let incoming = loader::start(jobs, Default::default());
            let (first, rest) =
                loader::first_and_rest(incoming, &onrecord::pipeline::quiet).expect("one loads");
            let mut app = new_app(first);
            app.follow(rest);
            draw(&mut terminal, &mut app);
            // Dropping the app stops the workers after the article each has in hand.
            app
        });
    });
    // Most of the time above: listing the folder stats every file in it.
    group.bench_function("listing the folder (pipeline::expand_paths)", |b| {
        b.iter(|| {
            let failures =
                onrecord::pipeline::Report::for_paths(&paths, &onrecord::pipeline::quiet);
            onrecord::pipeline::expand_paths(&paths, &failures).expect("folder lists")
        });
    });
    group.finish();
}

criterion_group!(benches, render_20mb, open_folder);
criterion_main!(benches);
