//! One frame of the reader on a 5 MB article: the first (which lays the text out)
//! and the following ones (which reuse the layout), at 120x40.

use criterion::{criterion_group, criterion_main, Criterion};
use onrecord::article::{parse_text, Format};
use onrecord::export::Annotated;
use onrecord::tui::app::App;
use onrecord::tui::keymap::KeyMap;
use onrecord::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

#[path = "generate.rs"]
mod generate;

fn app() -> App {
    let article = parse_text("big.txt", generate::generated(5_000_000), Format::Plain);
    let themes = vec![Theme::bundled("dark").expect("bundled")];
    App::new(
        vec![Annotated::new(article)],
        themes,
        0,
        KeyMap::with_overrides(None).expect("default keys"),
    )
}

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render 5MB");
    group.sample_size(10);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    let mut a = app();
    terminal
        .draw(|f| onrecord::tui::ui::draw(f, &mut a))
        .expect("draws");
    group.bench_function("next frame", |b| {
        b.iter(|| {
            a.text_scroll = (a.text_scroll + 997) % 100_000;
            terminal
                .draw(|f| onrecord::tui::ui::draw(f, &mut a))
                .expect("draws");
        })
    });
    group.bench_function("first frame (lays out the text)", |b| {
        b.iter_batched(
            app,
            |mut fresh| {
                terminal
                    .draw(|f| onrecord::tui::ui::draw(f, &mut fresh))
                    .map(|_| ())
                    .expect("draws")
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
