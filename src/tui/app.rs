//! The reader's state and what each action does to it. No terminal here: key handling
//! is tested as "this key leads to that state".

use super::keymap::{Action, KeyMap};
use super::loader::Incoming;
use super::theme::Theme;
use super::wrap::{Layout, Line, Pos};
use crate::annotate::Annotated;
use crate::annotate::SourceKind;
use crate::article::Article;
use crate::span::Span;
use ratatui::layout::Rect;
use ratatui::widgets::ListState;

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

/// Which sources are shown and highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    OnRecord,
    Kind(SourceKind),
    /// No source at all: the article's hearsay claims with no source are listed instead.
    Unattributed,
}

impl Filter {
    /// The order the filter key cycles through.
    pub const CYCLE: [Filter; 8] = [
        Filter::All,
        Filter::Kind(SourceKind::Anonymous),
        Filter::OnRecord,
        Filter::Kind(SourceKind::Named),
        Filter::Kind(SourceKind::Organization),
        Filter::Kind(SourceKind::Media),
        Filter::Kind(SourceKind::Document),
        Filter::Unattributed,
    ];

    pub fn accepts(self, kind: SourceKind) -> bool {
        match self {
            Filter::All => true,
            Filter::OnRecord => kind.on_record(),
            Filter::Kind(k) => k == kind,
            Filter::Unattributed => false,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all sources",
            Filter::OnRecord => "on record",
            Filter::Kind(k) => k.name(),
            Filter::Unattributed => "unattributed claims",
        }
    }

    /// The kinds it keeps, for exporting the filtered view.
    pub fn kinds(self) -> Vec<SourceKind> {
        SourceKind::ALL
            .into_iter()
            .filter(|k| self.accepts(*k))
            .collect()
    }
}

use super::article_list::ArticleList;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: u16 },
    Summary,
    Articles(ArticleList),
    Export(ExportPicker),
}

/// The export overlay: a format, whether only the filtered sources go out, and a folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportPicker {
    pub selected: usize,
    pub filtered: bool,
    /// Where to write; empty: beside the article.
    pub folder: String,
    pub editing_folder: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Search {
    pub editing: bool,
    pub query: String,
    pub matches: Vec<Span>,
    pub current: usize,
}

/// What the text pane emphasises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    None,
    Person(usize),
    Source(usize),
}

/// Where the panes were drawn last, for the mouse.
#[derive(Debug, Clone, Copy, Default)]
pub struct PaneRects {
    pub text: Rect,
    pub people: Rect,
    pub sources: Rect,
}

pub struct App {
    pub articles: Vec<Annotated>,
    pub current: usize,
    pub focus: Pane,
    /// The first line the text pane shows.
    pub text_top: Pos,
    pub people: ListState,
    pub sources: ListState,
    pub filter: Filter,
    pub only_paragraphs: bool,
    pub search: Search,
    pub overlay: Option<Overlay>,
    pub themes: Vec<Theme>,
    pub theme: usize,
    pub keymap: KeyMap,
    pub status: Option<String>,
    pub emphasis: Emphasis,
    /// The mention of the selected person that Enter last showed.
    pub mention_cursor: usize,
    pub quit: bool,
    /// Size of the text pane's inside at the last draw.
    pub text_size: (u16, u16),
    pub rects: PaneRects,
    /// Where the reader's exports go; `None`: beside the article.
    pub export_dir: Option<std::path::PathBuf>,
    layout: Option<(LayoutKey, Layout)>,
    /// Articles still being annotated, joining `articles` as they are ready.
    loading: Option<Incoming>,
    /// What loading warned about, once it is over.
    load_warnings: Vec<String>,
    /// Loading ended before every input was read (a loading thread panicked).
    load_failed: bool,
    derived: Derived,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct LayoutKey {
    article: usize,
    width: u16,
    only_paragraphs: bool,
    filter: Filter,
}

/// What follows from the article, the filter and the paragraph mode, kept between frames.
#[derive(Debug, Clone, Default)]
struct Derived {
    order: Vec<usize>,
    visible: Vec<usize>,
    shown: Vec<usize>,
    mentions: Vec<(Span, usize)>,
}

/// The marker drawn before a source in the text, so kinds differ without colour.
pub fn marker(kind: SourceKind) -> char {
    match kind {
        SourceKind::Named => '●',
        SourceKind::Anonymous => '○',
        SourceKind::Organization => '■',
        SourceKind::Media => '▲',
        SourceKind::Document => '◆',
    }
}

impl App {
    pub fn new(articles: Vec<Annotated>, themes: Vec<Theme>, theme: usize, keymap: KeyMap) -> App {
        let mut app = App {
            articles,
            current: 0,
            focus: Pane::Text,
            text_top: Pos::default(),
            people: ListState::default(),
            sources: ListState::default(),
            filter: Filter::All,
            only_paragraphs: false,
            search: Search::default(),
            overlay: None,
            themes,
            theme,
            keymap,
            status: None,
            emphasis: Emphasis::None,
            mention_cursor: 0,
            quit: false,
            text_size: (80, 24),
            rects: PaneRects::default(),
            export_dir: None,
            layout: None,
            loading: None,
            load_warnings: Vec::new(),
            load_failed: false,
            derived: Derived::default(),
        };
        app.reset_article_view();
        app
    }

