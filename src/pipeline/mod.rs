//! From paths to output: the runs behind `onrecord annotate`, `onrecord stats` and
//! `onrecord --summary`, and the loading the reader shares with them.
//!
//! Each run reads its inputs as jobs ([`inputs`]), loads and annotates them on every
//! core ([`crate::parallel`]) and hands the results on in input order, so memory holds
//! only the articles under way. What a run has to say besides its output (warnings,
//! skipped files, files written) goes to a [`Report`]; the binary prints it.

mod agreement;
mod error;
mod export;
mod import;
pub mod inputs;
mod output;
mod stats;
mod summaries;

pub use agreement::diff;
pub use error::{Error, Result};
pub use export::{annotate, ExportOptions};
pub use import::import_brat;
pub use inputs::{
    annotated, annotated_job, expand_paths, jobs, load_all, load_job, load_samples, Input, Job,
    Loaded, ReadOptions,
};
pub use stats::stats;
pub use summaries::print_summaries;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Something a run tells its user beside its output.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A warning: text decoded with losses, a file in a folder skipped.
    Warning(String),
    /// An input that could not be read while others still are; the run goes on and
    /// fails at the end.
    Failed(String),
    /// A file was written.
    Wrote(PathBuf),
    /// Articles were added to a database.
    Added {
        database: PathBuf,
        added: usize,
        already_there: usize,
    },
    /// Corrections read from a brat folder were added to a sidecar.
    Imported { sidecar: PathBuf, added: usize },
    /// A brat folder held no edit that is not a correction already.
    NothingNew(PathBuf),
    /// One more article is done (a count for a progress display).
    Done,
    /// Every article is done: a progress display goes before the output comes.
    AllDone,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Warning(w) => write!(f, "warning: {w}"),
            Notice::Failed(e) => write!(f, "error: {e}"),
            Notice::Wrote(path) => write!(f, "wrote {}", path.display()),
            Notice::Added {
                database,
                added,
                already_there,
            } => write!(
                f,
                "wrote {}: {added} articles added, {already_there} already there",
                database.display()
            ),
            Notice::Imported { sidecar, added } => {
                let s = if *added == 1 { "" } else { "s" };
                write!(
                    f,
                    "wrote {}: {added} correction{s} added",
                    sidecar.display()
                )
            }
            Notice::NothingNew(folder) => {
                write!(f, "{}: no new corrections", folder.display())
            }
            Notice::Done => write!(f, "one more article done"),
            Notice::AllDone => write!(f, "every article done"),
        }
    }
}

/// Where a run's notices go: a function the binary gives (it prints them).
pub type Notify<'a> = &'a (dyn Fn(Notice) + Sync);

/// A notify function that drops every notice (for tests and quiet callers).
pub fn quiet(_: Notice) {}

/// How a run reports what happens to its inputs. With one input, failing to read it is
/// the run's error. With several, each failure is reported as it comes, the others
/// still load, and the run ends with a failing status ([`Report::finish`]), as `grep`
/// and `rg` do with a missing file.
pub struct Report<'a> {
    several: bool,
    failed: AtomicUsize,
    notify: Notify<'a>,
}

impl<'a> Report<'a> {
    /// The report of a run over the files and folders `paths`.
    pub fn for_paths(paths: &[PathBuf], notify: Notify<'a>) -> Self {
        Report {
            several: paths.len() > 1,
            failed: AtomicUsize::new(0),
            notify,
        }
    }

    /// Passes a notice on.
    pub fn notice(&self, notice: Notice) {
        (self.notify)(notice);
    }

    pub fn warning(&self, warning: impl Into<String>) {
        self.notice(Notice::Warning(warning.into()));
    }

    /// Reports an input that could not be read, or returns it when it ends the run.
    pub fn failure(&self, error: impl Into<Error>) -> Result<()> {
        let error = error.into();
        if !self.several {
            return Err(error);
        }
        self.notice(Notice::Failed(chain(&error)));
        self.failed.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// The run's result once everything else is done: an error if any input failed.
    pub fn finish(&self) -> Result<()> {
        match self.failed.load(Ordering::Relaxed) {
            0 => Ok(()),
            n => Err(Error::InputsFailed(n)),
        }
    }
}

/// An error with its causes, "outer: inner: innermost", as the binary prints errors.
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(c) = cause {
        text = format!("{text}: {c}");
        cause = c.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn one_input_failing_is_the_error_and_several_are_counted() {
        let heard = Mutex::new(Vec::new());
        let notify = |n: Notice| heard.lock().unwrap().push(n.to_string());
        let one = Report::for_paths(&["a.txt".into()], &notify);
        assert!(one.failure(Error::EmptyFolder("a".into())).is_err());
        assert!(heard.lock().unwrap().is_empty());

        let two = Report::for_paths(&["a.txt".into(), "b.txt".into()], &notify);
        two.failure(Error::EmptyFolder("notes".into())).unwrap();
        let said =
            "error: notes: the folder holds no article files (.txt, .md, .html, .jsonl, .csv)";
        assert_eq!(*heard.lock().unwrap(), [said]);
        let end = two.finish().unwrap_err().to_string();
        assert_eq!(end, "1 input could not be read (see above)");
    }
}
