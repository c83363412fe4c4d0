//! The header: the title, the facts about the article, the filter and the summary line.

use crate::annotate::{SourceKind, Summary};
use crate::sanitize::clean;
use crate::tui::app::{progress_text, App};
use crate::tui::kinds::marker;
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
    let mut filter = format!("filter: {}", app.filter_label());
    if app.only_paragraphs {
        filter.push_str(" · only its paragraphs");
    }
    let summary = &a.annotations.summary;
    let room = usize::from(area.width).saturating_sub(filter.chars().count() + 5);
    let counts = if summary.line().chars().count() <= room {
        summary.line()
    } else {
        compact_counts(summary)
    };
    let lines = vec![
        Line::styled(clean(a.article.title_or_name()), t.style(Role::Title)),
        Line::styled(facts(app).join(" · "), t.style(Role::Dim)),
        Line::from(vec![
            TextSpan::styled(filter, t.style(Role::Focus)),
            TextSpan::styled("  │  ", t.style(Role::Dim)),
            TextSpan::styled(counts, t.style(Role::Text)),
        ]),
    ];
    f.render_widget(Paragraph::new(lines), area);
}

/// The counts of the summary line with the text's markers for the kinds, for a screen
/// too narrow for their names: "12 sources: ○ 7 ● 1 ■ 3 ▲ 1 · 2 relayed".
fn compact_counts(s: &Summary) -> String {
    let kinds: Vec<String> = SourceKind::ALL
        .into_iter()
        .filter(|k| s.count(*k) > 0)
        .map(|k| format!("{} {}", marker(k), s.count(k)))
        .collect();
    let mut line = format!("{} sources: {}", s.sources, kinds.join(" "));
    let others = [
        (s.relayed, "relayed"),
        (s.unattributed, "unattributed"),
        (s.corrected, "corrected"),
    ];
    for (n, what) in others {
        if n > 0 {
            line.push_str(&format!(" · {n} {what}"));
        }
    }
    line
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
