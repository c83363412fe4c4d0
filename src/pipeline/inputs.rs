//! Inputs: the files and folders a command line names, expanded into jobs (a file, or
//! one record of a corpus file) that are loaded one at a time, as they are taken.

use super::{Error, Notify, Report, Result};
use crate::annotate::Annotated;
use crate::article::corpus::{self, CorpusFormat, Records};
use crate::article::{self, Article, Format, LoadError, LoadOptions};
use crate::corrections::Corrections;
use std::path::{Path, PathBuf};

/// A file to load, and whether it was found in a folder (so it may be skipped).
pub struct Input {
    pub path: PathBuf,
    pub from_folder: bool,
}

/// Expands folders into the article files in them and in their subfolders, in name order
/// folder by folder. Hidden files and folders are left out; a subfolder that cannot be
/// read is skipped with a warning; a folder with no article file goes to `report`.
pub fn expand_paths(paths: &[PathBuf], report: &Report) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(Input {
                path: p.clone(),
                from_folder: false,
            });
            continue;
        }
        let files = match article_files_under(p, report) {
            Ok(files) if files.is_empty() => {
                report.failure(Error::EmptyFolder(p.clone()))?;
                continue;
            }
            Ok(files) => files,
            Err(e) => {
                report.failure(e)?;
                continue;
            }
        };
        out.extend(files.into_iter().map(|path| Input {
            path,
            from_folder: true,
        }));
    }
    Ok(out)
}

/// The article files under a folder, walked depth first in name order. Symbolic links
/// are followed; a link that loops back is reported and skipped.
fn article_files_under(folder: &Path, report: &Report) -> Result<Vec<PathBuf>> {
    let walk = walkdir::WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    let mut files = Vec::new();
    for entry in walk {
        match entry {
            Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => {
                files.push(e.into_path());
            }
            Ok(_) => {}
            Err(source) if source.depth() == 0 => {
                let path = folder.to_path_buf();
                return Err(Error::Folder { path, source });
            }
            Err(e) => report.warning(format!("skipped {e}")),
        }
    }
    Ok(files)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn is_article_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    !name.starts_with('.')
        && (matches!(
            ext.as_str(),
            "txt" | "md" | "markdown" | "html" | "htm" | "text" | ""
        ) || CorpusFormat::of_path(path).is_some())
}

/// What became of one input.
pub enum Loaded<T> {
    /// Loaded, with warnings to print (lossy decoding).
    Done { value: T, warnings: Vec<String> },
    /// A file found in a folder that could not be loaded: skipped with a warning.
    Skipped(LoadError),
    /// A file named on the command line that could not be loaded: an error.
    Failed(LoadError),
}

impl<T> Loaded<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Loaded<U> {
        self.map_warning(|value, _| f(value))
    }

    /// Like [`Loaded::map`], for a step that may add warnings of its own.
    pub fn map_warning<U>(self, f: impl FnOnce(T, &mut Vec<String>) -> U) -> Loaded<U> {
        match self {
            Loaded::Done {
                value,
                mut warnings,
            } => Loaded::Done {
                value: f(value, &mut warnings),
                warnings,
            },
            Loaded::Skipped(e) => Loaded::Skipped(e),
            Loaded::Failed(e) => Loaded::Failed(e),
        }
    }
}

/// The inputs `paths` name (folders expanded) whose files are there to be read, checked
/// before any output so that a streamed export does not stop halfway for a mistyped
/// name. The others are reported (or, for a lone input, are the error).
pub fn readable_inputs(
    paths: &[PathBuf],
    options: &LoadOptions,
    report: &Report,
) -> Result<Vec<Input>> {
    let inputs = expand_paths(paths, report)?;
    let mut kept = Vec::with_capacity(inputs.len());
    for input in inputs {
        let check = match corpus_format_of_file(&input.path, options) {
            Some(_) => article::check_corpus_file(&input.path),
            None => article::check_file(&input.path),
        };
        match (input.from_folder, check) {
            (true, _) | (false, Ok(())) => kept.push(input),
            (false, Err(e)) => report.failure(e)?,
        }
    }
    if kept.is_empty() {
        return Err(Error::NoArticle);
    }
    Ok(kept)
}

/// One unit of work: a file to load, or one record of a corpus file.
pub enum Job {
    File(Input),
    Record(Result<corpus::Record, LoadError>),
    /// A corpus file that could not be opened.
    Unreadable {
        error: LoadError,
        from_folder: bool,
    },
}

/// The jobs for `inputs`: corpus files are read a record at a time, as the jobs are
/// taken, so a corpus of any size streams.
pub fn jobs<'a>(
    inputs: Vec<Input>,
    options: &'a LoadOptions,
) -> impl Iterator<Item = Job> + Send + 'a {
    inputs
        .into_iter()
        .flat_map(move |input| -> Box<dyn Iterator<Item = Job> + Send> {
            match open_corpus(&input, options) {
                None => Box::new(std::iter::once(Job::File(input))),
                Some(Ok(records)) => Box::new(records.map(Job::Record)),
                Some(Err(error)) => Box::new(std::iter::once(Job::Unreadable {
                    error,
                    from_folder: input.from_folder,
                })),
            }
        })
}

