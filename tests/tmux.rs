//! The real binary in a real terminal: tmux runs it, keys go in with send-keys, and
//! the screen comes back with capture-pane.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", "reader"])
    }

    /// The screen with its escape sequences (colours, bold), as the terminal got them.
    fn screen_with_styles(&self) -> String {
        self.cmd(&["capture-pane", "-e", "-p", "-t", "reader"])
    }

    /// Waits until the screen shows every one of `texts`, returning the screen. The
    /// screen may be read while it is being drawn, so everything checked is waited for.
    fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_until(texts, &[])
    }

    /// The same, also waiting until none of `gone` is on screen.
    fn wait_until(&self, texts: &[&str], gone: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if texts.iter().all(|t| s.contains(t)) && !gone.iter().any(|g| s.contains(g)) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!(
                    "{texts:?} never all appeared (or {gone:?} never left); the screen was:\n{s}"
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "reader"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

impl Tmux {
    /// Starts the reader in a detached tmux session of the given size, with a shell
    /// command run after it exits, then `AFTER-DONE` printed; `None` (with a note) where
    /// tmux is missing.
    fn start(tag: &str, size: (u16, u16), env: &[String], after: &str) -> Option<Tmux> {
        Tmux::start_command(tag, size, env, env!("CARGO_BIN_EXE_onrecord"), after)
    }

    /// The same with a shell command of one's own in place of the bare reader.
    fn start_command(
        tag: &str,
        size: (u16, u16),
        env: &[String],
        command: &str,
        after: &str,
    ) -> Option<Tmux> {
        if !tmux_available() {
            // CI installs tmux (.ci/run) and must run these tests; elsewhere say why they are skipped.
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is needed for this test in CI"
            );
            eprintln!("skipped: tmux is not installed");
            return None;
        }
        let t = Tmux {
            socket: format!("onrecord-{tag}-{}", std::process::id()),
        };
        let script = format!("{command}; echo READER-EXIT=$?; {after}; echo AFTER-DONE; sleep 60");
        let (w, h) = (size.0.to_string(), size.1.to_string());
        let mut args = vec![
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "reader",
            "-x",
            &w,
            "-y",
            &h,
        ];
        for e in env {
            args.extend(["-e", e.as_str()]);
        }
        args.extend(["sh", "-c", &script]);
        t.cmd(&args);
        Some(t)
    }
}

#[test]
fn the_reader_in_a_real_terminal() {
    let config = tempfile::tempdir().unwrap();
    let env = [
        format!("XDG_CONFIG_HOME={}", config.path().display()),
        "NO_COLOR=".to_string(),
    ];
    let Some(t) = Tmux::start("reader", (120, 40), &env, "true") else {
        return;
    };
    t.wait_for(&[
        "Sessions Is Said to Have Offered to Resign",
        "▶ Text",
        "People (6)",
        "Sources (12/12)",
        "ANON  two people who were briefed",
    ]);

    t.keys(&["1"]);
    // Only anonymous sources (and what they relay) are listed once the frame is drawn.
    t.wait_until(
        &[
            "Sources (7/12) · anonymous",
            "ANON  the two people who spoke",
        ],
        &["ORG "],
    );

    t.keys(&["]"]);
    t.wait_for(&["Report: Trump already fed up", "Sources (7/15) · anonymous"]);

    t.keys(&["q"]);
    let screen = t.wait_for(&["READER-EXIT=0"]);
    assert!(
        !screen.contains("Sources ("),
        "the alternate screen is gone:\n{screen}"
    );
}

#[test]
fn a_panic_gives_the_terminal_back() {
    // No backtrace: the whole message must fit the pane.
    let env = [
        "ONRECORD_TEST_PANIC=1".to_string(),
        "RUST_BACKTRACE=0".to_string(),
    ];
    let canonical = r"stty -a | tr ' ' '\n' | grep -x -- '-\?icanon'";
    let Some(t) = Tmux::start("panic", (100, 30), &env, canonical) else {
        return;
    };
    t.wait_for(&["Sources (12/12)"]);
    t.keys(&["j"]);
    // The terminal check runs after the reader exits: wait for its output too.
    let screen = t.wait_for(&["READER-EXIT=101", "AFTER-DONE"]);
    assert!(
        screen.contains("a deliberate panic"),
        "the panic message is shown:\n{screen}"
    );
    assert!(
        !screen.contains("Sources ("),
        "the alternate screen is left:\n{screen}"
    );
    assert!(
        screen.lines().any(|l| l.trim() == "icanon"),
        "raw mode is off again (canonical input restored):\n{screen}"
    );
}

#[test]
fn no_color_means_no_colour() {
    let colour =
        regex::Regex::new(r"\x1b\[[0-9;]*(3[0-7]|38;[25];|4[0-7]|48;[25];|9[0-7]|10[0-7])")
            .unwrap();
    let config = tempfile::tempdir().unwrap();
    let env = [
        format!("XDG_CONFIG_HOME={}", config.path().display()),
        "NO_COLOR=1".to_string(),
    ];
    let Some(t) = Tmux::start("nocolor", (100, 30), &env, "true") else {
        return;
    };
    t.wait_for(&["Sources (12/12)", "ANON  two people"]);
    let styled = t.screen_with_styles();
    assert!(
        styled.contains("\x1b[1m"),
        "emphasis is still drawn:\n{styled}"
    );
    assert!(
        !colour.is_match(&styled),
        "a colour escape under NO_COLOR:\n{styled}"
    );
    let env = [format!("XDG_CONFIG_HOME={}", config.path().display())];
    let Some(t) = Tmux::start("colour", (100, 30), &env, "true") else {
        return;
    };
    t.wait_for(&["Sources (12/12)", "ANON  two people"]);
    assert!(
        colour.is_match(&t.screen_with_styles()),
        "the default theme has colour"
    );
}

/// `curl … | onrecord -`: the article comes down the pipe, the keys from the terminal.
#[test]
fn the_reader_reads_a_piped_article_and_keys_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><head><title>Ferry service returns</title></head><body><article>\
         <p>The harbour ferry will run again from Monday, the port authority said.</p>\
         <p>“We missed it every day,” said Ottilie Brandt, who rides it to work.</p>\
         </article></body></html>",
    )
    .unwrap();
    let command = format!(
        "cat {} | {} -",
        page.display(),
        env!("CARGO_BIN_EXE_onrecord")
    );
    let env = ["NO_COLOR=".to_string()];
    let Some(t) = Tmux::start_command("pipe", (100, 30), &env, &command, "true") else {
        return;
    };
    t.wait_for(&["Ferry service returns", "Sources (2/2)", "Ottilie Brandt"]);
    t.keys(&["q"]);
    t.wait_for(&["READER-EXIT=0"]);
}

