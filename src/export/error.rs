//! What can go wrong writing an export.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// An output file that is there already and may not be replaced.
    #[error("{}: already exists (pass --force to overwrite it)", .0.display())]
    Exists(PathBuf),
    /// A file or folder that could not be created, written or moved into place.
    #[error("{}: {action}", path.display())]
    File {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// `--force` replaces regular files only.
    #[error("{}: is {what}; only a regular file is replaced", path.display())]
    NotRegular { path: PathBuf, what: &'static str },
    /// brat writes a folder; this path is something else.
    #[error("{}: is not a folder (brat writes a folder)", .0.display())]
    NotAFolder(PathBuf),
    #[error("the output path has no file name")]
    NoFileName,
    #[error("sqlite writes a database: pass -o FILE.db")]
    NeedsDatabaseFile,
    #[error("brat writes one .txt and .ann per article: pass -o FOLDER for several articles")]
    NeedsFolder,
    /// A database that could not be opened, or is not one of ours.
    #[error("{}: {action}", path.display())]
    Database {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Json(serde_json::Error),
    #[error(transparent)]
    Csv(#[from] csv::Error),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Utf8(#[from] std::string::FromUtf8Error),
}

impl From<serde_json::Error> for ExportError {
    /// JSON is written straight to the output, so its I/O errors are the output's (a
    /// full disk, a reader that stopped reading): they stay I/O errors.
    fn from(e: serde_json::Error) -> Self {
        if e.is_io() {
            ExportError::Io(e.into())
        } else {
            ExportError::Json(e)
        }
    }
}

impl ExportError {
    /// An I/O error on `path`, saying what was being done.
    pub fn file(
        path: impl Into<PathBuf>,
        action: &'static str,
    ) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| ExportError::File {
            path,
            action,
            source,
        }
    }
}

pub type Result<T, E = ExportError> = std::result::Result<T, E>;
