//! Beyond one machine on existing engines: the GNU parallel and Apache Spark examples
//! give the same annotations as one `onrecord annotate` run. CI installs both
//! (`.ci/run`); elsewhere a missing engine skips its test with a word of why.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;
use common::root;
use serde_json::Value;
use std::collections::BTreeMap;
use std::process::Command;

const CORPUS: &str = "tests/fixtures/corpus/wire-30.jsonl";

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_onrecord")
}

/// Each annotated record by its id, without the file name (a stream's line numbers
/// restart in every block).
fn by_id(jsonl: &str) -> BTreeMap<String, Value> {
    jsonl
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            let id = v["article"]["extra"]["id"].as_str().unwrap().to_string();
            v["article"].as_object_mut().unwrap().remove("file");
            (id, v)
        })
        .collect()
}

fn one_run() -> BTreeMap<String, Value> {
    let o = Command::new(binary())
        .args(["annotate", CORPUS, "--format", "jsonl"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(o.status.success());
    let all = by_id(&String::from_utf8(o.stdout).unwrap());
    assert_eq!(all.len(), 30);
    all
}

/// Whether a tool is there; in CI it must be.
fn available(what: &str, check: &mut Command) -> bool {
    let there = check.output().is_ok_and(|o| o.status.success());
    if !there {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is needed for this test in CI"
        );
        eprintln!("skipped: {what} is not installed");
    }
    there
}

#[test]
fn gnu_parallel_blocks_give_the_same_annotations_in_order() {
    if !available("GNU parallel", Command::new("parallel").arg("--version")) {
        return;
    }
    let o = Command::new("examples/parallel_annotate.sh")
        .args([CORPUS, binary()])
        .env("BLOCK", "2k") // several blocks, so that the split is tested
        .current_dir(root())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let ids: Vec<String> = by_id(&out).keys().cloned().collect();
    let in_order: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["article"]["extra"]["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(in_order, ids, "parallel -k keeps the input order");
    assert_eq!(by_id(&out), one_run());
}

#[test]
fn spark_partitions_give_the_same_annotations() {
    let mut check = Command::new("python3");
    check.args(["-c", "import pyspark"]);
    if !available("pyspark", &mut check) || !available("java", Command::new("java").arg("-version"))
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("annotated.jsonl");
    let o = Command::new("python3")
        .arg("examples/spark_annotate.py")
        .args([
            CORPUS,
            out.to_str().unwrap(),
            "--onrecord",
            binary(),
            "--partitions",
            "3",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let got = std::fs::read_to_string(&out).unwrap();
    assert_eq!(by_id(&got), one_run());
}