/// `onrecord -` typed at a prompt, with no pipe: a message, not a wait for Ctrl-D.
#[test]
fn a_dash_without_a_pipe_says_what_to_do() {
    let command = format!("{} -", env!("CARGO_BIN_EXE_onrecord"));
    let Some(t) = Tmux::start_command("tty-dash", (100, 20), &[], &command, "true") else {
        return;
    };
    t.wait_for(&["standard input is the terminal", "READER-EXIT=1"]);
}

/// A correction made with keys is saved beside the article and shown when it opens again.
#[test]
fn a_correction_made_with_keys_is_there_when_the_article_opens_again() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    // Invented names: the annotator takes the first for an organization.
    std::fs::write(
        &story,
        "Harbour council delays the pier\n\n\
         The harbour council delayed its vote on Tuesday, said Odalys Pembrook, its chair.\n\n\
         Caspian Threlkeld, who runs the builder, declined to comment.\n",
    )
    .unwrap();
    let config = tempfile::tempdir().unwrap();
    let env = [
        format!("XDG_CONFIG_HOME={}", config.path().display()),
        "NO_COLOR=".to_string(),
    ];
    let reader = format!("{} {}", env!("CARGO_BIN_EXE_onrecord"), story.display());
    let Some(t) = Tmux::start_command("edit", (120, 30), &env, &reader, &reader) else {
        return;
    };
    t.wait_for(&["Sources (2/2)", "ORG   Caspian Threlkeld"]);
    // The Sources pane, the second source, its kind: the picker opens on organization,
    // and named is the one above it.
    t.keys(&["Tab", "Tab", "j", "K"]);
    t.wait_for(&["Kind of source"]);
    t.keys(&["k", "Enter"]);
    t.wait_for(&["NAMED ✎ Caspian Threlkeld", "saved in story.onrecord.toml"]);
    t.keys(&["q"]);
    // The same command runs again after the first reader exits.
    t.wait_until(
        &["NAMED ✎ Caspian Threlkeld", "Sources (2/2)"],
        &["Kind of source", "saved in"],
    );
    assert!(dir.path().join("story.onrecord.toml").exists());
    t.keys(&["q"]);
    t.wait_for(&["AFTER-DONE"]);
}

/// The reader's process id, written by the shell that then becomes the reader.
fn reader_pid(file: &std::path::Path) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(pid) = std::fs::read_to_string(file)
            .ok()
            .and_then(|s| s.trim().parse().ok())
        {
            return pid;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no pid written");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn is_running(pid: i32) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_default()
            .contains(") Z ")
}

