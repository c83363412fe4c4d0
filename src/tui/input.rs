//! Keys and the mouse, turned into changes of the reader's state.

use super::app::{App, ExportPicker, Overlay, Pane};
use super::article_list::ArticleList;
use super::keymap::Action;
use crate::export::{write_export, CsvTable, ExportFormat};
use anyhow::Result;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use std::path::{Path, PathBuf};

/// Lines each source takes in the sources list.
pub const SOURCE_ITEM_HEIGHT: usize = 2;

pub fn handle_key(app: &mut App, key: KeyEvent) {
    if key.kind == KeyEventKind::Release {
        return;
    }
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        app.quit = true;
        return;
    }
    if app.search.editing {
        return edit_search(app, key);
    }
    if let Some(overlay) = app.overlay.clone() {
        return overlay_key(app, overlay, key);
    }
    if let Some(action) = app.keymap.action(&key) {
        app.apply(action);
    }
}

/// Before the first article is ready only quitting means anything: q, Esc or Ctrl-C.
pub fn is_quit_while_waiting(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && (matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
            || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)))
}

fn edit_search(app: &mut App, key: KeyEvent) {
    match key.code {
        KeyCode::Esc => {
            app.search = Default::default();
        }
        KeyCode::Enter => {
            app.search.editing = false;
            app.run_search();
            if let Some(first) = app.search.matches.first().copied() {
                app.search.current = 0;
                app.scroll_to_byte(first.start);
            } else {
                app.status = Some(format!("no match for “{}”", app.search.query));
            }
        }
        KeyCode::Backspace => {
            app.search.query.pop();
            app.run_search();
        }
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            app.search.query.push(c);
            app.run_search();
        }
        _ => {}
    }
}

fn overlay_key(app: &mut App, overlay: Overlay, key: KeyEvent) {
    let action = app.keymap.action(&key);
    if let Overlay::Export(picker) = &overlay {
        if picker.editing_folder {
            // Typing a folder: every key is text; Esc leaves the field, not the picker.
            return export_key(app, picker.clone(), None, key);
        }
    }
    if let Overlay::Articles(list) = overlay {
        // The list steps back a level on Esc (typing, comparing, filtered) before closing.
        return article_list_key(app, list, action, key);
    }
    if matches!(action, Some(Action::Quit) | Some(Action::Clear)) || key.code == KeyCode::Esc {
        return app.close_overlay();
    }
    match overlay {
        Overlay::Help { scroll } => match action {
            Some(Action::Down) => {
                app.overlay = Some(Overlay::Help {
                    scroll: scroll.saturating_add(1),
                })
            }
            Some(Action::Up) => {
                app.overlay = Some(Overlay::Help {
                    scroll: scroll.saturating_sub(1),
                })
            }
            Some(Action::Help) => app.close_overlay(),
            _ => {}
        },
        Overlay::Summary => {
            if matches!(action, Some(Action::Summary)) {
                app.close_overlay();
            }
        }
        Overlay::Articles(_) => {}
        Overlay::Export(picker) => export_key(app, picker, action, key),
    }
}

/// The article list: move, open, sort, filter by typing, compare the outlets.
fn article_list_key(app: &mut App, mut list: ArticleList, action: Option<Action>, key: KeyEvent) {
    if list.editing_filter {
        match key.code {
            KeyCode::Enter | KeyCode::Esc => list.editing_filter = false,
            KeyCode::Backspace => {
                list.filter.pop();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                list.filter.push(c)
            }
            _ => {}
        }
        list.selected = 0;
        app.overlay = Some(Overlay::Articles(list));
        return;
    }
    let rows = list.rows(&app.articles);
    match action {
        Some(Action::Down) => list.step(1, rows.len()),
        Some(Action::Up) => list.step(-1, rows.len()),
        Some(Action::PageDown) => list.step(10, rows.len()),
        Some(Action::PageUp) => list.step(-10, rows.len()),
        Some(Action::Top) => list.selected = 0,
        Some(Action::Bottom) => list.step(isize::MAX / 2, rows.len()),
        Some(Action::Activate) if !list.comparing => {
            if let Some(&i) = rows.get(list.selected) {
                return app.open_article(i);
            }
        }
        Some(Action::SortList) => {
            let current = rows.get(list.selected).copied();
            list.sort = list.sort.next();
            let resorted = list.rows(&app.articles);
            list.selected = current
                .and_then(|c| resorted.iter().position(|&i| i == c))
                .unwrap_or(0);
        }
        Some(Action::Search) => {
            list.editing_filter = true;
            list.filter.clear();
        }
        Some(Action::CompareOutlets) => list.comparing = !list.comparing,
        Some(Action::Clear) if list.comparing => list.comparing = false,
        Some(Action::Clear) if !list.filter.is_empty() => {
            list.filter.clear();
            list.selected = 0;
        }
        Some(Action::Articles | Action::Clear | Action::Quit) => return app.close_overlay(),
        _ => {}
    }
    app.overlay = Some(Overlay::Articles(list));
}

