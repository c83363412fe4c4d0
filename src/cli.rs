//! The command line: `onrecord [PATH]...` opens the reader, `onrecord annotate` exports.

use crate::article::corpus::{self, CorpusFormat, Records};
use crate::article::{self, Article, Format, LoadError, LoadOptions};
use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Debug, Parser)]
#[command(
    name = "onrecord",
    version,
    about = "Read political news and see who is named, and who speaks on the record",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  onrecord                      open the bundled sample articles\n  onrecord story.txt notes/     open files, and every article in a folder\n  onrecord annotate story.txt --format json\n  onrecord --summary story.html print each article's sourcing summary\n  curl -s URL | onrecord -      read a page from a pipe (keys still come from the terminal)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open (files or folders; `-` reads one from standard input); none opens
    /// the bundled samples.
    pub paths: Vec<PathBuf>,
    /// Read every file as this format instead of detecting it (jsonl and csv: a corpus
    /// with one article per record).
    #[arg(long, value_enum, global = true)]
    pub input_format: Option<InputFormat>,
    /// In a JSONL or CSV corpus, the field that holds text, title, date, outlet, url or
    /// authors, when it is not one of the usual names (repeatable).
    #[arg(long = "field", value_name = "KEY=NAME", global = true)]
    pub fields: Vec<String>,
    /// Colour theme: a bundled name (dark, light, high-contrast, mono) or a TOML file.
    #[arg(long)]
    pub theme: Option<String>,
    /// Print each article's summary instead of opening the reader.
    #[arg(long)]
    pub summary: bool,
}

/// The formats `--input-format` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Title line, blank line, paragraphs.
    Plain,
    /// A news-dataset dump: URL, title, keywords, date, id, then the body on one line.
    Dump,
    /// Markdown with a `+++` TOML front matter block.
    Markdown,
    /// A saved HTML news page.
    Html,
    /// A corpus: one JSON object per line, each an article.
    Jsonl,
    /// A corpus: a header row, then one article per row.
    Csv,
}

