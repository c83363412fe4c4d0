//! `annotate --format sqlite`: the database holds what the JSONL export holds, spans
//! with their text, and a second run adds nothing.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;
use common::root;
use serde_json::Value;
use std::process::Command;

fn onrecord(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

const INPUTS: [&str; 2] = ["tests/fixtures/corpus/harbour.jsonl", "sample_articles"];

fn count(db: &rusqlite::Connection, table: &str) -> usize {
    db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
        r.get::<_, i64>(0)
    })
    .unwrap() as usize
}

#[test]
fn the_database_holds_what_the_jsonl_export_holds_and_appending_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.db");
    let db_arg = file.to_str().unwrap();
    let mut args = vec!["annotate"];
    args.extend(INPUTS);
    let jsonl = onrecord(&[args.clone(), vec!["--format", "jsonl"]].concat());
    assert!(jsonl.status.success());
    let lines: Vec<Value> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let total = |f: &dyn Fn(&Value) -> usize| lines.iter().map(f).sum::<usize>();
    let len = |v: &Value, k: &str| v[k].as_array().unwrap().len();

    let written = onrecord(&[args.clone(), vec!["--format", "sqlite", "-o", db_arg]].concat());
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let db = rusqlite::Connection::open(&file).unwrap();
    assert_eq!(count(&db, "articles"), lines.len());
    assert_eq!(count(&db, "paragraphs"), total(&|v| len(v, "paragraphs")));
    assert_eq!(count(&db, "people"), total(&|v| len(v, "people")));
    assert_eq!(count(&db, "sources"), total(&|v| len(v, "sources")));
    let mentions = total(&|v| {
        v["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["mentions"].as_array().unwrap().len())
            .sum()
    });
    assert_eq!(count(&db, "mentions"), mentions);

    // Every source's text is the article's text between its code-point offsets.
    let mut rows = db
        .prepare("SELECT a.text, s.char_start, s.char_end, s.text FROM sources s JOIN articles a ON a.id = s.article_id")
        .unwrap();
    let spans = rows
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
            ))
        })
        .unwrap();
    for span in spans {
        let (text, start, end, covered) = span.unwrap();
        let sliced: String = text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(sliced, covered);
    }
    let broken: i64 = db
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
    // One person across articles: the harbour master is quoted in two.
    let quoted: i64 = db
        .query_row(
            "SELECT count(*) FROM sources s JOIN persons p ON p.id = s.person_id WHERE p.name = 'Mara Quint'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(quoted, 2);
    drop(rows);
    drop(db);

    let again = onrecord(&[args, vec!["--format", "sqlite", "-o", db_arg]].concat());
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 articles added"));
    let db = rusqlite::Connection::open(&file).unwrap();
    assert_eq!(count(&db, "articles"), lines.len());
    assert_eq!(count(&db, "sources"), total(&|v| len(v, "sources")));
}

#[test]
fn a_database_needs_a_file() {
    let o = onrecord(&["annotate", "sample_articles", "--format", "sqlite"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("pass -o FILE.db"));
}

#[test]
fn a_database_made_by_an_older_version_gets_the_newer_columns() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.db");
    let db_arg = file.to_str().unwrap();
    let sample = "sample_articles/nyt-sessions-offered-to-resign.txt";
    let first = onrecord(&["annotate", sample, "--format", "sqlite", "-o", db_arg]);
    assert!(first.status.success());
    {
        // As an older onrecord left it: no corrected columns.
        let db = rusqlite::Connection::open(&file).unwrap();
        db.execute_batch(
            "ALTER TABLE sources DROP COLUMN corrected; ALTER TABLE people DROP COLUMN corrected; \
             ALTER TABLE articles DROP COLUMN only_kinds",
        )
        .unwrap();
    }
    let other = "sample_articles/hotair-sessions-fed-up.txt";
    let second = onrecord(&["annotate", other, "--format", "sqlite", "-o", db_arg]);
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let db = rusqlite::Connection::open(&file).unwrap();
    let corrected: i64 = db
        .query_row(
            "SELECT count(*) FROM sources WHERE corrected = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(corrected as usize, count(&db, "sources"));
    assert_eq!(count(&db, "articles"), 2);
}

#[test]
fn a_filtered_database_says_which_kinds_it_kept_and_counts_the_whole_article() {
    let dir = tempfile::tempdir().unwrap();
    let (whole, filtered) = (dir.path().join("whole.db"), dir.path().join("filtered.db"));
    let sample = "sample_articles/nyt-sessions-offered-to-resign.txt";
    for (file, only) in [(&whole, None), (&filtered, Some("anonymous,named"))] {
        let mut args = vec!["annotate", sample, "--format", "sqlite"];
        args.extend(["-o", file.to_str().unwrap()]);
        args.extend(only.map(|kinds| ["--only", kinds]).into_iter().flatten());
        let o = onrecord(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let article = |file: &std::path::Path| -> (Option<String>, i64, i64) {
        let db = rusqlite::Connection::open(file).unwrap();
        let kept: i64 = db
            .query_row("SELECT count(*) FROM sources", [], |r| r.get(0))
            .unwrap();
        db.query_row("SELECT only_kinds, sources FROM articles", [], |r| {
            Ok((r.get(0)?, r.get(1)?, kept))
        })
        .unwrap()
    };
    let (only, counted, kept) = article(&filtered);
    let (none, all, all_kept) = article(&whole);
    assert_eq!(only.as_deref(), Some("anonymous named"));
    assert_eq!(none, None);
    // The article's counts are the whole article's; its sources table holds fewer.
    assert_eq!(counted, all);
    assert_eq!(all, all_kept);
    assert!(0 < kept && kept < all_kept, "{kept} of {all_kept}");
}
