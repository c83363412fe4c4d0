//! Stamps the version with the commit the binary is built from, when it is built from
//! a git checkout: `onrecord --version` then says which code it runs, and the man page
//! carries the commit's date.

use std::path::Path;
use std::process::Command;

fn main() {
    let version = env!("CARGO_PKG_VERSION");
    let commit = git(&["rev-parse", "--short=10", "HEAD"]);
    let date = git(&["log", "-1", "--format=%cs"]).unwrap_or_default();
    let stamped = match &commit {
        Some(commit) if date.is_empty() => format!("{version} (commit {commit})"),
        Some(commit) => format!("{version} (commit {commit}, {date})"),
        None => version.to_string(),
    };
    println!("cargo:rustc-env=ONRECORD_VERSION={stamped}");
    println!("cargo:rustc-env=ONRECORD_BUILD_DATE={date}");
    println!("cargo:rerun-if-changed=build.rs");
    watch_head();
}

/// Runs again when HEAD moves: a commit, a checkout, a pull (only files that exist are
/// named, as cargo would otherwise run this on every build).
fn watch_head() {
    let (Some(git_dir), Some(common)) = (
        git(&["rev-parse", "--git-dir"]),
        git(&["rev-parse", "--git-common-dir"]),
    ) else {
        return;
    };
    let mut watched = vec![Path::new(&git_dir).join("HEAD")];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watched.push(Path::new(&common).join(branch));
    }
    watched.push(Path::new(&common).join("packed-refs"));
    for path in watched.iter().filter(|p| p.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}

/// What a git command prints, trimmed; `None` outside a checkout or without git.
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}
