//! Exports: annotations out, in the formats other tools read. Read-only over the model.

pub mod brat;
pub mod csv;
mod error;
pub mod json;
mod json_array;
pub mod markdown;
pub mod spacy;
pub mod sqlite;
pub mod stream;
pub mod w3c;
mod write;

pub use error::{ExportError, Result};
pub use write::{refuse_existing, write_atomic, write_atomic_with};

use crate::annotate::Annotated;
use crate::sanitize::clean;
use std::path::{Path, PathBuf};
use stream::{ExportWriter, Style};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
    strum::EnumMessage,
)]
#[strum(serialize_all = "lowercase")]
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
    /// A SQLite database (with -o FILE): articles, paragraphs, persons, people,
    /// mentions and sources; run again to add new articles.
    Sqlite,
}

impl ExportFormat {
    /// The formats of a single article's export (the reader offers these; a database
    /// is for corpora).
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
        self.into()
    }

    /// Whether the export is written differently for one article and for several
    /// (one JSON object or an array; brat's files or a folder).
    pub fn depends_on_count(self) -> bool {
        matches!(self, ExportFormat::Json | ExportFormat::Brat)
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
            ExportFormat::Sqlite => "db",
        }
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
    strum::EnumMessage,
)]
#[strum(serialize_all = "lowercase")]
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
    let style = Style {
        format,
        csv_table,
        pretty,
    };
    let mut out = Vec::new();
    write_items(&mut out, items, style)?;
    Ok(String::from_utf8(out)?)
}

/// Streams the articles' export into `out`. No article, like several, is an array.
fn write_items(out: &mut dyn std::io::Write, items: &[Annotated], style: Style) -> Result<()> {
    let mut export = ExportWriter::begin(out, style, items.len() != 1)?;
    for a in items {
        export.push_article(a)?;
    }
    export.finish()?;
    Ok(())
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
        let style = Style {
            format,
            csv_table,
            pretty: true,
        };
        write_atomic_with(path, force, |out| write_items(out, items, style))?;
        return Ok(vec![path.to_path_buf()]);
    }
    write_brat(items, path, force, None)
}

/// Writes a brat folder: `annotation.conf`, each article's text verbatim and its
/// `.ann`, and the manifest ([`brat::Manifest`]) that says which article each pair is,
/// so that `onrecord import-brat` can read the edits back. `only`: the kinds the sources
/// were filtered to. Returns the files written.
pub fn write_brat(
    items: &[Annotated],
    path: &Path,
    force: bool,
    only: Option<&[crate::annotate::SourceKind]>,
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(path).map_err(ExportError::file(path, "cannot create the folder"))?;
    let mut files = vec![(path.join("annotation.conf"), brat::annotation_conf())];
    let mut stems = UniqueStems::default();
    let mut manifest = brat::Manifest {
        base: std::env::current_dir().ok(),
        only: only.map(<[_]>::to_vec),
        articles: Default::default(),
    };
    for a in items {
        let stem = stems.next(&a.article.name);
        files.push((path.join(format!("{stem}.txt")), a.article.text.clone()));
        files.push((path.join(format!("{stem}.ann")), brat::ann(a)));
        manifest.articles.insert(stem, a.article.name.clone());
    }
    files.push((path.join(brat::MANIFEST), manifest.to_toml()));
    if !force {
        for (p, _) in &files {
            refuse_existing(p)?;
        }
    }
    for (p, body) in &files {
        write_atomic(p, body.as_bytes(), force)?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// File name stems for articles, in the order they come: the article file's stem, with
/// a corpus record's line ("corpus-17"), made unique with "-2", "-3"… where two
/// articles in different folders share a name.
#[derive(Default)]
pub struct UniqueStems {
    seen: std::collections::HashMap<String, usize>,
}

impl UniqueStems {
    pub fn next(&mut self, article_name: &str) -> String {
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

/// A readable summary of each article, for a terminal that is no terminal.
pub fn summary_text(items: &[Annotated]) -> String {
    items.iter().map(summary_of).collect()
}

/// The summary of one article: title, facts, sources and the most named people.
pub fn summary_of(a: &Annotated) -> String {
    let mut out = String::new();
    let m = &a.article.meta;
    // Article text is cleaned of control characters: a summary is read in a terminal.
    out.push_str(&format!("{}\n", clean(a.article.title_or_name())));
    let facts: Vec<String> = [
        m.outlet.as_deref().map(clean),
        m.byline().as_deref().map(clean),
        m.date.as_deref().map(clean),
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
        .map(|p| format!("{} ({})", clean(&p.name), p.mentions.len()))
        .collect();
    if !names.is_empty() {
        out.push_str(&format!("  people: {}\n", names.join(", ")));
    }
    out.push('\n');
    out
}
