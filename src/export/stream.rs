//! Exports written an article at a time: each article's part is rendered on its own
//! (on any thread), then written in input order inside the head and tail its format needs.

use super::error::{ExportError, Result};
use super::json_array::JsonArray;
use super::{brat, csv, json, markdown, spacy, w3c, Annotated, CsvTable, ExportFormat};
use crate::annotate::SourceKind;
use std::io::Write;

/// How an export is rendered.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub format: ExportFormat,
    pub csv_table: CsvTable,
    /// Pretty-printed JSON rather than one line.
    pub pretty: bool,
}

/// One article's part of an export.
pub enum Piece {
    /// Rendered already (on the thread that annotated it): its text, or for W3C one JSON
    /// document per annotation.
    Rendered {
        parts: Vec<Vec<u8>>,
        /// The kinds the article's sources were filtered to, if they were.
        only: Option<Vec<SourceKind>>,
    },
    /// A large article in a JSON format, to be written straight into the output when its
    /// turn comes, so that its export (several times the article) is never in memory.
    Article(Box<Annotated>),
}

/// From this many bytes of text and content on, an article's JSON, JSONL or W3C export
/// is written straight to the output rather than rendered ahead on the thread pool.
/// Smaller ones are rendered ahead, so that a corpus is rendered on every core.
const WRITE_IN_PLACE_FROM: usize = 1 << 20;

/// What most of an article's JSON export is: its text, and each source's content, whose
/// text the export repeats (contents may overlap, so a short text can have many).
fn export_bulk(a: &Annotated) -> usize {
    let contents: usize = (a.annotations.sources.iter())
        .filter_map(|s| s.content)
        .map(|c| c.len())
        .sum();
    a.article.text.len() + contents
}

impl Style {
    /// The article's part of the export: rendered now, or for a large article in a JSON
    /// format, the article itself, to be written in place.
    pub fn piece(&self, a: Annotated) -> Result<Piece> {
        if self.writes_in_place() && export_bulk(&a) >= WRITE_IN_PLACE_FROM {
            return Ok(Piece::Article(Box::new(a)));
        }
        self.rendered(&a)
    }

    /// The formats that [`ExportWriter::push_article`] writes straight into the output.
    fn writes_in_place(&self) -> bool {
        matches!(
            self.format,
            ExportFormat::Json | ExportFormat::Jsonl | ExportFormat::W3c
        )
    }

    fn rendered(&self, a: &Annotated) -> Result<Piece> {
        let only = || a.annotations.filter.as_ref().map(|f| f.only.clone());
        let rendered = |parts| Piece::Rendered {
            parts,
            only: only(),
        };
        let whole = |text: Vec<u8>| rendered(vec![text]);
        Ok(match self.format {
            ExportFormat::Json => {
                let mut out = Vec::new();
                json::write(a, &mut out, self.pretty)?;
                whole(out)
            }
            ExportFormat::Jsonl => {
                let mut out = Vec::new();
                json::write(a, &mut out, false)?;
                out.push(b'\n');
                whole(out)
            }
            ExportFormat::Csv => whole(csv::rows_of(a, self.csv_table)?),
            ExportFormat::Brat => whole(brat::ann(a).into_bytes()),
            ExportFormat::W3c => rendered(w3c::items(a, self.pretty)?),
            ExportFormat::Spacy => whole(spacy::line(a)?),
            ExportFormat::Markdown => whole(markdown::report(a).into_bytes()),
            ExportFormat::Sqlite => return Err(ExportError::NeedsDatabaseFile),
        })
    }
}

/// An export under way into `out`.
pub struct ExportWriter<W: Write> {
    out: W,
    style: Style,
    articles: usize,
    /// The open array: the articles of a JSON export of several, or W3C's items.
    array: Option<JsonArray>,
    /// The kinds the sources were filtered to, when they were.
    only: Option<Vec<SourceKind>>,
}