    pub fn article(&self) -> &Annotated {
        &self.articles[self.current]
    }

    /// Takes in articles as they are annotated (see [`App::receive`]).
    pub fn follow(&mut self, incoming: Incoming) {
        self.loading = Some(incoming);
        self.receive();
    }

    /// Adds the articles annotated since the last call, in input order; true when the
    /// list grew or loading ended. When it ends, its warnings are kept for the end.
    pub fn receive(&mut self) -> bool {
        let Some(incoming) = &mut self.loading else {
            return false;
        };
        let ready = incoming.take_ready();
        let grew = !ready.is_empty();
        self.articles.extend(ready);
        if !incoming.finished() {
            return grew;
        }
        self.load_warnings = incoming.warnings().to_vec();
        self.load_failed = incoming.broken();
        self.loading = None;
        if !self.load_warnings.is_empty() {
            self.status = Some(format!(
                "{} loading warning(s): they are printed when the reader closes",
                self.load_warnings.len()
            ));
        }
        true
    }

    /// Inputs done and inputs in all, while articles are still being annotated.
    pub fn loading_progress(&self) -> Option<(usize, usize)> {
        self.loading.as_ref().map(|l| (l.done_count(), l.total()))
    }

    /// True when loading stopped before every input was read.
    pub fn load_failed(&self) -> bool {
        self.load_failed
    }

    /// Files skipped and decoding problems, as the command line words them.
    pub fn load_warnings(&self) -> &[String] {
        match &self.loading {
            Some(l) => l.warnings(),
            None => &self.load_warnings,
        }
    }

    pub fn theme(&self) -> &Theme {
        &self.themes[self.theme]
    }

    /// People, most mentioned first.
    pub fn people_order(&self) -> &[usize] {
        &self.derived.order
    }

    /// Sources the filter lets through, in reading order.
    pub fn visible_sources(&self) -> &[usize] {
        &self.derived.visible
    }

    /// Paragraphs the text pane shows.
    pub fn shown_paragraphs(&self) -> &[usize] {
        &self.derived.shown
    }

    /// Every person mention of the article in text order, with its person.
    pub fn mentions(&self) -> &[(Span, usize)] {
        &self.derived.mentions
    }

    /// Recomputes what the article, the filter and the paragraph mode decide.
    fn refresh(&mut self) {
        let a = &self.articles[self.current];
        let people = &a.annotations.people;
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_by_key(|&i| {
            (
                std::cmp::Reverse(people[i].mentions.len()),
                people[i].mentions[0].span.start,
            )
        });
        let sources = &a.annotations.sources;
        let visible: Vec<usize> = (0..sources.len())
            .filter(|&i| self.filter.accepts(sources[i].counted_kind))
            .collect();
        let shown = if self.only_paragraphs {
            let claims = a.annotations.unattributed.iter().map(|u| u.paragraph);
            let mut ps: Vec<usize> = if self.filter == Filter::Unattributed {
                claims.flatten().collect()
            } else {
                visible
                    .iter()
                    .filter_map(|&i| sources[i].paragraph)
                    .collect()
            };
            ps.dedup();
            ps
        } else {
            (0..a.article.paragraphs.len()).collect()
        };
        let mentions = crate::annotate::mentions_in_order(people);
        self.derived = Derived {
            order,
            visible,
            shown,
            mentions,
        };
    }

