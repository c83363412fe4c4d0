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
        self.bring_text_forward();
    }

    /// `>` and `<`: the next or previous source the filter lets through, counted from
    /// the source shown last if it is on the page, else from the page; selected in the
    /// list and shown in the text.
    pub(crate) fn step_source_in_text(&mut self, forward: bool) {
        let sources = &self.article().annotations.sources;
        let starts: Vec<usize> = self
            .visible_sources()
            .iter()
            .map(|&i| sources[i].span.start)
            .collect();
        let from = match self.emphasis {
            Emphasis::Source(i) if self.text.shows_byte(sources[i].span.start) => {
                Some(sources[i].span.start)
            }
            _ => None,
        };
        let row = if forward {
            let after = from.map_or(self.text.first_byte(), |b| b + 1);
            starts.iter().position(|&b| b >= after)
        } else {
            let before = from.unwrap_or_else(|| self.text.first_byte());
            starts.iter().rposition(|&b| b < before)
        };
        let Some(row) = row else {
            let which = if forward { "after" } else { "before" };
            self.status = Some(format!(
                "no source {which} this one ({})",
                self.filter_label()
            ));
            return;
        };
        self.sources.select(row);
        self.show_selected_source();
        self.status = Some(format!("source {}/{}", row + 1, starts.len()));
    }

    /// A click on the text at article byte `byte`: the source it is the marker or the
    /// words of, if any, selected and shown.
    pub(crate) fn click_text(&mut self, byte: usize) {
        let sources = &self.article().annotations.sources;
        let hit = self
            .visible_sources()
            .iter()
            .rposition(|&i| sources[i].span.start <= byte && byte < sources[i].span.end);
        if let Some(row) = hit {
            self.sources.select(row);
            self.show_selected_source();
        }
    }

    /// `i`: the source shown in the text, else the one selected in the list, in full.
    pub(crate) fn open_details(&mut self) {
        let chosen = match self.emphasis {
            Emphasis::Source(i) if self.focus != Pane::Sources => Some(i),
            _ => self.selected_source(),
        };
        match chosen {
            Some(i) => {
                let details = crate::tui::overlays::details::Details::of(self.article(), i);
                self.overlay = Some(crate::tui::overlays::Overlay::Details(details));
            }
            None => self.status = Some("no source selected".into()),
        }
    }

    /// `F`: only the sources linked to the selected person, or again everyone's.
    pub(crate) fn toggle_person_filter(&mut self) {
        self.person_filter = match (self.person_filter, self.selected_person()) {
            (Some(_), _) | (None, None) => None,
            (None, Some(p)) => Some(p),
        };
        self.refilter();
        self.status = Some(match self.person_filter {
            Some(_) => format!(
                "{}: {} source(s)",
                self.filter_label(),
                self.visible_sources().len()
            ),
            None => format!("sources of everyone ({})", self.filter_label()),
        });
    }

    /// The filter as the header and the sources pane name it: the kind, and the person.
    pub fn filter_label(&self) -> String {
        let kind = self.filter.label();
        let people = &self.article().annotations.people;
        match self.person_filter.and_then(|p| people.get(p)) {
            Some(person) => format!("{kind} of {}", clean(&person.name)),
            None => kind.to_string(),
        }
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
        app.filter_label()
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