impl Cli {
    /// How the inputs are to be read, from `--input-format` and `--field`.
    pub fn load_options(&self) -> Result<LoadOptions> {
        let mut options = LoadOptions::default();
        match self.input_format {
            None => {}
            Some(InputFormat::Plain) => options.format = Some(Format::Plain),
            Some(InputFormat::Dump) => options.format = Some(Format::Dump),
            Some(InputFormat::Markdown) => options.format = Some(Format::Markdown),
            Some(InputFormat::Html) => options.format = Some(Format::Html),
            Some(InputFormat::Jsonl) => options.corpus = Some(CorpusFormat::Jsonl),
            Some(InputFormat::Csv) => options.corpus = Some(CorpusFormat::Csv),
        }
        for choice in &self.fields {
            options.fields.name(choice).map_err(anyhow::Error::msg)?;
        }
        Ok(options)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Annotate articles and print (or write) the annotations.
    #[command(
        after_help = "Examples:\n  onrecord annotate story.txt --format json\n  onrecord annotate corpus/ --format jsonl -o all.jsonl\n  onrecord annotate story.txt --format csv --csv-table people\n  onrecord annotate story.txt --format brat -o brat_out/"
    )]
    Annotate(AnnotateArgs),
    /// Sourcing figures of a corpus, one row per outlet, year, month, author, person or
    /// source kind.
    #[command(
        after_help = "Examples:\n  onrecord stats archive/ --by outlet\n  onrecord stats corpus.jsonl --by month --format csv > months.csv\n  onrecord stats corpus.jsonl --by person"
    )]
    Stats(StatsArgs),
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Article files, corpus files (.jsonl, .csv) or folders; `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// What each row stands for.
    #[arg(long, value_enum, default_value = "outlet")]
    pub by: StatsBy,
    /// An aligned table, or CSV or JSON for pandas and R.
    #[arg(long, short, value_enum, default_value = "table")]
    pub format: StatsOutput,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsBy {
    Outlet,
    Year,
    Month,
    Author,
    /// Each person named across the corpus (names joined across articles).
    Person,
    /// Each source kind.
    Kind,
}

impl StatsBy {
    pub fn group_by(self) -> crate::stats::GroupBy {
        use crate::stats::GroupBy;
        match self {
            StatsBy::Outlet => GroupBy::Outlet,
            StatsBy::Year => GroupBy::Year,
            StatsBy::Month => GroupBy::Month,
            StatsBy::Author => GroupBy::Author,
            StatsBy::Person => GroupBy::Person,
            StatsBy::Kind => GroupBy::Kind,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsOutput {
    Table,
    Csv,
    Json,
}

impl StatsOutput {
    pub fn format(self) -> crate::stats::StatsFormat {
        use crate::stats::StatsFormat;
        match self {
            StatsOutput::Table => StatsFormat::Table,
            StatsOutput::Csv => StatsFormat::Csv,
            StatsOutput::Json => StatsFormat::Json,
        }
    }
}

#[derive(Debug, Args)]
pub struct AnnotateArgs {
    /// Article files, corpus files (.jsonl, .csv) or folders; `-` reads standard input
    /// (one article, or JSONL articles, one per line, streamed).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "json")]
    pub format: crate::export::ExportFormat,
    /// Write to this file instead of stdout; or one file per article into this folder
    /// (created if missing) when it is a folder, ends in '/', or, for several articles,
    /// has no extension. brat always writes a folder.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
    /// Which table the CSV export gives.
    #[arg(long, value_enum, default_value = "sources")]
    pub csv_table: crate::export::CsvTable,
    /// JSON on one line instead of pretty-printed.
    #[arg(long)]
    pub compact: bool,
    /// Keep only sources of these kinds (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub only: Option<Vec<crate::annotate::SourceKind>>,
}

/// A file to load, and whether it was found in a folder (so it may be skipped).
pub struct Input {
    pub path: PathBuf,
    pub from_folder: bool,
}

/// Expands folders into the article files in them and in their subfolders, in name order
/// folder by folder. Hidden files and folders are left out; a subfolder that cannot be
/// read is skipped with a warning; a folder with no article file goes to `failures`.
pub fn expand_paths(paths: &[PathBuf], failures: &Failures) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(Input {
                path: p.clone(),
                from_folder: false,
            });
            continue;
        }
        let files = match article_files_under(p) {
            Ok(files) if files.is_empty() => {
                let reason = "the folder holds no article files (.txt, .md, .html, .jsonl, .csv)";
                failures.report(anyhow::anyhow!("{}: {reason}", p.display()))?;
                continue;
            }
            Ok(files) => files,
            Err(e) => {
                failures.report(e)?;
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
fn article_files_under(folder: &Path) -> Result<Vec<PathBuf>> {
    let walk = walkdir::WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    let mut files = Vec::new();
    for entry in walk {
        match entry {
            Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => {
                files.push(e.into_path())
            }
            Ok(_) => {}
            Err(e) if e.depth() == 0 => {
                return Err(e)
                    .with_context(|| format!("{}: cannot list the folder", folder.display()))
            }
            Err(e) => eprintln!("onrecord: warning: skipped {e}"),
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
        match self {
            Loaded::Done { value, warnings } => Loaded::Done {
                value: f(value),
                warnings,
            },
            Loaded::Skipped(e) => Loaded::Skipped(e),
            Loaded::Failed(e) => Loaded::Failed(e),
        }
    }
}

/// How a run treats an input it cannot read. With one input, that is the run's error.
/// With several, each is reported as it comes, the others still load, and the run ends
/// with a failing status (`finish`), as `grep` and `rg` do with a missing file.
pub struct Failures {
    several: bool,
    count: AtomicUsize,
}

impl Failures {
    /// The policy for a command line naming `paths` files or folders.
    pub fn for_paths(paths: &[PathBuf]) -> Self {
        Failures {
            several: paths.len() > 1,
            count: AtomicUsize::new(0),
        }
    }

    /// Reports a failure, or returns it when it should end the run.
    pub fn report(&self, error: impl Into<anyhow::Error>) -> Result<()> {
        let error = error.into();
        if !self.several {
            return Err(error);
        }
        eprintln!("onrecord: error: {error:#}");
        self.count.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// The run's result once everything else is done: an error if any input failed.
    pub fn finish(&self) -> Result<()> {
        match self.count.load(Ordering::Relaxed) {
            0 => Ok(()),
            1 => bail!("1 input could not be read (see above)"),
            n => bail!("{n} inputs could not be read (see above)"),
        }
    }
}

/// The inputs whose files are there to be read, checked before any output so that a
/// streamed export does not stop halfway for a mistyped name. The others are
/// reported (or, for a lone input, are the error).
pub fn readable_inputs(
    inputs: Vec<Input>,
    options: &LoadOptions,
    failures: &Failures,
) -> Result<Vec<Input>> {
    let mut kept = Vec::with_capacity(inputs.len());
    for input in inputs {
        let check = match corpus_format_of_file(&input.path, options) {
            Some(_) => article::check_corpus_file(&input.path),
            None => article::check_file(&input.path),
        };
        match (input.from_folder, check) {
            (true, _) | (false, Ok(())) => kept.push(input),
            (false, Err(e)) => failures.report(e)?,
        }
    }
    if kept.is_empty() {
        bail!(NO_ARTICLE);
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

/// The loaded values in order, printing each one's warnings to stderr as it comes and
/// noting skipped files there; a failure goes to `failures`, which may stop the run.
pub fn loaded_in_order<'a, T: 'a>(
    outcomes: impl Iterator<Item = Loaded<T>> + 'a,
    failures: &'a Failures,
) -> impl Iterator<Item = Result<T>> + 'a {
    outcomes.filter_map(move |outcome| match outcome {
        Loaded::Done { value, warnings } => {
            for w in warnings {
                eprintln!("onrecord: warning: {w}");
            }
            Some(Ok(value))
        }
        Loaded::Skipped(e) => {
            eprintln!("onrecord: warning: skipped {e}");
            None
        }
        Loaded::Failed(e) => failures.report(e).err().map(Err),
    })
}

/// Loads each path, printing decoding warnings to stderr. A file named on the command
/// line must load; a file found in a folder that cannot be read is skipped with a warning.
pub fn load_all(paths: &[PathBuf], options: &LoadOptions) -> Result<Vec<Article>> {
    let failures = Failures::for_paths(paths);
    let inputs = expand_paths(paths, &failures)?;
    let outcomes = jobs(inputs, options).map(|job| load_job(job, options));
    let articles: Vec<Article> = loaded_in_order(outcomes, &failures).collect::<Result<_>>()?;
    if articles.is_empty() {
        bail!(NO_ARTICLE);
    }
    failures.finish()?;
    Ok(articles)
}

/// The error when every file was skipped.
pub const NO_ARTICLE: &str = "no article could be loaded";

/// The bundled samples, parsed.
pub fn load_samples(format: Option<Format>) -> Result<Vec<Article>> {
    crate::samples::SAMPLES
        .iter()
        .map(|(name, bytes)| Ok(article::parse_bytes(name, bytes, format)?.0))
        .collect()
}
