//! The article list: every open article as a row of a table (name, outlet, date,
//! sources, anonymous share), sorted by any column, filtered by text, with totals, and
//! a comparison of the outlets. The state lives here; `ui.rs` draws it.

use crate::annotate::Annotated;
use crate::stats::{ArticleFacts, GroupBy, Stats};

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
    pub editing_filter: bool,
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
