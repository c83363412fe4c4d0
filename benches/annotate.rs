//! Annotation throughput by stage on large generated articles, so that a regression shows
//! where it came from: sentences, tokens, people, sources, and the whole annotator.
//!
//! The input repeats the bundled samples' paragraphs with the names varied, so that the
//! number of people grows with the text as it would in a corpus. `benches/throughput.sh`
//! times the whole command against `wc -w`.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use onrecord::annotate::text::{sentences, tokens::tokenize};
use onrecord::article::{parse_text, Article, Format};

#[path = "support/generate.rs"]
mod generate;
use generate::generated;

fn article(bytes: usize) -> Article {
    parse_text("bench.txt", generated(bytes), Format::Plain)
}

fn stages(c: &mut Criterion) {
    let a = article(4_000_000);
    let mut group = c.benchmark_group("stage");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(a.text.len() as u64));
    group.bench_function("sentences", |b| {
        b.iter(|| {
            a.paragraphs
                .iter()
                .map(|p| sentences(&a.text, p.span).len())
                .sum::<usize>()
        });
    });
    group.bench_function("tokens", |b| {
        b.iter(|| {
            a.paragraphs
                .iter()
                .map(|p| tokenize(&a.text, p.span).len())
                .sum::<usize>()
        });
    });
    group.bench_function("people", |b| {
        b.iter(|| onrecord::annotate::people::find_people(&a));
    });
    let people = onrecord::annotate::people::find_people(&a);
    let lower = onrecord::annotate::text::LowerText::of(&a.text);
    group.bench_function("sources", |b| {
        b.iter(|| onrecord::annotate::sources::find_sources(&a, &people, &lower));
    });
    group.finish();
}

fn annotate(c: &mut Criterion) {
    let mut group = c.benchmark_group("annotate");
    group.sample_size(10);
    for mb in [1usize, 4] {
        let a = article(mb * 1_000_000);
        group.throughput(Throughput::Bytes(a.text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("article", format!("{mb}MB")),
            &a,
            |b, a| b.iter(|| onrecord::annotate::annotate(a)),
        );
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let text = generated(4_000_000);
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("plain 4MB", |b| {
        b.iter(|| parse_text("bench.txt", text.clone(), Format::Plain));
    });
    group.finish();
}

criterion_group!(benches, stages, annotate, load);
criterion_main!(benches);
