//! The article list: every open article as a row of a table (name, outlet, date,
//! sources, anonymous share), sorted by any column, filtered by text, with totals, and
//! a comparison of the outlets.

use super::{centered, overlay_block, Outcome};
use crate::annotate::Annotated;
use crate::sanitize::clean;
use crate::stats::{ArticleFacts, GroupBy, Stats};
use crate::tui::app::App;
use crate::tui::field::{Edit, TextField};
use crate::tui::keymap::Action;
use crate::tui::theme::Role;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Clear, Row, Table};
use ratatui::Frame;

/// The order of the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// As the articles were opened.
    #[default]
    Input,
    Outlet,
    Date,
    /// Most sources first.
    Sources,
    /// Highest anonymous share first.
    Anonymous,
}

impl SortBy {
    pub fn next(self) -> SortBy {
        match self {
            SortBy::Input => SortBy::Outlet,
            SortBy::Outlet => SortBy::Date,
            SortBy::Date => SortBy::Sources,
            SortBy::Sources => SortBy::Anonymous,
            SortBy::Anonymous => SortBy::Input,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Input => "opened",
            SortBy::Outlet => "outlet",
            SortBy::Date => "date",
            SortBy::Sources => "sources",
            SortBy::Anonymous => "anonymous share",
        }
    }
}

/// The list overlay's state. `selected` is a position among the rows shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleList {
    pub selected: usize,
    pub sort: SortBy,
    /// Rows whose name, title or outlet hold this text (any case).
    pub filter: String,
    /// The filter while it is typed.
    typing: Option<TextField>,
    /// The per-outlet comparison instead of the rows.
    pub comparing: bool,
}

impl ArticleList {
    /// The list opened with the current article selected (unsorted and unfiltered, a
    /// row's position is its article's index).
    pub fn at(current: usize) -> Self {
        ArticleList {
            selected: current,
            ..ArticleList::default()
        }
    }

    /// The indices of the articles shown, in the order shown.
    pub fn rows(&self, articles: &[Annotated]) -> Vec<usize> {
        let needle = self.filter.to_lowercase();
        let mut rows: Vec<usize> = (0..articles.len())
            .filter(|&i| needle.is_empty() || matches(&articles[i], &needle))
            .collect();
        let meta = |i: usize| &articles[i].article.meta;
        let summary = |i: usize| &articles[i].annotations.summary;
        match self.sort {
            SortBy::Input => {}
            SortBy::Outlet => rows.sort_by_key(|&i| meta(i).outlet.clone().unwrap_or_default()),
            SortBy::Date => rows.sort_by_key(|&i| meta(i).date.clone().unwrap_or_default()),
            SortBy::Sources => rows.sort_by_key(|&i| std::cmp::Reverse(summary(i).sources)),
            SortBy::Anonymous => rows.sort_by(|&a, &b| {
                summary(b)
                    .anonymous_share
                    .total_cmp(&summary(a).anonymous_share)
            }),
        }
        rows
    }

    /// Moves the selection by `by` rows, within `count`.
    pub fn step(&mut self, by: isize, count: usize) {
        let last = count.saturating_sub(1) as isize;
        self.selected = (self.selected as isize + by).clamp(0, last) as usize;
    }
}

fn matches(a: &Annotated, needle: &str) -> bool {
    let m = &a.article.meta;
    [
        Some(a.article.name.as_str()),
        m.title.as_deref(),
        m.outlet.as_deref(),
    ]
    .into_iter()
    .flatten()
    .any(|s| s.to_lowercase().contains(needle))
}

/// The figures of the articles shown, by outlet (the comparison view) or all together.
pub fn outlet_stats(articles: &[Annotated], rows: &[usize]) -> Stats {
    let mut stats = Stats::new(GroupBy::Outlet);
    for &i in rows {
        stats.add(ArticleFacts::of(&articles[i]));
    }
    stats.settle();
    stats
}

/// The name an article goes by in the list: its file name, or corpus file and line.
pub fn short_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

