//! Putting a restored store in the target's place in one step: the two directories trade
//! names atomically, so there is no moment at which the target path is free for another
//! pcenter to make a store in, and a crash leaves one or the other in place, never neither.

use std::io;
use std::path::Path;

/// Makes `a` and `b`, two existing directories, trade names.
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    match exchange_atomically(a, b) {
        Err(e) if matches!(e.raw_os_error(), Some(code) if unsupported(code)) => {
            exchange_in_steps(a, b)
        }
        other => other,
    }
}

/// The error codes of a system or file system that cannot exchange two names at once.
fn unsupported(code: i32) -> bool {
    #[cfg(target_os = "linux")]
    {
        code == libc::EINVAL || code == libc::ENOSYS || code == libc::EOPNOTSUPP
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = code;
        true
    }
}

#[cfg(target_os = "linux")]
fn exchange_atomically(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c_path = |path: &Path| {
        CString::new(path.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a path holds a NUL byte"))
    };
    let (a, b) = (c_path(a)?, c_path(b)?);
    // SAFETY: both paths are NUL-terminated strings that live across the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange_atomically(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from_raw_os_error(0))
}

/// The exchange as three renames, where the system has no atomic one; each step undone when a
/// later one fails.
fn exchange_in_steps(a: &Path, b: &Path) -> io::Result<()> {
    let name = b.file_name().unwrap_or_default().to_string_lossy();
    let parked = b.with_file_name(format!(".{name}.exchanging"));
    std::fs::rename(b, &parked)?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&parked, b);
        return Err(e);
    }
    if let Err(e) = std::fs::rename(&parked, a) {
        let _ = std::fs::rename(b, a).and_then(|()| std::fs::rename(&parked, b));
        return Err(e);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_directories_trade_names_with_everything_in_them() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        for (path, content) in [(&a, "first"), (&b, "second")] {
            std::fs::create_dir(path).unwrap();
            std::fs::write(path.join("file"), content).unwrap();
        }
        exchange(&a, &b).unwrap();
        assert_eq!(std::fs::read_to_string(a.join("file")).unwrap(), "second");
        assert_eq!(std::fs::read_to_string(b.join("file")).unwrap(), "first");
        exchange_in_steps(&a, &b).unwrap();
        assert_eq!(std::fs::read_to_string(a.join("file")).unwrap(), "first");
        assert_eq!(std::fs::read_to_string(b.join("file")).unwrap(), "second");
        let entries = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(entries, 2, "nothing left beside them");
    }

    #[test]
    fn a_missing_directory_is_an_error_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::create_dir(&a).unwrap();
        assert!(exchange(&a, &dir.path().join("missing")).is_err());
        assert!(a.is_dir());
    }
}
