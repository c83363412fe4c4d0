//! From paths to output, an article at a time: each article is read, annotated and
//! rendered on the thread pool, and written in input order as soon as its turn comes,
//! so memory holds only the articles under way, however many the folders hold.

use super::inputs::{self, corpus_format_of_file, loaded_in_order, readable_inputs, ReadOptions};
use super::output::{first_and_rest, to_stdout};
use super::{jobs, Input, Job, Loaded, Notice, Notify, Report};
use super::{Error, Result};
use crate::annotate::{Annotated, SourceKind};
use crate::article::corpus::CorpusFormat;
use crate::export::stream::{ExportWriter, Piece, Style};
use crate::export::ExportError;
use crate::export::{
    refuse_existing, write_atomic_with, BratFolder, CsvTable, ExportFormat, UniqueStems,
};
use crate::parallel::map_in_order;
use std::io::Write;
use std::iter::Peekable;
use std::path::{Path, PathBuf};

/// What `onrecord annotate` writes, and where.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// A file, or a folder for one file per article; `None`: standard output.
    pub output: Option<PathBuf>,
    /// Replace existing files.
    pub force: bool,
    /// Which table a CSV export gives.
    pub csv_table: CsvTable,
    /// JSON pretty-printed rather than on one line.
    pub pretty: bool,
    /// Keep only sources of these kinds.
    pub only: Option<Vec<SourceKind>>,
}

/// `onrecord annotate`: print the export, or write it atomically to `-o FILE`, or
/// one file per article into `-o FOLDER`.
pub fn annotate(
    paths: &[PathBuf],
    export: &ExportOptions,
    options: &ReadOptions,
    notify: Notify,
) -> Result<()> {
    let report = Report::for_paths(paths, notify);
    let inputs = readable_inputs(paths, options, &report)?;
    let several = inputs.len() > 1 || inputs.iter().any(|i| is_corpus(&i.path, options));
    match &export.output {
        Some(file) if export.format == ExportFormat::Sqlite => {
            into_database(export, file, inputs, options, &report)?;
        }
        None if export.format == ExportFormat::Sqlite => {
            return Err(ExportError::NeedsDatabaseFile.into())
        }
        Some(folder) if export.format == ExportFormat::Brat => {
            brat_folder(export, folder, inputs, options, &report)?;
        }
        Some(folder) if is_folder_target(folder, several) => {
            per_article_files(export, folder, inputs, options, &report)?;
        }
        _ => one_export(paths, export, inputs, options, &report)?,
    }
    report.finish()
}

/// Whether an input holds several articles (a corpus file, not standard input, whose
/// content is only known once read).
fn is_corpus(path: &Path, options: &ReadOptions) -> bool {
    corpus_format_of_file(path, options).is_some()
}

/// Whether the input is standard input read as a JSONL corpus (`-` with
/// `--input-format jsonl`).
fn is_stream(paths: &[PathBuf], options: &ReadOptions) -> bool {
    matches!(paths, [only] if crate::article::is_stdin(only))
        && options.corpus == Some(CorpusFormat::Jsonl)
}

/// Whether `-o PATH` names a folder: one that exists, a path ending in a separator, or,
/// for several articles, a path with no extension.
fn is_folder_target(path: &Path, several: bool) -> bool {
    let ends_with_separator = path
        .as_os_str()
        .to_str()
        .is_some_and(|p| p.ends_with(std::path::MAIN_SEPARATOR) || p.ends_with('/'));
    path.is_dir() || ends_with_separator || (several && path.extension().is_none())
}

fn style_of(export: &ExportOptions) -> Style {
    Style {
        format: export.format,
        csv_table: export.csv_table,
        pretty: export.pretty,
    }
}

/// Every article in one export, to stdout or to `-o FILE`.
fn one_export(
    paths: &[PathBuf],
    export: &ExportOptions,
    inputs: Vec<Input>,
    options: &ReadOptions,
    report: &Report,
) -> Result<()> {
    let style = style_of(export);
    let only = export.only.as_deref();
    let render = |job: Job| annotated_job(job, options, only).map(|a| style.piece(a));
    map_in_order(jobs(inputs, options), render, |outcomes| {
        let mut pieces = loaded_in_order(outcomes, report)
            .map(|r| r.and_then(|p| Ok(p?)))
            .peekable();
        // A filter over a JSONL stream (a Spark partition, a GNU parallel block) may be
        // handed nothing: then it writes nothing, and that is no error.
        if is_stream(paths, options) && pieces.peek().is_none() {
            return Ok(());
        }
        let (first, rest) = first_and_rest(pieces, style.format.depends_on_count())?;
        let write = |out: &mut dyn Write| write_pieces(out, style, first, rest);
        match &export.output {
            None => to_stdout(write),
            Some(path) => {
                write_atomic_with(path, export.force, write)?;
                report.notice(Notice::Wrote(path.clone()));
                Ok(())
            }
        }
    })
}

