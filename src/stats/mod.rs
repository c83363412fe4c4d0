//! Corpus statistics: how a whole outlet, year or author sources its stories.
//!
//! Each article is boiled down to its facts where it is annotated (on any core); the
//! facts are then added to their groups in input order, so memory holds the groups,
//! never the articles, and the figures are the same on one core or many.

mod people;
mod render;

pub use people::person_key;
pub use render::{render, table_cells, RenderError, StatsFormat};

use crate::annotate::Annotated;
use crate::annotate::SourceKind;
use serde::Serialize;
use std::collections::BTreeMap;

/// What a row of the statistics stands for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
    strum::EnumMessage,
)]
#[strum(serialize_all = "lowercase")]
pub enum GroupBy {
    Outlet,
    Year,
    Month,
    Author,
    /// Each person named across the corpus (names joined across articles).
    Person,
    /// Each source kind.
    Kind,
}

/// The label of an article or source with nothing to group it by.
const UNKNOWN: &str = "(unknown)";

/// One source, as the statistics count it.
#[derive(Debug, Clone)]
struct SourceFacts {
    kind: SourceKind,
    lacks_reason: bool,
    declined: bool,
    no_response: bool,
    /// The corpus-wide name of the person a named source is.
    person: Option<String>,
}

/// What the statistics need of one annotated article.
#[derive(Debug, Clone)]
pub struct ArticleFacts {
    outlet: Option<String>,
    date: Option<String>,
    authors: Vec<String>,
    sources: Vec<SourceFacts>,
    /// Each person named, with mentions.
    people: Vec<(String, usize)>,
}

impl ArticleFacts {
    pub fn of(a: &Annotated) -> Self {
        let people = &a.annotations.people;
        ArticleFacts {
            outlet: a.article.meta.outlet.clone(),
            date: a.article.meta.date.clone(),
            authors: a.article.meta.authors.clone(),
            sources: a
                .annotations
                .sources
                .iter()
                .map(|s| SourceFacts {
                    kind: s.counted_kind,
                    lacks_reason: s.counted_kind == SourceKind::Anonymous && s.reason.is_none(),
                    declined: s.declined,
                    no_response: s.no_response,
                    person: s.person.map(|i| people[i].name.clone()),
                })
                .collect(),
            people: people
                .iter()
                .map(|p| (p.name.clone(), p.mentions.len()))
                .collect(),
        }
    }

    /// The groups an article goes to: one for most groupings, each author's for
    /// authors, none for kinds (there each source goes to its own kind's).
    fn article_groups(&self, by: GroupBy) -> Vec<String> {
        let date_part = |len: usize| {
            self.date
                .as_deref()
                .and_then(|d| d.get(..len))
                .filter(|d| d.bytes().take(4).all(|b| b.is_ascii_digit()))
                .unwrap_or(UNKNOWN)
                .to_string()
        };
        match by {
            GroupBy::Outlet => vec![self.outlet.clone().unwrap_or_else(|| UNKNOWN.into())],
            GroupBy::Year => vec![date_part(4)],
            GroupBy::Month => vec![date_part(7)],
            GroupBy::Author if self.authors.is_empty() => vec![UNKNOWN.to_string()],
            GroupBy::Author => self.authors.clone(),
            GroupBy::Person | GroupBy::Kind => Vec::new(),
        }
    }
}

/// The running figures of one group.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    pub articles: usize,
    pub sources: usize,
    pub anonymous: usize,
    pub anonymous_without_reason: usize,
    pub named: usize,
    pub declined: usize,
    pub no_response: usize,
    /// For `--by person`: mentions of the person, and times quoted as a named source.
    pub mentions: usize,
    pub quoted: usize,
    /// Times each person is quoted on the record (named sources).
    pub quoted_people: BTreeMap<String, usize>,
    /// For `--by person`: the outlets that name the person, with articles.
    pub outlets: BTreeMap<String, usize>,
}

impl Tally {
    fn add_source(&mut self, s: &SourceFacts) {
        self.sources += 1;
        self.anonymous += usize::from(s.kind == SourceKind::Anonymous);
        self.anonymous_without_reason += usize::from(s.lacks_reason);
        self.named += usize::from(s.kind == SourceKind::Named);
        self.declined += usize::from(s.declined);
        self.no_response += usize::from(s.no_response);
        if let Some(p) = &s.person {
            *self.quoted_people.entry(p.clone()).or_default() += 1;
        }
    }

    /// Adds another tally of the same group (a person found under two names). Articles
    /// that name both forms count twice: the figures are an upper bound there.
    fn merge(&mut self, other: Tally) {
        self.articles += other.articles;
        self.sources += other.sources;
        self.anonymous += other.anonymous;
        self.anonymous_without_reason += other.anonymous_without_reason;
        self.named += other.named;
        self.declined += other.declined;
        self.no_response += other.no_response;
        self.mentions += other.mentions;
        self.quoted += other.quoted;
        for (k, n) in other.quoted_people {
            *self.quoted_people.entry(k).or_default() += n;
        }
        for (k, n) in other.outlets {
            *self.outlets.entry(k).or_default() += n;
        }
    }

    /// The people quoted most on the record, most first (ties by name).
    pub fn most_quoted(&self, n: usize) -> Vec<(&str, usize)> {
        let mut people: Vec<(&str, usize)> = self
            .quoted_people
            .iter()
            .map(|(name, count)| (name.as_str(), *count))
            .collect();
        people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        people.truncate(n);
        people
    }
}

