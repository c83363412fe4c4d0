//! From paths to output, an article at a time: each article is read, annotated and
//! rendered on the thread pool, and written in input order as soon as its turn comes,
//! so memory holds only the articles under way, however many the folders hold.

use super::stream::{ExportWriter, Piece, Style};
use super::{write_atomic_with, write_export, Annotated, ExportFormat};
use crate::annotate::SourceKind;
use crate::article::{Article, Format};
use crate::cli::{self, AnnotateArgs, Failures, Input, NO_ARTICLE};
use crate::parallel::map_in_order;
use anyhow::{anyhow, bail, Context, Result};
use std::io::{BufWriter, Write};
use std::iter::Peekable;
use std::path::{Path, PathBuf};

/// `onrecord annotate`: print the export, or write it atomically to `-o FILE`, or
/// one file per article into `-o FOLDER`.
pub fn annotate(args: &AnnotateArgs, input_format: Option<Format>) -> Result<()> {
    let failures = Failures::for_paths(&args.paths);
    let inputs = cli::readable_inputs(cli::expand_paths(&args.paths, &failures)?, &failures)?;
    match &args.output {
        Some(folder) if args.format == ExportFormat::Brat => {
            brat_folder(args, folder, inputs, input_format, &failures)?
        }
        Some(folder) if is_folder_target(folder, inputs.len()) => {
            per_article_files(args, folder, inputs, input_format, &failures)?
        }
        _ => one_export(args, inputs, input_format, &failures)?,
    }
    failures.finish()
}

/// Whether `-o PATH` names a folder: one that exists, a path ending in a separator, or,
/// for several articles, a path with no extension.
fn is_folder_target(path: &Path, inputs: usize) -> bool {
    let ends_with_separator = path
        .as_os_str()
        .to_str()
        .is_some_and(|p| p.ends_with(std::path::MAIN_SEPARATOR) || p.ends_with('/'));
    path.is_dir() || ends_with_separator || (inputs > 1 && path.extension().is_none())
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
    input_format: Option<Format>,
    failures: &Failures,
) -> Result<()> {
    let style = style_of(args);
    let only = args.only.as_deref();
    let render = |input: Input| {
        cli::load_input(input, input_format).map(|article| style.piece(&annotated(article, only)))
    };
    map_in_order(inputs, render, |outcomes| {
        let pieces = cli::loaded_in_order(outcomes, failures).map(|r| r.and_then(|p| p));
        let (first, rest) = first_and_rest(pieces)?;
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
/// article's file. Every name is checked before the first is written, so that nothing
/// is replaced without `--force`.
fn per_article_files(
    args: &AnnotateArgs,
    folder: &Path,
    inputs: Vec<Input>,
    input_format: Option<Format>,
    failures: &Failures,
) -> Result<()> {
    let style = style_of(args);
    let only = args.only.as_deref();
    let names = unique_stems(inputs.iter().map(|i| i.path.as_path()));
    let files: Vec<PathBuf> = names
        .iter()
        .map(|stem| folder.join(format!("{stem}.{}", args.format.extension())))
        .collect();
    if let Some(existing) = files.iter().find(|f| f.exists()).filter(|_| !args.force) {
        bail!(
            "{}: already exists (pass --force to overwrite it)",
            existing.display()
        );
    }
    std::fs::create_dir_all(folder)
        .with_context(|| format!("{}: cannot create the folder", folder.display()))?;
    let render = |(input, file): (Input, PathBuf)| {
        cli::load_input(input, input_format)
            .map(|article| style.piece(&annotated(article, only)).map(|p| (file, p)))
    };
    let jobs: Vec<(Input, PathBuf)> = inputs.into_iter().zip(files).collect();
    map_in_order(jobs, render, |outcomes| {
        let mut written = 0;
        for item in cli::loaded_in_order(outcomes, failures) {
            let (file, piece) = item??;
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

/// A file name stem for each path, made unique with "-2", "-3"… where two files in
/// different folders share a name.
fn unique_stems<'a>(paths: impl Iterator<Item = &'a Path>) -> Vec<String> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    paths
        .map(|p| {
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .filter(|s| !s.is_empty() && *s != "-")
                .unwrap_or(crate::article::STDIN_NAME)
                .to_string();
            let n = seen.entry(stem.clone()).or_insert(0);
            *n += 1;
            match *n {
                1 => stem,
                n => format!("{stem}-{n}"),
            }
        })
        .collect()
}

/// Writes one export of the pieces; `rest` has read ahead, so it knows if there are several.
fn write_pieces(
    out: &mut dyn Write,
    style: Style,
    first: Piece,
    mut rest: Peekable<impl Iterator<Item = Result<Piece>>>,
) -> Result<()> {
    let several = rest.peek().is_some();
    let mut export = ExportWriter::begin(out, style, several)?;
    export.push(first)?;
    for piece in rest {
        export.push(piece?)?;
    }
    Ok(export.finish()?.flush()?)
}

/// The first item (its absence is the error that nothing loaded), and the rest with
/// the second one read, so that callers know whether there are several, and so that
/// an error in it comes before any output.
fn first_and_rest<T>(
    mut items: impl Iterator<Item = Result<T>>,
) -> Result<(T, Peekable<impl Iterator<Item = Result<T>>>)> {
    let first = items.next().ok_or_else(|| anyhow!(NO_ARTICLE))??;
    let mut rest = items.peekable();
    if let Some(Err(_)) = rest.peek() {
        rest.next().transpose()?;
    }
    Ok((first, rest))
}

fn annotated(article: Article, only: Option<&[SourceKind]>) -> Annotated {
    let mut a = Annotated::new(article);
    if let Some(kinds) = only {
        a.retain_kinds(kinds);
    }
    a
}

/// brat writes files per article into a folder, after checking that none is there.
fn brat_folder(
    args: &AnnotateArgs,
    folder: &Path,
    inputs: Vec<Input>,
    input_format: Option<Format>,
    failures: &Failures,
) -> Result<()> {
    let only = args.only.as_deref();
    let load = |input: Input| cli::load_input(input, input_format).map(|a| annotated(a, only));
    let items = map_in_order(inputs, load, |outcomes| {
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
pub fn print_summaries(paths: &[PathBuf], input_format: Option<Format>) -> Result<()> {
    let summary = |article: Article| super::summary_of(&Annotated::new(article));
    if paths.is_empty() {
        let samples = cli::load_samples(input_format)?;
        return map_in_order(samples, summary, |summaries| {
            to_stdout(|out| print_all(out, summaries.map(Ok)))
        });
    }
    let failures = Failures::for_paths(paths);
    let inputs = cli::readable_inputs(cli::expand_paths(paths, &failures)?, &failures)?;
    let load = |input: Input| cli::load_input(input, input_format).map(summary);
    map_in_order(inputs, load, |outcomes| {
        let (first, rest) = first_and_rest(cli::loaded_in_order(outcomes, &failures))?;
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