/// One export file per article in `folder` (created if missing), named after the
/// article's file (and a corpus record's line). The names of the files given are
/// checked before the first is written, and no file is replaced without `--force`.
fn per_article_files(
    export: &ExportOptions,
    folder: &Path,
    inputs: Vec<Input>,
    options: &ReadOptions,
    report: &Report,
) -> Result<()> {
    let style = style_of(export);
    let only = export.only.as_deref();
    let file_of = |stem: &str| folder.join(format!("{stem}.{}", export.format.extension()));
    let mut stems = UniqueStems::default();
    if !export.force {
        let mut planned = UniqueStems::default();
        let files = inputs.iter().filter(|i| !is_corpus(&i.path, options));
        for input in files {
            refuse_existing(&file_of(&planned.next(&input.path.display().to_string())))?;
        }
    }
    std::fs::create_dir_all(folder)
        .map_err(ExportError::file(folder, "cannot create the folder"))?;
    let render = |job: Job| {
        annotated_job(job, options, only).map(|a| {
            let name = a.article.name.clone();
            style.piece(a).map(|p| (name, p))
        })
    };
    map_in_order(jobs(inputs, options), render, |outcomes| {
        let mut written = 0;
        for item in loaded_in_order(outcomes, report) {
            let (name, piece) = item??;
            let file = file_of(&stems.next(&name));
            let none_after = std::iter::empty().peekable();
            write_atomic_with(&file, export.force, |out| {
                write_pieces(out, style, piece, none_after)
            })?;
            report.notice(Notice::Wrote(file));
            written += 1;
        }
        match written {
            0 => Err(Error::NoArticle),
            _ => Ok(()),
        }
    })
}

/// Writes one export of the pieces; `rest` has read ahead, so it knows if there are several.
fn write_pieces(
    out: &mut dyn Write,
    style: Style,
    first: Piece,
    mut rest: Peekable<impl Iterator<Item = Result<Piece>>>,
) -> Result<()> {
    // Only `first_and_rest` with read-ahead has looked at the second article.
    let several = style.format.depends_on_count() && rest.peek().is_some();
    // Line formats are flushed an article at a time, so that a filter in a pipe hands
    // each line on as soon as it is ready.
    let by_line = matches!(style.format, ExportFormat::Jsonl | ExportFormat::Spacy);
    let mut export = ExportWriter::begin(out, style, several)?;
    for piece in std::iter::once(Ok(first)).chain(rest) {
        export.push(piece?)?;
        if by_line {
            export.flush()?;
        }
    }
    Ok(export.finish()?.flush()?)
}

/// What a job loads, annotated, with only the sources of `only` kept when given.
fn annotated_job(
    job: Job,
    options: &ReadOptions,
    only: Option<&[SourceKind]>,
) -> Loaded<Annotated> {
    inputs::annotated_job(job, options).map(|mut a| {
        if let Some(kinds) = only {
            a.retain_kinds(kinds);
        }
        a
    })
}

/// The articles added to a SQLite database, a batch per transaction, as they come.
fn into_database(
    export: &ExportOptions,
    file: &Path,
    inputs: Vec<Input>,
    options: &ReadOptions,
    report: &Report,
) -> Result<()> {
    let only = export.only.as_deref();
    let mut db = crate::export::sqlite::Database::open(file)?;
    let load = |job: Job| annotated_job(job, options, only);
    map_in_order(jobs(inputs, options), load, |outcomes| {
        for item in loaded_in_order(outcomes, report) {
            db.add(&item?)?;
        }
        Ok::<(), Error>(())
    })?;
    let (added, there) = (db.added, db.already_there);
    db.finish()?;
    report.notice(Notice::Added {
        database: file.to_path_buf(),
        added,
        already_there: there,
    });
    Ok(())
}

/// brat writes files per article into a folder, each article's as it comes; the folder
/// is moved into place once all are there.
fn brat_folder(
    export: &ExportOptions,
    folder: &Path,
    inputs: Vec<Input>,
    options: &ReadOptions,
    report: &Report,
) -> Result<()> {
    let only = export.only.as_deref();
    let mut brat = BratFolder::create(folder, export.force, only)?;
    let load = |job: Job| annotated_job(job, options, only);
    let added = map_in_order(jobs(inputs, options), load, |outcomes| {
        let mut added = 0;
        for item in loaded_in_order(outcomes, report) {
            brat.add(&item?)?;
            added += 1;
        }
        Ok::<_, Error>(added)
    })?;
    if added == 0 {
        return Err(Error::NoArticle);
    }
    for f in brat.finish()? {
        report.notice(Notice::Wrote(f));
    }
    Ok(())
}
