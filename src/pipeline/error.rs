//! What can stop a run.

use crate::article::LoadError;
use crate::export::ExportError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Stats(#[from] crate::stats::RenderError),
    /// Writing to standard output failed (a full disk; a closed pipe ends a run quietly).
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    #[error("no article could be loaded")]
    NoArticle,
    #[error("{}: the folder holds no article files (.txt, .md, .html, .jsonl, .csv)", .0.display())]
    EmptyFolder(PathBuf),
    #[error("{}: cannot list the folder", path.display())]
    Folder {
        path: PathBuf,
        #[source]
        source: walkdir::Error,
    },
    /// Inputs of a run over several that could not be read (each was reported).
    #[error("{} could not be read (see above)", inputs(*.0))]
    InputsFailed(usize),
}

fn inputs(n: usize) -> String {
    match n {
        1 => "1 input".to_string(),
        n => format!("{n} inputs"),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
