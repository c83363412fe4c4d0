//! What loading warned about (files skipped, text decoded, …), readable while the
//! reader is open; they are printed on standard error again when it closes.

use super::{draw_scrolled, scroll_or_close, Outcome};
use crate::sanitize::clean;
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::theme::Role;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::Frame;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Warnings {
    pub scroll: u16,
}

impl Warnings {
    pub fn on_key(&mut self, action: Option<Action>) -> Outcome {
        scroll_or_close(&mut self.scroll, action, Action::Warnings)
    }

    pub fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        let t = app.theme();
        let warnings = app.load_warnings();
        let width = area.width.min(100);
        let room = usize::from(width.saturating_sub(4)).max(10);
        let mut lines: Vec<Line> = Vec::new();
        for w in warnings {
            for (i, part) in textwrap::wrap(&clean(w), room).into_iter().enumerate() {
                let bullet = if i == 0 { " • " } else { "   " };
                lines.push(Line::styled(format!("{bullet}{part}"), t.style(Role::Text)));
            }
        }
        if lines.is_empty() {
            lines.push(Line::styled(" Nothing to report.", t.style(Role::Dim)));
        }
        let title = format!("Warnings ({})", warnings.len());
        draw_scrolled(f, app, area, &title, width, lines, self.scroll);
    }
}

pub fn hints() -> Vec<(Action, &'static str)> {
    vec![(Action::Down, "scroll"), (Action::Clear, "close")]
}
