//! Files and directories that hold customers' data: readable by their owner only. Records name
//! people with their email and phone, so every directory pcenter creates is 0700 and every file
//! it writes for a person to take away (exports, backups, the log) is 0600.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `dir` and any missing parents, each only its owner may enter. Directories that
/// already exist keep their mode: they may be the user's own (a home directory, say).
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    let mut builder = DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Creates the file `path`, readable by its owner only; fails if anything is there already,
/// so that nothing planted there (a link, say) is ever written through.
pub fn create_new_file(path: &Path) -> io::Result<File> {
    owner_only(OpenOptions::new().write(true).create_new(true)).open(path)
}

/// Opens `path` for appending, creating it if needed, readable by its owner only.
pub fn append_file(path: &Path) -> io::Result<File> {
    let file = owner_only(OpenOptions::new().append(true).create(true)).open(path)?;
    narrow(&file)?;
    Ok(file)
}

fn owner_only(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, 0o600);
    options
}

fn narrow(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if file.metadata()?.permissions().mode() & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_directories_are_the_owners_only_and_existing_ones_keep_their_mode() {
        let base = tempfile::tempdir().unwrap();
        std::fs::set_permissions(base.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let dir = base.path().join("data").join("store");
        create_dir_all(&dir).unwrap();
        assert_eq!(mode(&base.path().join("data")), 0o700);
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(base.path()), 0o755);
        create_dir_all(&dir).unwrap();
    }

    #[test]
    fn files_are_the_owners_only_even_when_they_existed_with_a_wider_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.csv");
        create_new_file(&path).unwrap().write_all(b"new").unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let again = create_new_file(&path).unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), &link).unwrap();
        assert!(
            create_new_file(&link).is_err(),
            "not written through a link"
        );
        assert!(!dir.path().join("elsewhere").exists());

        let log = dir.path().join("pcenter.log");
        append_file(&log).unwrap().write_all(b"one\n").unwrap();
        append_file(&log).unwrap().write_all(b"two\n").unwrap();
        assert_eq!(mode(&log), 0o600);
        assert_eq!(std::fs::read_to_string(&log).unwrap(), "one\ntwo\n");
    }
}