    /// The text laid out for the current pane width (as far as it was read), with the
    /// article it shows; a new layout when the article, width or filter changed.
    fn text_view(&mut self) -> (&mut Layout, &Article) {
        let key = LayoutKey {
            article: self.current,
            width: self.text_size.0,
            only_paragraphs: self.only_paragraphs,
            filter: self.filter,
        };
        let article = &self.articles[key.article];
        if self.layout.as_ref().is_none_or(|(k, _)| *k != key) {
            let sources = &article.annotations.sources;
            let markers: Vec<(usize, char)> = self
                .derived
                .visible
                .iter()
                .map(|&i| (sources[i].span.start, marker(sources[i].kind)))
                .collect();
            let layout = Layout::new(&article.article, &self.derived.shown, key.width, &markers);
            self.layout = Some((key, layout));
        }
        let layout = &mut self.layout.as_mut().expect("layout was just made").1;
        (layout, &article.article)
    }

    /// The line number of the top of the text pane. It lays out the text above, so it
    /// is meant for short articles and tests.
    pub fn text_scroll(&mut self) -> usize {
        let top = self.text_top;
        let (layout, article) = self.text_view();
        layout.line_number(article, top)
    }

    /// The top line of the last page: scrolling stops there.
    fn bottom_top(&mut self) -> Pos {
        let h = self.text_size.1 as usize;
        let (layout, article) = self.text_view();
        layout.bottom_top(article, h)
    }

    fn scroll_text(&mut self, by: isize) {
        let top = self.text_top;
        let (layout, article) = self.text_view();
        let moved = if by < 0 {
            layout.up(article, top, by.unsigned_abs())
        } else {
            layout.down(article, top, by as usize)
        };
        self.text_top = moved.min(self.bottom_top());
    }

    /// Scrolls so the line holding `byte` stands a little below the top.
    pub fn scroll_to_byte(&mut self, byte: usize) {
        let (layout, article) = self.text_view();
        if let Some(at) = layout.pos_of(article, byte) {
            let top = layout.up(article, at, 2);
            self.text_top = top.min(self.bottom_top());
        }
    }

    /// The lines the text pane shows now (keeping the top within the text, which a
    /// resize or a filter may have moved).
    pub fn text_page(&mut self) -> Vec<Line> {
        let bottom = self.bottom_top();
        let h = self.text_size.1 as usize;
        let top = self.text_top.min(bottom);
        let (layout, article) = self.text_view();
        self.text_top = layout.clamp(article, top);
        let top = self.text_top;
        let (layout, article) = self.text_view();
        layout.lines_from(article, top, h)
    }

