//! The people pane: everyone named, most mentioned first; Enter walks through the
//! selected person's mentions in the text.

use super::{pane_block, ListRows, Pane};
use crate::sanitize::clean;
use crate::span::Span;
use crate::tui::app::{App, Emphasis};
use crate::tui::keymap::Action;
use crate::tui::kinds::CORRECTED;
use crate::tui::theme::Role;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{List, ListItem, Paragraph};
use ratatui::Frame;

#[derive(Debug, Clone, Default)]
pub struct PeoplePane {
    /// One line per person, in the order of [`App::people_order`].
    pub rows: ListRows<1>,
    /// The mention of the selected person that Enter last showed.
    mention_cursor: usize,
}

impl PeoplePane {
    /// The first of `count` people selected, at the first mention.
    pub fn reset(&mut self, count: usize) {
        self.rows.reset(count);
        self.mention_cursor = 0;
    }

    pub fn hints() -> Vec<(Action, &'static str)> {
        vec![(Action::Down, "person"), (Action::Activate, "next mention")]
    }

    /// Enter starts again from the first mention (another person is selected).
    pub(crate) fn forget_mention(&mut self) {
        self.mention_cursor = 0;
    }

    /// The mention of `person` (the selected one) that Enter showed last, if any.
    pub fn shown_mention(&self, person: &crate::annotate::Person) -> Option<Span> {
        let shown = in_text(person);
        let k = self.mention_cursor.checked_sub(1)?;
        shown.get(k % shown.len().max(1)).copied()
    }
}

/// A person's mentions in the text pane: all but those in the title.
fn in_text(person: &crate::annotate::Person) -> Vec<Span> {
    person
        .mentions
        .iter()
        .filter(|m| m.paragraph.is_some())
        .map(|m| m.span)
        .collect()
}

/// "mention 2/12", and the title's mentions when the list counts them too.
fn mention_status(k: usize, in_text: usize, all: usize) -> String {
    let mut status = format!("mention {}/{in_text}", k + 1);
    match all - in_text {
        0 => {}
        1 => status.push_str(" in the text, and 1 in the title"),
        n => status.push_str(&format!(" in the text, and {n} in the title")),
    }
    status
}

impl App {
    pub(crate) fn step_person(&mut self, by: isize) {
        let n = self.article().annotations.people.len();
        self.people.rows.step(n, by);
        self.people.mention_cursor = 0;
        if let Some(p) = self.selected_person() {
            self.emphasis = Emphasis::Person(p);
        }
    }

    /// A click on row `row` of the list: that person, at the first mention.
    pub(crate) fn click_person(&mut self, row: usize) {
        if row < self.article().annotations.people.len() {
            self.people.rows.select(row);
            self.people.mention_cursor = 0;
            self.apply(Action::Activate);
        }
    }

    /// Enter: the selected person's next mention in the text.
    pub(crate) fn show_next_mention(&mut self) {
        let Some(p) = self.selected_person() else {
            return;
        };
        let person = &self.article().annotations.people[p];
        let (shown, all) = (in_text(person), person.mentions.len());
        if shown.is_empty() {
            self.status = Some("only mentioned in the title".into());
            return;
        }
        let k = self.people.mention_cursor % shown.len();
        self.emphasis = Emphasis::Person(p);
        self.status = Some(mention_status(k, shown.len(), all));
        self.people.mention_cursor = k + 1;
        self.ensure_shown(shown[k]);
        self.bring_text_forward();
    }

    /// The layout step: the pane's place and the rows in view around the selection.
    pub(crate) fn lay_out_people(&mut self, area: Rect) {
        let count = self.article().annotations.people.len();
        self.people.rows.lay_out(area, count);
    }
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let t = app.theme();
    let people = &app.article().annotations.people;
    let order = app.people_order();
    let items: Vec<ListItem> = order[app.people.rows.shown(order.len())]
        .iter()
        .map(|&i| {
            let p = &people[i];
            let mut spans = vec![TextSpan::styled(
                format!("{:>3} ", p.mentions.len()),
                t.style(Role::Dim),
            )];
            if p.corrected {
                spans.push(TextSpan::styled(
                    format!("{CORRECTED} "),
                    t.style(Role::Focus),
                ));
            }
            spans.push(TextSpan::styled(clean(&p.name), t.style(Role::Person)));
            if let Some(role) = p.roles.first() {
                spans.push(TextSpan::styled(
                    format!(" · {}", clean(role)),
                    t.style(Role::Dim),
                ));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    if items.is_empty() {
        f.render_widget(
            Paragraph::new("  no named people found")
                .style(t.style(Role::Dim))
                .block(pane_block(app, Pane::People, "People (0)".into())),
            area,
        );
        return;
    }
    let title = format!("People ({})", people.len());
    let list = List::new(items)
        .block(pane_block(app, Pane::People, title))
        .highlight_style(t.style(Role::Selection))
        .highlight_symbol("› ");
    f.render_stateful_widget(list, area, &mut app.people.rows.view_state());
}
