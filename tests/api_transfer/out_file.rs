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
    assert!(stdout(&output).starts_with(HEADER));
    assert!(!dir.path().join("-").exists(), "no file named -");
}
