//! From paths to output, an article at a time: each article is read, annotated and
//! rendered on the thread pool, and written in input order as soon as its turn comes,
//! so memory holds only the articles under way, however many the folders hold.

use super::stream::{ExportWriter, Piece, Style};
use super::{refuse_existing, write_atomic_with, write_export, Annotated, ExportFormat};
use crate::annotate::SourceKind;
use crate::article::corpus::CorpusFormat;
use crate::article::{Article, LoadOptions};
use crate::cli::{self, AnnotateArgs, Failures, Input, Job, Loaded, NO_ARTICLE};
use crate::parallel::map_in_order;
use anyhow::{anyhow, bail, Context, Result};
use std::io::{BufWriter, Write};
use std::iter::Peekable;
use std::path::{Path, PathBuf};

/// `onrecord annotate`: print the export, or write it atomically to `-o FILE`, or
/// one file per article into `-o FOLDER`.
pub fn annotate(args: &AnnotateArgs, options: &LoadOptions) -> Result<()> {
    let failures = Failures::for_paths(&args.paths);
    let listed = cli::expand_paths(&args.paths, &failures)?;
    let inputs = cli::readable_inputs(listed, options, &failures)?;
    let several = inputs.len() > 1 || inputs.iter().any(|i| is_corpus(&i.path, options));
    match &args.output {
        Some(file) if args.format == ExportFormat::Sqlite => {
            into_database(args, file, inputs, options, &failures)?
        }
        None if args.format == ExportFormat::Sqlite => {
            bail!("sqlite writes a database: pass -o FILE.db")
        }
        Some(folder) if args.format == ExportFormat::Brat => {
            brat_folder(args, folder, inputs, options, &failures)?
        }
        Some(folder) if is_folder_target(folder, several) => {
            per_article_files(args, folder, inputs, options, &failures)?
        }
        _ => one_export(args, inputs, options, &failures)?,
    }
    failures.finish()
}

/// Whether an input holds several articles (a corpus file, not standard input, whose
/// content is only known once read).
fn is_corpus(path: &Path, options: &LoadOptions) -> bool {
    cli::corpus_format_of_file(path, options).is_some()
}

