//! The summary: sources by kind as a chart, the anonymous share, the most mentioned.

use super::{centered, closes, overlay_block, Outcome};
use crate::annotate::SourceKind;
use crate::sanitize::clean;
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::kinds::badge;
use crate::tui::theme::Role;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Clear, Paragraph};
use ratatui::Frame;

pub fn on_key(action: Option<Action>) -> Outcome {
    if action == Some(Action::Summary) || closes(action) {
        return Outcome::Close;
    }
    Outcome::Stay
}

pub fn hints() -> Vec<(Action, &'static str)> {
    vec![(Action::Clear, "close")]
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let rect = centered(area, 78, 20);
    f.render_widget(Clear, rect);
    let block = overlay_block(app, "Summary");
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let [chart_area, side] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Min(20)]).areas(inner);
    draw_chart(f, app, chart_area);
    f.render_widget(Paragraph::new(figures(app)), side);
}

/// The sources of each kind, a bar each.
fn draw_chart(f: &mut Frame, app: &App, area: Rect) {
    let t = app.theme();
    let s = &app.article().annotations.summary;
    let bars: Vec<Bar> = SourceKind::ALL
        .iter()
        .map(|k| {
            Bar::with_label(badge(*k), s.count(*k) as u64)
                .style(t.style(Role::Kind(*k)))
                .value_style(t.style(Role::Title).add_modifier(Modifier::REVERSED))
        })
        .collect();
    let chart = BarChart::default()
        .block(Block::default().title(TextSpan::styled(
            format!("Sources by kind ({})", s.sources),
            t.style(Role::Title),
        )))
        .data(BarGroup::new(bars))
        .bar_width(5)
        .bar_gap(1)
        .direction(Direction::Vertical);
    f.render_widget(chart, area);
}

/// The anonymous share, refusals to comment, and the people most mentioned.
fn figures(app: &App) -> Vec<Line<'static>> {
    let t = app.theme();
    let a = app.article();
    let s = &a.annotations.summary;
    let mut lines = vec![
        Line::styled(
            format!("anonymous share: {:.0}%", 100.0 * s.anonymous_share),
            t.style(Role::Text),
        ),
        Line::styled(
            format!("anonymous, no reason: {}", s.anonymous_without_reason),
            t.style(Role::Warning),
        ),
        Line::styled(
            format!(
                "declined to comment: {} ({} no response)",
                s.declined, s.no_response
            ),
            t.style(Role::Text),
        ),
        Line::raw(""),
        Line::styled("Most mentioned", t.style(Role::Title)),
    ];
    for &i in app.people_order().iter().take(8) {
        let p = &a.annotations.people[i];
        lines.push(Line::from(vec![
            TextSpan::styled(format!("{:>3} ", p.mentions.len()), t.style(Role::Dim)),
            TextSpan::styled(clean(&p.name), t.style(Role::Person)),
        ]));
    }
    lines
}
