//! The reader's own TOML files (a key map, a theme): read and parsed with errors that
//! say which file, which line and what is wrong.

/// A key map or theme file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{file}:{line}: {message}")]
    Invalid {
        file: String,
        line: usize,
        message: String,
    },
    // `error`, not `source`: its text is in the message, so it is no separate cause.
    #[error("{file}: {error}")]
    Unreadable { file: String, error: std::io::Error },
}

impl FileError {
    pub fn invalid(file: &str, line: usize, message: impl Into<String>) -> Self {
        FileError::Invalid {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    /// The line of the file the error is on, where there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            FileError::Invalid { line, .. } => Some(*line),
            FileError::Unreadable { .. } => None,
        }
    }
}

/// The text of the file at `path`.
pub fn read(path: &std::path::Path) -> Result<String, FileError> {
    std::fs::read_to_string(path).map_err(|error| FileError::Unreadable {
        file: path.display().to_string(),
        error,
    })
}

/// `src` parsed as TOML into `T`; `file` names it in errors.
pub fn parse<T: serde::de::DeserializeOwned>(file: &str, src: &str) -> Result<T, FileError> {
    toml::from_str(src).map_err(|e| {
        let line = e.span().map_or(1, |s| line_at(src, s.start));
        FileError::invalid(file, line, e.message())
    })
}

/// The line (from 1) that byte `byte` of `src` stands on.
pub fn line_at(src: &str, byte: usize) -> usize {
    src[..byte.min(src.len())].matches('\n').count() + 1
}
