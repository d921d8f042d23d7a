//! `--out FILE` of `agreements export` and `backup`: a file that cannot be written is its own
//! exit status with a plain line naming it, and `--out -` is standard output.

use crate::*;
use pcenter::assets;

/// Runs `args` with an `--out` that cannot be written; returns the one line said on stderr.
fn refused(dir: &Path, args: &[&str]) -> String {
    let output = run(dir, args);
    assert_eq!(output.status.code(), Some(14), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let said = stderr(&output);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.starts_with("pcenter: "),
        "a plain line, not JSON: {said}"
    );
    said
}

#[test]
fn an_out_file_in_a_missing_directory_or_on_a_directory_is_exit_14() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path(), &assets::demo_snapshot());
    let missing = dir.path().join("no-such-dir").join("agreements.csv");
    let said = refused(
        dir.path(),
        &["agreements", "export", "--out", arg(&missing)],
    );
    assert_eq!(
        said,
        format!(
            "pcenter: Cannot write {}: the directory {} does not exist. Name a file in an existing directory, or - for standard output.\n",
            missing.display(),
            dir.path().join("no-such-dir").display()
        )
    );
    let said = refused(
        dir.path(),
        &["agreements", "export", "--out", arg(dir.path())],
    );
    assert_eq!(
        said,
        format!(
            "pcenter: Cannot write {}: it is a directory. Name a file in an existing directory, or - for standard output.\n",
            dir.path().display()
        )
    );
    let said = refused(dir.path(), &["backup", "--out", arg(&missing)]);
    assert!(said.contains("no-such-dir"), "{said}");
    assert!(!missing.exists());
}

#[test]
fn out_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path(), &assets::demo_snapshot());
    let to_stdout = run(dir.path(), &["agreements", "export"]);
    let output = pcenter(dir.path())
        .current_dir(dir.path())
        .args(["agreements", "export", "--out", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), stdout(&to_stdout));
    assert!(stdout(&output).starts_with(&format!("{EXPORT_HEADER}\n")));
    assert!(!dir.path().join("-").exists(), "no file named -");
}

#[cfg(unix)]
mod not_regular_files {
    use crate::*;
    use pcenter::assets;
    use std::io::Read;
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    fn make_fifo(path: &Path) {
        let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }

    /// Reads the FIFO at `path` to its end on another thread.
    fn read_fifo(path: &Path) -> std::thread::JoinHandle<String> {
        let path = path.to_path_buf();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(path)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    }

    fn seeded() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        seed(dir.path(), &assets::demo_snapshot());
        dir
    }

    fn succeeds(dir: &Path, args: &[&str]) -> String {
        let output = run(dir, args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
    }

    #[test]
    fn a_fifo_is_written_as_a_stream_and_stays_a_fifo_of_its_mode() {
        let dir = seeded();
        let fifo = dir.path().join("fifo");
        make_fifo(&fifo);
        let csv = succeeds(dir.path(), &["agreements", "export"]);

        let reader = read_fifo(&fifo);
        let said = succeeds(dir.path(), &["agreements", "export", "--out", arg(&fifo)]);
        assert_eq!(reader.join().unwrap(), csv);
        assert!(said.starts_with("Exported 31 customers"), "{said}");

        let reader = read_fifo(&fifo);
        succeeds(dir.path(), &["backup", "--out", arg(&fifo)]);
        let backup = reader.join().unwrap();
        // A backup holds the whole store, the customers of later days too.
        assert_eq!(backup.lines().count(), 36, "{backup}");
        assert!(backup.ends_with("{\"end\":\"pcenter-backup\",\"customers\":34}\n"));

        // Through a symbolic link too: the link stays, and so does the FIFO.
        let link = dir.path().join("link-to-fifo");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        let reader = read_fifo(&fifo);
        succeeds(dir.path(), &["agreements", "export", "--out", arg(&link)]);
        assert_eq!(reader.join().unwrap(), csv);
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(mode(&fifo), 0o644);
    }

    #[test]
    fn dev_null_is_written_in_place_and_keeps_its_mode() {
        let dir = seeded();
        let null = Path::new("/dev/null");
        let before = mode(null);
        succeeds(dir.path(), &["agreements", "export", "--out", "/dev/null"]);
        succeeds(dir.path(), &["backup", "--out", "/dev/null"]);
        assert!(std::fs::metadata(null)
            .unwrap()
            .file_type()
            .is_char_device());
        assert_eq!(mode(null), before);
    }

    #[test]
    fn a_symbolic_link_to_a_file_is_followed_and_stays_a_link() {
        let dir = seeded();
        let target = dir.path().join("real.csv");
        std::fs::write(&target, "older").unwrap();
        let link = dir.path().join("backlog.csv");
        std::os::unix::fs::symlink("real.csv", &link).unwrap();
        let csv = succeeds(dir.path(), &["agreements", "export"]);
        succeeds(dir.path(), &["agreements", "export", "--out", arg(&link)]);
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), csv);
        assert_eq!(mode(&target), 0o600);

        let backup = dir.path().join("backup.jsonl");
        std::os::unix::fs::symlink("real.jsonl", &backup).unwrap();
        succeeds(dir.path(), &["backup", "--out", arg(&backup)]);
        assert!(std::fs::symlink_metadata(&backup)
            .unwrap()
            .file_type()
            .is_symlink());
        let written = std::fs::read_to_string(dir.path().join("real.jsonl")).unwrap();
        assert_eq!(written.lines().count(), 36);
    }

    #[test]
    fn dev_stdout_and_dash_are_standard_output_with_nothing_else_on_it() {
        let dir = seeded();
        let csv = succeeds(dir.path(), &["agreements", "export"]);
        let through_dev = succeeds(
            dir.path(),
            &["agreements", "export", "--out", "/dev/stdout"],
        );
        assert_eq!(through_dev, csv, "the CSV alone");

        for out in ["-", "/dev/stdout"] {
            let backup = succeeds(dir.path(), &["backup", "--out", out]);
            let lines: Vec<&str> = backup.lines().collect();
            assert_eq!(lines.len(), 36, "{backup}");
            assert!(lines[0].starts_with("{\"format\":\"pcenter-backup\""));
            assert_eq!(lines[35], "{\"end\":\"pcenter-backup\",\"customers\":34}");
            assert!(!dir.path().join("-").exists(), "no file named -");

            // What standard output got is a backup that restores.
            let file = write(dir.path(), "from-stdout.jsonl", backup.as_bytes());
            let restored = tempfile::tempdir().unwrap();
            let said = succeeds(restored.path(), &["restore", arg(&file)]);
            assert!(said.starts_with("Restored 34 customers"), "{said}");
            assert_eq!(load(restored.path()), load(dir.path()));
        }
    }
}
