//! Annotation throughput on large generated articles, and how it grows with size.
//!
//! The input repeats the bundled samples' paragraphs with the names varied, so that the
//! number of people grows with the text as it would in a corpus.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use onrecord::article::{parse_text, Format};

#[path = "generate.rs"]
mod generate;
use generate::generated;

fn annotate(c: &mut Criterion) {
    let mut group = c.benchmark_group("annotate");
    group.sample_size(10);
    for mb in [1usize, 4] {
        let text = generated(mb * 1_000_000);
        let article = parse_text("bench.txt", text.clone(), Format::Plain);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("article", format!("{mb}MB")),
            &article,
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
        b.iter(|| parse_text("bench.txt", text.clone(), Format::Plain))
    });
    group.finish();
}

criterion_group!(benches, annotate, load);
criterion_main!(benches);
