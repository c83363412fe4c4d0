//! An export ended by a signal midway (Ctrl-C, `kill`, a closed terminal) leaves no
//! temporary file or folder, and its output is either not there or whole.
#![cfg(unix)]
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A folder of articles that takes the annotator a while: 400 invented stories.
fn corpus(dir: &Path) -> PathBuf {
    let folder = dir.join("in");
    std::fs::create_dir(&folder).unwrap();
    let story = "Ferry fares rise\n\n".to_string()
        + &"Fares will rise in May, said Orla Penhallow, the harbour master. “We have \
            waited long enough,” she said, according to two crew members who asked not \
            to be named. The council declined to comment.\n\n"
            .repeat(60);
    for i in 0..400 {
        std::fs::write(folder.join(format!("story-{i}.txt")), &story).unwrap();
    }
    folder
}

/// The temporaries an export leaves in `dir` or the folder `out` in it: names that
/// start with a dot.
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for folder in [dir.to_path_buf(), dir.join("out")] {
        for entry in std::fs::read_dir(&folder).into_iter().flatten() {
            let entry = entry.unwrap();
            if entry.file_name().to_string_lossy().starts_with('.') {
                found.push(entry.path());
            }
        }
    }
    found
}

/// Runs the export, sends `signal` once a temporary is there, and returns whether one
/// was seen before the export ended.
fn interrupt(dir: &Path, args: &[&str], signal: &str) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = false;
    while Instant::now() < deadline && child.try_wait().unwrap().is_none() {
        if !temporaries(dir).is_empty() {
            seen = true;
            // Let it write a little into the temporary first.
            std::thread::sleep(Duration::from_millis(100));
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let pid = child.id().to_string();
    let killed = Command::new("kill").args([signal, &pid]).status().unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(!status.success(), "the export was still under way");
    seen
}

#[test]
fn an_interrupted_brat_export_leaves_no_folder_and_no_temporary() {
    for signal in ["-TERM", "-INT", "-HUP"] {
        let dir = tempfile::tempdir().unwrap();
        corpus(dir.path());
        let args = ["annotate", "in", "--format", "brat", "-o", "out"];
        assert!(
            interrupt(dir.path(), &args, signal),
            "{signal}: a temporary appears"
        );
        assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new(), "{signal}");
        assert!(!dir.path().join("out").exists(), "{signal}: no half folder");
    }
}

#[test]
fn an_interrupted_export_to_a_file_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let args = ["annotate", "in", "--format", "jsonl", "-o", "all.jsonl"];
    assert!(interrupt(dir.path(), &args, "-TERM"), "a temporary appears");
    assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new());
    assert!(!dir.path().join("all.jsonl").exists());
}

/// Where the folder is there already, with a file of the user's, an interrupted export
/// adds nothing to it, and a finished one adds its files beside the user's.
#[test]
fn an_existing_folder_keeps_its_files_and_gets_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let args = ["annotate", "in", "--format", "brat", "-o", "out"];
    assert!(interrupt(dir.path(), &args, "-TERM"));
    assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new());
    let names = |d: &Path| std::fs::read_dir(d).unwrap().count();
    assert_eq!(names(&out), 1, "only the user's file");
    let done = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    // annotation.conf, 400 × (.txt, .ann), onrecord.toml, and the user's file.
    assert_eq!(names(&out), 803);
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine"
    );
}
