//! The sidecar: a TOML file beside the article (`story.txt` → `story.onrecord.toml`), or
//! in a folder of its own for articles that may not be written beside, holding the
//! article's corrections in the order they were made.

use super::Correction;
use serde::{Deserialize, Serialize};
use std::path::{Component, Path, PathBuf};

/// What a sidecar file holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    #[serde(default, rename = "correction")]
    pub corrections: Vec<Correction>,
}

/// The opening comment of every sidecar written, for whoever opens one in an editor.
const HEADER: &str = "\
# onrecord corrections: each [[correction]] changes what the annotator found, in the
# order they were made. Spans are code-point offsets with the text they covered, so a
# correction is found again when the article changes a little.
";

/// A sidecar that could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    #[error("{}: cannot read the corrections: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the corrections are not valid: {message}", path.display())]
    Parse { path: PathBuf, message: String },
    #[error("{}: cannot save the corrections: {source}", path.display())]
    Write {
        path: PathBuf,
        source: Box<crate::export::ExportError>,
    },
}

impl Sidecar {
    /// Reads a sidecar; one that is not there holds no corrections.
    pub fn read(path: &Path) -> Result<Sidecar, SidecarError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Sidecar::default()),
            Err(source) => {
                return Err(SidecarError::Read {
                    path: path.to_path_buf(),
                    source,
                })
            }
        };
        toml::from_str(&text).map_err(|e| SidecarError::Parse {
            path: path.to_path_buf(),
            message: one_line(&e.to_string()),
        })
    }

    /// The corrections of one article of the file: all of them for an article file, the
    /// record's own for a record of a corpus.
    pub fn of_record<'a>(
        &'a self,
        record: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Correction> {
        self.corrections
            .iter()
            .filter(move |c| c.record.as_deref() == record)
    }

    /// The sidecar as written: the header, then one `[[correction]]` table each.
    ///
    /// Each correction is a table of its own, its spans inline (`source = { start = 4,
    /// end = 9, text = "… " }`), so that one edit reads as one block and diffs as one.
    pub fn to_toml(&self) -> String {
        let mut out = String::from(HEADER);
        for correction in &self.corrections {
            out.push_str("\n[[correction]]\n");
            let Ok(toml::Value::Table(fields)) = toml::Value::try_from(correction) else {
                continue;
            };
            // The kind of edit first, then the fields in the order the edit names them.
            let edit = fields.get("edit").map(|v| ("edit", v));
            let rest = fields.iter().filter(|(k, _)| *k != "edit");
            for (key, value) in edit.into_iter().chain(rest.map(|(k, v)| (k.as_str(), v))) {
                out.push_str(&format!("{key} = {value}\n"));
            }
        }
        out
    }

    /// Writes the sidecar atomically (a reader sees the old file or the new); with no
    /// corrections left, the file is removed.
    pub fn write(&self, path: &Path) -> Result<(), SidecarError> {
        let failed = |source: crate::export::ExportError| SidecarError::Write {
            path: path.to_path_buf(),
            source: Box::new(source),
        };
        if self.corrections.is_empty() {
            return match std::fs::remove_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(failed(e.into())),
                _ => Ok(()),
            };
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| failed(e.into()))?;
        }
        crate::export::write_atomic(path, self.to_toml().as_bytes(), true).map_err(failed)
    }
}

/// toml's messages quote the faulty line over several lines; a notice is one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which article a name stands for: a file, or a record of a corpus file (`file:line`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFile {
    pub path: PathBuf,
    pub record: Option<String>,
}

impl ArticleFile {
    /// The file behind an article's name (see `Article::name`): the file itself, or for
    /// `file:line` the corpus file and the line. `None` for what is no file (standard
    /// input, a bundled sample).
    pub fn of_name(name: &str) -> Option<ArticleFile> {
        if Path::new(name).is_file() {
            return Some(ArticleFile {
                path: name.into(),
                record: None,
            });
        }
        let (file, record) = name.rsplit_once(':')?;
        let is_record = !record.is_empty() && record.bytes().all(|b| b.is_ascii_digit());
        (is_record && Path::new(file).is_file()).then(|| ArticleFile {
            path: file.into(),
            record: Some(record.to_string()),
        })
    }
}

/// Where sidecars are kept: beside the articles, or under one folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Place {
    #[default]
    Beside,
    /// Under this folder, at the article's own path (`news/a.txt` →
    /// `DIR/news/a.onrecord.toml`), for articles that may not be written beside.
    Folder(PathBuf),
}

impl Place {
    /// The sidecar of an article file; `None` beside a file name that is no file.
    pub fn sidecar_of(&self, name: &str) -> Option<(PathBuf, Option<String>)> {
        let file = ArticleFile::of_name(name);
        match self {
            Place::Beside => {
                let file = file?;
                Some((sidecar_name(&file.path), file.record))
            }
            Place::Folder(dir) => {
                let (path, record) = match file {
                    Some(f) => (f.path, f.record),
                    None => (PathBuf::from(name), None),
                };
                Some((dir.join(sidecar_name(&inner_path(&path))), record))
            }
        }
    }
}