/// Whether the input is standard input read as a JSONL corpus (`-` with
/// `--input-format jsonl`).
fn is_stream(paths: &[PathBuf], options: &LoadOptions) -> bool {
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

fn style_of(args: &AnnotateArgs) -> Style {
    Style {
        format: args.format,
        csv_table: args.csv_table,
        pretty: !args.compact,
    }
}

/// Every article in one export, to stdout or to `-o FILE`.
fn one_export(
    args: &AnnotateArgs,
    inputs: Vec<Input>,
    options: &LoadOptions,
    failures: &Failures,
) -> Result<()> {
    let style = style_of(args);
    let only = args.only.as_deref();
    let render = |job: Job| annotated_job(job, options, only).map(|a| style.piece(&a));
    map_in_order(cli::jobs(inputs, options), render, |outcomes| {
        let mut pieces = cli::loaded_in_order(outcomes, failures)
            .map(|r| r.and_then(|p| p))
            .peekable();
        // A filter over a JSONL stream (a Spark partition, a GNU parallel block) may be
        // handed nothing: then it writes nothing, and that is no error.
        if is_stream(&args.paths, options) && pieces.peek().is_none() {
            return Ok(());
        }
        let (first, rest) = first_and_rest(pieces, style.format.depends_on_count())?;
        let write = |out: &mut dyn Write| write_pieces(out, style, first, rest);
        match &args.output {
            None => to_stdout(write),
            Some(path) => {
                write_atomic_with(path, args.force, write)?;
                eprintln!("onrecord: wrote {}", path.display());
                Ok(())
            }
        }
    })
}

/// One export file per article in `folder` (created if missing), named after the
/// article's file (and a corpus record's line). The names of the files given are
/// checked before the first is written, and no file is replaced without `--force`.
fn per_article_files(
    args: &AnnotateArgs,
    folder: &Path,
    inputs: Vec<Input>,
    options: &LoadOptions,
    failures: &Failures,
) -> Result<()> {
    let style = style_of(args);
    let only = args.only.as_deref();
    let file_of = |stem: &str| folder.join(format!("{stem}.{}", args.format.extension()));
    let mut stems = UniqueStems::default();
    if !args.force {
        let mut planned = UniqueStems::default();
        let files = inputs.iter().filter(|i| !is_corpus(&i.path, options));
        for input in files {
            refuse_existing(&file_of(&planned.next(&input.path.display().to_string())))?;
        }
    }
    std::fs::create_dir_all(folder)
        .with_context(|| format!("{}: cannot create the folder", folder.display()))?;
    let render = |job: Job| {
        annotated_job(job, options, only).map(|a| {
            let piece = style.piece(&a);
            piece.map(|p| (a.article.name, p))
        })
    };
    map_in_order(cli::jobs(inputs, options), render, |outcomes| {
        let mut written = 0;
        for item in cli::loaded_in_order(outcomes, failures) {
            let (name, piece) = item??;
            let file = file_of(&stems.next(&name));
            let none_after = std::iter::empty().peekable();
            write_atomic_with(&file, args.force, |out| {
                write_pieces(out, style, piece, none_after)
            })?;
            eprintln!("onrecord: wrote {}", file.display());
            written += 1;
        }
        match written {
            0 => Err(anyhow!(NO_ARTICLE)),
            _ => Ok(()),
        }
    })
}

/// File name stems for articles, in the order they come: the article file's stem, with
/// a corpus record's line ("corpus-17"), made unique with "-2", "-3"… where two
/// articles in different folders share a name.
#[derive(Default)]
struct UniqueStems {
    seen: std::collections::HashMap<String, usize>,
}

impl UniqueStems {
    fn next(&mut self, article_name: &str) -> String {
        let stem = stem_of(article_name);
        let n = self.seen.entry(stem.clone()).or_insert(0);
        *n += 1;
        match *n {
            1 => stem,
            n => format!("{stem}-{n}"),
        }
    }
}

fn stem_of(article_name: &str) -> String {
    let (file, line) = match article_name.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            (file, Some(line))
        }
        _ => (article_name, None),
    };
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty() && *s != "-")
        .unwrap_or(crate::article::STDIN_NAME);
    match line {
        Some(line) => format!("{stem}-{line}"),
        None => stem.to_string(),
    }
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

/// The first item (its absence is the error that nothing loaded), and the rest. With
/// `read_ahead` the second is read too, so that callers know whether there are several,
/// and so that an error in it comes before any output; without, the first can be
/// written at once (a stream).
fn first_and_rest<T>(
    mut items: impl Iterator<Item = Result<T>>,
    read_ahead: bool,
) -> Result<(T, Peekable<impl Iterator<Item = Result<T>>>)> {
    let first = items.next().ok_or_else(|| anyhow!(NO_ARTICLE))??;
    let mut rest = items.peekable();
    if read_ahead {
        if let Some(Err(_)) = rest.peek() {
            rest.next().transpose()?;
        }
    }
    Ok((first, rest))
}

/// What a job loads, annotated, with only the sources of `only` kept when given.
fn annotated_job(
    job: Job,
    options: &LoadOptions,
    only: Option<&[SourceKind]>,
) -> Loaded<Annotated> {
    cli::load_job(job, options).map(|article| annotated(article, only))
}

fn annotated(article: Article, only: Option<&[SourceKind]>) -> Annotated {
    let mut a = Annotated::new(article);
    if let Some(kinds) = only {
        a.retain_kinds(kinds);
    }
    a
}

/// The articles added to a SQLite database, a batch per transaction, as they come.
fn into_database(
    args: &AnnotateArgs,
    file: &Path,
    inputs: Vec<Input>,
    options: &LoadOptions,
    failures: &Failures,
) -> Result<()> {
    let only = args.only.as_deref();
    let mut db = super::sqlite::Database::open(file)?;
    let load = |job: Job| annotated_job(job, options, only);
    map_in_order(cli::jobs(inputs, options), load, |outcomes| {
        for item in cli::loaded_in_order(outcomes, failures) {
            db.add(&item?)?;
        }
        Ok::<(), anyhow::Error>(())
    })?;
    let (added, there) = (db.added, db.already_there);
    db.finish()?;
    eprintln!(
        "onrecord: wrote {}: {added} articles added, {there} already there",
        file.display()
    );
    Ok(())
}