impl<W: Write> ExportWriter<W> {
    /// Writes the head of the export. `several` says whether other than exactly one
    /// article follows: one JSON article is an object, several an array.
    pub fn begin(mut out: W, style: Style, several: bool) -> Result<Self> {
        let array = match style.format {
            ExportFormat::Json if several => Some(JsonArray::open(&mut out, 0, style.pretty)?),
            ExportFormat::Brat if several => return Err(ExportError::NeedsFolder),
            ExportFormat::Csv => {
                out.write_all(&csv::header(style.csv_table)?)?;
                None
            }
            ExportFormat::W3c => {
                let (head, _) = w3c::frame(0, "", style.pretty);
                out.write_all(head.as_bytes())?;
                Some(JsonArray::open(&mut out, w3c::ITEMS_DEPTH, style.pretty)?)
            }
            _ => None,
        };
        Ok(ExportWriter {
            out,
            style,
            articles: 0,
            array,
            only: None,
        })
    }

    /// Writes the next article's part.
    pub fn push(&mut self, piece: Piece) -> Result<()> {
        let parts = match piece {
            Piece::Rendered { parts, only } => {
                self.note_filter(only.as_deref());
                parts
            }
            Piece::Article(a) => return self.push_article(&a),
        };
        self.next_article()?;
        for part in parts {
            self.push_part(part)?;
        }
        Ok(())
    }

    /// Writes the next article, straight into the output in the JSON formats.
    pub fn push_article(&mut self, a: &Annotated) -> Result<()> {
        let pretty = self.style.pretty;
        let only = a.annotations.filter.as_ref().map(|f| f.only.as_slice());
        match self.style.format {
            ExportFormat::Json => {
                self.next_article()?;
                let write = |w: &mut dyn Write| Ok::<_, ExportError>(json::write(a, w, pretty)?);
                match &mut self.array {
                    Some(array) => array.push_with(&mut self.out, write),
                    None => write(&mut self.out),
                }
            }
            ExportFormat::Jsonl => {
                self.next_article()?;
                json::write(a, &mut self.out, false)?;
                Ok(self.out.write_all(b"\n")?)
            }
            ExportFormat::W3c => {
                self.note_filter(only);
                self.next_article()?;
                w3c::for_each_item(a, pretty, |item| self.push_part(item))
            }
            _ => self.push(self.style.rendered(a)?),
        }
    }

    /// Notes the kinds an article's sources were filtered to, which the W3C collection's
    /// label gives (it comes after the items).
    fn note_filter(&mut self, only: Option<&[SourceKind]>) {
        if let Some(only) = only {
            let kinds = self.only.get_or_insert_with(Vec::new);
            kinds.extend_from_slice(only);
            kinds.sort_by_key(|k| *k as usize);
            kinds.dedup();
        }
    }

    /// Counts the article, with what stands between two articles' parts.
    fn next_article(&mut self) -> Result<()> {
        if self.articles > 0 && self.style.format == ExportFormat::Markdown {
            self.out.write_all(markdown::SEPARATOR.as_bytes())?;
        }
        self.articles += 1;
        Ok(())
    }

    fn push_part(&mut self, part: Vec<u8>) -> Result<()> {
        match &mut self.array {
            Some(array) => array.push(&mut self.out, &part)?,
            None => self.out.write_all(&part)?,
        }
        Ok(())
    }

    /// Hands what is written so far on to the output.
    pub fn flush(&mut self) -> Result<()> {
        Ok(self.out.flush()?)
    }

    /// Writes the tail and hands back the output.
    pub fn finish(mut self) -> Result<W> {
        let closed = match self.array.take() {
            Some(array) => Some(array.close(&mut self.out)?),
            None => None,
        };
        match (self.style.format, closed) {
            (ExportFormat::W3c, Some(total)) => {
                let label = w3c::label(self.only.as_deref());
                let (_, tail) = w3c::frame(total, &label, self.style.pretty);
                self.out.write_all(tail.as_bytes())?;
            }
            (ExportFormat::Json, _) => self.out.write_all(b"\n")?,
            _ => {}
        }
        Ok(self.out)
    }
}
