//! What can stop the reader, or one of its exports.

use super::keymap::KeyMapError;
use super::theme::ThemeError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Theme(#[from] ThemeError),
    #[error(transparent)]
    KeyMap(#[from] KeyMapError),
    /// The articles could not be loaded (or none could).
    #[error(transparent)]
    Load(#[from] crate::pipeline::Error),
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    #[error("{}: cannot make this folder", .0.display())]
    CannotMakeFolder(PathBuf, #[source] std::io::Error),
    #[error("cannot start the terminal interface")]
    Start(#[source] std::io::Error),
    /// Drawing or reading keys failed.
    #[error(transparent)]
    Terminal(#[from] std::io::Error),
    #[error("annotating stopped: a loading thread failed")]
    LoadingStopped,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
