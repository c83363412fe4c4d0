//! How far a user's corrections agree with the annotator: each article's fresh
//! annotation set against the same with its corrections applied, counted over many.

use crate::annotate::{Annotated, Source, SourceKind};
use crate::span::Span;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use unicode_width::UnicodeWidthStr;

/// What became of the annotator's sources, and what the user added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SourceCounts {
    /// The sources the annotator found.
    pub annotator: usize,
    pub unchanged: usize,
    pub kind_changed: usize,
    /// Kept with the same kind, but changed otherwise (phrase, person, reason, declined).
    pub other_edits: usize,
    pub removed: usize,
    pub added: usize,
}

/// What became of the annotator's people, and the people the user added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeopleCounts {
    pub annotator: usize,
    /// The same name and the same mentions.
    pub kept: usize,
    pub renamed: usize,
    /// Joined to a person mentioned before them.
    pub merged: usize,
    /// None of their mentions left.
    pub removed: usize,
    /// Mentions gained, lost or split off, the name the same.
    pub other_edits: usize,
    /// People with no mention the annotator found.
    pub added: usize,
}

/// The annotator's mentions of people, kept or removed, and those the user added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MentionCounts {
    pub annotator: usize,
    pub kept: usize,
    pub removed: usize,
    pub added: usize,
}

/// The rows and columns of the kind table: every kind, then none (added or removed).
const KINDS: usize = SourceKind::ALL.len() + 1;

/// The counts over every article added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agreement {
    pub articles: usize,
    /// Articles with at least one correction.
    pub corrected_articles: usize,
    pub sources: SourceCounts,
    pub people: PeopleCounts,
    pub mentions: MentionCounts,
    /// `kinds[annotator][corrected]`, indexed by [`kind_index`]: the last row holds the
    /// sources the user added, the last column those they removed.
    pub kinds: [[usize; KINDS]; KINDS],
}

/// The place of a kind (or none) in the kind table.
pub fn kind_index(kind: Option<SourceKind>) -> usize {
    kind.and_then(|k| SourceKind::ALL.iter().position(|&a| a == k))
        .unwrap_or(KINDS - 1)
}

fn kind_label(i: usize) -> &'static str {
    SourceKind::ALL.get(i).map_or("none", |k| k.name())
}

/// `part / whole`, none of nothing.
fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

impl Agreement {
    /// Adds one article: `fresh` as the annotator found it, `corrected` with the
    /// article's corrections applied. It counts as corrected when anything differs.
    pub fn add(&mut self, fresh: &Annotated, corrected: &Annotated) {
        let (sources, people, mentions) = (self.sources, self.people, self.mentions);
        self.articles += 1;
        self.add_sources(&fresh.annotations.sources, &corrected.annotations.sources);
        self.add_people(fresh, corrected);
        let (s, p, m) = (&self.sources, &self.people, &self.mentions);
        let same = s.unchanged - sources.unchanged == s.annotator - sources.annotator
            && s.added == sources.added
            && p.kept - people.kept == p.annotator - people.annotator
            && p.added == people.added
            && m.kept - mentions.kept == m.annotator - mentions.annotator
            && m.added == mentions.added;
        if !same {
            self.corrected_articles += 1;
        }
    }

    /// The annotator's precision on sources: unchanged / found.
    pub fn source_precision(&self) -> Option<f64> {
        share(self.sources.unchanged, self.sources.annotator)
    }

    /// The annotator's precision on mentions of people: kept / found.
    pub fn mention_precision(&self) -> Option<f64> {
        share(self.mentions.kept, self.mentions.annotator)
    }

