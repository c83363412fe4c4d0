//! An article with its annotations, the unit that the reader, the exports and the
//! figures all read.

use super::{Annotations, KindFilter, SourceKind, Summary};
use crate::article::Article;

/// An article with its annotations: what every exporter reads.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub article: Article,
    pub annotations: Annotations,
}

impl Annotated {
    pub fn new(article: Article) -> Self {
        let annotations = super::annotate(&article);
        Annotated {
            article,
            annotations,
        }
    }

    /// A copy keeping only the sources of the given kinds (people stay as they are).
    pub fn only_kinds(&self, kinds: &[SourceKind]) -> Annotated {
        let mut a = self.clone();
        a.retain_kinds(kinds);
        a
    }

    /// Keeps only the sources of the given kinds, in place (people stay as they are).
    pub fn retain_kinds(&mut self, kinds: &[SourceKind]) {
        let sources = std::mem::take(&mut self.annotations.sources);
        // Relayed sources are filtered by the kind they are counted as, and their
        // `relayed_by` indices follow the sources that stay.
        let keep: Vec<bool> = sources
            .iter()
            .map(|s| kinds.contains(&s.counted_kind))
            .collect();
        let mut new_index = vec![None; sources.len()];
        let mut next = 0;
        for (i, &k) in keep.iter().enumerate() {
            if k {
                new_index[i] = Some(next);
                next += 1;
            }
        }
        self.annotations.sources = sources
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(mut s, _)| {
                s.relayed_by = s.relayed_by.and_then(|j| new_index[j]);
                s
            })
            .collect();
        let summary = Summary {
            unattributed: self.annotations.unattributed.len(),
            ..Summary::of(&self.annotations.sources)
        };
        let whole = std::mem::replace(&mut self.annotations.summary, summary);
        // Filtered twice, the kinds kept are those of both filters.
        let filter = match self.annotations.filter.take() {
            Some(f) => KindFilter {
                only: f.only.into_iter().filter(|k| kinds.contains(k)).collect(),
                whole: f.whole,
            },
            None => KindFilter {
                only: SourceKind::ALL
                    .into_iter()
                    .filter(|k| kinds.contains(k))
                    .collect(),
                whole,
            },
        };
        self.annotations.filter = Some(filter);
    }
}