/// The statistics of a corpus, grouped one way, built an article at a time.
#[derive(Debug)]
pub struct Stats {
    by: GroupBy,
    pub total: Tally,
    pub groups: BTreeMap<String, Tally>,
    people: people::Registry,
}

impl Stats {
    pub fn new(by: GroupBy) -> Self {
        Stats {
            by,
            total: Tally::default(),
            groups: BTreeMap::new(),
            people: people::Registry::default(),
        }
    }

    pub fn by(&self) -> GroupBy {
        self.by
    }

    /// The name to show for a person's key.
    pub fn person_name<'a>(&'a self, key: &'a str) -> &'a str {
        self.people.name(key)
    }

    /// Adds one article's facts.
    pub fn add(&mut self, facts: ArticleFacts) {
        let facts = self.people.join(facts);
        self.total.articles += 1;
        for s in &facts.sources {
            self.total.add_source(s);
        }
        if self.by == GroupBy::Person {
            self.add_people(&facts);
            return;
        }
        let article_groups = facts.article_groups(self.by);
        let mut touched = article_groups.clone();
        for s in &facts.sources {
            if self.by == GroupBy::Kind {
                let kind = s.kind.name().to_string();
                self.groups.entry(kind.clone()).or_default().add_source(s);
                touched.push(kind);
                continue;
            }
            for g in &article_groups {
                self.groups.entry(g.clone()).or_default().add_source(s);
            }
        }
        touched.sort();
        touched.dedup();
        for g in touched {
            self.groups.entry(g).or_default().articles += 1;
        }
    }

    /// Each person named: articles, mentions, times quoted, and outlets.
    fn add_people(&mut self, facts: &ArticleFacts) {
        let outlet = facts.outlet.clone().unwrap_or_else(|| UNKNOWN.into());
        for (name, mentions) in &facts.people {
            let t = self.groups.entry(name.clone()).or_default();
            t.articles += 1;
            t.mentions += mentions;
            *t.outlets.entry(outlet.clone()).or_default() += 1;
        }
        for s in &facts.sources {
            if let Some(p) = &s.person {
                let t = self.groups.entry(p.clone()).or_default();
                t.quoted += 1;
                t.add_source(s);
            }
        }
    }

    /// Joins a person known by one name only ("Obama") to the one person of the corpus
    /// with that last name ("Barack Obama"), when there is exactly one. Done once all
    /// articles are in, as a later article may name a second person with that name.
    pub fn settle(&mut self) {
        let joins = self.people.single_names_joined();
        if joins.is_empty() {
            return;
        }
        let rename = |key: String| joins.get(&key).cloned().unwrap_or(key);
        let move_people = |map: BTreeMap<String, usize>| {
            let mut out = BTreeMap::new();
            for (k, n) in map {
                *out.entry(rename(k)).or_insert(0) += n;
            }
            out
        };
        self.total.quoted_people = move_people(std::mem::take(&mut self.total.quoted_people));
        let groups = std::mem::take(&mut self.groups);
        for (key, mut tally) in groups {
            tally.quoted_people = move_people(std::mem::take(&mut tally.quoted_people));
            let key = match self.by {
                GroupBy::Person => rename(key),
                _ => key,
            };
            match self.groups.get_mut(&key) {
                Some(known) => known.merge(tally),
                None => {
                    self.groups.insert(key, tally);
                }
            }
        }
    }

    /// The groups in the order a reader wants them: by people quoted most for
    /// `--by person`, by name (dates in order) otherwise; people by their shown name.
    pub fn rows(&self) -> Vec<(&str, &Tally)> {
        let mut rows: Vec<(&str, &Tally)> = self
            .groups
            .iter()
            .map(|(k, v)| match self.by {
                GroupBy::Person => (self.person_name(k), v),
                _ => (k.as_str(), v),
            })
            .collect();
        if self.by == GroupBy::Person {
            rows.sort_by(|a, b| {
                (b.1.quoted, b.1.mentions)
                    .cmp(&(a.1.quoted, a.1.mentions))
                    .then(a.0.cmp(b.0))
            });
        }
        rows
    }
}

/// A proportion with its 95% Wilson score interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

impl Share {
    /// `part` of `whole`, with the Wilson interval (z = 1.96); 0 of 0 is 0 in [0, 1].
    pub fn of(part: usize, whole: usize) -> Share {
        if whole == 0 {
            return Share {
                value: 0.0,
                low: 0.0,
                high: 1.0,
            };
        }
        let (k, n, z) = (part as f64, whole as f64, 1.96_f64);
        let p = k / n;
        let z2 = z * z;
        let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
        let half = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
        Share {
            value: p,
            low: (centre - half).max(0.0),
            high: (centre + half).min(1.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_intervals_match_published_values() {
        // 8 of 10: the Wilson 95% interval is [0.490, 0.943].
        let s = Share::of(8, 10);
        assert!((s.value - 0.8).abs() < 1e-9);
        assert!((s.low - 0.4902).abs() < 1e-3, "{s:?}");
        assert!((s.high - 0.9433).abs() < 1e-3, "{s:?}");
        let none = Share::of(0, 0);
        assert_eq!((none.low, none.high), (0.0, 1.0));
        let zero = Share::of(0, 20);
        assert_eq!(zero.low, 0.0);
        assert!((zero.high - 0.1611).abs() < 1e-3, "{zero:?}");
    }
}
