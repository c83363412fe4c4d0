//! The header: the title, the facts about the article, the filter and the summary line.

use crate::sanitize::clean;
use crate::tui::app::{progress_text, App};
use crate::tui::theme::Role;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Lines the header takes.
pub const HEIGHT: u16 = 3;

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let t = app.theme();
    let a = app.article();
    let mut filter = format!("filter: {}", app.filter.label());
    if app.only_paragraphs {
        filter.push_str(" · only its paragraphs");
    }
    let lines = vec![
        Line::styled(clean(a.article.title_or_name()), t.style(Role::Title)),
        Line::styled(facts(app).join(" · "), t.style(Role::Dim)),
        Line::from(vec![
            TextSpan::styled(filter, t.style(Role::Focus)),
            TextSpan::styled("  │  ", t.style(Role::Dim)),
            TextSpan::styled(a.annotations.summary.line(), t.style(Role::Text)),
        ]),
    ];
    f.render_widget(Paragraph::new(lines), area);
}

/// Outlet, byline, date, which article of how many, and loading progress.
fn facts(app: &App) -> Vec<String> {
    let m = &app.article().article.meta;
    let mut facts: Vec<String> = [m.outlet.clone(), m.byline(), m.readable_date()]
        .into_iter()
        .flatten()
        .map(|s| clean(&s))
        .collect();
    if app.articles.len() > 1 {
        facts.push(format!(
            "article {}/{}",
            app.current + 1,
            app.articles.len()
        ));
    }
    if let Some((done, total)) = app.loading_progress() {
        facts.push(format!("annotating {}", progress_text(done, total)));
    }
    facts
}