impl Place {
    /// [`Place::sidecar_of`] for a name that is relative to `base` rather than to the
    /// working folder: beside the file under `base`, or under the folder at the name's
    /// own path, as a run in `base` finds it.
    pub fn sidecar_of_in(&self, base: &Path, name: &str) -> Option<(PathBuf, Option<String>)> {
        let full = base.join(name).display().to_string();
        match self {
            Place::Beside => self.sidecar_of(&full),
            Place::Folder(dir) => {
                let record = ArticleFile::of_name(&full)?.record;
                let file = match &record {
                    Some(_) => name.rsplit_once(':').map_or(name, |(file, _)| file),
                    None => name,
                };
                Some((dir.join(sidecar_name(&inner_path(Path::new(file)))), record))
            }
        }
    }
}

/// `story.txt` → `story.onrecord.toml`.
pub fn sidecar_name(article: &Path) -> PathBuf {
    article.with_extension("onrecord.toml")
}

/// A path made relative and kept inside a folder it is joined to: no root, no `..`.
fn inner_path(path: &Path) -> PathBuf {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::SourceKind;
    use crate::corrections::{Anchor, Edit};

    fn kind_change() -> Correction {
        Correction {
            record: None,
            edit: Edit::SourceKind {
                source: Anchor {
                    start: 10,
                    end: 23,
                    text: "two officials".into(),
                },
                cue: Anchor {
                    start: 24,
                    end: 28,
                    text: "said".into(),
                },
                kind: SourceKind::Anonymous,
            },
        }
    }

    #[test]
    fn a_sidecar_reads_back_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.onrecord.toml");
        let mut sidecar = Sidecar::default();
        sidecar.corrections.push(kind_change());
        sidecar.corrections.push(Correction {
            record: Some("4".into()),
            edit: Edit::NotAPerson {
                person: Anchor {
                    start: 0,
                    end: 6,
                    text: "Brandt".into(),
                },
            },
        });
        sidecar.write(&path).unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.starts_with("# onrecord corrections"), "{written}");
        assert!(written.contains("edit = \"source-kind\""), "{written}");
        assert!(written.contains("kind = \"anonymous\""), "{written}");
        assert!(
            written.contains(
                "[[correction]]\nedit = \"source-kind\"\n\
                 source = { start = 10, end = 23, text = \"two officials\" }\n"
            ),
            "one block per edit, spans inline, in the edit's own order: {written}"
        );
        assert_eq!(Sidecar::read(&path).unwrap(), sidecar);
    }

    #[test]
    fn no_corrections_left_removes_the_file_and_a_missing_file_holds_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.onrecord.toml");
        std::fs::write(&path, "").unwrap();
        Sidecar::default().write(&path).unwrap();
        assert!(!path.exists());
        assert_eq!(Sidecar::read(&path).unwrap(), Sidecar::default());
    }

    #[test]
    fn a_faulty_sidecar_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.onrecord.toml");
        std::fs::write(&path, "[[correction]]\nedit = \"source-colour\"\n").unwrap();
        let e = Sidecar::read(&path).unwrap_err().to_string();
        assert!(e.contains("story.onrecord.toml"), "{e}");
        assert!(e.contains("source-colour"), "{e}");
    }

    #[test]
    fn sidecars_go_beside_the_article_or_under_the_folder_given() {
        let dir = tempfile::tempdir().unwrap();
        let story = dir.path().join("story.txt");
        std::fs::write(&story, "text").unwrap();
        let name = story.display().to_string();
        assert_eq!(
            Place::Beside.sidecar_of(&name),
            Some((dir.path().join("story.onrecord.toml"), None))
        );
        let corpus = dir.path().join("news.jsonl");
        std::fs::write(&corpus, "{}").unwrap();
        let record = format!("{}:12", corpus.display());
        assert_eq!(
            Place::Beside.sidecar_of(&record),
            Some((dir.path().join("news.onrecord.toml"), Some("12".into())))
        );
        let kept = Place::Folder("/keep".into());
        assert_eq!(
            kept.sidecar_of("../shared/story.txt"),
            Some(("/keep/shared/story.onrecord.toml".into(), None))
        );
        assert_eq!(Place::Beside.sidecar_of("no-such-file.txt"), None);
    }

    #[test]
    fn a_name_relative_to_another_folder_finds_the_same_sidecar() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("news")).unwrap();
        std::fs::write(dir.path().join("news/feed.jsonl"), "{}").unwrap();
        let kept = Place::Folder("/keep".into());
        assert_eq!(
            kept.sidecar_of_in(dir.path(), "news/feed.jsonl:3"),
            Some(("/keep/news/feed.onrecord.toml".into(), Some("3".into())))
        );
        assert_eq!(
            Place::Beside.sidecar_of_in(dir.path(), "news/feed.jsonl:3"),
            Some((dir.path().join("news/feed.onrecord.toml"), Some("3".into())))
        );
        assert_eq!(kept.sidecar_of_in(dir.path(), "news/gone.jsonl:3"), None);
    }
}