    /// How far down the text pane has scrolled, in percent; `None` when all the text
    /// fits. Exact where the lines are all laid out, else by bytes read.
    pub fn scroll_percent(&mut self) -> Option<usize> {
        let h = self.text_size.1 as usize;
        let top = self.text_top;
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

    fn reset_article_view(&mut self) {
        self.refresh();
        self.text_top = Pos::default();
        self.people
            .select((!self.article().annotations.people.is_empty()).then_some(0));
        self.sources
            .select((!self.visible_sources().is_empty()).then_some(0));
        self.emphasis = Emphasis::None;
        self.mention_cursor = 0;
        if !self.search.query.is_empty() {
            self.run_search();
        }
    }

    fn set_filter(&mut self, f: Filter) {
        self.filter = f;
        self.refresh();
        self.sources
            .select((!self.visible_sources().is_empty()).then_some(0));
        if matches!(self.emphasis, Emphasis::Source(_)) {
            self.emphasis = Emphasis::None;
        }
        self.text_top = self.text_top.min(self.bottom_top());
    }

    fn move_selection(&mut self, by: isize) {
        match self.focus {
            Pane::Text => self.scroll_text(by),
            Pane::People => {
                let n = self.article().annotations.people.len();
                step(&mut self.people, n, by);
                self.mention_cursor = 0;
                if let Some(p) = self.selected_person() {
                    self.emphasis = Emphasis::Person(p);
                }
            }
            Pane::Sources => {
                let n = self.visible_sources().len();
                step(&mut self.sources, n, by);
                if let Some(s) = self.selected_source() {
                    self.emphasis = Emphasis::Source(s);
                }
            }
        }
    }

    /// `g` and `G`: the text jumps to its first or last page without laying out
    /// what lies between; lists move their selection.
    fn jump_to_end(&mut self, bottom: bool) {
        if self.focus != Pane::Text {
            return self.move_selection(if bottom {
                isize::MAX / 2
            } else {
                isize::MIN / 2
            });
        }
        self.text_top = if bottom {
            self.bottom_top()
        } else {
            Pos::default()
        };
    }

    pub fn selected_person(&self) -> Option<usize> {
        self.people
            .selected()
            .and_then(|i| self.people_order().get(i).copied())
    }

    pub fn selected_source(&self) -> Option<usize> {
        self.sources
            .selected()
            .and_then(|i| self.visible_sources().get(i).copied())
    }

    /// Enter: a person's next mention, or the selected source, shown in the text.
    fn activate(&mut self) {
        match self.focus {
            Pane::People => {
                let Some(p) = self.selected_person() else {
                    return;
                };
                let mentions = &self.article().annotations.people[p].mentions;
                let shown: Vec<Span> = mentions
                    .iter()
                    .filter(|m| m.paragraph.is_some())
                    .map(|m| m.span)
                    .collect();
                if shown.is_empty() {
                    self.status = Some("only mentioned in the title".into());
                    return;
                }
                let k = self.mention_cursor % shown.len();
                self.emphasis = Emphasis::Person(p);
                self.status = Some(format!("mention {}/{}", k + 1, shown.len()));
                self.mention_cursor = k + 1;
                self.ensure_shown(shown[k]);
            }
            Pane::Sources => {
                let Some(s) = self.selected_source() else {
                    return;
                };
                self.emphasis = Emphasis::Source(s);
                let span = self.article().annotations.sources[s].span;
                self.ensure_shown(span);
            }
            Pane::Text => {}
        }
    }

    /// Scrolls to a span, leaving the paragraph filter if it hides the span.
    fn ensure_shown(&mut self, span: Span) {
        let para = self.article().article.paragraph_of(span.start);
        if para.is_some_and(|p| !self.shown_paragraphs().contains(&p)) {
            self.only_paragraphs = false;
            self.refresh();
        }
        self.scroll_to_byte(span.start);
    }

    fn switch_article(&mut self, to: usize) {
        self.current = to % self.articles.len();
        self.reset_article_view();
        let a = self.article();
        self.status = Some(format!(
            "article {}/{}: {}",
            self.current + 1,
            self.articles.len(),
            a.article.title_or_name()
        ));
    }

    /// The next article; past the last one ready, it waits while the rest are annotated
    /// (rather than wrapping to the first).
    fn next_article(&mut self) {
        match self.loading_progress() {
            Some((done, total)) if self.current + 1 == self.articles.len() => {
                self.status = Some(format!(
                    "the next article is not ready: annotating {}",
                    progress_text(done, total)
                ));
            }
            _ => self.switch_article(self.current + 1),
        }
    }

    /// Finds the query (case-insensitive) in the paragraphs.
    pub fn run_search(&mut self) {
        let q = self.search.query.to_lowercase();
        let a = &self.articles[self.current].article;
        let mut matches = Vec::new();
        if !q.is_empty() {
            for p in &a.paragraphs {
                let body = p.span.slice(&a.text);
                matches.extend(
                    find_all_ci(body, &q)
                        .into_iter()
                        .map(|(s, e)| Span::new(p.span.start + s, p.span.start + e)),
                );
            }
        }
        self.search.matches = matches;
        self.search.current = 0;
    }

    fn jump_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.status = Some(if self.search.query.is_empty() {
                "no search: press / to search".into()
            } else {
                format!("no match for “{}”", self.search.query)
            });
            return;
        }
        self.search.current = if forward {
            (self.search.current + 1) % n
        } else {
            (self.search.current + n - 1) % n
        };
        let span = self.search.matches[self.search.current];
        self.ensure_shown(span);
    }