#[test]
fn kill_gives_the_terminal_back_and_a_closed_pane_ends_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("pid");
    // A shell that writes its pid and becomes the reader, with `trap` first if given.
    let reader_with = |trap: &str| {
        format!(
            "sh -c '{trap} echo $$ > {}; exec {}'",
            pid_file.display(),
            env!("CARGO_BIN_EXE_onrecord")
        )
    };
    let reader = reader_with("");
    let Some(t) = Tmux::start_command("signals", (100, 30), &[], &reader, "true") else {
        return;
    };
    t.wait_for(&["Sources (12/12)"]);
    let state = || {
        t.cmd(&[
            "display",
            "-p",
            "-t",
            "reader",
            "#{alternate_on} #{mouse_any_flag}",
        ])
    };
    assert_eq!(
        state().trim(),
        "1 1",
        "the reader is on the alternate screen, with the mouse"
    );
    let pid = reader_pid(&pid_file);
    Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    t.wait_for(&["READER-EXIT=0", "AFTER-DONE"]);
    assert_eq!(
        state().trim(),
        "0 0",
        "the screen and the mouse are given back"
    );
    drop(t);

    // The pane closed under a reader that ignores SIGHUP (as under nohup): it leaves.
    // (Only the reader ignores it, so that the shell around it ends with the pane.)
    std::fs::remove_file(&pid_file).unwrap();
    let ignoring = reader_with("trap \"\" HUP;");
    let Some(t) = Tmux::start_command("hangup", (100, 30), &[], &ignoring, "true") else {
        return;
    };
    t.wait_for(&["Sources (12/12)"]);
    let pid = reader_pid(&pid_file);
    t.cmd(&["kill-server"]);
    let start = Instant::now();
    while is_running(pid) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the reader still runs without its terminal"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The binary `cargo install --path . --root DIR` made, run from another folder: it opens
/// the bundled samples and prints completions and a man page. `.ci/run` installs it into
/// a fresh root and runs this with ONRECORD_INSTALLED set to the binary.
#[test]
#[ignore = "needs ONRECORD_INSTALLED, the binary of a `cargo install` (.ci/run sets it)"]
fn an_installed_binary_opens_the_samples_from_any_folder() {
    let bin = std::env::var("ONRECORD_INSTALLED").expect("ONRECORD_INSTALLED names the binary");
    let elsewhere = tempfile::tempdir().unwrap();
    let printed = |args: &[&str]| {
        let out = Command::new(&bin)
            .args(args)
            .current_dir(elsewhere.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(printed(&["completions", "bash"]).contains("annotate"));
    assert!(printed(&["man"]).contains("ONRECORD ANNOTATE"));
    assert!(printed(&["--version"]).starts_with("onrecord "));
    let command = format!("cd {} && {bin}", elsewhere.path().display());
    let Some(t) = Tmux::start_command("installed", (120, 40), &[], &command, "true") else {
        return;
    };
    t.wait_for(&[
        "Sessions Is Said to Have Offered to Resign",
        "Sources (12/12)",
    ]);
    t.keys(&["q"]);
    t.wait_for(&["READER-EXIT=0"]);
}

/// An export printed to a terminal shows an article's escapes and never runs them: the
/// screen is not cleared and the pane's title is not set.
#[test]
fn an_export_printed_to_a_terminal_shows_escapes_instead_of_running_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("escapes.txt");
    std::fs::write(
        &file,
        "Vote \u{1b}]2;retitled\u{7} news\n\nThe council said \u{1b}[2J the vote was close, \
         aides said.\n",
    )
    .unwrap();
    for format in ["csv", "brat"] {
        let command = format!(
            "printf 'BEFORE-EXPORT\\n'; {} annotate {} --format {format}",
            env!("CARGO_BIN_EXE_onrecord"),
            file.display()
        );
        let tag = format!("escapes-{format}");
        let Some(t) = Tmux::start_command(&tag, (160, 20), &[], &command, "true") else {
            return;
        };
        let screen = t.wait_for(&["READER-EXIT=0", "AFTER-DONE"]);
        assert!(
            screen.contains("BEFORE-EXPORT"),
            "the screen was cleared:\n{screen}"
        );
        assert!(screen.contains("␛[2J"), "{format}:\n{screen}");
        let title = t.cmd(&["display-message", "-p", "#{pane_title}"]);
        assert!(
            !title.contains("retitled"),
            "{format}: the title is {title}"
        );
    }
}
