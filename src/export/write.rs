//! Atomic file writes: a temporary file beside the target, then a rename.

use super::error::{ExportError, Result};
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `bytes` to `path` so that a reader sees the old file or the new, never half.
/// An existing file is kept unless `force` is set.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_atomic_with(path, force, |out| {
        Ok::<_, ExportError>(out.write_all(bytes)?)
    })
}

/// The error for an output file that is there already and may not be replaced.
pub fn refuse_existing(path: &Path) -> Result<()> {
    match path.exists() {
        true => Err(ExportError::Exists(path.to_path_buf())),
        false => Ok(()),
    }
}

/// Like [`write_atomic`], with the content streamed by `write` into a temporary file
/// beside `path`, which replaces `path` only once `write` has succeeded.
pub fn write_atomic_with<E: From<ExportError>>(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    if !force {
        refuse_existing(path)?;
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or(ExportError::NoFileName)?;
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> Result<(), E> {
        let file = std::fs::File::create(&tmp).map_err(ExportError::file(&tmp, "cannot create"))?;
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        let file = out
            .into_inner()
            .map_err(|e| ExportError::Io(e.into_error()))?;
        file.sync_all().map_err(ExportError::Io)?;
        let moved = std::fs::rename(&tmp, path);
        Ok(moved.map_err(ExportError::file(
            path,
            "cannot move the new file into place",
        ))?)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        write_atomic(&p, b"one", false).unwrap();
        assert!(write_atomic(&p, b"two", false).is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        write_atomic(&p, b"one", false).unwrap();
        let failed = write_atomic_with(&p, true, |out| {
            out.write_all(b"half")?;
            Err(ExportError::NoFileName)
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