    fn add_sources(&mut self, fresh: &[Source], corrected: &[Source]) {
        let c = &mut self.sources;
        c.annotator += fresh.len();
        let mut taken = vec![false; corrected.len()];
        let mut pair = vec![None; fresh.len()];
        // The same phrase and cue; then the same cue, the phrase moved.
        for same_span in [true, false] {
            for (i, s) in fresh.iter().enumerate() {
                if pair[i].is_some() {
                    continue;
                }
                let found = (0..corrected.len()).find(|&j| {
                    let t = &corrected[j];
                    !taken[j] && t.cue == s.cue && (!same_span || t.span == s.span)
                });
                if let Some(j) = found {
                    taken[j] = true;
                    pair[i] = Some(j);
                }
            }
        }
        for (s, j) in fresh.iter().zip(&pair) {
            let to = j.map(|j| &corrected[j]);
            match to {
                None => c.removed += 1,
                Some(t) if t.kind != s.kind => c.kind_changed += 1,
                Some(t) if t.corrected => c.other_edits += 1,
                Some(_) => c.unchanged += 1,
            }
            self.kinds[kind_index(Some(s.kind))][kind_index(to.map(|t| t.kind))] += 1;
        }
        for (t, _) in corrected.iter().zip(&taken).filter(|(_, taken)| !**taken) {
            c.added += 1;
            self.kinds[kind_index(None)][kind_index(Some(t.kind))] += 1;
        }
    }

    fn add_people(&mut self, fresh: &Annotated, corrected: &Annotated) {
        let mentions = |a: &Annotated| -> Vec<Vec<Span>> {
            a.annotations
                .people
                .iter()
                .map(|p| p.mentions.iter().map(|m| m.span).collect())
                .collect()
        };
        let (before, after) = (mentions(fresh), mentions(corrected));
        let all = |m: &[Vec<Span>]| -> BTreeSet<Span> { m.iter().flatten().copied().collect() };
        let (found, left) = (all(&before), all(&after));
        let m = &mut self.mentions;
        m.annotator += found.len();
        m.kept += found.intersection(&left).count();
        m.removed += found.difference(&left).count();
        m.added += left.difference(&found).count();

        let holder = |span: Span| after.iter().position(|ms| ms.contains(&span));
        let p = &mut self.people;
        p.annotator += before.len();
        // The corrected person each of the annotator's people went to (by their first
        // mention left), in order of first mention.
        let mut homes: Vec<usize> = Vec::new();
        for (i, spans) in before.iter().enumerate() {
            let Some(home) = spans.iter().find_map(|&s| holder(s)) else {
                p.removed += 1;
                continue;
            };
            let person = &fresh.annotations.people[i];
            let now = &corrected.annotations.people[home];
            if homes.contains(&home) {
                p.merged += 1;
            } else if now.name != person.name {
                p.renamed += 1;
            } else if after[home] == *spans {
                p.kept += 1;
            } else {
                p.other_edits += 1;
            }
            homes.push(home);
        }
        p.added += after
            .iter()
            .filter(|ms| !ms.iter().any(|s| found.contains(s)))
            .count();
    }

    /// Every figure as (section, measure, value), in the order the table gives them.
    fn rows(&self) -> Vec<(&'static str, &'static str, usize)> {
        let (s, p, m) = (&self.sources, &self.people, &self.mentions);
        vec![
            ("articles", "read", self.articles),
            ("articles", "with corrections", self.corrected_articles),
            ("sources", "found by the annotator", s.annotator),
            ("sources", "unchanged", s.unchanged),
            ("sources", "kind changed", s.kind_changed),
            ("sources", "other edits", s.other_edits),
            ("sources", "removed", s.removed),
            ("sources", "added", s.added),
            ("people", "found by the annotator", p.annotator),
            ("people", "kept", p.kept),
            ("people", "renamed", p.renamed),
            ("people", "merged", p.merged),
            ("people", "removed", p.removed),
            ("people", "other edits", p.other_edits),
            ("people", "added", p.added),
            ("mentions", "found by the annotator", m.annotator),
            ("mentions", "kept", m.kept),
            ("mentions", "removed", m.removed),
            ("mentions", "added", m.added),
        ]
    }

