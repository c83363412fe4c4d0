//! `onrecord stats`: a corpus boiled down to sourcing figures per group.

use super::inputs::{annotated_job, loaded_in_order, readable_inputs, ReadOptions};
use super::output::to_stdout;
use super::{jobs, Error, Job, Notice, Notify, Report, Result};
use crate::parallel::map_in_order;
use crate::stats::{ArticleFacts, GroupBy, Stats, StatsFormat};

use std::path::PathBuf;

/// Every article annotated (on every core) and boiled down to its facts, which are
/// added to their groups in input order; then the table. Each article done is a
/// [`Notice::Done`], for a progress count, and [`Notice::AllDone`] comes before
/// the table.
pub fn stats(
    paths: &[PathBuf],
    by: GroupBy,
    format: StatsFormat,
    options: &ReadOptions,
    notify: Notify,
) -> Result<()> {
    let report = Report::for_paths(paths, notify);
    let inputs = readable_inputs(paths, options, &report)?;
    let facts = |job: Job| annotated_job(job, options).map(|a| ArticleFacts::of(&a));
    let mut stats = map_in_order(jobs(inputs, options), facts, |outcomes| {
        let mut stats = Stats::new(by);
        for facts in loaded_in_order(outcomes, &report) {
            stats.add(facts?);
            report.notice(Notice::Done);
        }
        Ok::<_, Error>(stats)
    })?;
    report.notice(Notice::AllDone);
    stats.settle();
    if stats.total.articles == 0 {
        return Err(Error::NoArticle);
    }
    let text = crate::stats::render(&stats, format)?;
    to_stdout(|out| Ok(std::io::Write::write_all(out, text.as_bytes())?))?;
    report.finish()
}
