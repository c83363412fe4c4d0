//! The export picker and the export it asks for. The picker only makes an
//! [`ExportRequest`]; [`run`] carries it out. This is the one place in the reader that
//! writes files or uses `crate::export`.

use super::{centered, closes, overlay_block, Outcome};
use crate::annotate::Annotated;
use crate::export::{write_export, CsvTable, ExportFormat};
use crate::sanitize::clean;
use crate::tui::app::{App, Filter};
use crate::tui::field::{Edit, TextField};
use crate::tui::keymap::Action;
use crate::tui::theme::Role;
use crate::tui::{Error, Result};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;
use std::path::{Path, PathBuf};

/// The export overlay: a format, whether only the filtered sources go out, and a folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportPicker {
    pub selected: usize,
    pub filtered: bool,
    /// Where to write; empty: beside the article.
    pub folder: String,
    /// The folder while it is typed.
    typing: Option<TextField>,
}

/// An export the picker asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// Only the sources the reader's filter lets through.
    pub filtered: bool,
    /// `None`: the reader's export folder, else beside the article.
    pub folder: Option<PathBuf>,
}

impl ExportPicker {
    /// The picker as it opens: the first format, and the filter applied when one is on.
    pub fn new(filtered: bool) -> ExportPicker {
        ExportPicker {
            filtered,
            ..ExportPicker::default()
        }
    }

    pub fn editing_folder(&self) -> bool {
        self.typing.is_some()
    }

    pub fn on_key(&mut self, key: &KeyEvent, action: Option<Action>) -> Outcome {
        if let Some(field) = &mut self.typing {
            // Typing a folder: every key is text; Esc leaves the field, not the picker.
            match field.key(key) {
                Edit::Typing => {}
                Edit::Done => {
                    self.folder = field.value().to_string();
                    self.typing = None;
                }
                Edit::Cancelled => self.typing = None,
            }
            return Outcome::Stay;
        }
        let last = ExportFormat::ALL.len() - 1;
        match action {
            Some(Action::ExportOnlyFiltered) => self.filtered = !self.filtered,
            Some(Action::ExportFolder) => self.typing = Some(TextField::editing(&self.folder)),
            Some(Action::Down) => self.selected = (self.selected + 1).min(last),
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Activate) => return Outcome::Export(self.request()),
            a if closes(a) => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    fn request(&self) -> ExportRequest {
        let folder = self.folder.trim();
        let home = std::env::var_os("HOME").map(PathBuf::from);
        ExportRequest {
            format: ExportFormat::ALL[self.selected],
            filtered: self.filtered,
            folder: (!folder.is_empty()).then(|| expand_home(folder, home.as_deref())),
        }
    }

    /// The formats, then the filter and folder options and a hint. On a screen too
    /// small for all of it, the hint goes, then the formats scroll around the selected
    /// one; the options (and the folder's cursor) always stay in sight.
    pub fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        let t = app.theme();
        let rect = centered(area, 64, ExportFormat::ALL.len() as u16 + 6);
        let inner = usize::from(rect.width.saturating_sub(2));
        let rows = usize::from(rect.height.saturating_sub(2));
        let formats: Vec<Line> = ExportFormat::ALL
            .iter()
            .enumerate()
            .map(|(i, fmt)| {
                let style = if i == self.selected {
                    t.style(Role::Selection)
                } else {
                    t.style(Role::Text)
                };
                Line::styled(format!(" {:<9} {}", fmt.name(), file_name("", *fmt)), style)
            })
            .collect();
        let options = self.option_lines(app, inner);
        let hint = if self.editing_folder() {
            " Type a folder, Enter to keep it."
        } else {
            " Enter exports; nothing is overwritten."
        };
        let room = rows.saturating_sub(options.len());
        let mut lines = if room > formats.len() {
            formats
        } else {
            let first = (self.selected + 1).saturating_sub(room.max(1));
            formats.into_iter().skip(first).take(room).collect()
        };
        if rows >= lines.len() + options.len() + 2 {
            lines.push(Line::raw(""));
        }
        lines.extend(options);
        if rows > lines.len() {
            lines.push(Line::styled(hint, t.style(Role::Dim)));
        }
        f.render_widget(Clear, rect);
        f.render_widget(
            Paragraph::new(lines).block(overlay_block(app, "Export")),
            rect,
        );
    }

