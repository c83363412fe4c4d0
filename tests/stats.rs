//! `onrecord stats`: corpus figures as a table, CSV and JSON, the same on any number of
//! threads.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;
use common::root;
use serde_json::Value;
use std::process::{Command, Output};

fn stats(args: &[&str], threads: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .arg("stats")
        .args(args)
        .current_dir(root())
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .expect("the binary runs")
}

const CORPUS: &str = "tests/fixtures/corpus/harbour.jsonl";

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn the_outlet_table_gives_exact_figures_and_wilson_intervals() {
    let table = stdout(&stats(&[CORPUS, "--by", "outlet"], "2"));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert!(lines[0].starts_with("outlet"), "{table}");
    // Harbour Post: 2 articles, 5 sources, 1 anonymous (with a reason), 2 named, 1 declined.
    let harbour: Vec<&str> = lines[1]
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        harbour,
        [
            "Harbour Post",
            "2",
            "5",
            "20% [4%–62%]",
            "██░░░░░░░░",
            "0%",
            "40%",
            "20% / 0%",
            "Mara Quint (2)"
        ]
    );
    assert!(lines[3].starts_with("all "), "{table}");
    assert!(lines[3].contains("29% [8%–64%]"), "{table}");
}

#[test]
fn csv_and_json_give_the_same_figures_for_pandas() {
    let csv = stdout(&stats(&[CORPUS, "--by", "month", "--format", "csv"], "2"));
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        [
            "group,articles,sources,anonymous,anonymous_share,anonymous_low,anonymous_high,anonymous_without_reason,anonymous_without_reason_share,named,named_share,declined,declined_share,no_response,most_quoted",
            "2020-03,1,3,1,0.3333,0.0615,0.7923,0,0.0000,1,0.3333,1,0.3333,0,Mara Quint (1)",
            "2020-04,2,4,1,0.2500,0.0456,0.6994,1,0.2500,2,0.5000,0,0.0000,0,Mara Quint (1); Teo Brannock (1)",
        ]
    );
    let json: Value = serde_json::from_str(&stdout(&stats(
        &[CORPUS, "--by", "month", "--format", "json"],
        "2",
    )))
    .unwrap();
    assert_eq!(json["by"], "month");
    assert_eq!(json["total"]["articles"], 3);
    assert_eq!(json["total"]["sources"], 7);
    assert_eq!(json["groups"][1]["group"], "2020-04");
    assert_eq!(json["groups"][1]["anonymous"], 1);
}

#[test]
fn people_are_listed_across_the_corpus() {
    let table = stdout(&stats(&[CORPUS, "--by", "person"], "2"));
    let rows: Vec<Vec<&str>> = table
        .lines()
        .skip(1)
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        [
            vec!["Mara Quint", "2", "2", "2", "Harbour Post (2)"],
            vec!["Teo Brannock", "1", "1", "1", "Inland Courier (1)"],
        ]
    );
}

#[test]
fn one_thread_and_two_give_the_same_figures() {
    for by in ["outlet", "year", "author", "person", "kind"] {
        let one = stdout(&stats(&[CORPUS, "--by", by, "--format", "json"], "1"));
        let two = stdout(&stats(&[CORPUS, "--by", by, "--format", "json"], "2"));
        assert_eq!(one, two, "--by {by}");
    }
}
