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
pub mod temporaries;
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
    let mut folder = BratFolder::create(path, force, only)?;
    for a in items {
        folder.add(a)?;
    }
    folder.finish()
}

/// A brat folder being written. Its files go into a temporary folder beside it, which
/// is moved into place whole at the end; where the folder is there already, its files
/// are moved in one by one, none replacing a file without `--force` (and without it, on
/// a refusal, those moved in already are taken out again). An export that stops midway,
/// on an error or a signal, leaves no folder and no file of its own behind.
pub struct BratFolder {
    path: PathBuf,
    force: bool,
    staging: tempfile::TempDir,
    registered: temporaries::Registered,
    stems: UniqueStems,
    manifest: brat::Manifest,
    /// The files written, by name, in the order written.
    files: Vec<String>,
}

impl BratFolder {
    /// Starts the folder at `path` (its parent folders are created if missing).
    pub fn create(
        path: &Path,
        force: bool,
        only: Option<&[crate::annotate::SourceKind]>,
    ) -> Result<Self> {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or(ExportError::NoFileName)?;
        let parent = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .map_err(ExportError::file(parent, "cannot create the folder"))?;
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempdir_in(parent)
            .map_err(ExportError::file(
                parent,
                "cannot create a temporary folder",
            ))?;
        let registered = temporaries::register(staging.path());
        let mut folder = BratFolder {
            path: path.to_path_buf(),
            force,
            staging,
            registered,
            stems: UniqueStems::default(),
            manifest: brat::Manifest {
                base: std::env::current_dir().ok(),
                only: only.map(<[_]>::to_vec),
                articles: Default::default(),
            },
            files: Vec::new(),
        };
        folder.write("annotation.conf", brat::annotation_conf().as_bytes())?;
        Ok(folder)
    }

    /// Adds an article's text and `.ann`.
    pub fn add(&mut self, a: &Annotated) -> Result<()> {
        // The reader's filtered export says it is filtered as `--only` does.
        if let (None, Some(f)) = (&self.manifest.only, &a.annotations.filter) {
            self.manifest.only = Some(f.only.clone());
        }
        let stem = self.stems.next(&a.article.name);
        self.write(&format!("{stem}.txt"), a.article.text.as_bytes())?;
        self.write(&format!("{stem}.ann"), brat::ann(a).as_bytes())?;
        self.manifest.articles.insert(stem, a.article.name.clone());
        Ok(())
    }

    /// Writes the manifest and puts the folder in place; returns the files written.
    pub fn finish(mut self) -> Result<Vec<PathBuf>> {
        let manifest = self.manifest.to_toml();
        self.write(brat::MANIFEST, manifest.as_bytes())?;
        let (staging, path, force) = (self.staging.path(), &self.path, self.force);
        let files = &self.files;
        self.registered
            .place(|| move_into_place(staging, path, files, force))?;
        Ok(self.files.iter().map(|f| self.path.join(f)).collect())
    }

    fn write(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        if !self.force {
            // Refused as soon as it is known, not after every article is annotated.
            refuse_existing(&self.path.join(name))?;
        }
        let file = self.staging.path().join(name);
        write_synced(&file, bytes).map_err(ExportError::file(&file, "cannot write"))?;
        self.files.push(name.to_string());
        Ok(())
    }
}

fn write_synced(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::File::create(file)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Moves the finished temporary folder to `path`, or where a folder is there, its files.
fn move_into_place(staging: &Path, path: &Path, files: &[String], force: bool) -> Result<()> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::fs::rename(staging, path)
            .map_err(ExportError::file(
                path,
                "cannot move the new folder into place",
            )),
        Ok(meta) if meta.is_dir() => move_files_in(staging, path, files, force),
        Ok(_) => Err(ExportError::NotAFolder(path.to_path_buf())),
        Err(e) => Err(ExportError::file(path, "cannot read the folder")(e)),
    }
}

/// Moves each file into the folder at `path`; without `force`, none replaces a file, and
/// on a refusal those moved in already are taken out again.
fn move_files_in(staging: &Path, path: &Path, files: &[String], force: bool) -> Result<()> {
    let mut moved: Vec<PathBuf> = Vec::new();
    for name in files {
        let (from, to) = (staging.join(name), path.join(name));
        let placed = match force {
            true => std::fs::rename(&from, &to),
            false => move_no_clobber(&from, &to),
        };
        if let Err(e) = placed {
            moved.iter().for_each(|m| drop(std::fs::remove_file(m)));
            return Err(match e.kind() {
                std::io::ErrorKind::AlreadyExists => ExportError::Exists(to),
                _ => ExportError::file(&to, "cannot move the new file into place")(e),
            });
        }
        moved.push(to);
    }
    Ok(())
}

/// A move that fails when `to` exists: a hard link (which never replaces), then the
/// temporary name removed.
fn move_no_clobber(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::hard_link(from, to)?;
    std::fs::remove_file(from)
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
