//! brat round trip: an article exported to brat, edited there as a person would, and
//! read back with `onrecord import-brat` as corrections; then `onrecord diff` counts them.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const STORY: &str = "Quarry vote delayed\n\n\
The quarry permit is on hold, according to three staff members who asked not to be \
named. \"We are not done,\" said Ilsabet Vornholm, the county planner.\n\n\
Vornholm met Garrick Tullimore, the board's secretary, on Friday. Tullimore said the \
hearing would move. The Fenwick Courier reported that the mining firm objected.\n";

/// Runs the binary in `dir`.
fn onrecord(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn ok(o: &Output) -> (String, String) {
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{err}");
    (String::from_utf8(o.stdout.clone()).unwrap(), err)
}

/// A folder with the story and its brat export in `out/`.
fn exported() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("story.txt"), STORY).unwrap();
    ok(&onrecord(
        dir.path(),
        &["annotate", "story.txt", "--format", "brat", "-o", "out"],
    ));
    dir
}

/// The id of the text-bound annotation with this label and text.
fn id_of(ann: &str, label: &str, text: &str) -> String {
    ann.lines()
        .find(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            f.len() == 3 && f[1].starts_with(&format!("{label} ")) && f[2] == text
        })
        .unwrap_or_else(|| panic!("no {label} “{text}” in\n{ann}"))
        .split('\t')
        .next()
        .unwrap()
        .to_string()
}

