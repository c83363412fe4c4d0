//! Corrections through the binary: a sidecar beside the article (or under
//! `--corrections DIR`) is applied by `annotate`, `stats` and every export, and what no
//! longer fits is reported, never dropped in silence.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const STORY: &str = "Harbor plan stalls\n\n\
The harbor plan is dead, according to two officials who asked not to be named. \
\"We will fight,\" said Maria Lopez, the mayor.\n\n\
Lopez met Tomas Brandt, the council's clerk, on Monday. Brandt said the vote would \
wait. The Daily Ledger reported that the port authority disagreed.\n";

/// The outlet becomes an organization, and Brandt's statement is no source.
const SIDECAR: &str = r#"
[[correction]]
edit = "source-kind"
source = { start = 235, end = 251, text = "The Daily Ledger" }
cue = { start = 252, end = 260, text = "reported" }
kind = "organization"

[[correction]]
edit = "not-a-source"
source = { start = 202, end = 208, text = "Brandt" }
cue = { start = 209, end = 213, text = "said" }
"#;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Each source as (text, kind, corrected).
fn sources(v: &Value) -> Vec<(String, String, bool)> {
    v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["text"].as_str().unwrap().to_string(),
                s["kind"].as_str().unwrap().to_string(),
                s["corrected"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

#[cfg(unix)]
fn read_only(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
}

#[cfg(unix)]
fn writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(not(unix))]
fn read_only(_: &Path) {}

#[cfg(not(unix))]
fn writable(_: &Path) {}

fn story_in(dir: &Path) {
    std::fs::write(dir.join("story.txt"), STORY).unwrap();
}

#[test]
fn the_sidecar_offsets_name_the_story_spans() {
    // The offsets above are code points into STORY (all ASCII: bytes).
    for (start, end, text) in [
        (235, 251, "The Daily Ledger"),
        (252, 260, "reported"),
        (202, 208, "Brandt"),
        (209, 213, "said"),
    ] {
        assert_eq!(&STORY[start..end], text);
    }
}

#[test]
fn annotate_applies_the_sidecar_and_marks_what_it_changed() {
    let dir = tempfile::tempdir().unwrap();
    story_in(dir.path());
    std::fs::write(dir.path().join("story.onrecord.toml"), SIDECAR).unwrap();
    let v = json(&run(dir.path(), &["annotate", "story.txt"]));
    assert_eq!(
        sources(&v),
        [
            (
                "two officials who asked not to be named".into(),
                "anonymous".into(),
                false
            ),
            ("Maria Lopez".into(), "named".into(), false),
            ("The Daily Ledger".into(), "organization".into(), true),
        ]
    );
    assert_eq!(v["summary"]["corrected"], 1);
    assert_eq!(v["summary"]["organization"], 1);
    assert_eq!(v["summary"]["media"], 0);

    let plain = json(&run(
        dir.path(),
        &["annotate", "story.txt", "--no-corrections"],
    ));
    assert_eq!(sources(&plain).len(), 4);
    assert!(plain["summary"].get("corrected").is_none());
    assert!(!String::from_utf8_lossy(
        &run(dir.path(), &["annotate", "story.txt", "--no-corrections"]).stdout
    )
    .contains("corrected"));
}

#[test]
fn csv_markdown_and_stats_carry_the_corrections() {
    let dir = tempfile::tempdir().unwrap();
    story_in(dir.path());
    std::fs::write(dir.path().join("story.onrecord.toml"), SIDECAR).unwrap();
    let csv = run(dir.path(), &["annotate", "story.txt", "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut rows = csv.lines();
    assert!(rows.next().unwrap().ends_with(",counted_as,corrected"));
    let last = rows.last().unwrap();
    assert!(last.contains("The Daily Ledger,organization,"), "{last}");
    assert!(last.ends_with(",organization,true"), "{last}");

    let md = run(
        dir.path(),
        &["annotate", "story.txt", "--format", "markdown"],
    );
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("The Daily Ledger — **organization**, corrected"),
        "{md}"
    );
    assert!(md.contains("sources a reader corrected: 1"), "{md}");

    let stats = run(
        dir.path(),
        &["stats", "story.txt", "--by", "kind", "--format", "csv"],
    );
    let stats = String::from_utf8(stats.stdout).unwrap();
    assert!(
        stats.lines().any(|l| l.starts_with("organization,")),
        "{stats}"
    );
    assert!(!stats.lines().any(|l| l.starts_with("media,")), "{stats}");
}

#[test]
fn a_read_only_folder_takes_its_corrections_from_the_folder_given() {
    let articles = tempfile::tempdir().unwrap();
    story_in(articles.path());
    read_only(articles.path());
    let kept = tempfile::tempdir().unwrap();
    std::fs::write(kept.path().join("story.onrecord.toml"), SIDECAR).unwrap();
    let dir = kept.path().display().to_string();
    let v = json(&run(
        articles.path(),
        &["annotate", "story.txt", "--corrections", &dir],
    ));
    assert_eq!(sources(&v).len(), 3);
    // Beside the article there is none, so without the folder nothing is corrected.
    let v = json(&run(articles.path(), &["annotate", "story.txt"]));
    assert_eq!(sources(&v).len(), 4);
    writable(articles.path()); // so that the temporary folder can be removed
}

#[test]
fn a_correction_that_no_longer_fits_is_reported_and_the_rest_applied() {
    let dir = tempfile::tempdir().unwrap();
    let shorter = STORY.replace(" Brandt said the vote would wait.", "");
    std::fs::write(dir.path().join("story.txt"), shorter).unwrap();
    std::fs::write(dir.path().join("story.onrecord.toml"), SIDECAR).unwrap();
    let o = run(dir.path(), &["annotate", "story.txt"]);
    let v = json(&o);
    let err = stderr(&o);
    assert!(
        err.contains("story.onrecord.toml: correction 2 (not-a-source “Brandt”) not applied"),
        "{err}"
    );
    assert!(sources(&v).contains(&("The Daily Ledger".into(), "organization".into(), true)));
    // The sidecar is the user's: a run that cannot apply it leaves it as it was.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("story.onrecord.toml")).unwrap(),
        SIDECAR
    );
}

#[test]
fn a_faulty_sidecar_is_a_warning_and_the_article_is_still_annotated() {
    let dir = tempfile::tempdir().unwrap();
    story_in(dir.path());
    std::fs::write(
        dir.path().join("story.onrecord.toml"),
        "[[correction]]\nedit = 7\n",
    )
    .unwrap();
    let o = run(dir.path(), &["annotate", "story.txt"]);
    let v = json(&o);
    assert_eq!(sources(&v).len(), 4);
    assert!(
        stderr(&o).contains("story.onrecord.toml: the corrections are not valid"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_folder_of_articles_never_reads_a_sidecar_as_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    story_in(&news);
    std::fs::write(news.join("story.onrecord.toml"), SIDECAR).unwrap();
    let o = run(dir.path(), &["annotate", "news", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<Value> = o
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(sources(&lines[0]).len(), 3);
}

#[test]
fn no_corrections_and_a_corrections_folder_do_not_go_together() {
    let dir = tempfile::tempdir().unwrap();
    story_in(dir.path());
    let o = run(
        dir.path(),
        &[
            "annotate",
            "story.txt",
            "--no-corrections",
            "--corrections",
            "x",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot be used with"), "{}", stderr(&o));
}
