//! The command line: `onrecord [PATH]...` opens the reader, `onrecord annotate` exports.

use anyhow::Result;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use onrecord::annotate::SourceKind;
use onrecord::article::corpus::CorpusFormat;
use onrecord::article::{Format, LoadOptions};
use onrecord::corrections::{Corrections, Place};
use onrecord::export::{CsvTable, ExportFormat};
use onrecord::pipeline::{ExportOptions, ReadOptions};
use onrecord::stats::{GroupBy, StatsFormat};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "onrecord",
    version = env!("ONRECORD_VERSION"),
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
    /// Keep corrections in this folder (at each article's own path) instead of beside
    /// the articles, for articles that may not be written to.
    #[arg(long, value_name = "DIR", global = true)]
    pub corrections: Option<PathBuf>,
    /// Show and export the annotator's own output, without the corrections.
    #[arg(long, global = true, conflicts_with = "corrections")]
    pub no_corrections: bool,
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
    /// How the inputs are to be read (`--input-format`, `--field`) and which corrections
    /// go on top (`--corrections`, `--no-corrections`).
    pub fn read_options(&self) -> Result<ReadOptions> {
        let corrections = match (&self.corrections, self.no_corrections) {
            (_, true) => Corrections::none(),
            (Some(dir), false) => Corrections::from(Place::Folder(dir.clone())),
            (None, false) => Corrections::from(Place::Beside),
        };
        Ok(ReadOptions {
            load: self.load_options()?,
            corrections,
        })
    }

    /// How the inputs are to be read, from `--input-format` and `--field`.
    fn load_options(&self) -> Result<LoadOptions> {
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
    /// Read back the edits made in brat to a folder `annotate --format brat` wrote, and
    /// add them to each article's corrections.
    #[command(
        name = "import-brat",
        after_help = "Examples:\n  onrecord annotate story.txt --format brat -o brat_out/\n  (edit brat_out/ in brat)\n  onrecord import-brat brat_out/\n  onrecord import-brat brat_out/ --corrections my_corrections/"
    )]
    ImportBrat(ImportBratArgs),
    /// How far the corrections agree with the annotator: sources and people kept,
    /// changed, removed and added, a kind table and the annotator's precision.
    #[command(
        after_help = "Examples:\n  onrecord diff story.txt\n  onrecord diff archive/ corpus.jsonl --format json\n  onrecord diff archive/ --corrections my_corrections/ --format csv > agreement.csv"
    )]
    Diff(DiffArgs),
    /// Print a completion script for a shell, e.g. `onrecord completions bash >
    /// ~/.local/share/bash-completion/completions/onrecord`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: crate::manual::Shell,
    },
    /// Print the manual page (roff), e.g. `onrecord man | man -l -`.
    Man,
}

#[derive(Debug, Args)]
pub struct ImportBratArgs {
    /// The brat folder: the .txt and .ann files, annotation.conf and the onrecord.toml
    /// manifest that says which article each pair is.
    pub folder: PathBuf,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Article files, corpus files (.jsonl, .csv) or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// An aligned table, or CSV or JSON for pandas and R.
    #[arg(long, short, value_parser = one_of::<StatsFormat>(), default_value = "table")]
    pub format: StatsFormat,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Article files, corpus files (.jsonl, .csv) or folders; `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// What each row stands for.
    #[arg(long, value_parser = one_of::<GroupBy>(), default_value = "outlet")]
    pub by: GroupBy,
    /// An aligned table, or CSV or JSON for pandas and R.
    #[arg(long, short, value_parser = one_of::<StatsFormat>(), default_value = "table")]
    pub format: StatsFormat,
}

#[derive(Debug, Args)]
pub struct AnnotateArgs {
    /// Article files, corpus files (.jsonl, .csv) or folders; `-` reads standard input
    /// (one article, or JSONL articles, one per line, streamed).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_parser = one_of::<ExportFormat>(), default_value = "json")]
    pub format: ExportFormat,
    /// Write to this file instead of stdout; or one file per article into this folder
    /// (created if missing) when it is a folder, ends in '/', or, for several articles,
    /// has no extension. brat always writes a folder.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
    /// Which table the CSV export gives.
    #[arg(long, value_parser = one_of::<CsvTable>(), default_value = "sources")]
    pub csv_table: CsvTable,
    /// JSON on one line instead of pretty-printed.
    #[arg(long)]
    pub compact: bool,
    /// Keep only sources of these kinds (comma-separated).
    #[arg(long, value_parser = one_of::<SourceKind>(), value_delimiter = ',')]
    pub only: Option<Vec<SourceKind>>,
}

impl AnnotateArgs {
    /// What the export is to be, as the library takes it.
    pub fn export_options(&self) -> ExportOptions {
        ExportOptions {
            format: self.format,
            output: self.output.clone(),
            force: self.force,
            csv_table: self.csv_table,
            pretty: !self.compact,
            only: self.only.clone(),
        }
    }
}

/// A value parser for one of a library enum's values: its names, and the help of each
/// (its doc comment), come from the enum itself, so the library needs no clap.
fn one_of<T>() -> impl TypedValueParser<Value = T>
where
    T: strum::IntoEnumIterator + strum::EnumMessage + Into<&'static str>,
    T: std::str::FromStr<Err = strum::ParseError> + Clone + Send + Sync + 'static,
{
    let values = T::iter().map(|value| {
        // clap leaves out a doc comment's closing full stop; so do we.
        let help = value
            .get_documentation()
            .map(|h| h.trim_end().trim_end_matches('.'));
        let name: &'static str = value.into();
        match help {
            Some(help) => PossibleValue::new(name).help(help),
            None => PossibleValue::new(name),
        }
    });
    PossibleValuesParser::new(values).try_map(|name| name.parse::<T>())
}
