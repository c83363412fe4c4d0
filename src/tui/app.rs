//! The reader's shared state and what each action does to it. No terminal here: key
//! handling is tested as "this key leads to that state". Each pane and overlay keeps
//! its own state and behaviour in `panes/` and `overlays/`; this is what they share.

use super::keymap::{Action, KeyMap};
use super::loader::Incoming;
use super::overlays::articles::ArticleList;
use super::overlays::export::{self, ExportPicker, ExportRequest};
use super::overlays::help::Help;
use super::panes::people::PeoplePane;
use super::panes::sources::SourcesPane;
use super::panes::text::TextPane;
use super::search::Search;
use super::theme::Theme;
use crate::annotate::Annotated;
use crate::span::Span;
use ratatui::layout::Rect;

pub use super::filter::Filter;
pub use super::overlays::{Outcome, Overlay};
pub use super::panes::{Pane, PaneRects};

/// What the text pane emphasises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    None,
    Person(usize),
    Source(usize),
}

pub struct App {
    pub articles: Vec<Annotated>,
    pub current: usize,
    pub focus: Pane,
    pub filter: Filter,
    /// Only the sources linked to this person (index into the article's people).
    pub person_filter: Option<usize>,
    pub only_paragraphs: bool,
    pub search: Search,
    pub overlay: Option<Overlay>,
    pub status: Option<String>,
    pub emphasis: Emphasis,
    pub quit: bool,
    /// Where the reader's exports go; `None`: beside the article.
    pub export_dir: Option<std::path::PathBuf>,
    pub text: TextPane,
    pub people: PeoplePane,
    pub sources: SourcesPane,
    /// Words selected in the text, to be made a source, a mention or a source's part.
    pub selection: Option<super::edits::Selection>,
    /// The screen is narrow: only the focused pane is shown (set by the layout step).
    pub(crate) stacked: bool,
    /// Each article's corrections, once edited or listed.
    pub(super) edits: super::edits::Edits,
    themes: Vec<Theme>,
    theme: usize,
    keymap: KeyMap,
    /// Articles still being annotated, joining `articles` as they are ready.
    loading: Option<Incoming>,
    /// What loading warned about, once it is over.
    load_warnings: Vec<String>,
    /// Loading ended before every input was read (a loading thread panicked).
    load_failed: bool,
    derived: Derived,
}

/// What follows from the article, the filter and the paragraph mode, kept between frames.
#[derive(Debug, Clone, Default)]
struct Derived {
    order: Vec<usize>,
    visible: Vec<usize>,
    shown: Vec<usize>,
    mentions: Vec<(Span, usize)>,
}