/// The corpus format of a file, from `--input-format` or its extension (standard input
/// has none until it is read).
pub fn corpus_format_of_file(path: &Path, options: &LoadOptions) -> Option<CorpusFormat> {
    if article::is_stdin(path) {
        return None;
    }
    options.corpus.or_else(|| CorpusFormat::of_path(path))
}

/// The records of `input` when it is a corpus: a corpus file, or standard input that
/// opens with a JSON object (or is named one by `--input-format`).
fn open_corpus(input: &Input, options: &LoadOptions) -> Option<Result<Records<Reader>, LoadError>> {
    use std::io::{BufRead, BufReader, IsTerminal};
    let path = &input.path;
    if article::is_stdin(path) {
        if std::io::stdin().is_terminal() {
            return None; // loading it says why it cannot be read
        }
        let format = match options.corpus {
            Some(format) => format,
            None if options.format.is_some() => return None,
            // A peek: what is looked at stays in standard input's buffer.
            None => CorpusFormat::of_content(std::io::stdin().lock().fill_buf().ok()?)?,
        };
        let reader: Reader = Box::new(BufReader::new(std::io::stdin()));
        return Some(Records::new(reader, article::STDIN_NAME, format));
    }
    let format = corpus_format_of_file(path, options)?;
    let name = path.display().to_string();
    let opened = std::fs::File::open(path).map_err(|e| LoadError::io(path, e));
    Some(opened.and_then(|file| {
        let reader: Reader = Box::new(BufReader::with_capacity(1 << 16, file));
        Records::new(reader, &name, format)
    }))
}

/// Where a corpus is read from: a file or standard input, handed between threads.
type Reader = Box<dyn std::io::BufRead + Send>;

/// Loads what a job names: a file (which, named on the command line, must load) or a
/// record (skipped with a warning when it holds no article).
pub fn load_job(job: Job, options: &LoadOptions) -> Loaded<Article> {
    match job {
        Job::File(input) => load_input(input, options.format),
        Job::Record(Ok(record)) => match corpus::article(record, &options.fields) {
            Ok(value) => Loaded::Done {
                value,
                warnings: Vec::new(),
            },
            Err(e) => Loaded::Skipped(e),
        },
        Job::Record(Err(e)) => Loaded::Skipped(e),
        Job::Unreadable { error, from_folder } => match from_folder {
            true => Loaded::Skipped(error),
            false => Loaded::Failed(error),
        },
    }
}

/// Reads and parses one input. A file named on the command line must load.
pub fn load_input(input: Input, format: Option<Format>) -> Loaded<Article> {
    match article::load_file(&input.path, format) {
        Ok((value, warnings)) => Loaded::Done { value, warnings },
        Err(e) if input.from_folder => Loaded::Skipped(e),
        Err(e) => Loaded::Failed(e),
    }
}

/// The loaded values in order, with each one's warnings and each skipped file reported
/// as it comes; a failure goes to `report`, which may stop the run.
pub fn loaded_in_order<'a, T: 'a>(
    outcomes: impl Iterator<Item = Loaded<T>> + 'a,
    report: &'a Report<'a>,
) -> impl Iterator<Item = Result<T>> + 'a {
    outcomes.filter_map(move |outcome| match outcome {
        Loaded::Done { value, warnings } => {
            for w in warnings {
                report.warning(w);
            }
            Some(Ok(value))
        }
        Loaded::Skipped(e) => {
            report.warning(format!("skipped {e}"));
            None
        }
        Loaded::Failed(e) => report.failure(e).err().map(Err),
    })
}

/// Loads each path, with warnings going to `notify`. A file named on the command line
/// must load; a file found in a folder that cannot be read is skipped with a warning.
pub fn load_all(paths: &[PathBuf], options: &LoadOptions, notify: Notify) -> Result<Vec<Article>> {
    let report = Report::for_paths(paths, notify);
    let inputs = expand_paths(paths, &report)?;
    let outcomes = jobs(inputs, options).map(|job| load_job(job, options));
    let articles: Vec<Article> = loaded_in_order(outcomes, &report).collect::<Result<_>>()?;
    if articles.is_empty() {
        return Err(Error::NoArticle);
    }
    report.finish()?;
    Ok(articles)
}

/// The bundled samples, parsed.
pub fn load_samples(format: Option<Format>) -> Result<Vec<Article>> {
    crate::samples::SAMPLES
        .iter()
        .map(|(name, bytes)| Ok(article::parse_bytes(name, bytes, format)?.0))
        .collect()
}

/// How a run reads its inputs: how articles are loaded, and which corrections go on top
/// of each annotation. It derefs to the load options, which most steps need alone.
#[derive(Debug, Default)]
pub struct ReadOptions {
    pub load: LoadOptions,
    pub corrections: Corrections,
}

impl std::ops::Deref for ReadOptions {
    type Target = LoadOptions;

    fn deref(&self) -> &LoadOptions {
        &self.load
    }
}

/// An article annotated, with its corrections applied; what they could not apply is
/// added to the warnings.
pub fn annotated(
    article: Article,
    corrections: &Corrections,
    warnings: &mut Vec<String>,
) -> Annotated {
    let mut a = Annotated::new(article);
    warnings.extend(corrections.apply_to(&mut a));
    a
}

/// Loads what a job names and annotates it, corrections applied.
pub fn annotated_job(job: Job, options: &ReadOptions) -> Loaded<Annotated> {
    load_job(job, options)
        .map_warning(|article, warnings| annotated(article, &options.corrections, warnings))
}
