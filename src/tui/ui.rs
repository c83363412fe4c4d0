//! Drawing the reader: header, the three panes, footer and overlays.

use super::app::{
    marker, progress_text, quote_spans, App, Emphasis, ExportPicker, Filter, Overlay, Pane,
};
use super::article_list::{outlet_stats, short_name, ArticleList, SortBy};
use super::input::SOURCE_ITEM_HEIGHT;
use super::theme::Role;
use crate::annotate::SourceKind;
use crate::export::ExportFormat;
use crate::sanitize::clean;
use crate::span::Span;
use ratatui::layout::{Alignment, Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Borders, Cell, Clear, List, ListItem, ListState, Paragraph,
    Row, Table, Wrap,
};
use ratatui::Frame;

/// Smaller than this, the reader says so instead of drawing.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 10;
/// Narrower than this, only the focused pane is shown.
pub const STACK_BELOW: u16 = 60;

pub fn draw(f: &mut Frame, app: &mut App) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "Terminal too small ({}×{}): onrecord needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
            area.width, area.height
        );
        f.render_widget(
            Paragraph::new(msg)
                .wrap(Wrap { trim: true })
                .style(app.theme().style(Role::Warning)),
            area,
        );
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(f, app, header);
    draw_body(f, app, body);
    draw_footer(f, app, footer);
    if let Some(overlay) = app.overlay.clone() {
        draw_overlay(f, app, &overlay, body);
    }
}

/// The screen before the first article is ready (a large one takes a while).
pub fn draw_waiting(f: &mut Frame, theme: &super::theme::Theme, done: usize, total: usize) {
    let lines = vec![
        Line::styled("onrecord", theme.style(Role::Title)),
        Line::styled(
            format!("annotating {}", progress_text(done, total)),
            theme.style(Role::Focus),
        ),
        Line::styled("q quits", theme.style(Role::Dim)),
    ];
    let area = centered(f.area(), 40, 3);
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), area);
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

fn draw_header(f: &mut Frame, app: &App, area: Rect) {
    let t = app.theme();
    let a = app.article();
    let m = &a.article.meta;
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
    let mut filter = format!("filter: {}", app.filter.label());
    if app.only_paragraphs {
        filter.push_str(" · only its paragraphs");
    }
    let lines = vec![
        Line::styled(clean(a.article.title_or_name()), t.style(Role::Title)),
        Line::styled(facts.join(" · "), t.style(Role::Dim)),
        Line::from(vec![
            TextSpan::styled(filter, t.style(Role::Focus)),
            TextSpan::styled("  │  ", t.style(Role::Dim)),
            TextSpan::styled(a.annotations.summary.line(), t.style(Role::Text)),
        ]),
    ];
    f.render_widget(Paragraph::new(lines), area);
}

fn draw_body(f: &mut Frame, app: &mut App, area: Rect) {
    if area.width < STACK_BELOW {
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
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
        f.render_widget(Paragraph::new(Line::from(labels)), tabs);
        app.rects = Default::default();
        match app.focus {
            Pane::Text => draw_text(f, app, pane),
            Pane::People => draw_people(f, app, pane),
            Pane::Sources => draw_sources(f, app, pane),
        }
        return;
    }
    let text_share = if area.width >= 100 { 58 } else { 52 };
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(text_share), Constraint::Min(20)]).areas(area);
    let [people, sources] =
        Layout::vertical([Constraint::Percentage(38), Constraint::Min(4)]).areas(right);
    draw_text(f, app, left);
    draw_people(f, app, people);
    draw_sources(f, app, sources);
}

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

