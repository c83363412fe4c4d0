//! Exports: annotations out, in the formats other tools read. Read-only over the model.

pub mod brat;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod spacy;
pub mod w3c;
mod write;

pub use write::write_atomic;

use crate::annotate::Annotations;
use crate::annotate::{SourceKind, Summary};
use crate::article::Article;
use crate::cli::AnnotateArgs;
use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// An article with its annotations: what every exporter reads.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub article: Article,
    pub annotations: Annotations,
}

impl Annotated {
    pub fn new(article: Article) -> Self {
        let annotations = crate::annotate::annotate(&article);
        Annotated {
            article,
            annotations,
        }
    }

    /// A copy keeping only the sources of the given kinds (people stay as they are).
    pub fn only_kinds(&self, kinds: &[SourceKind]) -> Annotated {
        let mut a = self.clone();
        a.annotations.sources.retain(|s| kinds.contains(&s.kind));
        a.annotations.summary = Summary::of(&a.annotations.sources);
        a
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The full contract, one JSON document (an array for several articles).
    Json,
    /// One article per line.
    Jsonl,
    /// One row per source (or per person or mention, with --csv-table).
    Csv,
    /// brat standoff: the text, its .ann and annotation.conf, in a folder.
    Brat,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// spaCy / Prodigy JSONL with PERSON and SOURCE_<KIND> spans.
    Spacy,
    /// A readable sourcing report.
    Markdown,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Json,
        ExportFormat::Jsonl,
        ExportFormat::Csv,
        ExportFormat::Brat,
        ExportFormat::W3c,
        ExportFormat::Spacy,
        ExportFormat::Markdown,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Csv => "csv",
            ExportFormat::Brat => "brat",
            ExportFormat::W3c => "w3c",
            ExportFormat::Spacy => "spacy",
            ExportFormat::Markdown => "markdown",
        }
    }

    /// The file extension of a single-file export (brat writes a folder).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Jsonl | ExportFormat::Spacy => "jsonl",
            ExportFormat::Csv => "csv",
            ExportFormat::Brat => "brat",
            ExportFormat::W3c => "jsonld",
            ExportFormat::Markdown => "md",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvTable {
    Sources,
    People,
    Mentions,
}

/// Renders the articles in a single-file format as the text of one file.
pub fn render(
    items: &[Annotated],
    format: ExportFormat,
    csv_table: CsvTable,
    pretty: bool,
) -> Result<String> {
    let json_text = |v: &serde_json::Value| -> Result<String> {
        let mut s = if pretty {
            serde_json::to_string_pretty(v)?
        } else {
            serde_json::to_string(v)?
        };
        s.push('\n');
        Ok(s)
    };
    Ok(match format {
        ExportFormat::Json => {
            let values: Vec<_> = items.iter().map(json::to_value).collect();
            let value = if values.len() == 1 {
                values.into_iter().next().unwrap_or_default()
            } else {
                values.into()
            };
            json_text(&value)?
        }
        ExportFormat::Jsonl => items
            .iter()
            .map(|a| Ok(serde_json::to_string(&json::to_value(a))? + "\n"))
            .collect::<Result<String>>()?,
        ExportFormat::Csv => csv::render(items, csv_table)?,
        ExportFormat::Brat => match items {
            [one] => brat::ann(one),
            _ => bail!(
                "brat writes one .txt and .ann per article: pass -o FOLDER for several articles"
            ),
        },
        ExportFormat::W3c => json_text(&w3c::collection(items))?,
        ExportFormat::Spacy => spacy::render(items),
        ExportFormat::Markdown => markdown::render(items),
    })
}

/// Writes an export to `path`: a file, or for brat a folder with the text, the .ann
/// files and annotation.conf. Returns the files written.
pub fn write_export(
    items: &[Annotated],
    format: ExportFormat,
    csv_table: CsvTable,
    path: &Path,
    force: bool,
) -> Result<Vec<PathBuf>> {
    if format != ExportFormat::Brat {
        write_atomic(
            path,
            render(items, format, csv_table, true)?.as_bytes(),
            force,
        )?;
        return Ok(vec![path.to_path_buf()]);
    }
    std::fs::create_dir_all(path)
        .with_context(|| format!("{}: cannot create the folder", path.display()))?;
    let mut files = vec![(
        path.join("annotation.conf"),
        brat::ANNOTATION_CONF.to_string(),
    )];
    for a in items {
        let stem = Path::new(&a.article.name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("article")
            .to_string();
        files.push((path.join(format!("{stem}.txt")), a.article.text.clone()));
        files.push((path.join(format!("{stem}.ann")), brat::ann(a)));
    }
    if !force {
        if let Some((p, _)) = files.iter().find(|(p, _)| p.exists()) {
            bail!(
                "{}: already exists (pass --force to overwrite it)",
                p.display()
            );
        }
    }
    for (p, body) in &files {
        write_atomic(p, body.as_bytes(), true)?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// `onrecord annotate`: render and print, or write atomically.
pub fn run(items: &[Annotated], args: &AnnotateArgs) -> Result<()> {
    if items.is_empty() {
        bail!("no article to annotate");
    }
    // Only a filter needs copies of the articles.
    let filtered: Vec<Annotated>;
    let items = match &args.only {
        Some(kinds) => {
            filtered = items.iter().map(|a| a.only_kinds(kinds)).collect();
            &filtered
        }
        None => items,
    };
    match &args.output {
        None => {
            let out = render(items, args.format, args.csv_table, !args.compact)?;
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(out.as_bytes()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e.into());
                }
            }
            Ok(())
        }
        Some(path) => {
            for f in write_export(items, args.format, args.csv_table, path, args.force)? {
                eprintln!("onrecord: wrote {}", f.display());
            }
            Ok(())
        }
    }
}

/// A readable summary of each article, for a terminal that is no terminal.
pub fn summary_text(items: &[Annotated]) -> String {
    let mut out = String::new();
    for a in items {
        let m = &a.article.meta;
        out.push_str(&format!("{}\n", a.article.title_or_name()));
        let facts: Vec<String> = [
            m.outlet.clone(),
            m.date.clone(),
            Some(format!("{} paragraphs", a.article.paragraphs.len())),
        ]
        .into_iter()
        .flatten()
        .collect();
        out.push_str(&format!("  {}\n", facts.join(" · ")));
        out.push_str(&format!("  {}\n", a.annotations.summary.line()));
        let mut people: Vec<_> = a.annotations.people.iter().collect();
        people.sort_by_key(|p| std::cmp::Reverse(p.mentions.len()));
        let names: Vec<String> = people
            .iter()
            .take(5)
            .map(|p| format!("{} ({})", p.name, p.mentions.len()))
            .collect();
        if !names.is_empty() {
            out.push_str(&format!("  people: {}\n", names.join(", ")));
        }
        out.push('\n');
    }
    out
}
