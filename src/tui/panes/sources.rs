//! The sources pane: the attributions the filter lets through, two lines each (who,
//! then the cue, the reason and the words attributed); or, under the unattributed
//! filter, the hearsay claims with no source.

use super::{pane_block, ListRows, Pane};
use crate::sanitize::clean;
use crate::tui::app::{App, Emphasis, Filter};
use crate::tui::keymap::Action;
use crate::tui::kinds::{badge, marker, CORRECTED};
use crate::tui::theme::{Role, Theme};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{List, ListItem, Paragraph};
use ratatui::Frame;

/// Lines each source takes in the sources list.
pub const SOURCE_ITEM_HEIGHT: usize = 2;

/// The sources pane's rows, in the order of [`App::visible_sources`].
pub type SourcesPane = ListRows<SOURCE_ITEM_HEIGHT>;

pub fn hints() -> Vec<(Action, &'static str)> {
    vec![(Action::Down, "source"), (Action::Activate, "show in text")]
}

impl App {
    pub(crate) fn step_source(&mut self, by: isize) {
        let n = self.visible_sources().len();
        self.sources.step(n, by);
        if let Some(s) = self.selected_source() {
            self.emphasis = Emphasis::Source(s);
        }
    }

    /// A click on row `row` of the list: that source, shown in the text.
    pub(crate) fn click_source(&mut self, row: usize) {
        if row < self.visible_sources().len() {
            self.sources.select(row);
            self.apply(Action::Activate);
        }
    }

    /// Enter: the selected source, emphasised and scrolled to.
    pub(crate) fn show_selected_source(&mut self) {
        let Some(s) = self.selected_source() else {
            return;
        };
        self.emphasis = Emphasis::Source(s);
        let span = self.article().annotations.sources[s].span;
        self.ensure_shown(span);
    }

    /// The layout step: the pane's place and the rows in view around the selection.
    pub(crate) fn lay_out_sources(&mut self, area: Rect) {
        if self.filter == Filter::Unattributed {
            return self.sources.place(area);
        }
        let count = self.visible_sources().len();
        self.sources.lay_out(area, count);
    }
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    if app.filter == Filter::Unattributed {
        return draw_unattributed(f, app, area);
    }
    let t = app.theme();
    let a = app.article();
    let visible = app.visible_sources();
    let shown = app.sources.shown(visible.len());
    let items: Vec<ListItem> = visible[shown.clone()]
        .iter()
        .map(|&i| source_item(app, t, i))
        .collect();
    debug_assert!(items.iter().all(|i| i.height() == SOURCE_ITEM_HEIGHT));
    let title = format!(
        "Sources ({}/{}) · {}",
        visible.len(),
        a.annotations.sources.len(),
        app.filter.label()
    );
    if items.is_empty() {
        let msg = if app.filter == Filter::All {
            "  no attributions found"
        } else {
            "  no source of this kind"
        };
        f.render_widget(
            Paragraph::new(msg)
                .style(t.style(Role::Dim))
                .block(pane_block(app, Pane::Sources, title)),
            area,
        );
        return;
    }
    let list = List::new(items)
        .block(pane_block(app, Pane::Sources, title))
        .highlight_style(t.style(Role::Selection));
    f.render_stateful_widget(list, area, &mut app.sources.view_state());
}

/// A source's two lines: its badge and words, then the cue and what goes with it.
fn source_item<'a>(app: &'a App, t: &Theme, i: usize) -> ListItem<'a> {
    let a = app.article();
    let text = &a.article.text;
    let s = &a.annotations.sources[i];
    let kind_style = t.style(Role::Kind(s.kind));
    let badge = format!("{} {:<5}", marker(s.kind), badge(s.kind));
    let mut first = Line::from(vec![
        TextSpan::styled(badge, kind_style.add_modifier(Modifier::BOLD)),
        TextSpan::raw(" "),
    ]);
    if s.corrected {
        first.spans.push(TextSpan::styled(
            format!("{CORRECTED} "),
            t.style(Role::Focus),
        ));
    }
    first.spans.push(TextSpan::styled(
        clean(s.span.slice(text)),
        t.style(Role::Text),
    ));
    // "he → Jeff Sessions": a pronoun or a short form names its person.
    if let Some(p) = s
        .person
        .map(|i| &a.annotations.people[i])
        .filter(|p| p.name != s.span.slice(text))
    {
        first.spans.push(TextSpan::styled(
            format!(" → {}", clean(&p.name)),
            t.style(Role::Person),
        ));
    }
    let mut detail = vec![TextSpan::styled(
        format!("       {}", clean(s.cue.slice(text))),
        t.style(Role::Dim),
    )];
    if s.no_response {
        detail.push(TextSpan::styled(" · no response", t.style(Role::Focus)));
    } else if s.declined {
        detail.push(TextSpan::styled(" · declined", t.style(Role::Focus)));
    }
    if let Some(outer) = s.relayed_by.map(|i| &a.annotations.sources[i]) {
        detail.push(TextSpan::styled(
            format!(" · relayed by {}", clean(outer.span.slice(text))),
            t.style(Role::Dim),
        ));
    }
    if let Some(r) = s.reason {
        detail.push(TextSpan::styled(
            format!(" · {}", clean(r.slice(text))),
            t.style(Role::Dim),
        ));
    } else if s.lacks_reason() {
        detail.push(TextSpan::styled(
            " · no reason given",
            t.style(Role::Warning),
        ));
    }
    if let Some(c) = s.content {
        // Quotation marks only around a direct quotation, never a paraphrase.
        let words = clean(c.slice(text));
        let shown = if s.direct {
            format!(" “{words}”")
        } else {
            format!(" {words}")
        };
        detail.push(TextSpan::styled(shown, t.style(Role::Quote)));
    }
    ListItem::new(vec![first, Line::from(detail)])
}

/// The hearsay claims with no source, in text order: the cue words, then the sentence.
fn draw_unattributed(f: &mut Frame, app: &App, area: Rect) {
    let t = app.theme();
    let a = app.article();
    let text = &a.article.text;
    let claims = &a.annotations.unattributed;
    let title = format!("Unattributed claims ({})", claims.len());
    let mut lines = Vec::new();
    for u in claims {
        lines.push(Line::from(vec![
            TextSpan::styled(
                "? HEARSAY ",
                t.style(Role::Warning).add_modifier(Modifier::BOLD),
            ),
            TextSpan::styled(clean(u.cue.slice(text)), t.style(Role::Text)),
        ]));
        lines.push(Line::styled(
            format!("       {}", clean(u.span.slice(text))),
            t.style(Role::Dim),
        ));
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            "  no claim without a source",
            t.style(Role::Dim),
        ));
    }
    f.render_widget(
        Paragraph::new(lines).block(pane_block(app, Pane::Sources, title)),
        area,
    );
}