fn draw_text(f: &mut Frame, app: &mut App, area: Rect) {
    app.rects.text = area;
    let mut title = "Text".to_string();
    if app.only_paragraphs {
        title.push_str(&format!(" · paragraphs with {}", app.filter.label()));
    }
    let block = pane_block(app, Pane::Text, title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    app.text_size = (inner.width, inner.height);
    let layout = app.text_page();
    let first_byte = layout
        .iter()
        .find_map(|l| l.cells.first())
        .map_or(0, |c| c.byte);
    let last_byte = layout.last().map_or(0, |l| l.end);
    let styler = Styler::new(app, first_byte..last_byte.max(first_byte));
    let lines: Vec<Line> = layout.iter().map(|l| styler.line(l)).collect();
    f.render_widget(Paragraph::new(lines), inner);
    if let Some(pct) = app.scroll_percent() {
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
    /// The selected source's cue and content, shown with it.
    selected: Option<(Span, Option<Span>)>,
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
            quotes: quote_spans(&a.article, bytes.clone()),
            mentions: window(app.mentions(), &bytes, |m| m.0),
            sources: visible[first..last]
                .iter()
                .map(|&i| (sources[i].span, sources[i].kind, i))
                .filter(|s| on_screen(s.0))
                .collect(),
            matches: window(&search.matches, &bytes, |m| *m),
            current: search.matches.get(search.current).copied(),
            emphasised: app.emphasis,
            selected: match app.emphasis {
                Emphasis::Source(i) => sources.get(i).map(|s| (s.cue, s.content)),
                _ => None,
            },
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

    fn line(&self, l: &super::wrap::Line) -> Line<'static> {
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

fn draw_people(f: &mut Frame, app: &mut App, area: Rect) {
    app.rects.people = area;
    let t = app.theme().clone();
    let rows = area.height.saturating_sub(2) as usize;
    let count = app.article().annotations.people.len();
    let shown = scroll_window(&mut app.people, count, rows);
    let people = &app.article().annotations.people;
    let items: Vec<ListItem> = app.people_order()[shown.clone()]
        .iter()
        .map(|&i| {
            let p = &people[i];
            let mut spans = vec![
                TextSpan::styled(format!("{:>3} ", p.mentions.len()), t.style(Role::Dim)),
                TextSpan::styled(clean(&p.name), t.style(Role::Person)),
            ];
            if let Some(role) = p.roles.first() {
                spans.push(TextSpan::styled(
                    format!(" · {}", clean(role)),
                    t.style(Role::Dim),
                ));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let title = format!("People ({})", people.len());
    let empty = items.is_empty();
    let list = List::new(items)
        .block(pane_block(app, Pane::People, title))
        .highlight_style(t.style(Role::Selection))
        .highlight_symbol("› ");
    if empty {
        f.render_widget(
            Paragraph::new("  no named people found")
                .style(t.style(Role::Dim))
                .block(pane_block(app, Pane::People, "People (0)".into())),
            area,
        );
        return;
    }
    let mut state =
        ListState::default().with_selected(app.people.selected().map(|sel| sel - shown.start));
    f.render_stateful_widget(list, area, &mut state);
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

fn draw_sources(f: &mut Frame, app: &mut App, area: Rect) {
    app.rects.sources = area;
    if app.filter == Filter::Unattributed {
        return draw_unattributed(f, app, area);
    }
    let t = app.theme().clone();
    let rows = area.height.saturating_sub(2) as usize / SOURCE_ITEM_HEIGHT;
    let count = app.visible_sources().len();
    let shown = scroll_window(&mut app.sources, count, rows);
    let a = app.article();
    let text = &a.article.text;
    let visible = app.visible_sources();
    let items: Vec<ListItem> = visible[shown.clone()]
        .iter()
        .map(|&i| {
            let s = &a.annotations.sources[i];
            let kind_style = t.style(Role::Kind(s.kind));
            let badge = format!("{} {:<5}", marker(s.kind), badge(s.kind));
            let mut first = Line::from(vec![
                TextSpan::styled(badge, kind_style.add_modifier(Modifier::BOLD)),
                TextSpan::raw(" "),
                TextSpan::styled(clean(s.span.slice(text)), t.style(Role::Text)),
            ]);
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
        })
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
    let mut state =
        ListState::default().with_selected(app.sources.selected().map(|sel| sel - shown.start));
    f.render_stateful_widget(list, area, &mut state);
}

fn badge(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Named => "NAMED",
        SourceKind::Anonymous => "ANON",
        SourceKind::Organization => "ORG",
        SourceKind::Media => "MEDIA",
        SourceKind::Document => "DOC",
    }
}

fn draw_footer(f: &mut Frame, app: &App, area: Rect) {
    let t = app.theme();
    let km = &app.keymap;
    let line = if app.search.editing {
        Line::from(vec![
            TextSpan::styled(
                format!("/{}▏", clean(&app.search.query)),
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
    } else {
        let mut spans = Vec::new();
        if !app.search.matches.is_empty() {
            spans.push(TextSpan::styled(
                format!(
                    " {}/{} “{}” ",
                    app.search.current + 1,
                    app.search.matches.len(),
                    clean(&app.search.query)
                ),
                t.style(Role::Search),
            ));
            spans.push(TextSpan::raw(" "));
        }
        match &app.status {
            Some(msg) => spans.push(TextSpan::styled(clean(msg), t.style(Role::Focus))),
            None => {
                let hints = footer_hints(app);
                for (action, what) in hints {
                    spans.push(TextSpan::styled(
                        format!(" {} ", km.label(action)),
                        t.style(Role::Status),
                    ));
                    spans.push(TextSpan::styled(format!(" {what} "), t.style(Role::Dim)));
                }
            }
        }
        Line::from(spans)
    };
    f.render_widget(Paragraph::new(line), area);
}

/// The keys that matter now: for the overlay, the search, or the focused pane.
fn footer_hints(app: &App) -> Vec<(super::keymap::Action, &'static str)> {
    use super::keymap::Action as A;
    if let Some(overlay) = &app.overlay {
        return match overlay {
            Overlay::Export(_) => vec![
                (A::Down, "format"),
                (A::Activate, "export"),
                (A::Clear, "close"),
            ],
            Overlay::Articles(list) if list.comparing => {
                vec![(A::CompareOutlets, "articles"), (A::Clear, "back")]
            }
            Overlay::Articles(_) => vec![
                (A::Down, "move"),
                (A::Activate, "open"),
                (A::SortList, "sort"),
                (A::Search, "filter"),
                (A::CompareOutlets, "outlets"),
                (A::Clear, "close"),
            ],
            Overlay::Help { .. } => vec![(A::Down, "scroll"), (A::Clear, "close")],
            Overlay::Summary => vec![(A::Clear, "close")],
        };
    }
    let mut hints = vec![(A::NextPane, "pane")];
    hints.extend(match app.focus {
        Pane::Text => vec![(A::Down, "scroll"), (A::PageDown, "page")],
        Pane::People => vec![(A::Down, "person"), (A::Activate, "next mention")],
        Pane::Sources => vec![(A::Down, "source"), (A::Activate, "show in text")],
    });
    if !app.search.matches.is_empty() {
        hints.extend([
            (A::NextMatch, "next"),
            (A::PrevMatch, "prev"),
            (A::Clear, "clear"),
        ]);
    } else {
        hints.push((A::Search, "search"));
    }
    hints.extend([
        (A::CycleFilter, "filter"),
        (A::Summary, "summary"),
        (A::Export, "export"),
        (A::Help, "help"),
        (A::Quit, "quit"),
    ]);
    hints
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn overlay_block<'a>(app: &App, title: &str) -> Block<'a> {
    let t = app.theme();
    Block::default()
        .borders(Borders::ALL)
        .border_style(t.style(Role::Focus))
        .title(TextSpan::styled(format!(" {title} "), t.style(Role::Focus)))
        .title_alignment(Alignment::Center)
}

fn draw_overlay(f: &mut Frame, app: &App, overlay: &Overlay, area: Rect) {
    match overlay {
        Overlay::Help { scroll } => draw_help(f, app, area, *scroll),
        Overlay::Summary => draw_summary(f, app, area),
        Overlay::Articles(list) => draw_articles(f, app, area, list),
        Overlay::Export(picker) => draw_export(f, app, area, picker),
    }
}

fn draw_help(f: &mut Frame, app: &App, area: Rect, scroll: u16) {
    use super::keymap::Action;
    let t = app.theme();
    let width = Action::ALL
        .iter()
        .map(|a| app.keymap.label(*a).chars().count())
        .max()
        .unwrap_or(8);
    let mut lines: Vec<Line> = Action::ALL
        .iter()
        .map(|a| {
            Line::from(vec![
                TextSpan::styled(
                    format!(" {:>width$}  ", app.keymap.label(*a)),
                    t.style(Role::Focus),
                ),
                TextSpan::styled(a.description(), t.style(Role::Text)),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        " Mouse: the wheel scrolls the pane under it; a click focuses and selects.",
        t.style(Role::Dim),
    ));
    lines.push(Line::styled(
        " Markers: ● named  ○ anonymous  ■ organization  ▲ media  ◆ document",
        t.style(Role::Dim),
    ));
    let rect = centered(area, 76, lines.len() as u16 + 2);
    f.render_widget(Clear, rect);
    let hidden = (lines.len() as u16 + 2).saturating_sub(rect.height);
    let title = if hidden > 0 {
        "Keys · j/k scroll"
    } else {
        "Keys"
    };
    f.render_widget(
        Paragraph::new(lines)
            .scroll((scroll.min(hidden), 0))
            .block(overlay_block(app, title)),
        rect,
    );
}

fn draw_summary(f: &mut Frame, app: &App, area: Rect) {
    let t = app.theme();
    let a = app.article();
    let s = &a.annotations.summary;
    let rect = centered(area, 78, 20);
    f.render_widget(Clear, rect);
    let block = overlay_block(app, "Summary");
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let [chart_area, side] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Min(20)]).areas(inner);
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
    f.render_widget(chart, chart_area);
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
    f.render_widget(Paragraph::new(lines), side);
}

fn draw_articles(f: &mut Frame, app: &App, area: Rect, list: &ArticleList) {
    let rect = centered(area, area.width.saturating_sub(4).max(40), area.height);
    f.render_widget(Clear, rect);
    let rows = list.rows(&app.articles);
    let title = articles_title(app, list, rows.len());
    let block = overlay_block(app, &title);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    if list.comparing {
        return draw_outlet_comparison(f, app, inner, &rows);
    }
    let t = app.theme();
    // Header and totals take a line each; only the rows in view are built.
    let in_view = inner.height.saturating_sub(2) as usize;
    let first = (list.selected + 1).saturating_sub(in_view);
    let shown = first..(first + in_view).min(rows.len());
    let columns = ListColumns::fitting(inner.width);
    let mut table_rows: Vec<Row> = rows[shown.clone()]
        .iter()
        .zip(shown)
        .map(|(&i, at)| {
            let a = &app.articles[i];
            let style = match at == list.selected {
                true => t.style(Role::Selection),
                false => t.style(Role::Text),
            };
            article_row(a, i == app.current, columns).style(style)
        })
        .collect();
    table_rows.push(totals_row(app, &rows, columns).style(t.style(Role::Dim)));
    let table = Table::new(table_rows, columns.widths())
        .header(Row::new(columns.header()).style(t.style(Role::Focus)))
        .column_spacing(1);
    f.render_widget(table, inner);
}

fn articles_title(app: &App, list: &ArticleList, shown: usize) -> String {
    let mut title = format!("Articles · {shown} of {}", app.articles.len());
    // A corpus still being annotated: its rows and figures fill in as they come.
    if let Some((done, total)) = app.loading_progress() {
        title.push_str(&format!(" · {} more coming", total.saturating_sub(done)));
    }
    if list.sort != SortBy::Input {
        title.push_str(&format!(" · by {}", list.sort.label()));
    }
    if list.editing_filter || !list.filter.is_empty() {
        let cursor = if list.editing_filter { "_" } else { "" };
        title.push_str(&format!(" · filter: {}{cursor}", clean(&list.filter)));
    }
    if list.comparing {
        title.push_str(" · outlets compared");
    }
    title
}

/// Which columns of the article list fit: the title from 100 cells, the date from 70.
#[derive(Debug, Clone, Copy)]
struct ListColumns {
    title: bool,
    date: bool,
}

impl ListColumns {
    fn fitting(width: u16) -> Self {
        ListColumns {
            title: width >= 100,
            date: width >= 70,
        }
    }

    fn header(self) -> Vec<&'static str> {
        let mut header = vec!["", "article"];
        header.extend(self.title.then_some("title"));
        header.push("outlet");
        header.extend(self.date.then_some("date"));
        header.extend(["sources", "anonymous"]);
        header
    }

    fn widths(self) -> Vec<Constraint> {
        let mut widths = vec![Constraint::Length(1), Constraint::Fill(2)];
        widths.extend(self.title.then_some(Constraint::Fill(3)));
        widths.push(Constraint::Max(if self.date { 18 } else { 10 }));
        widths.extend(self.date.then_some(Constraint::Length(10)));
        widths.extend([Constraint::Length(7), Constraint::Length(15)]);
        widths
    }

    /// The cells of a row, the optional ones kept where they fit.
    fn cells(self, row: ListRow<'_>) -> Vec<Cell<'_>> {
        let mut cells = vec![row.mark, row.name];
        cells.extend(self.title.then_some(row.title));
        cells.push(row.outlet);
        cells.extend(self.date.then_some(row.date));
        cells.extend([row.sources, row.anonymous]);
        cells
    }
}

/// Every cell a row of the article list can have.
struct ListRow<'a> {
    mark: Cell<'a>,
    name: Cell<'a>,
    title: Cell<'a>,
    outlet: Cell<'a>,
    date: Cell<'a>,
    sources: Cell<'a>,
    anonymous: Cell<'a>,
}

/// A share as "43% ████░░░░░░".
fn share_cell(share: f64) -> String {
    let cells = 10;
    let full = ((share * cells as f64).round() as usize).min(cells);
    format!(
        "{:>3.0}% {}{}",
        share * 100.0,
        "█".repeat(full),
        "░".repeat(cells - full)
    )
}

fn article_row<'a>(
    a: &'a crate::annotate::Annotated,
    current: bool,
    columns: ListColumns,
) -> Row<'a> {
    let m = &a.article.meta;
    let summary = &a.annotations.summary;
    Row::new(columns.cells(ListRow {
        mark: Cell::from(if current { "•" } else { " " }),
        name: Cell::from(clean(short_name(&a.article.name))),
        title: Cell::from(clean(m.title.as_deref().unwrap_or(""))),
        outlet: Cell::from(clean(m.outlet.as_deref().unwrap_or("–"))),
        date: Cell::from(clean(
            m.date.as_deref().and_then(|d| d.get(..10)).unwrap_or("–"),
        )),
        sources: Cell::from(Line::from(summary.sources.to_string()).alignment(Alignment::Right)),
        anonymous: Cell::from(share_cell(summary.anonymous_share)),
    }))
}

fn totals_row<'a>(app: &App, rows: &[usize], columns: ListColumns) -> Row<'a> {
    let (mut sources, mut anonymous) = (0, 0);
    for &i in rows {
        let s = &app.articles[i].annotations.summary;
        sources += s.sources;
        anonymous += s.anonymous;
    }
    let share = crate::stats::Share::of(anonymous, sources);
    let interval = format!(
        "anonymous {:.0}% [95% CI {:.0}–{:.0}%]",
        share.value * 100.0,
        share.low * 100.0,
        share.high * 100.0
    );
    Row::new(columns.cells(ListRow {
        mark: Cell::from(""),
        name: Cell::from(format!("all {} shown", rows.len())),
        title: Cell::from(interval),
        outlet: Cell::from(""),
        date: Cell::from(""),
        sources: Cell::from(Line::from(sources.to_string()).alignment(Alignment::Right)),
        anonymous: Cell::from(share_cell(share.value)),
    }))
}

/// `onrecord stats --by outlet` over the articles shown, drawn.
fn draw_outlet_comparison(f: &mut Frame, app: &App, area: Rect, rows: &[usize]) {
    let t = app.theme();
    let stats = outlet_stats(&app.articles, rows);
    let (header, body) = crate::stats::table_cells(&stats);
    // Each column as wide as its widest cell; the last (the people quoted) takes what
    // is left, cut short where the terminal is narrow.
    let last_column = header.len() - 1;
    let widths: Vec<Constraint> = (0..header.len())
        .map(|c| {
            let widest = std::iter::once(header[c].chars().count())
                .chain(body.iter().map(|r| r[c].chars().count()))
                .max()
                .unwrap_or(0);
            match c == last_column {
                true => Constraint::Fill(1),
                false => Constraint::Length(widest as u16),
            }
        })
        .collect();
    let last = body.len().saturating_sub(1);
    let table_rows: Vec<Row> = body
        .into_iter()
        .enumerate()
        .map(|(i, cells)| {
            let style = if i == last {
                t.style(Role::Dim)
            } else {
                t.style(Role::Text)
            };
            Row::new(cells.into_iter().map(Cell::from).collect::<Vec<_>>()).style(style)
        })
        .collect();
    let table = Table::new(table_rows, widths)
        .header(Row::new(header).style(t.style(Role::Focus)))
        .column_spacing(2);
    f.render_widget(table, area);
}

fn draw_export(f: &mut Frame, app: &App, area: Rect, picker: &ExportPicker) {
    let t = app.theme();
    let mut lines: Vec<Line> = ExportFormat::ALL
        .iter()
        .enumerate()
        .map(|(i, fmt)| {
            let style = if i == picker.selected {
                t.style(Role::Selection)
            } else {
                t.style(Role::Text)
            };
            Line::styled(format!(" {:<9} .{}", fmt.name(), fmt.extension()), style)
        })
        .collect();
    lines.push(Line::raw(""));
    let check = if picker.filtered { "x" } else { " " };
    lines.push(Line::styled(
        format!(
            " [{check}] a: only the active filter ({})",
            app.filter.label()
        ),
        t.style(Role::Text),
    ));
    let folder = match (picker.folder.is_empty(), picker.editing_folder) {
        (_, true) => format!("{}▏", clean(&picker.folder)),
        (true, false) => "beside the article".to_string(),
        (false, false) => clean(&picker.folder),
    };
    let folder_style = if picker.editing_folder {
        t.style(Role::Focus)
    } else {
        t.style(Role::Text)
    };
    lines.push(Line::styled(
        format!("     d: folder: {folder}"),
        folder_style,
    ));
    let hint = if picker.editing_folder {
        " Type a folder, Enter to keep it."
    } else {
        " Enter exports; nothing is overwritten."
    };
    lines.push(Line::styled(hint, t.style(Role::Dim)));
    let rect = centered(area, 64, lines.len() as u16 + 2);
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(overlay_block(app, "Export")),
        rect,
    );
}
