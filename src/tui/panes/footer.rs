//! The footer: the query being typed, the current match, a status message, or the
//! keys that matter now (the open overlay's, else the focused pane's and the reader's).

use super::people::PeoplePane;
use super::text::TextPane;
use super::Pane;
use crate::sanitize::clean;
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::theme::Role;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let line = if app.search.editing {
        typing_line(app)
    } else {
        let mut spans = match_spans(app);
        match &app.status {
            Some(msg) => spans.push(TextSpan::styled(clean(msg), app.theme().style(Role::Focus))),
            None => {
                let room = usize::from(area.width).saturating_sub(width_of(&spans));
                spans.extend(hint_spans(app, room));
            }
        }
        Line::from(spans)
    };
    f.render_widget(Paragraph::new(line), area);
}

/// The query as it is typed, with the cursor and the count of matches.
fn typing_line(app: &App) -> Line<'static> {
    let t = app.theme();
    let (before, after) = app.search.typed();
    Line::from(vec![
        TextSpan::styled(
            format!("/{}▏{}", clean(before), clean(after)),
            t.style(Role::Focus),
        ),
        TextSpan::styled(
            format!(
                "  {} matches · Enter to go · Esc to cancel",
                app.search.matches.len()
            ),
            t.style(Role::Dim),
        ),
    ])
}

/// "3/8 “query”": where in the matches the reader is.
fn match_spans(app: &App) -> Vec<TextSpan<'static>> {
    if app.search.matches.is_empty() {
        return Vec::new();
    }
    let at = format!(
        " {}/{} “{}” ",
        app.search.current + 1,
        app.search.matches.len(),
        clean(&app.search.query)
    );
    vec![
        TextSpan::styled(at, app.theme().style(Role::Search)),
        TextSpan::raw(" "),
    ]
}

/// The hints that fit in `room` columns: when all do not, the reader's general keys go
/// first, from the right, but help and quit, which stay.
fn hint_spans(app: &App, room: usize) -> Vec<TextSpan<'static>> {
    let t = app.theme();
    let mut hints = hints(app);
    let width = |(action, what): &(Action, &str)| {
        app.keymap().label(*action).chars().count() + what.chars().count() + 4
    };
    while hints.len() > 3 && hints.iter().map(width).sum::<usize>() > room {
        hints.remove(hints.len() - 3);
    }
    hints
        .into_iter()
        .flat_map(|(action, what)| {
            [
                TextSpan::styled(
                    format!(" {} ", app.keymap().label(action)),
                    t.style(Role::Status),
                ),
                TextSpan::styled(format!(" {what} "), t.style(Role::Dim)),
            ]
        })
        .collect()
}

/// The keys that matter now: for the overlay, the search, or the focused pane.
pub fn hints(app: &App) -> Vec<(Action, &'static str)> {
    if let Some(overlay) = &app.overlay {
        return overlay.hints();
    }
    if app.selection.is_some() && app.focus == Pane::Text {
        return vec![
            (Action::EndRight, "end"),
            (Action::StartRight, "start"),
            (Action::Activate, "use the words"),
            (Action::Clear, "cancel"),
        ];
    }
    let mut hints = vec![(Action::NextPane, "pane")];
    hints.extend(match app.focus {
        Pane::Text => TextPane::hints(),
        Pane::People => PeoplePane::hints(),
        Pane::Sources => super::sources::hints(),
    });
    if !app.search.matches.is_empty() {
        hints.extend([
            (Action::NextMatch, "next"),
            (Action::PrevMatch, "prev"),
            (Action::Clear, "clear"),
        ]);
    } else {
        hints.push((Action::Search, "search"));
    }
    hints.extend([
        (Action::CycleFilter, "filter"),
        (Action::Summary, "summary"),
        (Action::Export, "export"),
        (Action::Help, "help"),
        (Action::Quit, "quit"),
    ]);
    hints
}

fn width_of(spans: &[TextSpan]) -> usize {
    spans.iter().map(TextSpan::width).sum()
}
