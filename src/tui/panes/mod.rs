//! The reader's panes. Each file owns one: its state, its layout step, its drawing and
//! its footer hints. Here: where they go on screen, and what they share.
//!
//! A new pane: a file here with its state struct (a field of `App`), an
//! `App::lay_out_…` method for the layout step (sizes, scroll offsets, rects: all that
//! drawing needs to know), a `draw(f, &App, area)` that only reads, and its `hints()`;
//! then a place in [`Screen::split`]/[`lay_out`]/[`draw_body`], and, if it takes the
//! focus, a variant of [`Pane`] and its arms in `App::move_selection`/`activate`.

pub mod footer;
pub mod header;
pub mod people;
pub mod sources;
pub mod text;

use super::app::App;
use super::theme::Role;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, ListState, Paragraph};
use ratatui::Frame;
use std::ops::Range;

/// Smaller than this, the reader says so instead of drawing.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 10;
/// Narrower than this, only the focused pane is shown.
pub const STACK_BELOW: u16 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Text,
    People,
    Sources,
}

impl Pane {
    pub const ORDER: [Pane; 3] = [Pane::Text, Pane::People, Pane::Sources];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Text => "Text",
            Pane::People => "People",
            Pane::Sources => "Sources",
        }
    }
}

/// Where the panes are on screen, for the mouse; empty for a pane not shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct PaneRects {
    pub text: Rect,
    pub people: Rect,
    pub sources: Rect,
}

/// The parts of a screen big enough for the reader.
#[derive(Debug, Clone, Copy)]
pub struct Screen {
    pub header: Rect,
    pub body: Body,
    pub footer: Rect,
}

/// The panes side by side, or (narrow) a row of tabs over the focused pane.
#[derive(Debug, Clone, Copy)]
pub enum Body {
    Side { area: Rect, panes: PaneRects },
    Stacked { area: Rect, tabs: Rect, pane: Rect },
}

impl Body {
    /// All of it, where overlays go.
    pub fn area(self) -> Rect {
        match self {
            Body::Side { area, .. } | Body::Stacked { area, .. } => area,
        }
    }
}

impl Screen {
    /// The screen split for `area`; `None` when it is too small for the reader.
    pub fn split(area: Rect) -> Option<Screen> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(header::HEIGHT),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .areas(area);
        Some(Screen {
            header,
            body: split_body(body),
            footer,
        })
    }
}

fn split_body(area: Rect) -> Body {
    if area.width < STACK_BELOW {
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        return Body::Stacked { area, tabs, pane };
    }
    let text_share = if area.width >= 100 { 58 } else { 52 };
    let [text, right] =
        Layout::horizontal([Constraint::Percentage(text_share), Constraint::Min(20)]).areas(area);
    let [people, sources] =
        Layout::vertical([Constraint::Percentage(38), Constraint::Min(4)]).areas(right);
    let panes = PaneRects {
        text,
        people,
        sources,
    };
    Body::Side { area, panes }
}

/// The layout step of every pane shown in `area`.
pub(super) fn lay_out(app: &mut App, area: Rect) {
    let Some(screen) = Screen::split(area) else {
        return;
    };
    app.stacked = matches!(screen.body, Body::Stacked { .. });
    match screen.body {
        Body::Side { panes, .. } => {
            app.lay_out_text(panes.text);
            app.lay_out_people(panes.people);
            app.lay_out_sources(panes.sources);
        }
        Body::Stacked { pane, .. } => {
            // Only the focused pane is on screen: the others take no clicks.
            app.text.hide();
            app.people.rows.hide();
            app.sources.hide();
            app.lay_out_pane(app.focus, pane);
        }
    }
}

impl App {
    fn lay_out_pane(&mut self, pane: Pane, area: Rect) {
        match pane {
            Pane::Text => self.lay_out_text(area),
            Pane::People => self.lay_out_people(area),
            Pane::Sources => self.lay_out_sources(area),
        }
    }
}

/// Draws the panes of `body` as the last layout step placed them.
pub fn draw_body(f: &mut Frame, app: &App, body: Body) {
    match body {
        Body::Side { panes, .. } => {
            text::draw(f, app, panes.text);
            people::draw(f, app, panes.people);
            sources::draw(f, app, panes.sources);
        }
        Body::Stacked { tabs, pane, .. } => {
            draw_tabs(f, app, tabs);
            match app.focus {
                Pane::Text => text::draw(f, app, pane),
                Pane::People => people::draw(f, app, pane),
                Pane::Sources => sources::draw(f, app, pane),
            }
        }
    }
}

