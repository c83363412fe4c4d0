//! The summary: sources by kind as a chart, the anonymous share, the most mentioned.

use super::{centered, draw_scrolled, overlay_block, scroll_or_close, Outcome};
use crate::annotate::SourceKind;
use crate::sanitize::clean;
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::kinds::{badge, marker};
use crate::tui::theme::Role;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Clear, Paragraph};
use ratatui::Frame;

/// The summary overlay; it scrolls only on a screen too small for its chart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub scroll: u16,
}

/// Smaller than this inside, the chart gives way to lines of text.
const CHART_WIDTH: u16 = 56;
const CHART_HEIGHT: u16 = 12;

impl Summary {
    pub fn on_key(&mut self, action: Option<Action>) -> Outcome {
        scroll_or_close(&mut self.scroll, action, Action::Summary)
    }

    pub fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        let rect = centered(area, 78, 20);
        if rect.width < CHART_WIDTH + 2 || rect.height < CHART_HEIGHT + 2 {
            let mut lines = kind_lines(app);
            lines.push(Line::raw(""));
            lines.extend(figures(app));
            return draw_scrolled(f, app, area, "Summary", 78, lines, self.scroll);
        }
        draw_chart_and_figures(f, app, rect);
    }
}

pub fn hints() -> Vec<(Action, &'static str)> {
    vec![(Action::Clear, "close")]
}

/// The counts by kind as lines of text, where the chart has no room.
fn kind_lines(app: &App) -> Vec<Line<'static>> {
    let t = app.theme();
    let s = &app.article().annotations.summary;
    let mut lines = vec![Line::styled(
        format!("Sources by kind ({})", s.sources),
        t.style(Role::Title),
    )];
    lines.extend(SourceKind::ALL.iter().map(|k| {
        Line::styled(
            format!("{} {:<13}{:>4}", marker(*k), k.name(), s.count(*k)),
            t.style(Role::Kind(*k)),
        )
    }));
    lines
}

fn draw_chart_and_figures(f: &mut Frame, app: &App, rect: Rect) {
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
