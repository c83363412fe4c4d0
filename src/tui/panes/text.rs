//! The text pane: the article wrapped to the pane, scrolled by rows of paragraphs, with
//! quotations, people, sources by kind, the selection and search matches styled.

use super::{pane_block, Pane};
use crate::annotate::SourceKind;
use crate::article::Article;
use crate::span::Span;
use crate::tui::app::{App, Emphasis, Filter};
use crate::tui::keymap::Action;
use crate::tui::kinds::marker;
use crate::tui::theme::Role;
use crate::tui::wrap::{Layout, Line as TextLine, Pos};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// The text pane's state: where it is scrolled to and what the last layout step found.
#[derive(Debug, Clone)]
pub struct TextPane {
    /// The first line the pane shows.
    top: Pos,
    /// Size of the pane's inside at the last layout step.
    size: (u16, u16),
    rect: Rect,
    /// The wrapped text, kept while the article, the width and the filter stay.
    cache: Option<(LayoutKey, Layout)>,
    /// The lines on screen and the scroll percentage, from the last layout step.
    page: Vec<TextLine>,
    percent: Option<usize>,
}

impl Default for TextPane {
    fn default() -> Self {
        TextPane {
            top: Pos::default(),
            // Until the first layout step, a common terminal's size.
            size: (80, 24),
            rect: Rect::default(),
            cache: None,
            page: Vec::new(),
            percent: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct LayoutKey {
    article: usize,
    width: u16,
    only_paragraphs: bool,
    filter: Filter,
    person: Option<usize>,
}

impl TextPane {
    /// The first line shown.
    pub fn top(&self) -> Pos {
        self.top
    }

    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// Off screen (a narrow screen shows another pane): no clicks land on it.
    pub(super) fn hide(&mut self) {
        self.rect = Rect::default();
    }

    /// Drops the wrapped text, whose source markers an edit may have changed.
    pub(crate) fn forget_layout(&mut self) {
        self.cache = None;
    }

    /// The first article byte on the page of the last layout step.
    pub(crate) fn first_byte(&self) -> usize {
        self.page
            .iter()
            .find_map(|l| l.cells.first())
            .map_or(0, |c| c.byte)
    }

    /// The article byte drawn at screen position (`column`, `row`) at the last layout
    /// step: a character of the text or a source's marker (which stands at its start).
    pub(crate) fn byte_at(&self, column: u16, row: u16) -> Option<usize> {
        let inner = Block::bordered().inner(self.rect);
        if !inner.contains(ratatui::layout::Position::new(column, row)) {
            return None;
        }
        let line = self.page.get(usize::from(row - inner.y))?;
        let mut x = inner.x;
        let mut buf = [0u8; 4];
        for cell in &line.cells {
            let width = textwrap::core::display_width(cell.ch.encode_utf8(&mut buf));
            let next = x.saturating_add(u16::try_from(width).unwrap_or(u16::MAX));
            if column < next.max(x + 1) {
                return Some(cell.byte);
            }
            x = next;
        }
        None
    }

    /// Whether the page of the last layout step shows article byte `byte`.
    pub(crate) fn shows_byte(&self, byte: usize) -> bool {
        let last = self.page.last().map_or(0, |l| l.end);
        self.first_byte() <= byte && byte <= last
    }

    pub fn go_to_start(&mut self) {
        self.top = Pos::default();
    }

    /// How far the page keys move: a page less two lines of context.
    pub fn page_step(&self) -> u16 {
        self.size.1.saturating_sub(2).max(1)
    }

    /// The hints of the footer while the pane has the focus.
    pub fn hints() -> Vec<(Action, &'static str)> {
        vec![(Action::Down, "scroll"), (Action::PageDown, "page")]
    }
}

impl App {
    /// The text laid out for the current pane width (as far as it was read), with the
    /// article it shows; a new layout when the article, width or filter changed.
    fn text_view(&mut self) -> (&mut Layout, &Article) {
        let key = LayoutKey {
            article: self.current,
            width: self.text.size.0,
            only_paragraphs: self.only_paragraphs,
            filter: self.filter,
            person: self.person_filter,
        };
        let article = &self.articles[key.article];
        if self.text.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let sources = &article.annotations.sources;
            let markers: Vec<(usize, char)> = self
                .visible_sources()
                .iter()
                .map(|&i| (sources[i].span.start, marker(sources[i].kind)))
                .collect();
            let layout = Layout::new(
                &article.article,
                self.shown_paragraphs(),
                key.width,
                &markers,
            );
            self.text.cache = Some((key, layout));
        }
        let layout = &mut self.text.cache.as_mut().expect("layout was just made").1;
        (layout, &article.article)
    }

    /// The line number of the top of the text pane. It lays out the text above, so it
    /// is meant for short articles and tests.
    pub fn text_scroll(&mut self) -> usize {
        let top = self.text.top;
        let (layout, article) = self.text_view();
        layout.line_number(article, top)
    }

    /// The top line of the last page: scrolling stops there.
    fn bottom_top(&mut self) -> Pos {
        let h = self.text.size.1 as usize;
        let (layout, article) = self.text_view();
        layout.bottom_top(article, h)
    }

    pub(crate) fn scroll_text(&mut self, by: isize) {
        let top = self.text.top;
        let (layout, article) = self.text_view();
        let moved = if by < 0 {
            layout.up(article, top, by.unsigned_abs())
        } else {
            layout.down(article, top, by as usize)
        };
        self.text.top = moved.min(self.bottom_top());
    }

    /// The first or the last page.
    pub(crate) fn jump_text_to_end(&mut self, bottom: bool) {
        self.text.top = if bottom {
            self.bottom_top()
        } else {
            Pos::default()
        };
    }

    /// Keeps the top within the text after the filter changed what it holds.
    pub(crate) fn keep_text_in_view(&mut self) {
        self.text.top = self.text.top.min(self.bottom_top());
    }

    /// Scrolls so the line holding `byte` stands a little below the top.
    pub fn scroll_to_byte(&mut self, byte: usize) {
        let (layout, article) = self.text_view();
        if let Some(at) = layout.pos_of(article, byte) {
            let top = layout.up(article, at, 2);
            self.text.top = top.min(self.bottom_top());
        }
    }

    /// The lines the text pane shows now (keeping the top within the text, which a
    /// resize or a filter may have moved).
    pub fn text_page(&mut self) -> Vec<TextLine> {
        let bottom = self.bottom_top();
        let h = self.text.size.1 as usize;
        let top = self.text.top.min(bottom);
        let (layout, article) = self.text_view();
        self.text.top = layout.clamp(article, top);
        let top = self.text.top;
        let (layout, article) = self.text_view();
        layout.lines_from(article, top, h)
    }

    /// How far down the text pane has scrolled, in percent; `None` when all the text
    /// fits. Exact where the lines are all laid out, else by bytes read.
    pub fn scroll_percent(&mut self) -> Option<usize> {
        let h = self.text.size.1 as usize;
        let top = self.text.top;
        let (layout, article) = self.text_view();
        if let Some(total) = layout.total_if_known() {
            let line = layout.line_number(article, top);
            return (total > h).then(|| 100 * (line + h).min(total) / total.max(1));
        }
        if layout.bottom_top(article, h) == layout.first(article) {
            return None;
        }
        let shown_end = layout.lines_from(article, top, h).last().map(|l| l.end);
        Some(layout.percent_of_byte(article, shown_end.unwrap_or(0)))
    }

    /// The layout step of the pane drawn in `area`: its size, its page, its percentage.
    pub(crate) fn lay_out_text(&mut self, area: Rect) {
        self.text.rect = area;
        let inner = Block::bordered().inner(area);
        self.text.size = (inner.width, inner.height);
        self.text.page = self.text_page();
        self.text.percent = self.scroll_percent();
    }
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let mut title = "Text".to_string();
    if app.only_paragraphs {
        title.push_str(&format!(" · paragraphs with {}", app.filter_label()));
    }
    let block = pane_block(app, Pane::Text, title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let page = &app.text.page;
    let first_byte = page
        .iter()
        .find_map(|l| l.cells.first())
        .map_or(0, |c| c.byte);
    let last_byte = page.last().map_or(0, |l| l.end);
    let styler = Styler::new(app, first_byte..last_byte.max(first_byte));
    let lines: Vec<Line> = page.iter().map(|l| styler.line(l)).collect();
    f.render_widget(Paragraph::new(lines), inner);
    if let Some(pct) = app.text.percent {
        let label = format!(" {pct}% ");
        let x = area.x + area.width.saturating_sub(label.len() as u16 + 2);
        f.render_widget(
            Paragraph::new(label).style(app.theme().style(Role::Dim)),
            Rect::new(x, area.y + area.height - 1, 6, 1),
        );
    }
}

/// Styles for the text cells: quotes, people, sources by kind, emphasis and search.
struct Styler {
    base: Style,
    quote: Style,
    person: Style,
    emphasis: Style,
    search: Style,
    current_match: Style,
    kinds: Vec<(SourceKind, Style)>,
    quotes: Vec<Span>,
    mentions: Vec<(Span, usize)>,
    sources: Vec<(Span, SourceKind, usize)>,
    matches: Vec<Span>,
    current: Option<Span>,
    emphasised: Emphasis,
    /// The emphasised person's mention that Enter showed last: set apart from the others.
    current_mention: Option<Span>,
    /// The selected source's cue and content, shown with it.
    selected: Option<(Span, Option<Span>)>,
    /// Words selected for a correction.
    selection: Option<Span>,
    selection_style: Style,
}

impl Styler {
    /// The styles for the article bytes `bytes` (the lines on screen).
    fn new(app: &App, bytes: std::ops::Range<usize>) -> Styler {
        let t = app.theme();
        let a = app.article();
        let sources = &a.annotations.sources;
        let on_screen = |s: Span| s.start < bytes.end && bytes.start < s.end;
        let visible = app.visible_sources();
        let first = visible
            .partition_point(|&i| sources[i].span.start < bytes.start)
            .saturating_sub(4);
        let last = visible.partition_point(|&i| sources[i].span.start < bytes.end);
        let search = &app.search;
        Styler {
            base: t.style(Role::Text),
            quote: t.style(Role::Quote),
            person: t.style(Role::Person),
            emphasis: t.style(Role::Emphasis),
            search: t.style(Role::Search),
            current_match: t
                .style(Role::Search)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            kinds: SourceKind::ALL
                .iter()
                .map(|k| (*k, t.style(Role::Kind(*k))))
                .collect(),
            // The annotator's own quote finder: what is styled as quoted is what it read so.
            quotes: crate::annotate::text::quotes::marked_in(&a.article, bytes.clone()),
            mentions: window(app.mentions(), &bytes, |m| m.0),
            sources: visible[first..last]
                .iter()
                .map(|&i| (sources[i].span, sources[i].kind, i))
                .filter(|s| on_screen(s.0))
                .collect(),
            matches: window(&search.matches, &bytes, |m| *m),
            current: search.matches.get(search.current).copied(),
            emphasised: app.emphasis,
            current_mention: match app.emphasis {
                Emphasis::Person(p) if app.selected_person() == Some(p) => a
                    .annotations
                    .people
                    .get(p)
                    .and_then(|person| app.people.shown_mention(person)),
                _ => None,
            },
            selected: match app.emphasis {
                Emphasis::Source(i) => sources.get(i).map(|s| (s.cue, s.content)),
                _ => None,
            },
            selection: app
                .selection
                .as_ref()
                .map(crate::tui::edits::Selection::span),
            selection_style: t
                .style(Role::Selection)
                .add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
        }
    }

    fn kind_style(&self, k: SourceKind) -> Style {
        self.kinds
            .iter()
            .find(|(x, _)| *x == k)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    }

    fn style_at(&self, byte: usize, marker: bool) -> Style {
        let mut s = self.base;
        if covering(&self.quotes, byte, |q| *q).is_some() {
            s = s.patch(self.quote);
        }
        if let Some(&(_, p)) = covering(&self.mentions, byte, |m| m.0) {
            s = s.patch(self.person);
            if self.emphasised == Emphasis::Person(p) {
                s = s.patch(self.emphasis);
                if self
                    .current_mention
                    .is_some_and(|m| m.start <= byte && byte < m.end)
                {
                    s = s.add_modifier(Modifier::REVERSED | Modifier::BOLD);
                }
            }
        }
        if let Some(&(_, kind, i)) = self
            .sources
            .iter()
            .rev()
            .find(|(sp, ..)| sp.start <= byte && byte < sp.end)
        {
            s = s.patch(self.kind_style(kind));
            if self.emphasised == Emphasis::Source(i) {
                s = s.patch(self.emphasis);
            }
        }
        if let Some((cue, content)) = self.selected {
            // Who said what: the cue in bold, the attributed words underlined.
            if cue.start <= byte && byte < cue.end {
                s = s.add_modifier(Modifier::BOLD | Modifier::REVERSED);
            } else if content.is_some_and(|c| c.start <= byte && byte < c.end) {
                s = s.add_modifier(Modifier::UNDERLINED);
            }
        }
        if marker {
            return s;
        }
        if self
            .selection
            .is_some_and(|sel| sel.start <= byte && byte < sel.end)
        {
            return s.patch(self.selection_style);
        }
        if covering(&self.matches, byte, |m| *m).is_some() {
            s = s.patch(
                if self
                    .current
                    .is_some_and(|c| c.start <= byte && byte < c.end)
                {
                    self.current_match
                } else {
                    self.search
                },
            );
        }
        s
    }

    fn line(&self, l: &TextLine) -> Line<'static> {
        let mut spans: Vec<TextSpan<'static>> = Vec::new();
        let mut run = String::new();
        let mut run_style = Style::default();
        for c in &l.cells {
            let style = self.style_at(c.byte, c.marker);
            if style != run_style && !run.is_empty() {
                spans.push(TextSpan::styled(std::mem::take(&mut run), run_style));
            }
            run_style = style;
            run.push(c.ch);
        }
        if !run.is_empty() {
            spans.push(TextSpan::styled(run, run_style));
        }
        Line::from(spans)
    }
}

/// The items of a sorted, non-overlapping list that touch `bytes`.
fn window<T: Clone>(
    items: &[T],
    bytes: &std::ops::Range<usize>,
    span: impl Fn(&T) -> Span,
) -> Vec<T> {
    let from = items.partition_point(|x| span(x).end <= bytes.start);
    let to = items.partition_point(|x| span(x).start < bytes.end);
    items[from..to.max(from)].to_vec()
}

/// The item of a sorted, non-overlapping list whose span covers `byte`.
fn covering<T>(items: &[T], byte: usize, span: impl Fn(&T) -> Span) -> Option<&T> {
    let k = items.partition_point(|x| span(x).start <= byte);
    k.checked_sub(1)
        .map(|k| &items[k])
        .filter(|x| byte < span(x).end)
}