impl App {
    pub fn new(articles: Vec<Annotated>, themes: Vec<Theme>, theme: usize, keymap: KeyMap) -> App {
        let mut app = App {
            articles,
            current: 0,
            focus: Pane::Text,
            filter: Filter::All,
            person_filter: None,
            only_paragraphs: false,
            search: Search::default(),
            overlay: None,
            status: None,
            emphasis: Emphasis::None,
            quit: false,
            export_dir: None,
            text: TextPane::default(),
            people: PeoplePane::default(),
            sources: SourcesPane::default(),
            selection: None,
            stacked: false,
            edits: super::edits::Edits::default(),
            themes,
            theme,
            keymap,
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

    pub fn keymap(&self) -> &KeyMap {
        &self.keymap
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
                "{} loading warning(s): {} lists them",
                self.load_warnings.len(),
                self.keymap.label(Action::Warnings)
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

    /// Where the panes are on screen since the last [`App::update_layout`].
    pub fn rects(&self) -> PaneRects {
        PaneRects {
            text: self.text.rect(),
            people: self.people.rows.rect(),
            sources: self.sources.rect(),
        }
    }

    /// The layout step before drawing: where the panes go in `area`, the text page they
    /// show, how far their lists scroll. Drawing then only reads the state.
    pub fn update_layout(&mut self, area: Rect) {
        super::panes::lay_out(self, area);
    }

    /// Recomputes what the article, the filter and the paragraph mode decide.
    pub(super) fn refresh(&mut self) {
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
        let of_person = |i: usize| {
            self.person_filter
                .is_none_or(|p| sources[i].person == Some(p))
        };
        let visible: Vec<usize> = (0..sources.len())
            .filter(|&i| self.filter.accepts(sources[i].counted_kind) && of_person(i))
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

    fn reset_article_view(&mut self) {
        self.person_filter = None;
        self.refresh();
        self.text.go_to_start();
        let people = self.article().annotations.people.len();
        self.people.reset(people);
        self.sources.reset(self.visible_sources().len());
        self.emphasis = Emphasis::None;
        self.selection = None;
        if !self.search.query.is_empty() {
            self.run_search();
        }
    }

    fn set_filter(&mut self, f: Filter) {
        self.filter = f;
        self.refilter();
    }

    /// What the sources list and the text markers show, after a filter changed.
    pub(super) fn refilter(&mut self) {
        self.refresh();
        if self.only_paragraphs {
            self.search_shown_again();
        }
        self.sources.reset(self.visible_sources().len());
        if matches!(self.emphasis, Emphasis::Source(_)) {
            self.emphasis = Emphasis::None;
        }
        self.keep_text_in_view();
    }

    /// Up, down and the page keys move in the focused pane.
    fn move_selection(&mut self, by: isize) {
        match self.focus {
            Pane::Text => self.scroll_text(by),
            Pane::People => self.step_person(by),
            Pane::Sources => self.step_source(by),
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
        self.jump_text_to_end(bottom);
    }

    pub fn selected_person(&self) -> Option<usize> {
        self.people
            .rows
            .selected()
            .and_then(|i| self.people_order().get(i).copied())
    }

    pub fn selected_source(&self) -> Option<usize> {
        self.sources
            .selected()
            .and_then(|i| self.visible_sources().get(i).copied())
    }

    /// Enter: a person's next mention, or the selected source, shown in the text. In
    /// the text itself, the next mention of the person it emphasises.
    fn activate(&mut self) {
        match self.focus {
            Pane::People => self.show_next_mention(),
            Pane::Sources => self.show_selected_source(),
            Pane::Text if matches!(self.emphasis, Emphasis::Person(_)) => {
                self.show_next_mention();
            }
            Pane::Text => {}
        }
    }

    /// On a narrow screen, what is shown in the text needs the text pane in front.
    pub(super) fn bring_text_forward(&mut self) {
        if self.stacked {
            self.focus = Pane::Text;
        }
    }

    /// Scrolls to a span, leaving the paragraph filter if it hides the span.
    pub(super) fn ensure_shown(&mut self, span: Span) {
        let para = self.article().article.paragraph_of(span.start);
        if para.is_some_and(|p| !self.shown_paragraphs().contains(&p)) {
            self.only_paragraphs = false;
            self.refresh();
            self.search_shown_again();
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

    /// What an action does in the reader itself (an open overlay gets keys first).
    pub fn apply(&mut self, action: Action) {
        if Action::EXPORT_PICKER.contains(&action) {
            // Keys of the export picker mean nothing outside it.
            return;
        }
        self.status = None;
        if let Some(filter) = Filter::chosen_by(action) {
            return self.set_filter(filter);
        }
        let page = self.text.page_step() as isize;
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
            Action::Activate if self.focus == Pane::Text && self.selection.is_some() => {
                self.choose_use();
            }
            Action::Activate => self.activate(),
            Action::Details => self.open_details(),
            Action::NextSource => self.step_source_in_text(true),
            Action::PrevSource => self.step_source_in_text(false),
            Action::FilterPerson => self.toggle_person_filter(),
            Action::Warnings => self.open(Overlay::Warnings(Default::default())),
            Action::CycleFilter => self.set_filter(cycle(&Filter::cycle(), self.filter, 1)),
            Action::OnlyParagraphs => {
                self.only_paragraphs = !self.only_paragraphs;
                self.refresh();
                self.search_shown_again();
                self.text.go_to_start();
            }
            Action::Search => self.start_search(),
            Action::NextMatch => self.jump_match(true),
            Action::PrevMatch => self.jump_match(false),
            Action::Clear if self.selection.is_some() => self.selection = None,
            Action::Clear => {
                self.search = Search::default();
                self.emphasis = Emphasis::None;
            }
            Action::NextArticle => self.next_article(),
            Action::PrevArticle => self.switch_article(self.current + self.articles.len() - 1),
            Action::Articles => self.open(Overlay::Articles(ArticleList::at(self.current))),
            // Keys of the article list: outside it, they open it.
            Action::SortList | Action::CompareOutlets => {
                let mut list = ArticleList::at(self.current);
                list.comparing = action == Action::CompareOutlets;
                self.open(Overlay::Articles(list));
            }
            Action::Summary => self.open(Overlay::Summary(Default::default())),
            Action::Help => self.open(Overlay::Help(Help::default())),
            Action::CycleTheme => {
                self.theme = (self.theme + 1) % self.themes.len();
                self.status = Some(format!("theme: {}", self.theme().name));
            }
            Action::Export => self.open(Overlay::Export(ExportPicker::new(
                self.filter != Filter::All,
            ))),
            // Filters were chosen above; the picker's keys left at the start.
            Action::FilterAll
            | Action::FilterAnonymous
            | Action::FilterOnRecord
            | Action::FilterNamed
            | Action::FilterOrganization
            | Action::FilterMedia
            | Action::FilterDocument
            | Action::FilterUnattributed
            | Action::ExportOnlyFiltered
            | Action::ExportFolder => {}
            Action::Select => self.start_selection(),
            Action::EndLeft | Action::EndRight | Action::StartLeft | Action::StartRight => {
                self.move_end(action);
            }
            Action::SourceKind => self.pick_kind(),
            Action::Declined => self.cycle_declined(),
            Action::LinkPerson => self.pick_person_link(),
            Action::ClearReason => self.clear_reason(),
            Action::Remove => self.remove(),
            Action::Rename => self.start_rename(),
            Action::Merge => self.pick_merge(),
            Action::Split => self.split(),
            Action::NotAMention => self.not_a_mention(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Corrections => self.open_corrections(),
        }
    }

    fn open(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
    }

    pub fn close_overlay(&mut self) {
        self.overlay = None;
    }

    /// What an overlay's key led to: it stays (as it is now), closes, or hands the
    /// reader something to do.
    pub fn settle(&mut self, overlay: Overlay, outcome: Outcome) {
        match outcome {
            Outcome::Stay => self.overlay = Some(overlay),
            Outcome::Close => self.close_overlay(),
            Outcome::OpenArticle(i) => self.open_article(i),
            Outcome::Export(request) => self.run_export(&request),
            Outcome::Picked(purpose, i) => {
                self.close_overlay();
                self.picked(purpose, i);
            }
            Outcome::Rename(person, name) => {
                self.close_overlay();
                self.rename(person, name);
            }
            Outcome::Revert(i) => {
                self.revert(i);
                self.reopen_corrections(i);
            }
            Outcome::History(undo) => {
                if undo {
                    self.undo();
                } else {
                    self.redo();
                }
                let cursor = match &overlay {
                    Overlay::Corrections(list) => list.cursor,
                    _ => 0,
                };
                self.reopen_corrections(cursor);
            }
        }
    }

    /// The corrections list again after a change to it, the cursor kept in range.
    fn reopen_corrections(&mut self, cursor: usize) {
        let left = self.current_edits().map_or(0, |e| e.corrections.list.len());
        let cursor = cursor.min(left.saturating_sub(1));
        self.overlay = Some(Overlay::Corrections(
            super::overlays::corrections::CorrectionsList { cursor },
        ));
    }

    pub fn open_article(&mut self, i: usize) {
        self.overlay = None;
        self.switch_article(i);
    }

    /// Runs the export the picker asked for and says how it went.
    fn run_export(&mut self, request: &ExportRequest) {
        self.close_overlay();
        let result = export::run(
            request,
            self.article(),
            self.filter,
            self.export_dir.as_deref(),
        );
        self.status = Some(match result {
            Ok(path) => format!("exported to {}", path.display()),
            Err(e) => format!("export failed: {}", crate::pipeline::chain(&e)),
        });
    }
}

pub(super) fn cycle<T: Copy + PartialEq>(items: &[T], cur: T, by: isize) -> T {
    let i = items.iter().position(|x| *x == cur).unwrap_or(0) as isize;
    items[(i + by).rem_euclid(items.len() as isize) as usize]
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
