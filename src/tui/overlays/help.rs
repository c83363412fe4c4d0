//! The help: every key of the key map with what it does.

use super::{draw_scrolled, scroll_or_close, Outcome};
use crate::annotate::SourceKind;
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::kinds::{marker, CORRECTED};
use crate::tui::theme::Role;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::Frame;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    /// Lines scrolled past (the draw keeps it within what is hidden).
    pub scroll: u16,
}

impl Help {
    pub fn on_key(&mut self, action: Option<Action>) -> Outcome {
        scroll_or_close(&mut self.scroll, action, Action::Help)
    }

    pub fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        draw_scrolled(f, app, area, "Keys", 76, lines(app), self.scroll);
    }
}

pub fn hints() -> Vec<(Action, &'static str)> {
    vec![(Action::Down, "scroll"), (Action::Clear, "close")]
}

/// The reader's keys, the mouse, the markers, then the keys of the export picker.
fn lines(app: &App) -> Vec<Line<'static>> {
    let t = app.theme();
    let width = Action::ALL
        .iter()
        .map(|a| app.keymap().label(*a).chars().count())
        .max()
        .unwrap_or(8);
    let key_line = |a: &Action| {
        Line::from(vec![
            TextSpan::styled(
                format!(" {:>width$}  ", app.keymap().label(*a)),
                t.style(Role::Focus),
            ),
            TextSpan::styled(a.description(), t.style(Role::Text)),
        ])
    };
    let reader = Action::ALL
        .iter()
        .filter(|a| !Action::EXPORT_PICKER.contains(a) && !Action::EDITING.contains(a));
    let mut lines: Vec<Line> = reader.map(key_line).collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        " Mouse: the wheel scrolls the pane under it; a click focuses and selects.",
        t.style(Role::Dim),
    ));
    lines.push(Line::styled(markers_line(), t.style(Role::Dim)));
    lines.push(Line::raw(""));
    lines.extend(Action::EXPORT_PICKER.iter().map(key_line));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" Corrections ({CORRECTED} in the lists) are saved beside the article, or under"),
        t.style(Role::Title),
    ));
    lines.push(Line::styled(
        " --corrections DIR. Select words, then Enter offers what to make them.",
        t.style(Role::Title),
    ));
    lines.extend(Action::EDITING.iter().map(key_line));
    lines
}

/// " Markers: ○ anonymous  ● named …", a kind each.
fn markers_line() -> String {
    let markers: Vec<String> = SourceKind::ALL
        .into_iter()
        .map(|k| format!("{} {}", marker(k), k.name()))
        .collect();
    format!(" Markers: {}", markers.join("  "))
}
