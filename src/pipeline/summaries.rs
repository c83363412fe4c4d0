//! `onrecord --summary`: each article's sourcing summary, as plain text.

use super::inputs::{annotated_job, loaded_in_order, readable_inputs, ReadOptions};
use super::output::{first_and_rest, to_stdout};
use super::{jobs, load_samples, Job, Notify, Report, Result};
use crate::annotate::Annotated;
use crate::article::Article;
use crate::export::summary_of;
use crate::parallel::map_in_order;
use std::io::Write;
use std::path::PathBuf;

/// `onrecord --summary` (and `onrecord` when stdout is no terminal): each article's
/// summary, printed as soon as its turn comes. No paths means the bundled samples.
pub fn print_summaries(paths: &[PathBuf], options: &ReadOptions, notify: Notify) -> Result<()> {
    if paths.is_empty() {
        let samples = load_samples(options.format)?;
        let summary = |article: Article| summary_of(&Annotated::new(article));
        return map_in_order(samples, summary, |summaries| {
            to_stdout(|out| print_all(out, summaries.map(Ok)))
        });
    }
    let report = Report::for_paths(paths, notify);
    let inputs = readable_inputs(paths, options, &report)?;
    let load = |job: Job| annotated_job(job, options).map(|a| summary_of(&a));
    map_in_order(jobs(inputs, options), load, |outcomes| {
        let (first, rest) = first_and_rest(loaded_in_order(outcomes, &report), false)?;
        to_stdout(|out| print_all(out, std::iter::once(Ok(first)).chain(rest)))
    })?;
    report.finish()
}

fn print_all(out: &mut dyn Write, texts: impl Iterator<Item = Result<String>>) -> Result<()> {
    for text in texts {
        out.write_all(text?.as_bytes())?;
    }
    Ok(out.flush()?)
}
