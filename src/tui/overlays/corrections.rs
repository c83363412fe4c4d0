//! The article's corrections, in the order they were made, with those that could not
//! be applied and why; `x` reverts the one under the cursor (undoably).

use super::{centered, closes, overlay_block, Outcome};
use crate::sanitize::clean;
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::theme::Role;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};
use ratatui::Frame;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorrectionsList {
    pub cursor: usize,
}

impl CorrectionsList {
    pub fn on_key(&mut self, action: Option<Action>, app: &App) -> Outcome {
        let n = app.current_edits().map_or(0, |e| e.corrections.list.len());
        match action {
            Some(Action::Down) => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Some(Action::Up) => self.cursor = self.cursor.saturating_sub(1),
            Some(Action::Remove) if n > 0 => return Outcome::Revert(self.cursor),
            Some(Action::Undo) => return Outcome::History(true),
            Some(Action::Redo) => return Outcome::History(false),
            Some(Action::Corrections) => return Outcome::Close,
            a if closes(a) => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    pub fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        let t = app.theme();
        let lines = rows(app);
        let rect = centered(area, 100, lines.len().max(1) as u16 + 4);
        f.render_widget(Clear, rect);
        let block = overlay_block(app, "Corrections · x reverts one");
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        let where_ = match app
            .current_edits()
            .and_then(|e| e.corrections.sidecar.as_ref())
        {
            Some(path) => format!(" saved in {}", clean(&path.display().to_string())),
            None => " not saved: this article is no file".to_string(),
        };
        let [head, body] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Length(2),
            ratatui::layout::Constraint::Min(1),
        ])
        .areas(inner);
        f.render_widget(
            Paragraph::new(Line::styled(where_, t.style(Role::Dim))),
            head,
        );
        if lines.is_empty() {
            f.render_widget(
                Paragraph::new(Line::styled(" no corrections yet", t.style(Role::Dim))),
                body,
            );
            return;
        }
        let list = List::new(lines)
            .highlight_style(t.style(Role::Selection))
            .highlight_symbol("› ");
        let mut state = ListState::default().with_selected(Some(self.cursor));
        f.render_stateful_widget(list, body, &mut state);
    }
}

/// A line per correction: its number and what it does, and why it was not applied.
fn rows(app: &App) -> Vec<ListItem<'static>> {
    let t = app.theme();
    let Some(edits) = app.current_edits() else {
        return Vec::new();
    };
    edits
        .corrections
        .list
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut spans = vec![TextSpan::styled(
                format!("{:>2}. {}", i + 1, c.edit.describe()),
                t.style(Role::Text),
            )];
            if let Some(s) = edits.skipped.iter().find(|s| s.index == i) {
                spans.push(TextSpan::styled(
                    format!(" · not applied: {}", clean(&s.why.to_string())),
                    t.style(Role::Warning),
                ));
            }
            ListItem::new(Line::from(spans))
        })
        .collect()
}

pub fn hints() -> Vec<(Action, &'static str)> {
    vec![
        (Action::Down, "move"),
        (Action::Remove, "revert"),
        (Action::Undo, "undo"),
        (Action::Redo, "redo"),
        (Action::Clear, "close"),
    ]
}
