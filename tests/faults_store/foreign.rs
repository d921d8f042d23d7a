//! Stores that are not damaged but not this pcenter's to use: written by a newer one, or a
//! data directory that is a file or out of reach.

use crate::binary::*;
use crate::support::*;

#[test]
fn a_store_written_by_a_newer_pcenter_is_refused_with_exit_13() {
    let demo = used_store();
    {
        // What a newer pcenter would write: its schema version.
        let db = sled::open(demo.store_path()).unwrap();
        let meta = db.open_tree("meta").unwrap();
        meta.insert("schema_version", &99u32.to_be_bytes()[..])
            .unwrap();
        db.flush().unwrap();
    }
    wait_until_released(&demo.store_path());
    let line = assert_refused_untouched(&demo, 13, "was written by a newer pcenter");
    assert!(
        line.contains("(schema version 99; this one reads up to 5). Upgrade pcenter to open it."),
        "{line}"
    );
}
#[test]
fn a_data_dir_that_is_a_file_is_refused_with_exit_4_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    std::fs::write(&file, "notes").unwrap();
    for args in [&["customers", "list"][..], &[]] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_pcenter"))
            .arg("--data-dir")
            .arg(&file)
            .args(args)
            .env_remove("PCENTER_DATA_DIR")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(4), "{stderr}");
        assert_eq!(
            stderr,
            format!(
                "pcenter: The pcenter store at {}/store could not be used ({} is a file, not a \
                 directory). Check that the path is a directory you may write to, or choose \
                 another --data-dir.\n",
                file.display(),
                file.display()
            )
        );
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "notes");
}

#[test]
fn a_store_out_of_reach_is_refused_with_exit_4() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("skipped: permissions do not bind the root user");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let demo = used_store();
    let store = demo.store_path();
    let data_dir = store.parent().unwrap().to_path_buf();
    for locked in [&store, &data_dir] {
        std::fs::set_permissions(locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let run = demo.run(MANDATORY_DAY, &["customers", "list"]);
        std::fs::set_permissions(locked, std::fs::Permissions::from_mode(0o700)).unwrap();
        assert_eq!(run.code, Some(4), "{run:?}");
        assert_eq!(
            run.stderr,
            format!(
                "pcenter: The pcenter store at {} could not be used (permission denied). Check \
                 that the path is a directory you may write to, or choose another --data-dir.\n",
                store.display()
            )
        );
    }
    assert_eq!(
        demo.run(MANDATORY_DAY, &["customers", "list"]).code,
        Some(0)
    );
}
