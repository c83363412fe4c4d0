//! Annotation throughput on large generated articles, and how it grows with size.
//!
//! The input repeats the bundled samples' paragraphs with the names varied, so that the
//! number of people grows with the text as it would in a corpus.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use onrecord::article::{parse_text, Format};

fn generated(bytes: usize) -> String {
    let sample = String::from_utf8_lossy(onrecord::samples::SAMPLES[1].1).into_owned();
    let body: Vec<&str> = sample.split("\n\n").skip(1).collect();
    let mut text = String::from("A generated article\n\n");
    let mut round = 0;
    while text.len() < bytes {
        for p in &body {
            // Vary the surnames so each round introduces new people.
            text.push_str(
                &p.replace("Sessions", &format!("Sessions{round}"))
                    .replace("Comey", &format!("Comey{round}")),
            );
            text.push_str("\n\n");
        }
        round += 1;
    }
    text
}

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