fn draw_tabs(f: &mut Frame, app: &App, area: Rect) {
    let t = app.theme();
    let labels: Vec<TextSpan> = Pane::ORDER
        .iter()
        .flat_map(|p| {
            let style = if *p == app.focus {
                t.style(Role::Focus).add_modifier(Modifier::REVERSED)
            } else {
                t.style(Role::Dim)
            };
            [
                TextSpan::styled(format!(" {} ", p.title()), style),
                TextSpan::raw(" "),
            ]
        })
        .collect();
    f.render_widget(Paragraph::new(Line::from(labels)), area);
}

/// A pane's frame, marked when it has the focus.
fn pane_block<'a>(app: &App, pane: Pane, title: String) -> Block<'a> {
    let t = app.theme();
    let focused = app.focus == pane;
    let border = if focused {
        t.style(Role::Focus)
    } else {
        t.style(Role::Border)
    };
    let title = if focused {
        format!("▶ {title}")
    } else {
        title
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(TextSpan::styled(title, border))
}

/// Keeps the selection in view and returns the rows of a list to build: lists hold
/// only what is on screen, however long the article.
fn scroll_window(state: &mut ListState, len: usize, rows: usize) -> std::ops::Range<usize> {
    let rows = rows.max(1);
    let sel = state.selected().unwrap_or(0).min(len.saturating_sub(1));
    let mut offset = state.offset().min(sel);
    if sel >= offset + rows {
        offset = sel + 1 - rows;
    }
    offset = offset.min(len.saturating_sub(rows));
    *state.offset_mut() = offset;
    offset..(offset + rows).min(len)
}

/// The rows of a list pane, `ITEM_LINES` screen lines each: the selection, the rows in
/// view and where the pane was drawn. The people and the sources panes each have one.
#[derive(Debug, Clone, Default)]
pub struct ListRows<const ITEM_LINES: usize> {
    list: ListState,
    rect: Rect,
    /// The rows of the list on screen, from the last layout step.
    shown: Range<usize>,
}

impl<const ITEM_LINES: usize> ListRows<ITEM_LINES> {
    pub fn selected(&self) -> Option<usize> {
        self.list.selected()
    }

    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// Off screen (a narrow screen shows another pane): no clicks land on it.
    pub(super) fn hide(&mut self) {
        self.rect = Rect::default();
    }

    /// The first of `count` rows selected.
    pub fn reset(&mut self, count: usize) {
        self.list.select((count > 0).then_some(0));
    }

    /// The row under a click `inner_line` screen lines into the list.
    pub fn row_at(&self, inner_line: usize) -> usize {
        self.list.offset() + inner_line / ITEM_LINES
    }

    pub(crate) fn select(&mut self, row: usize) {
        self.list.select(Some(row));
    }

    /// Moves the selection by `by` within `n` rows.
    pub(crate) fn step(&mut self, n: usize, by: isize) {
        step(&mut self.list, n, by);
    }

    /// Where the pane is drawn, with no change to the rows in view.
    fn place(&mut self, area: Rect) {
        self.rect = area;
    }

    /// The layout step: the pane at `area`, and which of `count` rows are in view
    /// around the selection.
    fn lay_out(&mut self, area: Rect, count: usize) {
        self.place(area);
        let rows = area.height.saturating_sub(2) as usize / ITEM_LINES;
        self.shown = scroll_window(&mut self.list, count, rows);
    }

    /// The rows in view of a list `len` rows long.
    fn shown(&self, len: usize) -> Range<usize> {
        self.shown.start.min(len)..self.shown.end.min(len)
    }

    /// The state to draw the rows in view with: the selection among them.
    fn view_state(&self) -> ListState {
        let selected = self.selected().map(|s| s.saturating_sub(self.shown.start));
        ListState::default().with_selected(selected)
    }
}

/// Moves a list's selection by `by` within `n` rows.
fn step(state: &mut ListState, n: usize, by: isize) {
    if n == 0 {
        state.select(None);
        return;
    }
    let cur = state.selected().unwrap_or(0) as isize;
    state.select(Some(
        cur.saturating_add(by).clamp(0, n as isize - 1) as usize
    ));
}