    pub fn apply(&mut self, action: Action) {
        self.status = None;
        let page = self.text_size.1.saturating_sub(2).max(1) as isize;
        match action {
            Action::Quit => self.quit = true,
            Action::NextPane => self.focus = cycle(&Pane::ORDER, self.focus, 1),
            Action::PrevPane => self.focus = cycle(&Pane::ORDER, self.focus, -1),
            Action::Down => self.move_selection(1),
            Action::Up => self.move_selection(-1),
            Action::PageDown => self.move_selection(page),
            Action::PageUp => self.move_selection(-page),
            Action::Top => self.jump_to_end(false),
            Action::Bottom => self.jump_to_end(true),
            Action::Activate => self.activate(),
            Action::CycleFilter => self.set_filter(cycle(&Filter::CYCLE, self.filter, 1)),
            Action::FilterAll => self.set_filter(Filter::All),
            Action::FilterAnonymous => self.set_filter(Filter::Kind(SourceKind::Anonymous)),
            Action::FilterOnRecord => self.set_filter(Filter::OnRecord),
            Action::FilterNamed => self.set_filter(Filter::Kind(SourceKind::Named)),
            Action::FilterOrganization => self.set_filter(Filter::Kind(SourceKind::Organization)),
            Action::FilterMedia => self.set_filter(Filter::Kind(SourceKind::Media)),
            Action::FilterDocument => self.set_filter(Filter::Kind(SourceKind::Document)),
            Action::FilterUnattributed => self.set_filter(Filter::Unattributed),
            Action::OnlyParagraphs => {
                self.only_paragraphs = !self.only_paragraphs;
                self.refresh();
                self.text_top = Pos::default();
            }
            Action::Search => {
                self.search.editing = true;
                self.search.query.clear();
                self.search.matches.clear();
            }
            Action::NextMatch => self.jump_match(true),
            Action::PrevMatch => self.jump_match(false),
            Action::Clear => {
                self.search = Search::default();
                self.emphasis = Emphasis::None;
            }
            Action::NextArticle => self.next_article(),
            Action::PrevArticle => self.switch_article(self.current + self.articles.len() - 1),
            Action::Articles => {
                self.overlay = Some(Overlay::Articles(ArticleList::at(self.current)))
            }
            // Keys of the article list: outside it, they open it.
            Action::SortList | Action::CompareOutlets => {
                let mut list = ArticleList::at(self.current);
                list.comparing = action == Action::CompareOutlets;
                self.overlay = Some(Overlay::Articles(list));
            }
            Action::Summary => self.overlay = Some(Overlay::Summary),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::CycleTheme => {
                self.theme = (self.theme + 1) % self.themes.len();
                self.status = Some(format!("theme: {}", self.theme().name));
            }
            Action::Export => {
                self.overlay = Some(Overlay::Export(ExportPicker {
                    filtered: self.filter != Filter::All,
                    ..Default::default()
                }))
            }
        }
    }

    pub fn close_overlay(&mut self) {
        self.overlay = None;
    }

    pub fn open_article(&mut self, i: usize) {
        self.overlay = None;
        self.switch_article(i);
    }
}

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

fn cycle<T: Copy + PartialEq>(items: &[T], cur: T, by: isize) -> T {
    let i = items.iter().position(|x| *x == cur).unwrap_or(0) as isize;
    items[(i + by).rem_euclid(items.len() as isize) as usize]
}

/// Byte ranges of `needle` (already lowercase) in `hay`, case-insensitively.
/// Compares char by char so offsets stay true even where lowercasing changes lengths.
pub fn find_all_ci(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let n: Vec<char> = needle.chars().collect();
    let h: Vec<(usize, char)> = hay.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + n.len() <= h.len() {
        let hit = n
            .iter()
            .enumerate()
            .all(|(k, c)| h[i + k].1.to_lowercase().eq(c.to_lowercase()));
        if hit {
            let end = h.get(i + n.len()).map_or(hay.len(), |x| x.0);
            out.push((h[i].0, end));
            i += n.len().max(1);
        } else {
            i += 1;
        }
    }
    out
}

/// Quoted passages (between curly or straight quotes) of the paragraphs touching
/// `bytes`, in order. Quotes never run past a paragraph, so only those on screen count.
pub fn quote_spans(a: &Article, bytes: std::ops::Range<usize>) -> Vec<Span> {
    let from = a.paragraphs.partition_point(|p| p.span.end <= bytes.start);
    let to = a.paragraphs.partition_point(|p| p.span.start < bytes.end);
    let mut out = Vec::new();
    for p in &a.paragraphs[from..to.max(from)] {
        let mut open: Option<usize> = None;
        for (i, c) in p.span.slice(&a.text).char_indices() {
            let at = p.span.start + i;
            match (c, open) {
                ('“', None) | ('"', None) => open = Some(at),
                ('”', Some(o)) | ('"', Some(o)) => {
                    out.push(Span::new(o, at + c.len_utf8()));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            out.push(Span::new(o, p.span.end));
        }
    }
    out
}

/// "1,234/10,000": loading progress as the reader shows it.
pub fn progress_text(done: usize, total: usize) -> String {
    format!("{}/{}", thousands(done), thousands(total))
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}
