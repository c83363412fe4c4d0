//! Inputs the fuzz targets (`fuzz/`, README "Fuzzing") found a fault with, run again
//! through the very code the fuzzer ran them through: the targets' functions, included
//! from `fuzz/src/lib.rs`, which panic where a rule is broken. Every file under
//! `tests/fixtures/fuzz/<target>/` goes through its target; the samples go through each
//! target too, so that the harness is tested without nightly.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

#[path = "../fuzz/src/lib.rs"]
mod harness;

use onrecord::annotate::Annotated;
use onrecord::article::{parse_text, Format};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files of a folder of the repository, in name order (none if it is not there).
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs each saved input of `target` through `run`, naming the file that fails.
fn replay(target: &str, run: fn(&[u8])) {
    for file in files_in(&root().join("tests/fixtures/fuzz").join(target)) {
        let bytes = std::fs::read(&file).unwrap();
        let name = file.display().to_string();
        if std::panic::catch_unwind(|| run(&bytes)).is_err() {
            panic!("{name}: the {target} target fails on it again");
        }
    }
}

fn samples() -> Vec<Vec<u8>> {
    files_in(&root().join("sample_articles"))
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

#[test]
fn the_loader_passes_what_it_failed_on() {
    replay("load", harness::load);
}

#[test]
fn the_annotator_and_exports_pass_what_they_failed_on() {
    replay("annotate", harness::annotate);
}

#[test]
fn the_reader_passes_what_it_failed_on() {
    replay("reader", harness::reader);
}

#[test]
fn the_samples_pass_every_target() {
    for sample in samples() {
        // Detected from the name "story", then forced as plain text; a JSONL corpus.
        harness::load(&[&[3][..], &sample].concat());
        harness::load(&[&[4][..], &sample].concat());
        harness::annotate(&sample);
        // Down the text, into the people and sources, a search, the help, a resize.
        let keys = b"jjG\x02jj\x02k/said\x00n\x01?\x01\xc0\x20\x10j";
        harness::reader(&[&sample[..], b"\0", keys].concat());
    }
    harness::load(b"8{\"title\": \"A vote\", \"text\": \"The vote was close, aides said.\"}\n");
}

#[test]
fn attributions_that_hold_each_other_relay_in_a_chain_that_ends() {
    // Each middle attribution's content holds the next one's name and cue, so each was
    // the other's holder: the relays went round, and the kind they were counted as
    // depended on how far a bounded walk went.
    let text = "Vote\n\nThey said Mira said Oskar said Lena.\n".to_string();
    let article = parse_text("story.txt", text, Format::Plain);
    let found = Annotated::new(article).annotations;
    assert_eq!(found.sources.len(), 3);
    let outer: Vec<usize> = (0..found.sources.len())
        .filter(|&i| found.sources[i].relayed_by.is_none())
        .collect();
    assert_eq!(outer.len(), 1, "one source relays the others");
    let top = &found.sources[outer[0]];
    for s in &found.sources {
        assert_eq!(s.relayed_by.unwrap_or(outer[0]), outer[0]);
        assert_eq!(s.counted_kind, top.kind);
    }
}
