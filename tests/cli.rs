//! The binary as a user runs it: annotate output, help, and clear errors on bad input.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;
use common::root;
use serde_json::Value;
use std::process::{Command, Output};

/// Runs the binary with an empty standard input.
fn onrecord(args: &[&str]) -> Output {
    onrecord_with_stdin(args, b"")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn annotate_json_offsets_slice_the_file() {
    for (name, count) in [
        ("hotair-sessions-fed-up.txt", 21),
        ("nyt-sessions-offered-to-resign.txt", 12),
    ] {
        let path = format!("sample_articles/{name}");
        let o = onrecord(&["annotate", &path, "--format", "json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        let file: Vec<char> = std::fs::read_to_string(root().join(&path))
            .unwrap()
            .chars()
            .collect();
        let paras = v["paragraphs"].as_array().unwrap();
        assert_eq!(paras.len(), count);
        for p in paras {
            let (a, b) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                file[a..b].iter().collect::<String>(),
                p["text"].as_str().unwrap()
            );
        }
        assert_eq!(v["article"]["file"], path);
        assert!(v["people"].as_array().unwrap().len() >= 5);
        assert!(v["sources"].as_array().unwrap().len() >= 10);
    }
}

#[test]
fn a_folder_annotates_every_article_in_it() {
    let o = onrecord(&["annotate", "sample_articles", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        serde_json::from_str::<Value>(l).unwrap();
    }
}

#[test]
fn summary_prints_each_sample() {
    let o = onrecord(&["--summary"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("Sessions Is Said to Have Offered to Resign\n  The New York Times · 2017-06-06 · 12 paragraphs"), "{out}");
    assert!(out.contains("21 paragraphs"));
    assert!(out.contains("anonymous"));
}

#[test]
fn help_shows_examples() {
    for args in [&["--help"][..], &["annotate", "--help"]] {
        let o = onrecord(args);
        assert!(o.status.success());
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            out.contains("Examples:") && out.contains("onrecord annotate"),
            "{out}"
        );
    }
}

#[test]
fn bad_input_gets_a_message_and_a_failing_exit() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("blob.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).unwrap();
    let missing = dir.path().join("missing.txt");
    for (path, says) in [
        (&empty, "empty"),
        (&binary, "binary"),
        (&missing, "No such file"),
    ] {
        let o = onrecord(&["annotate", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{path:?}");
        let err = stderr(&o);
        assert!(
            err.starts_with("onrecord: error:") && err.contains(says),
            "{err}"
        );
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin1.txt");
    std::fs::write(
        &p,
        b"Title\n\nThe caf\xe9 owner, Jean Dupont, said prices rose.",
    )
    .unwrap();
    let o = onrecord(&["annotate", p.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("invalid UTF-8"), "{}", stderr(&o));
}

#[test]
fn output_files_are_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("nyt.csv");
    let out_s = out.to_str().unwrap();
    let sample = "sample_articles/nyt-sessions-offered-to-resign.txt";
    let o = onrecord(&["annotate", sample, "--format", "csv", "-o", out_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote"));
    std::fs::write(&out, "my notes").unwrap();
    let o = onrecord(&["annotate", sample, "--format", "csv", "-o", out_s]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "my notes",
        "nothing a user made is lost"
    );
    let o = onrecord(&[
        "annotate",
        sample,
        "--format",
        "csv",
        "--only",
        "anonymous",
        "-o",
        out_s,
        "--force",
    ]);
    assert!(o.status.success());
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with("article,source_id,"));
    // Every row is anonymous, or relayed by an anonymous source and counted as one.
    assert!(
        csv.lines().skip(1).all(|l| l.ends_with(",anonymous,false")),
        "{csv}"
    );
    assert!(csv.lines().skip(1).any(|l| l.contains(",named,")), "{csv}");
}

#[test]
fn a_broken_theme_is_reported_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let theme = dir.path().join("mine.toml");
    std::fs::write(
        &theme,
        "name = \"mine\"\n[roles]\ntext = { fg = \"blurple\" }\n",
    )
    .unwrap();
    let o = onrecord(&["--summary", "--theme", theme.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("mine.toml:3: role `text`: `fg`: `blurple` is not a colour"),
        "{err}"
    );
    let o = onrecord(&["--summary", "--theme", "nosuch"]);
    assert!(stderr(&o).contains("no theme named `nosuch`"));
}

#[test]
fn files_over_the_size_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.txt");
    // A sparse file: large on paper, nothing written.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(onrecord::article::MAX_FILE_BYTES + 1)
        .unwrap();
    let o = onrecord(&["annotate", huge.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("larger than the 64 MiB"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unreadable_files_in_a_folder_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a-good.txt"),
        "Title\n\nThe mayor said the plan was dead.",
    )
    .unwrap();
    std::fs::write(dir.path().join("b-binary.txt"), [0u8, 1, 2, 3, 0]).unwrap();
    let o = onrecord(&[
        "annotate",
        dir.path().to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
    assert!(
        stderr(&o).contains("warning: skipped") && stderr(&o).contains("b-binary.txt"),
        "{}",
        stderr(&o)
    );
    let o = onrecord(&[
        "annotate",
        dir.path().join("b-binary.txt").to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a file named on the command line must load"
    );
}

/// Runs the binary with `input` on its standard input.
fn onrecord_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_dash_reads_one_article_from_standard_input() {
    let page = b"<!DOCTYPE html><html><head><title>Ferry service returns</title></head><body>\
        <article><p>The harbour ferry will run again from Monday, the port authority said.</p>\
        </article></body></html>";
    let o = onrecord_with_stdin(&["annotate", "-", "--format", "json"], page);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["article"]["file"], "stdin");
    assert_eq!(v["article"]["format"], "html", "detected from the content");
    assert_eq!(v["article"]["title"], "Ferry service returns");
    assert_eq!(v["sources"][0]["text"], "the port authority");

    let forced = onrecord_with_stdin(
        &[
            "annotate",
            "-",
            "--input-format",
            "plain",
            "--format",
            "json",
        ],
        page,
    );
    let v: Value = serde_json::from_slice(&forced.stdout).unwrap();
    assert_eq!(v["article"]["format"], "plain", "--input-format overrides");

    let summary = onrecord_with_stdin(
        &["-"],
        b"A Title\n\nThe mayor said the bridge would reopen.\n",
    );
    assert!(summary.status.success(), "{}", stderr(&summary));
    assert!(String::from_utf8_lossy(&summary.stdout).contains("1 source · 1 named"));

    let empty = onrecord_with_stdin(&["annotate", "-"], b"");
    assert_eq!(empty.status.code(), Some(1));
    assert!(
        stderr(&empty).contains("stdin: the article is empty"),
        "{}",
        stderr(&empty)
    );
}

#[test]
fn folders_are_read_recursively_leaving_out_hidden_ones() {
    let dir = tempfile::tempdir().unwrap();
    let article = |title: &str| format!("{title}\n\nThe mayor said the bridge would reopen.\n");
    let root = dir.path();
    std::fs::create_dir_all(root.join("2024/march")).unwrap();
    std::fs::create_dir_all(root.join(".drafts")).unwrap();
    std::fs::write(root.join("a.txt"), article("Top story")).unwrap();
    std::fs::write(root.join("2024/b.txt"), article("Spring story")).unwrap();
    std::fs::write(root.join("2024/march/c.txt"), article("March story")).unwrap();
    std::fs::write(root.join("2024/notes.pdf"), "not an article").unwrap();
    std::fs::write(root.join(".drafts/d.txt"), article("Draft story")).unwrap();
    std::fs::write(root.join("2024/.e.txt"), article("Hidden story")).unwrap();
    let o = onrecord(&["annotate", root.to_str().unwrap(), "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let titles: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["article"]["title"].to_string())
        .collect();
    assert_eq!(
        titles,
        ["\"Spring story\"", "\"March story\"", "\"Top story\""],
        "name order, folder by folder; no hidden file or folder, no PDF"
    );
}

#[test]
fn a_bad_path_among_good_ones_is_reported_and_the_others_still_load() {
    let good = "sample_articles/nyt-sessions-offered-to-resign.txt";
    for args in [
        vec!["annotate", "no/such/story.txt", good, "--format", "jsonl"],
        vec!["--summary", good, "no/such/story.txt"],
    ] {
        let o = onrecord(&args);
        assert!(!o.status.success(), "{args:?} should fail at the end");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains("Sessions"),
            "{args:?}: the good article is there: {out}"
        );
        let err = stderr(&o);
        assert!(err.contains("no/such/story.txt"), "{err}");
        assert!(err.contains("1 input could not be read"), "{err}");
    }
}

#[test]
fn output_into_a_folder_writes_one_file_per_article() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    let out_arg = out.to_str().unwrap();
    let o = onrecord(&[
        "annotate",
        "sample_articles",
        "--format",
        "json",
        "-o",
        out_arg,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "hotair-sessions-fed-up.json",
            "nyt-sessions-offered-to-resign.json"
        ]
    );
    let one: Value =
        serde_json::from_slice(&std::fs::read(out.join("hotair-sessions-fed-up.json")).unwrap())
            .unwrap();
    assert_eq!(
        one["article"]["file"],
        "sample_articles/hotair-sessions-fed-up.txt"
    );

    let again = onrecord(&[
        "annotate",
        "sample_articles",
        "--format",
        "json",
        "-o",
        out_arg,
    ]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    let forced = onrecord(&[
        "annotate",
        "sample_articles",
        "--format",
        "json",
        "-o",
        out_arg,
        "--force",
    ]);
    assert!(forced.status.success(), "{}", stderr(&forced));
}

#[test]
fn the_summary_never_prints_control_characters_from_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("hostile.txt");
    std::fs::write(
        &p,
        "Title \u{1b}]0;pwned\u{7}\n\nThe mayor \u{1b}[31msaid\u{1b}[0m the vote would wait.\n",
    )
    .unwrap();
    let o = onrecord(&["--summary", p.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("Title ␛]0;pwned␇"), "{out}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
}

#[test]
fn a_jsonl_corpus_with_unusual_field_names_and_a_bad_record_loads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("wire.jsonl");
    std::fs::write(
        &corpus,
        "{\"maintext\": \"The port reopened on Monday, said Lena Ostrova, the harbour master.\", \"source_domain\": \"harbour.test\", \"headline\": \"Port reopens\"}\n\
         {\"maintext\": broken\n\
         {\"maintext\": \"Two officials who asked not to be named said talks had stalled.\", \"source_domain\": \"inland.test\"}\n",
    )
    .unwrap();
    let o = onrecord(&[
        "annotate",
        corpus.to_str().unwrap(),
        "--format",
        "jsonl",
        "--field",
        "text=maintext",
        "--field",
        "outlet=source_domain",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("wire.jsonl:2: skipped: the record is not JSON"),
        "{err}"
    );
    let lines: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["article"]["file"]
        .as_str()
        .unwrap()
        .ends_with("wire.jsonl:1"));
    assert!(lines[1]["article"]["file"]
        .as_str()
        .unwrap()
        .ends_with("wire.jsonl:3"));
    assert_eq!(lines[0]["article"]["outlet"], "harbour.test");
    assert_eq!(lines[0]["article"]["title"], "Port reopens");
    // Offsets refer to each record's own text.
    let source = &lines[0]["sources"][0];
    assert_eq!(source["text"], "Lena Ostrova");
    assert_eq!(lines[1]["sources"][0]["kind"], "anonymous");
}

#[test]
fn a_csv_corpus_with_quotes_and_newlines_in_its_cells() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("desk.csv");
    std::fs::write(
        &corpus,
        "id,body,publisher\n\
         7,\"The council voted, 5 to 2.\n\n\"\"We will appeal,\"\" said Omar Feld, a resident.\",Ledger\n",
    )
    .unwrap();
    let o = onrecord(&["annotate", corpus.to_str().unwrap(), "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["article"]["file"]
        .as_str()
        .unwrap()
        .ends_with("desk.csv:2"));
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["paragraphs"][1]["text"],
        "\"We will appeal,\" said Omar Feld, a resident."
    );
    assert_eq!(v["article"]["outlet"], "Ledger");
}

#[test]
fn jsonl_on_standard_input_streams_one_line_out_per_line_in_in_order() {
    let input: String = (0..40)
        .map(|i| format!("{{\"text\": \"Story {i}. The mayor said the vote would wait.\"}}\n"))
        .collect();
    let o = onrecord_with_stdin(&["annotate", "-", "--format", "jsonl"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let files: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["article"]["file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let want: Vec<String> = (1..=40).map(|i| format!("stdin:{i}")).collect();
    assert_eq!(files, want);
}

/// Runs the binary and kills it if it has not finished within `secs` seconds: a test of
/// something that used to hang must fail, not hang the suite.
fn onrecord_within(secs: u64, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .current_dir(root())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("onrecord {args:?} still ran after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_not_read_without_end() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("story.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let fifo = fifo.to_str().unwrap();
    for args in [
        vec!["annotate", "/dev/zero"],
        vec!["annotate", fifo],
        vec!["annotate", "--input-format", "jsonl", "/dev/zero"],
        vec!["--summary", fifo],
    ] {
        let o = onrecord_within(10, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains("is not a regular file"), "{args:?}: {err}");
        assert!(err.contains("pipe it in"), "{err}");
    }
}

#[test]
fn errors_and_warnings_never_print_escapes_from_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone\u{1b}]0;retitled\u{7}\u{1b}[2J.txt");
    let o = onrecord(&["annotate", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!o.stderr.contains(&0x1b), "{:?}", stderr(&o));
    assert!(!o.stderr.contains(&0x07), "{:?}", stderr(&o));
    assert!(
        stderr(&o).contains("gone␛]0;retitled␇␛[2J.txt"),
        "{}",
        stderr(&o)
    );

    // A warning: lossy decoding of a file whose name holds an escape.
    let odd = dir.path().join("odd\u{1b}[31m.txt");
    std::fs::write(&odd, b"A title\n\nThe clerk said caf\xE9 was open.\n").unwrap();
    let o = onrecord(&["annotate", odd.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("invalid UTF-8"), "{}", stderr(&o));
    assert!(!o.stderr.contains(&0x1b), "{:?}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_a_message_and_a_closed_pipe_is_quiet() {
    let full = std::fs::File::options().write(true).open("/dev/full");
    let Ok(full) = full else {
        eprintln!("no /dev/full here: the full-disk case is not run");
        return;
    };
    let o = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(["annotate", "sample_articles", "--format", "jsonl"])
        .current_dir(root())
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("cannot write the output: No space left on device"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    // A reader that stops after the first line: the run ends quietly, with success.
    let mut child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(["--summary", "sample_articles"])
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}
