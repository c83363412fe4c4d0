//! Corrections: a user's fixes to what the annotator found, kept in a sidecar file next
//! to the article and applied on top of every fresh annotation (in the reader, in
//! `annotate`, in `stats` and in every export).
//!
//! A correction names what it changes by spans given as offsets **and** text
//! ([`Anchor`]), so it is found again when the article file changes a little; one that
//! cannot be applied any more is reported and kept, never dropped.

pub mod agreement;
mod anchor;
mod apply;
pub mod brat_import;
mod edit;
mod sidecar;

pub use agreement::Agreement;
pub use anchor::Anchor;
pub use apply::{apply, Skipped, Unapplied};
pub use edit::{Correction, Edit};
pub use sidecar::{sidecar_name, ArticleFile, Place, Sidecar, SidecarError};

use crate::annotate::Annotated;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Whether and from where a run applies corrections.
#[derive(Debug, Default)]
pub struct Corrections {
    /// `None`: `--no-corrections`, the annotator's own output.
    place: Option<Place>,
    /// The sidecars of corpus files, read once for all their records.
    corpus_sidecars: Mutex<HashMap<PathBuf, Arc<Sidecar>>>,
}

impl Corrections {
    /// Corrections read from `place`.
    pub fn from(place: Place) -> Corrections {
        Corrections {
            place: Some(place),
            corpus_sidecars: Mutex::default(),
        }
    }

    /// No corrections: the annotator's own output.
    pub fn none() -> Corrections {
        Corrections::default()
    }

    pub fn place(&self) -> Option<&Place> {
        self.place.as_ref()
    }

    /// Applies the article's corrections, if it has any. What cannot be applied, and a
    /// sidecar that cannot be read, come back as warnings.
    pub fn apply_to(&self, annotated: &mut Annotated) -> Vec<String> {
        let Some(place) = &self.place else {
            return Vec::new();
        };
        let Some((path, record)) = place.sidecar_of(&annotated.article.name) else {
            return Vec::new();
        };
        let mut warnings = Vec::new();
        let sidecar = match record {
            None => match Sidecar::read(&path) {
                Ok(s) => Arc::new(s),
                Err(e) => return vec![format!("{e}; none applied")],
            },
            Some(_) => self.corpus_sidecar(&path, &mut warnings),
        };
        let corrections: Vec<Correction> = sidecar.of_record(record.as_deref()).cloned().collect();
        let skipped = apply(annotated, &corrections);
        warnings.extend(
            skipped
                .iter()
                .map(|s| skipped_warning(&path, &corrections, s)),
        );
        warnings
    }

    /// A corpus file's sidecar, read the first time one of its records asks.
    fn corpus_sidecar(&self, path: &Path, warnings: &mut Vec<String>) -> Arc<Sidecar> {
        let mut cache = self
            .corpus_sidecars
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry(path.to_path_buf())
            .or_insert_with(|| match Sidecar::read(path) {
                Ok(s) => Arc::new(s),
                Err(e) => {
                    warnings.push(format!("{e}; none applied"));
                    Arc::default()
                }
            })
            .clone()
    }
}

/// "story.onrecord.toml: correction 2 (source-kind “two aides” → named) not applied: …"
pub fn skipped_warning(path: &std::path::Path, corrections: &[Correction], s: &Skipped) -> String {
    let what = corrections
        .get(s.index)
        .map_or_else(String::new, |c| c.edit.describe());
    format!(
        "{}: correction {} ({what}) not applied: {}",
        crate::sanitize::clean(&path.display().to_string()),
        s.index + 1,
        s.why
    )
}

/// One article's corrections as the reader edits them: the list, and the sidecar they
/// are saved to (none for what is no file, with no `--corrections` folder given).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleCorrections {
    pub sidecar: Option<PathBuf>,
    pub record: Option<String>,
    pub list: Vec<Correction>,
}

impl ArticleCorrections {
    /// The corrections of the article called `name`, read from its sidecar in `place`.
    pub fn load(place: &Place, name: &str) -> Result<ArticleCorrections, SidecarError> {
        ArticleCorrections::load_at(place.sidecar_of(name))
    }

    /// [`ArticleCorrections::load`] for a name relative to `base`, the folder a run
    /// that found the article by this name ran in.
    pub fn load_in(
        place: &Place,
        base: &Path,
        name: &str,
    ) -> Result<ArticleCorrections, SidecarError> {
        ArticleCorrections::load_at(place.sidecar_of_in(base, name))
    }

    fn load_at(
        sidecar: Option<(PathBuf, Option<String>)>,
    ) -> Result<ArticleCorrections, SidecarError> {
        let Some((path, record)) = sidecar else {
            return Ok(ArticleCorrections::default());
        };
        let list = Sidecar::read(&path)?
            .of_record(record.as_deref())
            .cloned()
            .collect();
        Ok(ArticleCorrections {
            sidecar: Some(path),
            record,
            list,
        })
    }

    /// Saves the list, its spans moved to where their text stands in `text`. The
    /// sidecar is read again first, so the corrections of the file's other records are
    /// kept; the write is atomic.
    pub fn save(&mut self, text: &str) -> Result<(), SidecarError> {
        let Some(path) = &self.sidecar else {
            return Ok(());
        };
        for c in &mut self.list {
            c.edit
                .anchors_mut()
                .into_iter()
                .for_each(|a| a.reanchor(text));
            c.record.clone_from(&self.record);
        }
        let mut sidecar = Sidecar::read(path)?;
        sidecar.corrections.retain(|c| c.record != self.record);
        sidecar.corrections.extend(self.list.iter().cloned());
        sidecar.write(path)
    }
}

/// An invented story the unit tests of corrections share.
#[cfg(test)]
pub(crate) mod fixture {
    pub const STORY: &str = "Quarry vote delayed\n\n\
        The quarry permit is on hold, according to three staff members who asked not to \
        be named. \"We are not done,\" said Ilsabet Vornholm, the county planner.\n\n\
        Vornholm met Garrick Tullimore, the board's secretary, on Friday. Tullimore said \
        the hearing would move. The Fenwick Courier reported that the mining firm objected.\n";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn saving_one_record_keeps_the_others_and_moves_spans_to_their_text() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("news.jsonl");
        std::fs::write(&corpus, "{}\n{}\n").unwrap();
        let name = |line: &str| format!("{}:{line}", corpus.display());
        let text = "Later, the clerk said no.";
        let clerk = Span::new(7, 16);
        let edit = |start| Edit::NotAPerson {
            person: Anchor {
                start,
                end: start + 9,
                text: "the clerk".into(),
            },
        };
        let mut first = ArticleCorrections::load(&Place::Beside, &name("1")).unwrap();
        first.list.push(Correction {
            record: None,
            edit: edit(0),
        });
        first.save(text).unwrap();
        let mut second = ArticleCorrections::load(&Place::Beside, &name("2")).unwrap();
        assert!(second.list.is_empty());
        second.list.push(Correction {
            record: None,
            edit: edit(3),
        });
        second.save(text).unwrap();

        let again = ArticleCorrections::load(&Place::Beside, &name("1")).unwrap();
        assert_eq!(again.sidecar, Some(dir.path().join("news.onrecord.toml")));
        assert_eq!(again.list.len(), 1);
        assert_eq!(again.list[0].record.as_deref(), Some("1"));
        assert_eq!(again.list[0].edit.target(), &Anchor::of(text, clerk));
        assert_eq!(
            ArticleCorrections::load(&Place::Beside, &name("2"))
                .unwrap()
                .list
                .len(),
            1
        );
    }
}
