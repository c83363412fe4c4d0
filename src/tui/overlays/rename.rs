//! Renaming a person: a text field over the panes. Enter renames, Esc leaves the name.

use super::{centered, overlay_block, Outcome};
use crate::sanitize::clean;
use crate::tui::app::App;
use crate::tui::field::{Edit, TextField};
use crate::tui::keymap::Action;
use crate::tui::theme::Role;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// Index of the person in the current article's people.
    pub person: usize,
    pub field: TextField,
}

impl Rename {
    pub fn new(person: usize, name: &str) -> Rename {
        Rename {
            person,
            field: TextField::editing(name),
        }
    }

    /// Every key but Enter and Esc is typing.
    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        match self.field.key(key) {
            Edit::Typing => Outcome::Stay,
            Edit::Done => Outcome::Rename(self.person, self.field.value().to_string()),
            Edit::Cancelled => Outcome::Close,
        }
    }

    pub fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        let t = app.theme();
        let rect = centered(area, 60, 3);
        f.render_widget(Clear, rect);
        let (before, after) = self.field.around_cursor();
        let line = Line::from(vec![
            TextSpan::styled(clean(before), t.style(Role::Text)),
            TextSpan::styled("▏", t.style(Role::Focus)),
            TextSpan::styled(clean(after), t.style(Role::Text)),
        ]);
        f.render_widget(
            Paragraph::new(line).block(overlay_block(app, "Rename · Enter to keep, Esc to cancel")),
            rect,
        );
    }
}

pub fn hints() -> Vec<(Action, &'static str)> {
    vec![(Action::Activate, "rename"), (Action::Clear, "cancel")]
}