    /// An aligned table: the counts, the precision, then the kind table.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let mut section = "";
        let rows = self.rows();
        let width = rows.iter().map(|r| r.1.width()).max().unwrap_or(0) + 2;
        let digits = rows
            .iter()
            .map(|r| r.2.to_string().len())
            .max()
            .unwrap_or(1);
        for (sec, measure, n) in rows {
            if sec != section {
                out.push_str(sec);
                out.push('\n');
                section = sec;
            }
            let pad = " ".repeat(width - measure.width());
            out.push_str(&format!("  {measure}{pad}{n:>digits$}\n"));
        }
        let percent = |p: Option<f64>, part: usize, whole: usize| match p {
            Some(p) => format!("{:.0}% ({part}/{whole})", p * 100.0),
            None => "none found".to_string(),
        };
        out.push_str("precision of the annotator\n");
        let (s, m) = (&self.sources, &self.mentions);
        let lines = [
            (
                "sources",
                percent(self.source_precision(), s.unchanged, s.annotator),
            ),
            (
                "mentions of people",
                percent(self.mention_precision(), m.kept, m.annotator),
            ),
        ];
        for (what, value) in lines {
            let pad = " ".repeat(width - what.width());
            out.push_str(&format!("  {what}{pad}{value}\n"));
        }
        out.push_str("source kinds (rows: the annotator's, columns: corrected)\n");
        let mut grid: Vec<Vec<String>> = vec![std::iter::once(String::new())
            .chain((0..KINDS).map(|c| kind_label(c).to_string()))
            .collect()];
        for (r, row) in self.kinds.iter().enumerate() {
            grid.push(
                std::iter::once(kind_label(r).to_string())
                    .chain(row.iter().map(usize::to_string))
                    .collect(),
            );
        }
        let widths: Vec<usize> = (0..=KINDS)
            .map(|c| grid.iter().map(|r| r[c].width()).max().unwrap_or(0))
            .collect();
        for row in grid {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(c, cell)| match c {
                    0 => format!("{cell:<w$}", w = widths[c]),
                    _ => format!("{cell:>w$}", w = widths[c]),
                })
                .collect();
            out.push_str(&format!("  {}\n", cells.join("  ").trim_end()));
        }
        out
    }

    /// The figures as JSON: counts by section, each precision (null with nothing
    /// found), and the kind table as `{annotator: {corrected: n}}`.
    pub fn json(&self) -> Value {
        let mut v = json!({});
        for (section, measure, n) in self.rows() {
            v[section][measure.replace(' ', "_")] = json!(n);
        }
        v["sources"]["precision"] = json!(self.source_precision());
        v["mentions"]["precision"] = json!(self.mention_precision());
        let mut kinds = json!({});
        for (r, row) in self.kinds.iter().enumerate() {
            for (c, n) in row.iter().enumerate() {
                kinds[kind_label(r)][kind_label(c)] = json!(n);
            }
        }
        v["kinds"] = kinds;
        v
    }

    /// The figures as CSV rows `section,measure,value`; the kind table's cells as
    /// `kinds,ANNOTATOR to CORRECTED,n`, precision as a fraction.
    pub fn csv(&self) -> Result<String, crate::stats::RenderError> {
        let mut w = ::csv::Writer::from_writer(Vec::new());
        w.write_record(["section", "measure", "value"])?;
        for (section, measure, n) in self.rows() {
            w.write_record([section, measure, &n.to_string()])?;
        }
        let precision = |p: Option<f64>| p.map_or_else(String::new, |p| format!("{p:.4}"));
        w.write_record(["sources", "precision", &precision(self.source_precision())])?;
        w.write_record([
            "mentions",
            "precision",
            &precision(self.mention_precision()),
        ])?;
        for (r, row) in self.kinds.iter().enumerate() {
            for (c, n) in row.iter().enumerate() {
                let cell = format!("{} to {}", kind_label(r), kind_label(c));
                w.write_record(["kinds", &cell, &n.to_string()])?;
            }
        }
        let bytes = w
            .into_inner()
            .map_err(|e| ::csv::Error::from(e.into_error()))?;
        Ok(String::from_utf8(bytes)?)
    }

    /// The figures in the format asked for.
    pub fn render(
        &self,
        format: crate::stats::StatsFormat,
    ) -> Result<String, crate::stats::RenderError> {
        use crate::stats::StatsFormat;
        Ok(match format {
            StatsFormat::Table => self.table(),
            StatsFormat::Csv => self.csv()?,
            StatsFormat::Json => serde_json::to_string_pretty(&self.json())? + "\n",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{parse_text, Format};
    use crate::corrections::{apply, Anchor, Correction, Edit};

    use crate::corrections::fixture::STORY;

    fn at(words: &str, nth: usize) -> Anchor {
        let start = STORY.match_indices(words).nth(nth).unwrap().0;
        Anchor::of(STORY, Span::new(start, start + words.len()))
    }

    fn fresh() -> Annotated {
        Annotated::new(parse_text("story.txt", STORY.to_string(), Format::Plain))
    }

    fn corrected() -> Annotated {
        let edits = vec![
            Edit::SourceKind {
                source: at("The Fenwick Courier", 0),
                cue: at("reported", 0),
                kind: SourceKind::Media,
            },
            Edit::NotASource {
                source: at("Tullimore", 1),
                cue: at("said", 1),
            },
            Edit::NewSource {
                source: at("the mining firm", 0),
                kind: SourceKind::Organization,
                cue: Some(at("objected", 0)),
            },
            Edit::SourceDeclined {
                source: at("Ilsabet Vornholm", 0),
                cue: at("said", 0),
                declined: true,
                no_response: false,
            },
            Edit::PersonName {
                person: at("Vornholm", 1),
                name: "Ilsabet Vornholm-Reyes".into(),
            },
            Edit::MergePeople {
                person: at("Tullimore", 1),
                into: at("Vornholm", 1),
            },
            Edit::NewMention {
                mention: at("the county planner", 0),
                person: None,
            },
        ];
        let list: Vec<Correction> = edits
            .into_iter()
            .map(|edit| Correction { record: None, edit })
            .collect();
        let mut a = fresh();
        assert_eq!(apply(&mut a, &list), []);
        a
    }

    #[test]
    fn each_kind_of_change_is_counted_once() {
        use SourceKind::{Anonymous, Media, Named, Organization};
        let mut agreement = Agreement::default();
        agreement.add(&fresh(), &corrected());
        assert_eq!(
            agreement.sources,
            SourceCounts {
                annotator: 4,
                unchanged: 1,
                kind_changed: 1,
                other_edits: 1,
                removed: 1,
                added: 1,
            }
        );
        assert_eq!(
            agreement.people,
            PeopleCounts {
                annotator: 2,
                kept: 0,
                renamed: 1,
                merged: 1,
                removed: 0,
                other_edits: 0,
                added: 1,
            }
        );
        assert_eq!(
            agreement.mentions,
            MentionCounts {
                annotator: 4,
                kept: 4,
                removed: 0,
                added: 1,
            }
        );
        let k = |a: Option<SourceKind>, b: Option<SourceKind>| {
            agreement.kinds[kind_index(a)][kind_index(b)]
        };
        assert_eq!(k(Some(Anonymous), Some(Anonymous)), 1);
        assert_eq!(k(Some(Named), Some(Named)), 1);
        assert_eq!(k(Some(Named), None), 1);
        assert_eq!(k(Some(Organization), Some(Media)), 1);
        assert_eq!(k(None, Some(Organization)), 1);
        let total: usize = agreement.kinds.iter().flatten().sum();
        assert_eq!(total, 5, "four found, one added");
        assert_eq!(agreement.source_precision(), Some(0.25));
        assert_eq!(agreement.mention_precision(), Some(1.0));
    }

    #[test]
    fn an_article_without_corrections_adds_agreement_only() {
        let mut agreement = Agreement::default();
        agreement.add(&fresh(), &corrected());
        agreement.add(&fresh(), &fresh());
        assert_eq!((agreement.articles, agreement.corrected_articles), (2, 1));
        assert_eq!(agreement.sources.annotator, 8);
        assert_eq!(agreement.sources.unchanged, 5);
        assert_eq!(agreement.people.kept, 2);
        assert_eq!(agreement.source_precision(), Some(5.0 / 8.0));
        assert_eq!(Agreement::default().source_precision(), None);

        let table = agreement.table();
        assert!(table.contains("\n  unchanged               5\n"), "{table}");
        assert!(
            table.contains("\n  sources                 62% (5/8)\n"),
            "{table}"
        );
        assert!(
            table.contains(
                "\n                anonymous  named  organization  media  document  none\n"
            ),
            "{table}"
        );
        assert!(
            table.contains(
                "\n  organization          0      0             1      1         0     0\n"
            ),
            "{table}"
        );
        let v = agreement.json();
        assert_eq!(v["people"]["merged"], 1);
        assert_eq!(v["mentions"]["precision"], 1.0);
        assert_eq!(v["kinds"]["none"]["organization"], 1);
        let csv = agreement.csv().unwrap();
        assert!(csv.contains("\npeople,renamed,1\n"), "{csv}");
        assert!(csv.contains("\nsources,precision,0.6250\n"), "{csv}");
    }
}