/// The `.ann` as brat leaves it when the source is deleted with its event: the
/// event, its trigger and content, and what points at any of them, are gone.
fn delete_source(ann: &str, text: &str) -> String {
    let source = id_of(ann, "Source", text);
    let event = ann
        .lines()
        .find(|l| l.starts_with('E') && l.contains(&format!("Source:{source}")))
        .unwrap();
    let mut gone: Vec<String> = event
        .split(['\t', ' '])
        .map(|w| w.rsplit(':').next().unwrap().to_string())
        .collect();
    gone.push(source);
    ann.lines()
        .filter(|l| {
            let mut words = l.split(['\t', ' ']).map(|w| w.rsplit(':').next().unwrap());
            let id = words.next().unwrap();
            !gone.iter().any(|g| g == id) && !words.any(|w| gone.iter().any(|g| g == w))
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The Courier becomes media and Tullimore's attribution is deleted.
fn edit(dir: &Path) {
    let path = dir.join("out/story.ann");
    let ann = std::fs::read_to_string(&path).unwrap();
    let courier = id_of(&ann, "Source", "The Fenwick Courier");
    let kind = format!("\tKind {courier} ");
    let ann: String = ann
        .lines()
        .map(|l| match l.contains(&kind) {
            true => format!("{}\tKind {courier} media\n", l.split('\t').next().unwrap()),
            false => format!("{l}\n"),
        })
        .collect();
    let ann = delete_source(&ann, "Tullimore");
    std::fs::write(&path, ann).unwrap();
}

fn sources(dir: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["annotate", "story.txt", "--format", "json"];
    args.extend(extra);
    let (out, _) = ok(&onrecord(dir, &args));
    let v: Value = serde_json::from_str(&out).unwrap();
    v["sources"].as_array().unwrap().clone()
}

#[test]
fn a_kind_changed_and_a_source_deleted_in_brat_become_corrections() {
    let dir = exported();
    let d = dir.path();
    let before = sources(d, &[]);
    assert_eq!(before.len(), 4);
    assert!(before.iter().any(|s| s["text"] == "Tullimore"));
    edit(d);

    let (_, err) = ok(&onrecord(d, &["import-brat", "out"]));
    assert!(
        err.contains("story.onrecord.toml: 2 corrections added"),
        "{err}"
    );
    let sidecar = std::fs::read_to_string(d.join("story.onrecord.toml")).unwrap();
    assert!(sidecar.contains("edit = \"source-kind\""), "{sidecar}");
    assert!(sidecar.contains("kind = \"media\""), "{sidecar}");
    assert!(sidecar.contains("edit = \"not-a-source\""), "{sidecar}");
    assert!(sidecar.contains("text = \"Tullimore\""), "{sidecar}");

    let after = sources(d, &[]);
    assert_eq!(after.len(), 3);
    assert!(!after.iter().any(|s| s["text"] == "Tullimore"));
    let courier = after
        .iter()
        .find(|s| s["text"] == "The Fenwick Courier")
        .unwrap();
    assert_eq!(courier["kind"], "media");
    assert_eq!(courier["corrected"], true);
    // The annotator's own output is still there to be had.
    assert_eq!(sources(d, &["--no-corrections"]).len(), 4);

    // The second import finds nothing new, and the sidecar stays as it was.
    let (_, err) = ok(&onrecord(d, &["import-brat", "out"]));
    assert!(err.contains("no new corrections"), "{err}");
    assert!(!err.contains("added"), "{err}");
    let again = std::fs::read_to_string(d.join("story.onrecord.toml")).unwrap();
    assert_eq!(again, sidecar);

    // A fresh export of the corrected article marks what was corrected.
    ok(&onrecord(
        d,
        &["annotate", "story.txt", "--format", "brat", "-o", "out2"],
    ));
    let ann = std::fs::read_to_string(d.join("out2/story.ann")).unwrap();
    let courier = id_of(&ann, "Source", "The Fenwick Courier");
    assert!(ann.contains(&format!("\tCorrected {courier}\n")), "{ann}");
    let (_, err) = ok(&onrecord(d, &["import-brat", "out2"]));
    assert!(err.contains("no new corrections"), "{err}");
}

#[test]
fn corrections_go_under_the_folder_given() {
    let dir = exported();
    let d = dir.path();
    edit(d);
    let (_, err) = ok(&onrecord(
        d,
        &["import-brat", "out", "--corrections", "kept"],
    ));
    assert!(err.contains("2 corrections added"), "{err}");
    assert!(d.join("kept/story.onrecord.toml").is_file());
    assert!(!d.join("story.onrecord.toml").exists());
    assert_eq!(sources(d, &["--corrections", "kept"]).len(), 3);
    assert_eq!(sources(d, &[]).len(), 4);
}

#[test]
fn a_malformed_line_is_an_error_naming_the_file_and_the_line() {
    let dir = exported();
    let d = dir.path();
    let path = d.join("out/story.ann");
    let mut ann = std::fs::read_to_string(&path).unwrap();
    let lines = ann.lines().count();
    ann.push_str("T99\tPerson 12 twelve\tquarry\n");
    std::fs::write(&path, &ann).unwrap();
    let o = onrecord(d, &["import-brat", "out"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("story.ann: line {}:", lines + 1)),
        "{err}"
    );
    assert!(err.contains("“twelve” is no offset"), "{err}");
    assert!(!d.join("story.onrecord.toml").exists());

    // An offset beyond the text, and a line with no tab, are faults too.
    for bad in [
        "T99\tPerson 5 99999\tquarry\n",
        "R99 Refers Arg1:T1 Arg2:T2\n",
    ] {
        std::fs::write(
            &path,
            format!(
                "{}{bad}",
                ann.lines()
                    .take(lines)
                    .map(|l| format!("{l}\n"))
                    .collect::<String>()
            ),
        )
        .unwrap();
        let o = onrecord(d, &["import-brat", "out"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{err}");
        assert!(
            err.contains(&format!("story.ann: line {}:", lines + 1)),
            "{err}"
        );
    }
}

#[test]
fn a_txt_that_is_not_the_article_text_is_refused() {
    let dir = exported();
    let d = dir.path();
    edit(d);
    std::fs::write(d.join("out/story.txt"), STORY.replace("Friday", "Monday")).unwrap();
    let o = onrecord(d, &["import-brat", "out"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("story.txt: the text is not the text of story.txt"),
        "{err}"
    );
    assert!(!d.join("story.onrecord.toml").exists());

    let o = onrecord(d, &["import-brat", "story.txt"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success() && err.contains("onrecord.toml"),
        "{err}"
    );
}

#[test]
fn diff_counts_what_the_corrections_changed() {
    let dir = exported();
    let d = dir.path();
    edit(d);
    ok(&onrecord(d, &["import-brat", "out"]));

    let (table, _) = ok(&onrecord(d, &["diff", "story.txt"]));
    let row = |name: &str| -> Vec<String> {
        table
            .lines()
            .filter(|l| l.trim_start().starts_with(name))
            .map(|l| l.split_whitespace().last().unwrap().to_string())
            .collect()
    };
    assert_eq!(row("unchanged"), ["2"], "{table}");
    assert_eq!(row("kind changed"), ["1"], "{table}");
    assert_eq!(row("removed"), ["1", "0", "0"], "{table}");
    assert!(
        table.contains("sources                 50% (2/4)"),
        "{table}"
    );
    assert!(
        table.contains("mentions of people      100% (4/4)"),
        "{table}"
    );

    let (json, _) = ok(&onrecord(d, &["diff", "story.txt", "--format", "json"]));
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["articles"]["with_corrections"], 1);
    assert_eq!(v["sources"]["found_by_the_annotator"], 4);
    assert_eq!(v["sources"]["removed"], 1);
    assert_eq!(v["sources"]["precision"], 0.5);
    assert_eq!(v["kinds"]["organization"]["media"], 1);
    assert_eq!(v["kinds"]["named"]["none"], 1);
    assert_eq!(v["kinds"]["named"]["named"], 1);
    assert_eq!(v["people"]["kept"], 2);

    let (csv, _) = ok(&onrecord(d, &["diff", "story.txt", "--format", "csv"]));
    assert!(csv.starts_with("section,measure,value\n"), "{csv}");
    assert!(csv.contains("\nsources,kind changed,1\n"), "{csv}");
    assert!(csv.contains("\nkinds,organization to media,1\n"), "{csv}");

    let (plain, _) = ok(&onrecord(d, &["diff", "story.txt", "--no-corrections"]));
    assert!(
        plain.contains("sources                 100% (4/4)"),
        "{plain}"
    );
    let (help, _) = ok(&onrecord(d, &["diff", "--help"]));
    assert!(
        help.contains("Examples:") && help.contains("onrecord diff"),
        "{help}"
    );
    let (help, _) = ok(&onrecord(d, &["import-brat", "--help"]));
    assert!(help.contains("onrecord import-brat brat_out/"), "{help}");
}

#[test]
fn corpus_records_share_one_sidecar_whatever_folder_the_import_runs_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (first, second) = STORY.split_once("\n\nVornholm met").unwrap();
    let record = |title: &str, text: &str| {
        serde_json::json!({"title": title, "text": text}).to_string() + "\n"
    };
    let corpus = record("Quarry", first) + &record("Hearing", &format!("Vornholm met{second}"));
    std::fs::write(d.join("news.jsonl"), corpus).unwrap();
    let export = [
        "annotate",
        "news.jsonl",
        "--format",
        "brat",
        "-o",
        "out",
        "--only",
        "named,organization",
    ];
    ok(&onrecord(d, &export));
    let manifest = std::fs::read_to_string(d.join("out/onrecord.toml")).unwrap();
    assert!(manifest.contains("news-2 = \"news.jsonl:2\""), "{manifest}");
    assert!(
        manifest.contains("only = [\"named\", \"organization\"]"),
        "{manifest}"
    );

    let path = d.join("out/news-2.ann");
    let ann = std::fs::read_to_string(&path).unwrap();
    let courier = id_of(&ann, "Source", "The Fenwick Courier");
    let ann = ann.replace(
        &format!("Kind {courier} organization"),
        &format!("Kind {courier} media"),
    );
    std::fs::write(&path, ann).unwrap();
    std::fs::write(d.join("out/stray.ann"), "").unwrap();

    // From another folder, the names are found from the folder the export ran in.
    std::fs::create_dir(d.join("elsewhere")).unwrap();
    let (_, err) = ok(&onrecord(&d.join("elsewhere"), &["import-brat", "../out"]));
    assert!(
        err.contains("news.onrecord.toml: 1 correction added"),
        "{err}"
    );
    assert!(err.contains("stray.ann: not in onrecord.toml"), "{err}");
    let sidecar = std::fs::read_to_string(d.join("news.onrecord.toml")).unwrap();
    assert!(sidecar.contains("record = \"2\""), "{sidecar}");

    // Now media, the Courier is of a kind the export left out, and still not new.
    let (_, err) = ok(&onrecord(d, &["import-brat", "out"]));
    assert!(err.contains("no new corrections"), "{err}");
    let (json, _) = ok(&onrecord(d, &["diff", "news.jsonl", "--format", "json"]));
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["articles"]["read"], 2);
    assert_eq!(v["articles"]["with_corrections"], 1);
    assert_eq!(v["sources"]["kind_changed"], 1);
    assert_eq!(v["sources"]["added"], 0);

    // Under --corrections, from another folder too, the sidecar goes where a run in the
    // export's folder looks for it.
    std::fs::remove_file(d.join("news.onrecord.toml")).unwrap();
    let args = ["import-brat", "../out", "--corrections", "../kept"];
    let (_, err) = ok(&onrecord(&d.join("elsewhere"), &args));
    assert!(err.contains("1 correction added"), "{err}");
    assert!(d.join("kept/news.onrecord.toml").is_file());
    let args = ["diff", "news.jsonl", "--corrections", "kept", "-f", "json"];
    let (json, _) = ok(&onrecord(d, &args));
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["sources"]["kind_changed"], 1);
}
