//! From paths to output, an article at a time: each article is read, annotated and
//! rendered on the thread pool, and written in input order as soon as its turn comes,
//! so memory holds only the articles under way, however many the folders hold.

use super::stream::{ExportWriter, Piece, Style};
use super::{write_atomic_with, write_export, Annotated, ExportFormat};
use crate::annotate::SourceKind;
use crate::article::{Article, Format};
use crate::cli::{self, AnnotateArgs, Input, NO_ARTICLE};
use crate::parallel::map_in_order;
use anyhow::{anyhow, Result};
use std::io::{BufWriter, Write};
use std::iter::Peekable;
use std::path::{Path, PathBuf};

/// `onrecord annotate`: print the export, or write it atomically to `-o FILE`.
pub fn annotate(args: &AnnotateArgs, input_format: Option<Format>) -> Result<()> {
    if let (ExportFormat::Brat, Some(folder)) = (args.format, &args.output) {
        return brat_folder(args, folder, input_format);
    }
    let style = Style {
        format: args.format,
        csv_table: args.csv_table,
        pretty: !args.compact,
    };
    let only = args.only.as_deref();
    let render = |input: Input| {
        cli::load_input(input, input_format).map(|article| style.piece(&annotated(article, only)))
    };
    map_in_order(named_inputs(&args.paths)?, render, |outcomes| {
        let pieces = cli::loaded_in_order(outcomes).map(|rendered| rendered.and_then(|p| p));
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

/// The files to read, with those named on the command line checked to be there.
fn named_inputs(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let inputs = cli::expand_paths(paths)?;
    cli::check_named_files(&inputs)?;
    Ok(inputs)
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
fn brat_folder(args: &AnnotateArgs, folder: &Path, input_format: Option<Format>) -> Result<()> {
    let only = args.only.as_deref();
    let load = |input: Input| cli::load_input(input, input_format).map(|a| annotated(a, only));
    let items = map_in_order(cli::expand_paths(&args.paths)?, load, |outcomes| {
        cli::loaded_in_order(outcomes).collect::<Result<Vec<_>>>()
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
    let load = |input: Input| cli::load_input(input, input_format).map(summary);
    map_in_order(named_inputs(paths)?, load, |outcomes| {
        let (first, rest) = first_and_rest(cli::loaded_in_order(outcomes))?;
        to_stdout(|out| print_all(out, std::iter::once(Ok(first)).chain(rest)))
    })
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
