//! `onrecord import-brat FOLDER`: the edits a person made in brat to a folder our export
//! wrote, read back and appended to each article's corrections.

use super::inputs::{jobs, load_job, loaded_in_order, Input, ReadOptions};
use super::{Error, Notice, Notify, Report, Result};
use crate::annotate::{Annotated, SourceKind};
use crate::article::Article;
use crate::corrections::brat_import::{diff, parse_ann};
use crate::corrections::{apply, skipped_warning, ArticleCorrections, ArticleFile, Correction};
use crate::export::brat::{Manifest, MANIFEST};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Reads the brat folder's manifest, then each article's `.ann`, and appends what
/// differs from the article's annotation (its corrections so far applied) to its
/// sidecar: one [`Notice::Imported`] per sidecar written. What the sidecar holds already
/// is not added again, so a folder imported twice adds nothing the second time.
pub fn import_brat(folder: &Path, options: &ReadOptions, notify: Notify) -> Result<()> {
    let place = options.corrections.place().ok_or(Error::NoCorrections)?;
    let manifest = read_manifest(&folder.join(MANIFEST))?;
    let base = manifest.base.as_deref();
    // Each stem, the article's name as the manifest gives it, and as it is read here.
    let entries: Vec<(&String, &String, String)> = manifest
        .articles
        .iter()
        .map(|(stem, given)| (stem, given, resolve(given, base)))
        .collect();
    let paths: Vec<PathBuf> = entries.iter().map(|(stem, ..)| stem.into()).collect();
    let report = Report::for_paths(&paths, notify);
    for stray in strays(folder, &manifest) {
        report.warning(format!(
            "{}: not in {MANIFEST}, so no article to correct; left alone",
            stray.display()
        ));
    }
    let mut articles = load_articles(&entries, options, &report)?;
    let mut wrote = false;
    for (stem, given, name) in &entries {
        let article = articles.remove(name);
        // A name found from the export's folder has its sidecar where a run there
        // looks for it, which under --corrections DIR is at the name as written.
        let corrections = match base {
            Some(base) if *given != name => ArticleCorrections::load_in(place, base, given),
            _ => ArticleCorrections::load(place, name),
        };
        let only = manifest.only.as_deref();
        let imported = corrections
            .map_err(Error::from)
            .and_then(|c| import_one(folder, stem, name, article, c, only, &report));
        match imported {
            Ok(Some((sidecar, added))) => {
                wrote = true;
                report.notice(Notice::Imported { sidecar, added });
            }
            Ok(None) => {}
            Err(e) => report.failure(e)?,
        }
    }
    if !wrote {
        report.notice(Notice::NothingNew(folder.to_path_buf()));
    }
    report.finish()
}

/// The `.ann` files of the folder that the manifest does not name.
fn strays(folder: &Path, manifest: &Manifest) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut strays: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .filter(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            !manifest.articles.contains_key(stem)
        })
        .collect();
    strays.sort();
    strays
}

fn read_manifest(path: &Path) -> Result<Manifest> {
    let failed = |message: String| Error::Manifest {
        path: path.to_path_buf(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| failed(e.to_string()))?;
    toml::from_str(&text).map_err(|e| {
        let message = e.to_string();
        failed(message.split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

/// An article's name as the manifest gives it, read from here when it is a file from
/// here, else from the folder the export ran in.
fn resolve(name: &str, base: Option<&Path>) -> String {
    if ArticleFile::of_name(name).is_some() {
        return name.to_string();
    }
    match base {
        Some(base) if Path::new(name).is_relative() => {
            let joined = base.join(name).display().to_string();
            match ArticleFile::of_name(&joined) {
                Some(_) => joined,
                None => name.to_string(),
            }
        }
        _ => name.to_string(),
    }
}

/// The articles the manifest names, by name: each file loaded, each corpus read once.
fn load_articles(
    entries: &[(&String, &String, String)],
    options: &ReadOptions,
    report: &Report,
) -> Result<HashMap<String, Article>> {
    let wanted: BTreeSet<&str> = entries.iter().map(|(.., name)| name.as_str()).collect();
    let files: BTreeSet<PathBuf> = entries
        .iter()
        .filter_map(|(.., name)| ArticleFile::of_name(name).map(|f| f.path))
        .collect();
    let inputs = files
        .into_iter()
        .map(|path| Input {
            path,
            from_folder: false,
        })
        .collect();
    let outcomes = jobs(inputs, options).map(|job| load_job(job, options));
    let mut articles = HashMap::new();
    for article in loaded_in_order(outcomes, report) {
        let article = article?;
        if wanted.contains(article.name.as_str()) {
            articles.insert(article.name.clone(), article);
        }
    }
    Ok(articles)
}

/// One article's `.ann` read and compared: the sidecar written and how many
/// corrections were added, or none when nothing is new.
fn import_one(
    folder: &Path,
    stem: &str,
    name: &str,
    article: Option<Article>,
    mut corrections: ArticleCorrections,
    only: Option<&[SourceKind]>,
    report: &Report,
) -> Result<Option<(PathBuf, usize)>> {
    let ann_path = folder.join(format!("{stem}.ann"));
    let txt_path = folder.join(format!("{stem}.txt"));
    let article = article.ok_or_else(|| Error::ArticleGone {
        ann: ann_path.clone(),
        name: name.to_string(),
    })?;
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|source| Error::ReadFile {
            path: path.to_path_buf(),
            source,
        })
    };
    if read(&txt_path)? != article.text {
        return Err(Error::TextChanged {
            txt: txt_path,
            article: name.to_string(),
        });
    }
    let ann = parse_ann(&read(&ann_path)?, &article.text).map_err(|fault| Error::Ann {
        path: ann_path.clone(),
        fault,
    })?;
    let mut annotated = Annotated::new(article);
    let skipped = apply(&mut annotated, &corrections.list);
    let sidecar = corrections.sidecar.clone().unwrap_or_default();
    for s in &skipped {
        report.warning(skipped_warning(&sidecar, &corrections.list, s));
    }
    let (edits, notes) = diff(&annotated, &ann, only);
    for note in notes {
        report.warning(format!("{}: {note}", ann_path.display()));
    }
    let new: Vec<Correction> = edits
        .into_iter()
        .filter(|e| !corrections.list.iter().any(|c| &c.edit == e))
        .map(|edit| Correction {
            record: corrections.record.clone(),
            edit,
        })
        .collect();
    if new.is_empty() {
        return Ok(None);
    }
    let added = new.len();
    corrections.list.extend(new);
    corrections.save(&annotated.article.text)?;
    Ok(corrections.sidecar.map(|s| (s, added)))
}