    /// The filter and folder lines, each cut to `width` columns (the folder from the
    /// left, so the end being typed stays in sight).
    fn option_lines(&self, app: &App, width: usize) -> Vec<Line<'static>> {
        let t = app.theme();
        let check = if self.filtered { "x" } else { " " };
        let only_filtered = app.keymap().label(Action::ExportOnlyFiltered);
        let mut filter = format!(
            " [{check}] {only_filtered}: only the active filter ({})",
            app.filter.label()
        );
        if filter.chars().count() > width {
            filter = format!(" [{check}] {only_filtered}: only {}", app.filter.label());
        }
        let folder_style = if self.editing_folder() {
            t.style(Role::Focus)
        } else {
            t.style(Role::Text)
        };
        let folder_key = app.keymap().label(Action::ExportFolder);
        let folder = format!("     {folder_key}: folder: {}", self.folder_text());
        vec![
            Line::styled(filter, t.style(Role::Text)),
            Line::styled(keep_end(&folder, width), folder_style),
        ]
    }

    /// The folder as shown: being typed (with the cursor), chosen, or the default.
    fn folder_text(&self) -> String {
        match &self.typing {
            Some(field) => {
                let (before, after) = field.around_cursor();
                format!("{}▏{}", clean(before), clean(after))
            }
            None if self.folder.is_empty() => "beside the article".to_string(),
            None => clean(&self.folder),
        }
    }
}

pub fn hints() -> Vec<(Action, &'static str)> {
    vec![
        (Action::Down, "format"),
        (Action::Activate, "export"),
        (Action::Clear, "close"),
    ]
}

/// Exports `article` (only the kinds `filter` keeps, if the request says so) into the
/// requested folder, else `default_dir`, else next to its file (the working folder for
/// the samples), under a name that is not taken yet, so nothing is overwritten.
pub fn run(
    request: &ExportRequest,
    article: &Annotated,
    filter: Filter,
    default_dir: Option<&Path>,
) -> Result<PathBuf> {
    let item = if request.filtered {
        article.only_kinds(&filter.kinds())
    } else {
        article.clone()
    };
    let source = Path::new(&article.article.name);
    if let Some(f) = &request.folder {
        // A folder the user named and that is not there yet is made, as `mkdir -p` would.
        std::fs::create_dir_all(f).map_err(|e| Error::CannotMakeFolder(f.clone(), e))?;
    }
    let dir = match request.folder.as_deref().or(default_dir) {
        Some(d) => d.to_path_buf(),
        None => source
            .parent()
            .filter(|p| p.is_dir() && source.is_file())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
    };
    let stem = source
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    let path = free_name(&dir, stem, request.format);
    write_export(
        std::slice::from_ref(&item),
        request.format,
        CsvTable::Sources,
        &path,
        false,
    )?;
    Ok(path)
}

fn free_name(dir: &Path, stem: &str, format: ExportFormat) -> PathBuf {
    (1..)
        .map(|n| {
            let copy = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            dir.join(file_name(&format!("{stem}.onrecord{copy}"), format))
        })
        .find(|p| !p.exists())
        .expect("some name is free")
}

/// "story.onrecord.json": `stem` with the extension of the format (spaCy's JSON lines
/// told apart from onrecord's own).
fn file_name(stem: &str, format: ExportFormat) -> String {
    match format {
        ExportFormat::Spacy => format!("{stem}.spacy.{}", format.extension()),
        _ => format!("{stem}.{}", format.extension()),
    }
}

/// `~` and `~/…` as the shell reads them: in the home folder (when there is one).
pub fn expand_home(folder: &str, home: Option<&Path>) -> PathBuf {
    match (folder, home) {
        ("~", Some(home)) => home.to_path_buf(),
        (f, Some(home)) if f.starts_with("~/") => home.join(&f[2..]),
        (f, _) => PathBuf::from(f),
    }
}

/// `line` cut from the left to `width` columns, marked with "…".
fn keep_end(line: &str, width: usize) -> String {
    let n = line.chars().count();
    if n <= width {
        return line.to_string();
    }
    let tail: String = line.chars().skip(n + 1 - width.max(1)).collect();
    format!("…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_is_the_home_folder() {
        let home = Some(Path::new("/home/ada"));
        assert_eq!(expand_home("~", home), Path::new("/home/ada"));
        assert_eq!(expand_home("~/out/x", home), Path::new("/home/ada/out/x"));
        assert_eq!(expand_home("~bob/out", home), Path::new("~bob/out"));
        assert_eq!(expand_home("out/~", home), Path::new("out/~"));
        assert_eq!(expand_home("~/out", None), Path::new("~/out"));
    }

    #[test]
    fn spacy_and_jsonl_exports_get_different_names() {
        assert_eq!(
            file_name("a.onrecord", ExportFormat::Jsonl),
            "a.onrecord.jsonl"
        );
        assert_eq!(
            file_name("a.onrecord", ExportFormat::Spacy),
            "a.onrecord.spacy.jsonl"
        );
    }

    #[test]
    fn a_long_folder_keeps_its_end_in_sight() {
        assert_eq!(keep_end("abcdef", 4), "…def");
        assert_eq!(keep_end("abc", 4), "abc");
    }
}
