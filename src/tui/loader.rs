//! Articles loaded and annotated off the UI thread, so the reader opens at once.
//!
//! Workers take inputs in order and send each result with its input index; the reader
//! keeps what arrives early until the ones before it are in, so the article list grows
//! in input order. Data still flows one way: load → annotate → reader.

use super::Result;
use crate::annotate::Annotated;
use crate::article::Article;
use crate::pipeline::ReadOptions;
use crate::pipeline::{self, Loaded, Notify};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};

/// One input for the workers.
pub enum Job {
    /// Already loaded (a file named on the command line, or a bundled sample).
    Annotate(Box<Article>),
    /// A file found in a folder, or a corpus record: loaded by the worker, skipped with
    /// a warning if it holds no article.
    Load(pipeline::Job),
}

/// What a worker says about one input.
pub struct Report {
    pub index: usize,
    /// `None`: the input was skipped.
    pub article: Option<Annotated>,
    /// Warnings as the command line words them, without the `onrecord: warning: ` prefix.
    pub warnings: Vec<String>,
}

/// The reader's end of the loading: articles in input order, progress and warnings.
pub struct Incoming {
    reports: Receiver<Report>,
    total: usize,
    /// Inputs before this index are handed on (or skipped).
    next: usize,
    early: BTreeMap<usize, Report>,
    warnings: Vec<String>,
    /// The workers stopped before every input was reported (one panicked).
    broken: bool,
}

impl Incoming {
    /// Reports from `reports` about `total` inputs, numbered from 0.
    pub fn new(reports: Receiver<Report>, total: usize) -> Incoming {
        Incoming {
            reports,
            total,
            next: 0,
            early: BTreeMap::new(),
            warnings: Vec::new(),
            broken: false,
        }
    }

    pub fn total(&self) -> usize {
        self.total
    }

    /// Inputs done so far, counted in order (loaded or skipped).
    pub fn done_count(&self) -> usize {
        self.next
    }

    pub fn finished(&self) -> bool {
        self.next >= self.total || self.broken
    }

    /// True when the workers stopped without reporting every input.
    pub fn broken(&self) -> bool {
        self.broken
    }

    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The articles that can join the list now, in input order; never waits.
    pub fn take_ready(&mut self) -> Vec<Annotated> {
        loop {
            match self.reports.try_recv() {
                Ok(r) => {
                    self.early.insert(r.index, r);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.note_disconnected();
                    break;
                }
            }
        }
        self.release()
    }

    /// Waits until at least one article can join the list and returns those ready
    /// then, in input order; empty when every input was skipped.
    pub fn wait_first(&mut self) -> Vec<Annotated> {
        let mut ready = self.release();
        while ready.is_empty() && !self.finished() {
            match self.reports.recv() {
                Ok(r) => {
                    self.early.insert(r.index, r);
                }
                Err(_) => self.note_disconnected(),
            }
            ready = self.release();
        }
        ready
    }

    /// Waits up to `timeout` for a report, then returns what can join the list.
    pub fn wait_ready(&mut self, timeout: std::time::Duration) -> Vec<Annotated> {
        if !self.finished() {
            match self.reports.recv_timeout(timeout) {
                Ok(r) => {
                    self.early.insert(r.index, r);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => self.note_disconnected(),
            }
        }
        self.take_ready()
    }

    /// Every worker has gone: loading is over, and broken if some input never came.
    fn note_disconnected(&mut self) {
        self.broken = self.next + self.early.len() < self.total;
    }

    /// Hands on the reports that follow the last one handed on, stopping at a gap.
    fn release(&mut self) -> Vec<Annotated> {
        let mut out = Vec::new();
        while let Some(r) = self.early.remove(&self.next) {
            self.next += 1;
            self.warnings.extend(r.warnings);
            out.extend(r.article);
        }
        out
    }
}

/// The inputs of the command line: named files are loaded now (a failure goes to
/// `failures` before the reader opens, as for every other command), folder files and
/// corpus records by the workers. Warnings about named files are reported now, as
/// before the reader existed.
pub fn jobs_for(
    paths: &[PathBuf],
    options: &ReadOptions,
    report: &pipeline::Report,
) -> Result<Vec<Job>> {
    let mut jobs = Vec::new();
    for job in pipeline::jobs(pipeline::expand_paths(paths, report)?, options) {
        let named = match &job {
            pipeline::Job::File(input) => !input.from_folder,
            pipeline::Job::Unreadable { from_folder, .. } => !from_folder,
            pipeline::Job::Record(_) => false,
        };
        if !named {
            jobs.push(Job::Load(job));
            continue;
        }
        match pipeline::load_job(job, options) {
            Loaded::Done { value, warnings } => {
                warnings.into_iter().for_each(|w| report.warning(w));
                jobs.push(Job::Annotate(Box::new(value)));
            }
            Loaded::Skipped(e) => report.warning(format!("skipped {e}")),
            Loaded::Failed(e) => report.failure(e)?,
        }
    }
    if jobs.is_empty() {
        return Err(pipeline::Error::NoArticle.into());
    }
    Ok(jobs)
}

/// Starts workers over `jobs` and returns the reader's end.
pub fn start(jobs: Vec<Job>, options: ReadOptions) -> Incoming {
    let total = jobs.len();
    let (tx, rx) = mpsc::channel();
    let queue = Arc::new(Mutex::new(jobs.into_iter().enumerate()));
    let options = Arc::new(options);
    for _ in 0..worker_count(total) {
        let (queue, tx, options) = (Arc::clone(&queue), tx.clone(), Arc::clone(&options));
        std::thread::spawn(move || work(&queue, &tx, &options));
    }
    Incoming::new(rx, total)
}

/// Waits for the first articles and returns them with the rest still coming; the error
/// is the one loading everything at once gave ("no article could be loaded").
pub fn first_and_rest(
    mut incoming: Incoming,
    notify: Notify,
) -> Result<(Vec<Annotated>, Incoming)> {
    let first = incoming.wait_first();
    if first.is_empty() {
        pass_on(incoming.warnings(), notify);
        return Err(pipeline::Error::NoArticle.into());
    }
    Ok((first, incoming))
}

/// Hands loading warnings on, once the terminal is free to show them.
pub fn pass_on(warnings: &[String], notify: Notify) {
    for w in warnings {
        notify(pipeline::Notice::Warning(w.clone()));
    }
}

/// One worker per core, up to four, leaving the UI thread its share of a small machine.
fn worker_count(jobs: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    cores.clamp(1, 4).min(jobs.max(1))
}

type Queue = Mutex<std::iter::Enumerate<std::vec::IntoIter<Job>>>;

fn work(queue: &Queue, reports: &Sender<Report>, options: &ReadOptions) {
    loop {
        let next = queue.lock().map(|mut q| q.next());
        let Ok(Some((index, job))) = next else {
            return;
        };
        // A closed channel means the reader has gone: stop working for it.
        if reports.send(report(index, job, options)).is_err() {
            return;
        }
    }
}

fn report(index: usize, job: Job, options: &ReadOptions) -> Report {
    let mut warnings = Vec::new();
    let article = match job {
        Job::Annotate(a) => Some(*a),
        Job::Load(job) => match pipeline::load_job(job, options) {
            Loaded::Done {
                value,
                warnings: said,
            } => {
                warnings = said;
                Some(value)
            }
            Loaded::Skipped(e) | Loaded::Failed(e) => {
                warnings.push(format!("skipped {e}"));
                None
            }
        },
    };
    Report {
        index,
        article: article.map(|a| pipeline::annotated(a, &options.corrections, &mut warnings)),
        warnings,
    }
}