fn export_key(app: &mut App, mut picker: ExportPicker, action: Option<Action>, key: KeyEvent) {
    if picker.editing_folder {
        match key.code {
            KeyCode::Enter | KeyCode::Esc => picker.editing_folder = false,
            KeyCode::Backspace => {
                picker.folder.pop();
            }
            KeyCode::Char(c) => picker.folder.push(c),
            _ => {}
        }
        app.overlay = Some(Overlay::Export(picker));
        return;
    }
    let n = ExportFormat::ALL.len();
    match (action, key.code) {
        (_, KeyCode::Char('a')) => picker.filtered = !picker.filtered,
        (_, KeyCode::Char('d')) => picker.editing_folder = true,
        (Some(Action::Down), _) => picker.selected = (picker.selected + 1).min(n - 1),
        (Some(Action::Up), _) => picker.selected = picker.selected.saturating_sub(1),
        (Some(Action::Activate), _) => {
            app.close_overlay();
            let folder =
                (!picker.folder.trim().is_empty()).then(|| PathBuf::from(picker.folder.trim()));
            app.status = Some(
                match export_current(
                    app,
                    ExportFormat::ALL[picker.selected],
                    picker.filtered,
                    folder,
                ) {
                    Ok(path) => format!("exported to {}", path.display()),
                    Err(e) => format!("export failed: {e:#}"),
                },
            );
            return;
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Export(picker));
}

/// Exports the current article into `folder`, or next to its file (the working folder
/// for the samples), under a name that is not taken yet, so nothing is overwritten.
pub fn export_current(
    app: &App,
    format: ExportFormat,
    filtered: bool,
    folder: Option<PathBuf>,
) -> Result<PathBuf> {
    let a = app.article();
    let item = if filtered {
        a.only_kinds(&app.filter.kinds())
    } else {
        a.clone()
    };
    let source = Path::new(&a.article.name);
    if let Some(f) = folder.as_ref().filter(|f| !f.is_dir()) {
        anyhow::bail!("{}: no such folder", f.display());
    }
    let dir = match folder.or_else(|| app.export_dir.clone()) {
        Some(d) => d,
        None => source
            .parent()
            .filter(|p| p.is_dir() && source.is_file())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from(".")),
    };
    let stem = source
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    let path = free_name(&dir, stem, format);
    write_export(
        std::slice::from_ref(&item),
        format,
        CsvTable::Sources,
        &path,
        false,
    )?;
    Ok(path)
}

fn free_name(dir: &Path, stem: &str, format: ExportFormat) -> PathBuf {
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            dir.join(format!("{stem}.onrecord{suffix}.{}", format.extension()))
        })
        .find(|p| !p.exists())
        .expect("some name is free")
}

pub fn handle_mouse(app: &mut App, m: MouseEvent) {
    if app.overlay.is_some() || app.search.editing {
        return;
    }
    let at = Position::new(m.column, m.row);
    let pane = [
        (Pane::Text, app.rects.text),
        (Pane::People, app.rects.people),
        (Pane::Sources, app.rects.sources),
    ]
    .into_iter()
    .find(|(_, r)| r.contains(at));
    let Some((pane, rect)) = pane else { return };
    use super::keymap::Action;
    match m.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let before = app.focus;
            app.focus = pane;
            let by = if m.kind == MouseEventKind::ScrollDown {
                Action::Down
            } else {
                Action::Up
            };
            for _ in 0..if pane == Pane::Text { 3 } else { 1 } {
                app.apply(by);
            }
            app.focus = before;
        }
        MouseEventKind::Down(MouseButton::Left) => {
            app.focus = pane;
            click_item(app, pane, rect, m.row);
        }
        _ => {}
    }
}

/// A click on a list row selects that person or source and shows it in the text.
fn click_item(app: &mut App, pane: Pane, rect: Rect, row: u16) {
    let inner_row = row.saturating_sub(rect.y + 1) as usize;
    if row <= rect.y || row + 1 >= rect.y + rect.height {
        return;
    }
    match pane {
        Pane::People => {
            let i = app.people.offset() + inner_row;
            if i < app.article().annotations.people.len() {
                app.people.select(Some(i));
                app.mention_cursor = 0;
                app.apply(super::keymap::Action::Activate);
            }
        }
        Pane::Sources => {
            let i = app.sources.offset() + inner_row / SOURCE_ITEM_HEIGHT;
            if i < app.visible_sources().len() {
                app.sources.select(Some(i));
                app.apply(super::keymap::Action::Activate);
            }
        }
        Pane::Text => {}
    }
}
