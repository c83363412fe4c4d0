//! Atomic file writes: a temporary file beside the target, then a rename that, unless
//! forced, never replaces a file that is there.

use super::error::{ExportError, Result};
use std::io::{BufWriter, ErrorKind, Write};
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

/// `--force` replaces a regular file, nothing else: a device, a FIFO or a socket would
/// be turned into a plain file, and a symbolic link would be replaced rather than
/// followed, either way not what was meant.
fn refuse_special(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(ExportError::NotRegular {
            path: path.to_path_buf(),
            what: "a symbolic link",
        }),
        Ok(meta) if !meta.is_file() => Err(ExportError::NotRegular {
            path: path.to_path_buf(),
            what: if meta.is_dir() {
                "a folder"
            } else {
                "a device, FIFO or socket"
            },
        }),
        _ => Ok(()),
    }
}

/// Like [`write_atomic`], with the content streamed by `write` into a temporary file
/// beside `path`, which replaces `path` only once `write` has succeeded.
///
/// Without `force`, a file already at `path` is refused before `write` runs, and one
/// that appears while it runs is kept too: the temporary file is moved into place
/// with a rename that fails when the target exists, so the check and the move are one
/// step. The temporary file is removed whenever the write does not end in place.
pub fn write_atomic_with<E: From<ExportError>>(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    if !force {
        // Not needed for safety, but it spares the work of `write` for nothing.
        refuse_existing(path)?;
    }
    refuse_special(path)?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or(ExportError::NoFileName)?;
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{name}.");
    builder.prefix(&prefix).suffix(".tmp");
    // The new file gets the permissions any new file gets (0666 less the umask), not
    // the owner-only ones of a temporary file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder
        .tempfile_in(dir)
        .map_err(ExportError::file(dir, "cannot create a temporary file"))?;
    let registered = super::temporaries::register(tmp.path());
    let mut out = BufWriter::new(tmp);
    write(&mut out)?;
    let tmp = out
        .into_inner()
        .map_err(|e| ExportError::Io(e.into_error()))?;
    tmp.as_file().sync_all().map_err(ExportError::Io)?;
    let placed = registered.place(|| match force {
        true => tmp.persist(path),
        false => tmp.persist_noclobber(path),
    });
    // A failed move hands the temporary file back in the error, which removes it.
    let refused = |e: tempfile::PersistError| match e.error.kind() {
        ErrorKind::AlreadyExists if !force => ExportError::Exists(path.to_path_buf()),
        _ => ExportError::file(path, "cannot move the new file into place")(e.error),
    };
    Ok(placed.map(drop).map_err(refused)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;

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

    #[cfg(unix)]
    #[test]
    fn force_replaces_regular_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let e = write_atomic(&fifo, b"two", true).unwrap_err().to_string();
        assert!(e.contains("is a device, FIFO or socket"), "{e}");
        assert!(std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo());

        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, b"precious").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let e = write_atomic(&link, b"two", true).unwrap_err().to_string();
        assert!(e.contains("is a symbolic link"), "{e}");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            3,
            "no temporary left"
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

    #[test]
    fn a_file_that_appears_during_the_write_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        // Another program creates the file after the early check, while the content
        // is still being written.
        let raced = write_atomic_with(&p, false, |out| {
            std::fs::write(&p, b"theirs")?;
            out.write_all(b"ours")?;
            Ok::<_, ExportError>(())
        });
        let err = raced.expect_err("the file that appeared is not replaced");
        assert!(err.to_string().contains("already exists"), "{err:#}");
        assert_eq!(std::fs::read(&p).unwrap(), b"theirs");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }

    #[test]
    fn refusing_an_existing_file_names_it_and_force_replaces_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.csv");
        std::fs::write(&p, b"old").unwrap();
        let err = write_atomic(&p, b"new", false).expect_err("refused");
        assert_eq!(
            err.to_string(),
            format!(
                "{}: already exists (pass --force to overwrite it)",
                p.display()
            )
        );
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        write_atomic(&p, b"new", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_not_private_like_a_temporary_one() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("shared.json");
        write_atomic(&p, b"{}", false).unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        // Readable by the group or others unless the umask forbids it: the same as
        // a file made with `File::create` in that folder.
        let plain = dir.path().join("plain.json");
        std::fs::File::create(&plain).unwrap();
        let expected = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected);
    }

    #[test]
    fn a_missing_folder_is_an_error_that_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("nested");
        let err = write_atomic(&folder.join("x.json"), b"1", false).expect_err("no folder");
        assert!(err.to_string().contains("nested"), "{err:#}");
    }
}
