//! The samples scored against their gold annotations, with the targets of the people
//! and sourcing issues as thresholds.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;
use common::*;

const SAMPLES: [&str; 2] = [
    "nyt-sessions-offered-to-resign.txt",
    "hotair-sessions-fed-up.txt",
];

fn totals() -> (f64, f64, f64, f64) {
    let (mut m, mut s) = ((0, 0, 0), (0, 0, 0));
    let (mut b3, mut b3n, mut kind) = (0.0, 0, 0);
    for name in SAMPLES {
        let sc = score(&annotated_json(name), &gold(name));
        m = (m.0 + sc.m.0, m.1 + sc.m.1, m.2 + sc.m.2);
        s = (s.0 + sc.s.0, s.1 + sc.s.1, s.2 + sc.s.2);
        b3 += sc.b3_sum;
        b3n += sc.b3_n;
        kind += sc.kind_ok;
    }
    (
        f1(m.0, m.1, m.2),
        b3 / b3n as f64,
        f1(s.0, s.1, s.2),
        kind as f64 / s.0 as f64,
    )
}

#[test]
fn people_reach_the_targets_on_the_samples() {
    let (mention_f1, b3, _, _) = totals();
    assert!(
        mention_f1 >= 0.95,
        "people-mention F1 {mention_f1:.3} < 0.95"
    );
    assert!(b3 >= 0.95, "B-cubed {b3:.3} < 0.95");
}

#[test]
fn sources_reach_the_targets_on_the_samples() {
    let (_, _, source_f1, kind_acc) = totals();
    assert!(source_f1 >= 0.90, "source F1 {source_f1:.3} < 0.90");
    assert!(kind_acc >= 0.90, "kind accuracy {kind_acc:.3} < 0.90");
}

#[test]
fn paragraph_counts_match_the_gold() {
    for name in SAMPLES {
        let want = gold(name)["paragraphs"].as_u64().unwrap() as usize;
        assert_eq!(
            annotated_json(name)["paragraphs"].as_array().unwrap().len(),
            want,
            "{name}"
        );
    }
}

#[test]
fn every_span_slices_the_file_to_its_text() {
    for name in SAMPLES {
        let file: Vec<char> = std::fs::read_to_string(root().join("sample_articles").join(name))
            .unwrap()
            .chars()
            .collect();
        let v = annotated_json(name);
        let mut spans = Vec::new();
        spans.extend(v["paragraphs"].as_array().unwrap().iter().cloned());
        for p in v["people"].as_array().unwrap() {
            spans.extend(p["mentions"].as_array().unwrap().iter().cloned());
        }
        for s in v["sources"].as_array().unwrap() {
            spans.push(s.clone());
            spans.push(s["cue"].clone());
            spans.extend(s["content"].as_object().map(|_| s["content"].clone()));
            spans.extend(s["reason"].as_object().map(|_| s["reason"].clone()));
        }
        assert!(spans.len() > 50, "{name}: the samples have many spans");
        for s in spans {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            let got: String = file[a..b].iter().collect();
            assert_eq!(got, s["text"].as_str().unwrap(), "{name} {a}..{b}");
        }
    }
}

#[test]
fn the_newspaper_sample_names_its_people_and_sources() {
    let v = annotated_json("nyt-sessions-offered-to-resign.txt");
    let names: Vec<&str> = v["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for want in [
        "Jeff Sessions",
        "Sean Spicer",
        "Chris Christie",
        "Stephen Miller",
        "Rod J. Rosenstein",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    let spicer = v["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Sean Spicer")
        .unwrap();
    assert!(spicer["roles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "White House press secretary"));
    let sources = v["sources"].as_array().unwrap();
    let by_text = |t: &str| {
        sources
            .iter()
            .find(|s| s["text"] == t)
            .unwrap_or_else(|| panic!("no source {t:?}"))
    };
    let anon = by_text("the two people who spoke on the condition of anonymity");
    assert_eq!(anon["kind"], "anonymous");
    assert_eq!(anon["on_record"], false);
    assert!(anon["reason"]["text"]
        .as_str()
        .unwrap()
        .starts_with("who spoke on the condition of anonymity to discuss"));
    assert_eq!(by_text("A White House spokeswoman")["declined"], true);
    assert_eq!(by_text("The New York Times")["kind"], "media");
    let spicer_source = by_text("Sean Spicer");
    assert_eq!(spicer_source["person"], spicer["id"]);
    assert_eq!(
        spicer_source["content"]["text"],
        "I have not had that discussion with him"
    );
    let two = by_text("two people close to the president");
    assert_eq!(two["no_reason_given"], true);
    assert_eq!(v["summary"]["declined"], 3);
}
