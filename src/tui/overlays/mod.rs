//! Overlays drawn over the panes. Each file owns one: its state, its keys (all through
//! the key map, but for typing in a text field), its drawing and its footer hints. A
//! key gives an [`Outcome`] that the reader carries out (see `App::settle`).
//!
//! A new overlay: a file here with its state, `on_key(…) -> Outcome`, `draw(f, &App,
//! area)` and `hints()`; a variant of [`Overlay`] and its three arms below; an action
//! in `keymap.rs`/`keymap.toml` (and its arm in `App::apply`) that opens it. Keys it
//! needs of its own are actions too, so users can rebind them. Anything that reaches
//! outside the reader (files, the network) is an [`Outcome`] the overlay asks for, run
//! in one function, as the export is.

pub mod articles;
pub mod corrections;
pub mod details;
pub mod export;
pub mod help;
pub mod pick;
pub mod rename;
pub mod summary;
pub mod warnings;

use super::app::App;
use super::keymap::Action;
use super::theme::Role;
use articles::ArticleList;
use corrections::CorrectionsList;
use details::Details;
use export::{ExportPicker, ExportRequest};
use help::Help;
use pick::{Pick, Picker};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;
use rename::Rename;
use summary::Summary;
use warnings::Warnings;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help(Help),
    Summary(Summary),
    Articles(ArticleList),
    Export(ExportPicker),
    Pick(Picker),
    Rename(Rename),
    Corrections(CorrectionsList),
    Details(Details),
    Warnings(Warnings),
}

/// What a key in an overlay leads to.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The overlay stays open, as the key left it.
    Stay,
    Close,
    /// The article list opens the article of this index.
    OpenArticle(usize),
    /// The export picker asks for an export.
    Export(ExportRequest),
    /// A picker's choice: option `.1` for what `.0` is.
    Picked(Pick, usize),
    /// The person of this index is to go by the name.
    Rename(usize, String),
    /// The correction of this index in the article's list is reverted.
    Revert(usize),
    /// The corrections list asks for an undo (`true`) or a redo, and stays open.
    History(bool),
}

impl Overlay {
    /// A key while the overlay is open: `action` is what the key map makes of it.
    pub fn on_key(&mut self, key: &KeyEvent, action: Option<Action>, app: &App) -> Outcome {
        match self {
            Overlay::Help(help) => help.on_key(action),
            Overlay::Summary(summary) => summary.on_key(action),
            Overlay::Articles(list) => list.on_key(key, action, &app.articles),
            Overlay::Export(picker) => picker.on_key(key, action),
            Overlay::Pick(picker) => picker.on_key(action),
            Overlay::Rename(rename) => rename.on_key(key),
            Overlay::Corrections(list) => list.on_key(action, app),
            Overlay::Details(details) => details.on_key(action),
            Overlay::Warnings(warnings) => warnings.on_key(action),
        }
    }

    /// Draws the overlay over `area` (the body of the screen).
    pub fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        match self {
            Overlay::Help(help) => help.draw(f, app, area),
            Overlay::Summary(summary) => summary.draw(f, app, area),
            Overlay::Articles(list) => list.draw(f, app, area),
            Overlay::Export(picker) => picker.draw(f, app, area),
            Overlay::Pick(picker) => picker.draw(f, app, area),
            Overlay::Rename(rename) => rename.draw(f, app, area),
            Overlay::Corrections(list) => list.draw(f, app, area),
            Overlay::Details(details) => details.draw(f, app, area),
            Overlay::Warnings(warnings) => warnings.draw(f, app, area),
        }
    }

    /// The keys of the overlay, for the footer.
    pub fn hints(&self) -> Vec<(Action, &'static str)> {
        match self {
            Overlay::Help(_) => help::hints(),
            Overlay::Summary(_) => summary::hints(),
            Overlay::Articles(list) => list.hints(),
            Overlay::Export(_) => export::hints(),
            Overlay::Pick(_) => pick::hints(),
            Overlay::Rename(_) => rename::hints(),
            Overlay::Corrections(_) => corrections::hints(),
            Overlay::Details(_) => details::hints(),
            Overlay::Warnings(_) => warnings::hints(),
        }
    }
}

/// Quit and Clear close any overlay (Esc by default).
fn closes(action: Option<Action>) -> bool {
    matches!(action, Some(Action::Quit | Action::Clear))
}

/// The keys of an overlay that only shows lines: up and down scroll them, and the key
/// that opened it (`own`), Esc or q close it.
fn scroll_or_close(scroll: &mut u16, action: Option<Action>, own: Action) -> Outcome {
    match action {
        Some(Action::Down) => *scroll = scroll.saturating_add(1),
        Some(Action::Up) => *scroll = scroll.saturating_sub(1),
        Some(a) if a == own => return Outcome::Close,
        a if closes(a) => return Outcome::Close,
        _ => {}
    }
    Outcome::Stay
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// An overlay's frame with its title in the middle.
fn overlay_block<'a>(app: &App, title: &str) -> Block<'a> {
    let t = app.theme();
    Block::default()
        .borders(Borders::ALL)
        .border_style(t.style(Role::Focus))
        .title(TextSpan::styled(format!(" {title} "), t.style(Role::Focus)))
        .title_alignment(Alignment::Center)
}

/// A titled box of `lines` at most `width` wide in the middle of `area`, scrolled by
/// `scroll` lines (kept within what does not fit); the title says when it scrolls.
pub(crate) fn draw_scrolled(
    f: &mut Frame,
    app: &App,
    area: Rect,
    title: &str,
    width: u16,
    lines: Vec<Line<'static>>,
    scroll: u16,
) {
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let rect = centered(area, width, height);
    f.render_widget(Clear, rect);
    let hidden = height.saturating_sub(rect.height);
    let title = if hidden > 0 {
        format!("{title} · j/k scroll")
    } else {
        title.to_string()
    };
    f.render_widget(
        Paragraph::new(lines)
            .scroll((scroll.min(hidden), 0))
            .block(overlay_block(app, &title)),
        rect,
    );
}
