//! Drawing the reader: the screen split into header, panes, footer and the overlay.
//! Drawing only reads the state; [`crate::tui::app::App::update_layout`] comes first.

use super::app::{progress_text, App};
use super::overlays::centered;
use super::panes::{self, footer, header, Screen, MIN_HEIGHT, MIN_WIDTH};
use super::theme::{Role, Theme};
use ratatui::layout::Alignment;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub use super::panes::STACK_BELOW;

pub fn draw(f: &mut Frame, app: &App) {
    let Some(screen) = Screen::split(f.area()) else {
        return draw_too_small(f, app);
    };
    header::draw(f, app, screen.header);
    panes::draw_body(f, app, screen.body);
    footer::draw(f, app, screen.footer);
    if let Some(overlay) = &app.overlay {
        overlay.draw(f, app, screen.body.area());
    }
}

fn draw_too_small(f: &mut Frame, app: &App) {
    let area = f.area();
    let msg = format!(
        "Terminal too small ({}×{}): onrecord needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
        area.width, area.height
    );
    f.render_widget(
        Paragraph::new(msg)
            .wrap(Wrap { trim: true })
            .style(app.theme().style(Role::Warning)),
        area,
    );
}

/// The screen before the first article is ready (a large one takes a while).
pub fn draw_waiting(f: &mut Frame, theme: &Theme, done: usize, total: usize) {
    let lines = vec![
        Line::styled("onrecord", theme.style(Role::Title)),
        Line::styled(
            format!("annotating {}", progress_text(done, total)),
            theme.style(Role::Focus),
        ),
        Line::styled("q quits", theme.style(Role::Dim)),
    ];
    let area = centered(f.area(), 40, 3);
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), area);
}
