//! The W3C export against the Web Annotation Data Model's MUST rules (collection, page,
//! annotation, body, target, selectors), and every position selector sliced out of the
//! very document its target's `source` names.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;
use common::root;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The motivations the model defines.
const MOTIVATIONS: &[&str] = &[
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

fn w3c_of(path: &Path) -> Value {
    let o = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(["annotate", "--format", "w3c"])
        .arg(path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// One IRI: a scheme, and no white space or other character an IRI may not hold.
fn assert_iri(v: &Value, what: &str) {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what}: not a string: {v}"));
    let parsed = url::Url::parse(s).unwrap_or_else(|e| panic!("{what}: {s:?}: {e}"));
    assert!(!parsed.scheme().is_empty(), "{what}: {s}");
    assert!(
        !s.chars()
            .any(|c| c.is_whitespace() || "<>\"{}|\\^`".contains(c)),
        "{what}: {s:?} holds a character an IRI may not"
    );
}

fn assert_collection(v: &Value) {
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    assert_iri(&v["id"], "collection id");
    let page = &v["first"];
    assert_eq!(page["type"], "AnnotationPage");
    assert_iri(&page["id"], "page id");
    assert!(page["startIndex"].as_u64().is_some());
    let items = page["items"].as_array().unwrap();
    assert_eq!(v["total"].as_u64().unwrap() as usize, items.len());
}

/// The text of the document an IRI names, as code points; `None` when it is no file.
fn document(iri: &str) -> Option<Vec<char>> {
    let url = url::Url::parse(iri).unwrap();
    let path: PathBuf = url.to_file_path().ok()?;
    Some(std::fs::read_to_string(path).unwrap().chars().collect())
}

/// Checks one annotation; returns how many position selectors were sliced.
fn assert_annotation(a: &Value) -> usize {
    assert_eq!(a["type"], "Annotation");
    assert_iri(&a["id"], "annotation id");
    let motivation = a["motivation"].as_str().unwrap();
    assert!(MOTIVATIONS.contains(&motivation), "{motivation}");
    for body in a["body"].as_array().unwrap() {
        assert_eq!(body["type"], "TextualBody");
        assert!(body["value"].is_string(), "{body}");
        let purpose = body["purpose"].as_str().unwrap();
        assert!(MOTIVATIONS.contains(&purpose), "{purpose}");
    }
    let target = &a["target"];
    assert_iri(&target["source"], "target source");
    if !target["scope"].is_null() {
        assert_iri(&target["scope"], "target scope");
    }
    let selectors = target["selector"].as_array().unwrap();
    let quote = selectors
        .iter()
        .find(|s| s["type"] == "TextQuoteSelector")
        .unwrap();
    let exact = quote["exact"].as_str().unwrap();
    assert!(!exact.is_empty());
    let Some(position) = selectors
        .iter()
        .find(|s| s["type"] == "TextPositionSelector")
    else {
        return 0;
    };
    let (start, end) = (
        position["start"].as_u64().unwrap() as usize,
        position["end"].as_u64().unwrap() as usize,
    );
    assert!(start <= end);
    let text = document(target["source"].as_str().unwrap())
        .expect("a position selector counts in a document one can open");
    let sliced: String = text[start..end].iter().collect();
    assert_eq!(sliced, exact, "{}", a["id"]);
    1
}

/// A copy of a project file in a folder whose name has a space, as users' folders do.
fn copied(dir: &Path, from: &str) -> PathBuf {
    let to = dir.join(Path::new(from).file_name().unwrap());
    std::fs::copy(root().join(from), &to).unwrap();
    to
}

#[test]
fn every_export_keeps_the_models_must_rules_and_its_offsets_slice_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("my articles");
    std::fs::create_dir(&folder).unwrap();
    let cases = [
        ("sample_articles/nyt-sessions-offered-to-resign.txt", true),
        ("sample_articles/hotair-sessions-fed-up.txt", true),
        ("tests/fixtures/town-hall.md", true),
        // A saved page: offsets count in its readable text, not in the file, so its
        // spans are given by their quote alone.
        ("tests/fixtures/capitol-brief.html", false),
    ];
    for (file, positions) in cases {
        let path = copied(&folder, file);
        let v = w3c_of(&path);
        assert_collection(&v);
        let items = v["first"]["items"].as_array().unwrap();
        assert!(!items.is_empty(), "{file}");
        let sliced: usize = items.iter().map(assert_annotation).sum();
        assert_eq!(sliced, if positions { items.len() } else { 0 }, "{file}");
        let source = items[0]["target"]["source"].as_str().unwrap();
        assert!(source.starts_with("file:///"), "{source}");
        assert!(source.contains("my%20articles"), "{source}");
    }
}

#[test]
fn an_article_with_an_address_keeps_it_as_the_scope_and_points_at_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = copied(
        dir.path(),
        "sample_articles/nyt-sessions-offered-to-resign.txt",
    );
    let v = w3c_of(&path);
    let target = &v["first"]["items"][0]["target"];
    let scope = target["scope"].as_str().unwrap();
    assert!(scope.starts_with("https://www.nytimes.com/"), "{scope}");
    assert!(target["source"]
        .as_str()
        .unwrap()
        .ends_with("/nyt-sessions-offered-to-resign.txt"));
}