/// brat writes files per article into a folder, after checking that none is there.
fn brat_folder(
    args: &AnnotateArgs,
    folder: &Path,
    inputs: Vec<Input>,
    options: &LoadOptions,
    failures: &Failures,
) -> Result<()> {
    let only = args.only.as_deref();
    let load = |job: Job| annotated_job(job, options, only);
    let items = map_in_order(cli::jobs(inputs, options), load, |outcomes| {
        cli::loaded_in_order(outcomes, failures).collect::<Result<Vec<_>>>()
    })?;
    if items.is_empty() {
        return Err(anyhow!(NO_ARTICLE));
    }
    for f in write_export(&items, args.format, args.csv_table, folder, args.force)? {
        eprintln!("onrecord: wrote {}", f.display());
    }
    Ok(())
}

/// `onrecord --summary` (and `onrecord` when stdout is no terminal): each article's
/// summary, printed as soon as its turn comes. No paths means the bundled samples.
pub fn print_summaries(paths: &[PathBuf], options: &LoadOptions) -> Result<()> {
    let summary = |article: Article| super::summary_of(&Annotated::new(article));
    if paths.is_empty() {
        let samples = cli::load_samples(options.format)?;
        return map_in_order(samples, summary, |summaries| {
            to_stdout(|out| print_all(out, summaries.map(Ok)))
        });
    }
    let failures = Failures::for_paths(paths);
    let listed = cli::expand_paths(paths, &failures)?;
    let inputs = cli::readable_inputs(listed, options, &failures)?;
    let load = |job: Job| cli::load_job(job, options).map(summary);
    map_in_order(cli::jobs(inputs, options), load, |outcomes| {
        let (first, rest) = first_and_rest(cli::loaded_in_order(outcomes, &failures), false)?;
        to_stdout(|out| print_all(out, std::iter::once(Ok(first)).chain(rest)))
    })?;
    failures.finish()
}

fn print_all(out: &mut dyn Write, texts: impl Iterator<Item = Result<String>>) -> Result<()> {
    for text in texts {
        out.write_all(text?.as_bytes())?;
    }
    Ok(out.flush()?)
}

/// Streams `write` to stdout. A reader that stops reading (`| head`) is no error.
fn to_stdout(write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    match write(&mut out) {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        result => result,
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `onrecord stats`: every article annotated (on every core) and boiled down to its
/// facts, which are added to their groups in input order; then the table. A count of
/// the articles done goes to standard error when it is a terminal.
pub fn stats(
    paths: &[PathBuf],
    by: crate::stats::GroupBy,
    format: crate::stats::StatsFormat,
    options: &LoadOptions,
) -> Result<()> {
    use crate::stats::{ArticleFacts, Stats};
    let failures = Failures::for_paths(paths);
    let listed = cli::expand_paths(paths, &failures)?;
    let inputs = cli::readable_inputs(listed, options, &failures)?;
    let facts =
        |job: Job| cli::load_job(job, options).map(|a| ArticleFacts::of(&Annotated::new(a)));
    let progress = progress_on_stderr();
    let mut stats = map_in_order(cli::jobs(inputs, options), facts, |outcomes| {
        let mut stats = Stats::new(by);
        for facts in cli::loaded_in_order(outcomes, &failures) {
            stats.add(facts?);
            progress.inc(1);
        }
        Ok::<_, anyhow::Error>(stats)
    })?;
    progress.finish_and_clear();
    stats.settle();
    if stats.total.articles == 0 {
        bail!(NO_ARTICLE);
    }
    let text = crate::stats::render(&stats, format)?;
    to_stdout(|out| Ok(out.write_all(text.as_bytes())?))?;
    failures.finish()
}

/// A spinner counting articles on standard error, hidden when that is no terminal.
fn progress_on_stderr() -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    let style =
        indicatif::ProgressStyle::with_template("{spinner} {pos} articles annotated ({per_sec})")
            .expect("a valid progress template");
    bar.set_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
