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
    #[error(transparent)]
    Corrections(#[from] crate::corrections::SidecarError),
    #[error("{}: cannot read the brat folder's manifest: {message} (is it a folder `onrecord annotate --format brat -o FOLDER` wrote?)", path.display())]
    Manifest { path: PathBuf, message: String },
    #[error("{}: {fault}", path.display())]
    Ann {
        path: PathBuf,
        fault: crate::corrections::brat_import::AnnFault,
    },
    #[error("{}: the text is not the text of {article} any more (the .txt was edited, or the article changed since the export); export it to brat again", txt.display())]
    TextChanged { txt: PathBuf, article: String },
    #[error("{}: the article {name} it stands for cannot be found", ann.display())]
    ArticleGone { ann: PathBuf, name: String },
    #[error("{}: cannot read the file", path.display())]
    ReadFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("import-brat writes corrections, which --no-corrections leaves out")]
    NoCorrections,
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
