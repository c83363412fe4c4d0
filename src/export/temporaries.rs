//! The temporary files and folders onrecord is writing, so that a signal that ends it
//! midway (Ctrl-C, `kill`, a closed terminal) can remove them before it goes: an
//! interrupted export leaves the old files, or none, and nothing half written.
//!
//! A temporary is registered while it exists. Moving one into place and removing them
//! all on a signal each hold the same lock, so a signal either finds the temporary and
//! removes it, or finds it moved whole into place.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporaries that exist now, each with the number that names its registration.
static LIVE: Mutex<Vec<(u64, PathBuf)>> = Mutex::new(Vec::new());
static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn live() -> MutexGuard<'static, Vec<(u64, PathBuf)>> {
    // A thread that panicked while holding the lock left the list as it was.
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A temporary file or folder on the list, taken off it when dropped.
#[must_use]
pub struct Registered(u64);

/// Puts the temporary at `path` on the list.
pub fn register(path: &Path) -> Registered {
    let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    live().push((id, path.to_path_buf()));
    Registered(id)
}

impl Registered {
    /// Runs `place` (the moves that put the temporary in place) with no signal's clean-up
    /// in between, and takes the temporary off the list.
    pub fn place<T>(self, place: impl FnOnce() -> T) -> T {
        let mut live = live();
        let placed = place();
        live.retain(|(id, _)| *id != self.0);
        std::mem::forget(self);
        placed
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        live().retain(|(id, _)| *id != self.0);
    }
}

/// Removes every temporary on the list and returns the lock, which the caller holds
/// until the process ends, so that no temporary is made or moved in the meantime.
pub fn remove_all() -> MutexGuard<'static, Vec<(u64, PathBuf)>> {
    let mut live = live();
    for (_, path) in live.drain(..) {
        match path.is_dir() {
            true => remove_folder(&path),
            // A temporary gone already (removed by its own clean-up) is no error.
            false => drop(std::fs::remove_file(&path)),
        }
    }
    live
}

/// Removes a temporary folder that another thread may still be writing files into: a
/// file made while the folder is emptied leaves it not empty, so it is emptied again.
fn remove_folder(path: &Path) {
    for _ in 0..100 {
        match std::fs::remove_dir_all(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => continue,
            _ => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_removes_what_is_registered_and_nothing_placed() {
        let dir = tempfile::tempdir().unwrap();
        let (file, folder, placed) = (
            dir.path().join(".a.tmp"),
            dir.path().join(".b.tmp"),
            dir.path().join(".c.tmp"),
        );
        std::fs::write(&file, "half").unwrap();
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("x.ann"), "half").unwrap();
        std::fs::write(&placed, "whole").unwrap();
        let _file = register(&file);
        let _folder = register(&folder);
        let done = dir.path().join("done.txt");
        register(&placed).place(|| std::fs::rename(&placed, &done).unwrap());
        drop(remove_all());
        assert!(!file.exists() && !folder.exists());
        assert_eq!(std::fs::read_to_string(done).unwrap(), "whole");
    }
}
