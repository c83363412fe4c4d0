//! Keys and the mouse, turned into changes of the reader's state: typing goes to the
//! search field, other keys through the key map to the open overlay or the reader.

use super::app::{App, Pane};
use super::keymap::Action;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

pub use super::panes::sources::SOURCE_ITEM_HEIGHT;

pub fn handle_key(app: &mut App, key: KeyEvent) {
    if key.kind == KeyEventKind::Release {
        return;
    }
    if is_ctrl_c(&key) {
        // Even while typing, where every other key is text.
        app.quit = true;
        return;
    }
    if app.search.editing {
        return app.edit_search(&key);
    }
    let action = app.keymap().action(&key);
    if let Some(mut overlay) = app.overlay.take() {
        let outcome = overlay.on_key(&key, action, app);
        return app.settle(overlay, outcome);
    }
    if let Some(action) = action {
        app.apply(action);
    }
}

fn is_ctrl_c(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}

/// Before the first article is ready only quitting means anything: q, Esc or Ctrl-C.
pub fn is_quit_while_waiting(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && (matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) || is_ctrl_c(key))
}

pub fn handle_mouse(app: &mut App, m: MouseEvent) {
    if app.overlay.is_some() || app.search.editing {
        return;
    }
    let at = Position::new(m.column, m.row);
    let rects = app.rects();
    let pane = [
        (Pane::Text, rects.text),
        (Pane::People, rects.people),
        (Pane::Sources, rects.sources),
    ]
    .into_iter()
    .find(|(_, r)| r.contains(at));
    let Some((pane, rect)) = pane else { return };

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
        MouseEventKind::Down(MouseButton::Left) if pane == Pane::Text => {
            app.focus = pane;
            if let Some(byte) = app.text.byte_at(m.column, m.row) {
                app.click_text(byte);
            }
        }
        MouseEventKind::Down(MouseButton::Left) => {
            app.focus = pane;
            click_item(app, pane, rect, m.row);
        }
        _ => {}
    }
}

/// A click on a list row selects that person or source and shows it in the text (a
/// click on the text selects the source under it: see `App::click_text`).
fn click_item(app: &mut App, pane: Pane, rect: Rect, row: u16) {
    let inner_row = row.saturating_sub(rect.y + 1) as usize;
    if row <= rect.y || row + 1 >= rect.y + rect.height {
        return;
    }
    match pane {
        Pane::People => app.click_person(app.people.rows.row_at(inner_row)),
        Pane::Sources => app.click_source(app.sources.row_at(inner_row)),
        Pane::Text => {}
    }
}
