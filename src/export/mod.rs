//! Exports: annotations out, in the formats other tools read. Read-only over the model.

pub mod json;
mod write;

pub use write::write_atomic;

use crate::annotate::Annotations;
use crate::article::Article;
use crate::cli::AnnotateArgs;
use anyhow::{bail, Result};

/// An article with its annotations: what every exporter reads.
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The full contract, one JSON document (an array for several articles).
    Json,
    /// One article per line.
    Jsonl,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Jsonl => "jsonl",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvTable {
    Sources,
    People,
    Mentions,
}

/// Renders the articles in one format as the text of one file.
pub fn render(items: &[Annotated], format: ExportFormat, pretty: bool) -> Result<String> {
    Ok(match format {
        ExportFormat::Json => {
            let values: Vec<_> = items.iter().map(json::to_value).collect();
            let value = if values.len() == 1 {
                values.into_iter().next().unwrap_or_default()
            } else {
                values.into()
            };
            let mut s = if pretty {
                serde_json::to_string_pretty(&value)?
            } else {
                serde_json::to_string(&value)?
            };
            s.push('\n');
            s
        }
        ExportFormat::Jsonl => items
            .iter()
            .map(|a| Ok(serde_json::to_string(&json::to_value(a))? + "\n"))
            .collect::<Result<String>>()?,
    })
}

/// `onrecord annotate`: render and print, or write atomically.
pub fn run(items: &[Annotated], args: &AnnotateArgs) -> Result<()> {
    if items.is_empty() {
        bail!("no article to annotate");
    }
    let out = render(items, args.format, !args.compact)?;
    match &args.output {
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(out.as_bytes()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e.into());
                }
            }
            Ok(())
        }
        Some(path) => {
            write_atomic(path, out.as_bytes(), args.force)?;
            eprintln!("onrecord: wrote {}", path.display());
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
