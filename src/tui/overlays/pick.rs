//! A small list to pick one of: a kind, a person, or what to make of selected words.
//! Enter picks, Esc closes; the reader carries the choice out (see `App::picked`).

use super::{centered, closes, overlay_block, Outcome};
use crate::span::Span;
use crate::tui::app::App;
use crate::tui::edits::Use;
use crate::tui::keymap::Action;
use crate::tui::theme::Role;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, List, ListItem, ListState};
use ratatui::Frame;

/// What the choice is for, with what it is about (indices into the current article's
/// sources and people, spans of its text), and for each option what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// The kind of source `.0`, an option per `SourceKind::ALL`.
    Kind(usize),
    /// The person source `.0` is: no one, or one of the people.
    Person(usize, Vec<Option<usize>>),
    /// The person person `.0` is merged into.
    Merge(usize, Vec<usize>),
    /// What selected words are made.
    UseSelection(Span, Vec<Use>),
    /// The kind of a new source at the span, an option per `SourceKind::ALL`.
    NewSource(Span),
    /// The person the words at the span are a mention of.
    MentionOf(Span, Vec<usize>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub title: String,
    /// Already sanitised.
    pub options: Vec<String>,
    pub cursor: usize,
    pub purpose: Pick,
}

impl Picker {
    pub fn new(title: String, options: Vec<String>, purpose: Pick) -> Picker {
        Picker {
            title,
            options,
            cursor: 0,
            purpose,
        }
    }

    /// The picker with its cursor on option `at` (the last, if there are fewer).
    pub fn at(mut self, at: usize) -> Picker {
        self.cursor = at.min(self.options.len().saturating_sub(1));
        self
    }

    pub fn on_key(&mut self, action: Option<Action>) -> Outcome {
        let n = self.options.len();
        match action {
            Some(Action::Down) => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Some(Action::Up) => self.cursor = self.cursor.saturating_sub(1),
            Some(Action::Top) => self.cursor = 0,
            Some(Action::Bottom) => self.cursor = n.saturating_sub(1),
            Some(Action::Activate) => {
                return Outcome::Picked(self.purpose.clone(), self.cursor);
            }
            a if closes(a) => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    pub fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        let t = app.theme();
        let width = self
            .options
            .iter()
            .chain(std::iter::once(&self.title))
            .map(|o| o.chars().count())
            .max()
            .unwrap_or(10) as u16
            + 8;
        let rect = centered(area, width.max(30), self.options.len() as u16 + 2);
        f.render_widget(Clear, rect);
        let items: Vec<ListItem> = self
            .options
            .iter()
            .map(|o| ListItem::new(Line::styled(o.clone(), t.style(Role::Text))))
            .collect();
        let list = List::new(items)
            .block(overlay_block(app, &self.title))
            .highlight_style(t.style(Role::Selection))
            .highlight_symbol("› ");
        let mut state = ListState::default().with_selected(Some(self.cursor));
        f.render_stateful_widget(list, rect, &mut state);
    }
}

pub fn hints() -> Vec<(Action, &'static str)> {
    vec![
        (Action::Down, "move"),
        (Action::Activate, "pick"),
        (Action::Clear, "cancel"),
    ]
}