impl ArticleList {
    /// Move, open, sort, filter by typing, compare the outlets; Esc steps back a level
    /// (typing, comparing, filtered) before it closes the list.
    pub fn on_key(
        &mut self,
        key: &KeyEvent,
        action: Option<Action>,
        articles: &[Annotated],
    ) -> Outcome {
        if let Some(field) = &mut self.typing {
            let edit = field.key(key);
            self.filter = match edit {
                Edit::Cancelled => field.before().to_string(),
                _ => field.value().to_string(),
            };
            if edit != Edit::Typing {
                self.typing = None;
            }
            self.selected = 0;
            return Outcome::Stay;
        }
        let rows = self.rows(articles);
        match action {
            Some(Action::Down) => self.step(1, rows.len()),
            Some(Action::Up) => self.step(-1, rows.len()),
            Some(Action::PageDown) => self.step(10, rows.len()),
            Some(Action::PageUp) => self.step(-10, rows.len()),
            Some(Action::Top) => self.selected = 0,
            Some(Action::Bottom) => self.step(isize::MAX / 2, rows.len()),
            Some(Action::Activate) if !self.comparing => {
                if let Some(&i) = rows.get(self.selected) {
                    return Outcome::OpenArticle(i);
                }
            }
            Some(Action::SortList) => self.sort_by_next(&rows, articles),
            Some(Action::Search) => {
                self.typing = Some(TextField::replacing(&self.filter));
                self.filter.clear();
            }
            Some(Action::CompareOutlets) => self.comparing = !self.comparing,
            Some(Action::Clear) if self.comparing => self.comparing = false,
            Some(Action::Clear) if !self.filter.is_empty() => {
                self.filter.clear();
                self.selected = 0;
            }
            Some(Action::Articles | Action::Clear | Action::Quit) => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// The next order, the selected article still selected.
    fn sort_by_next(&mut self, rows: &[usize], articles: &[Annotated]) {
        let current = rows.get(self.selected).copied();
        self.sort = self.sort.next();
        let resorted = self.rows(articles);
        self.selected = current
            .and_then(|c| resorted.iter().position(|&i| i == c))
            .unwrap_or(0);
    }

    pub fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        draw_list(self, f, app, area);
    }

    pub fn hints(&self) -> Vec<(Action, &'static str)> {
        if self.comparing {
            return vec![
                (Action::CompareOutlets, "articles"),
                (Action::Clear, "back"),
            ];
        }
        vec![
            (Action::Down, "move"),
            (Action::Activate, "open"),
            (Action::SortList, "sort"),
            (Action::Search, "filter"),
            (Action::CompareOutlets, "outlets"),
            (Action::Clear, "close"),
        ]
    }
}

fn draw_list(list: &ArticleList, f: &mut Frame, app: &App, area: Rect) {
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
    match &list.typing {
        Some(field) => {
            let (before, after) = field.around_cursor();
            title.push_str(&format!(" · filter: {}_{}", clean(before), clean(after)));
        }
        None if !list.filter.is_empty() => {
            title.push_str(&format!(" · filter: {}", clean(&list.filter)));
        }
        None => {}
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
        anonymous += s.count(crate::annotate::SourceKind::Anonymous);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{parse_text, Format};

    fn article(name: &str, outlet: &str, date: &str, body: &str) -> Annotated {
        let mut a = parse_text(name, format!("T\n\n{body}"), Format::Plain);
        a.meta.outlet = Some(outlet.to_string());
        a.meta.date = Some(date.to_string());
        Annotated::new(a)
    }

    fn corpus() -> Vec<Annotated> {
        vec![
            article(
                "a/one.txt",
                "Ledger",
                "2020-02-01",
                "The plan is dead, an official said.",
            ),
            article(
                "b/two.txt",
                "Courier",
                "2019-05-05",
                "The plan is dead, said Ana Ruiz. \"No,\" said Tom Vale. Two aides said it.",
            ),
            article(
                "c/three.txt",
                "Ledger",
                "2021-07-07",
                "Nothing was said to anyone.",
            ),
        ]
    }

    #[test]
    fn rows_sort_by_each_column_and_filter_by_text() {
        let articles = corpus();
        let mut list = ArticleList::default();
        assert_eq!(list.rows(&articles), [0, 1, 2]);
        list.sort = SortBy::Outlet;
        assert_eq!(list.rows(&articles), [1, 0, 2]);
        list.sort = SortBy::Date;
        assert_eq!(list.rows(&articles), [1, 0, 2]);
        list.sort = SortBy::Sources;
        assert_eq!(list.rows(&articles)[0], 1);
        list.sort = SortBy::Anonymous;
        assert_eq!(
            list.rows(&articles)[0],
            0,
            "one source, anonymous: the highest share"
        );
        list.sort = SortBy::Input;
        list.filter = "LEDGER".to_string();
        assert_eq!(list.rows(&articles), [0, 2]);
        list.filter = "two.txt".to_string();
        assert_eq!(list.rows(&articles), [1]);
    }

    #[test]
    fn the_comparison_counts_the_rows_shown() {
        let articles = corpus();
        let stats = outlet_stats(&articles, &[0, 2]);
        assert_eq!(stats.total.articles, 2);
        assert_eq!(stats.groups.len(), 1);
        assert_eq!(stats.groups["Ledger"].articles, 2);
    }
}
