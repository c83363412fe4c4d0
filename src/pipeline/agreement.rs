//! `onrecord diff`: how far the corrections agree with the annotator, over every
//! article given.

use super::inputs::{load_job, loaded_in_order, readable_inputs, ReadOptions};
use super::output::to_stdout;
use super::{jobs, Error, Job, Notice, Notify, Report, Result};
use crate::annotate::Annotated;
use crate::corrections::Agreement;
use crate::parallel::map_in_order;
use crate::stats::StatsFormat;
use std::path::PathBuf;

/// Each article annotated fresh and with its corrections (on every core), the two
/// compared and added up in input order; then the figures in `format`.
pub fn diff(
    paths: &[PathBuf],
    format: StatsFormat,
    options: &ReadOptions,
    notify: Notify,
) -> Result<()> {
    let report = Report::for_paths(paths, notify);
    let inputs = readable_inputs(paths, options, &report)?;
    let both = |job: Job| {
        load_job(job, options).map_warning(|article, warnings| {
            let fresh = Annotated::new(article);
            let mut corrected = fresh.clone();
            warnings.extend(options.corrections.apply_to(&mut corrected));
            (fresh, corrected)
        })
    };
    let agreement = map_in_order(jobs(inputs, options), both, |outcomes| {
        let mut agreement = Agreement::default();
        for pair in loaded_in_order(outcomes, &report) {
            let (fresh, corrected) = pair?;
            agreement.add(&fresh, &corrected);
            report.notice(Notice::Done);
        }
        Ok::<_, Error>(agreement)
    })?;
    report.notice(Notice::AllDone);
    if agreement.articles == 0 {
        return Err(Error::NoArticle);
    }
    let text = agreement.render(format)?;
    to_stdout(|out| Ok(std::io::Write::write_all(out, text.as_bytes())?))?;
    report.finish()
}
