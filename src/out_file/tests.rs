use super::*;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn write_all(path: &Path, text: &str) -> io::Result<()> {
    let mut out = OutFile::open(path, None)?;
    out.write_all(text.as_bytes())?;
    out.finish()
}

fn make_fifo(path: &Path, mode: u32) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), mode) }, 0);
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Reads the FIFO at `path` to its end on another thread.
fn read_fifo(path: &Path) -> std::thread::JoinHandle<String> {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let mut text = String::new();
        File::open(path).unwrap().read_to_string(&mut text).unwrap();
        text
    })
}

#[test]
fn a_new_file_is_the_owners_only_and_appears_only_once_complete() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    let mut out = OutFile::open(&path, None).unwrap();
    assert!(out.can_start_over() && !out.is_standard_output());
    out.write_all(b"first").unwrap();
    assert!(!path.exists(), "not in place before it is complete");
    out.start_over().unwrap();
    out.write_all(b"second").unwrap();
    out.finish().unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no leftovers"
    );
}

#[test]
fn a_regular_file_is_replaced_whole_with_the_owners_mode_and_kept_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("backlog.csv");
    std::fs::write(&path, "older").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    {
        let mut out = OutFile::open(&path, None).unwrap();
        out.write_all(b"never finished").unwrap();
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "older");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no leftovers"
    );
    write_all(&path, "newer").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "newer");
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn a_symbolic_link_is_followed_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.csv");
    std::fs::write(&target, "older").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    write_all(&link, "newer").unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "newer");

    let chain = dir.path().join("chain.csv");
    std::os::unix::fs::symlink(&link, &chain).unwrap();
    write_all(&chain, "newest").unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "newest");

    let dangling = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink("made.csv", &dangling).unwrap();
    write_all(&dangling, "made").unwrap();
    assert!(std::fs::symlink_metadata(&dangling)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("made.csv")).unwrap(),
        "made"
    );
}

#[test]
fn a_fifo_is_written_as_a_stream_and_stays_a_fifo_of_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    make_fifo(&fifo, 0o644);
    let reader = read_fifo(&fifo);
    let mut out = OutFile::open(&fifo, None).unwrap();
    assert!(!out.can_start_over());
    assert!(out.start_over().is_err());
    out.write_all(b"streamed").unwrap();
    out.finish().unwrap();
    assert_eq!(reader.join().unwrap(), "streamed");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(mode(&fifo), 0o644);

    let link = dir.path().join("to-fifo");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let reader = read_fifo(&fifo);
    write_all(&link, "through a link").unwrap();
    assert_eq!(reader.join().unwrap(), "through a link");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no leftovers"
    );
}

#[test]
fn a_device_is_written_in_place_and_keeps_its_mode() {
    let null = Path::new("/dev/null");
    let before = mode(null);
    let out = OutFile::open(null, None).unwrap();
    assert!(!out.can_start_over());
    drop(out);
    write_all(null, "gone").unwrap();
    assert!(std::fs::metadata(null)
        .unwrap()
        .file_type()
        .is_char_device());
    assert_eq!(mode(null), before);
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let error = OutFile::open(dir.path(), None).err().unwrap();
    assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
    let missing = dir.path().join("none").join("x.csv");
    let error = OutFile::open(&missing, None).err().unwrap();
    assert_eq!(error.kind(), io::ErrorKind::NotFound);
}

#[test]
fn dash_is_standard_output_when_there_is_one() {
    let mut stdout = Vec::new();
    let mut out = OutFile::open(Path::new("-"), Some(&mut stdout)).unwrap();
    assert!(out.is_standard_output() && !out.can_start_over());
    out.write_all(b"to stdout").unwrap();
    out.finish().unwrap();
    assert_eq!(stdout, b"to stdout");
}

#[test]
fn a_path_through_proc_is_an_open_file_appended_to_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stderr.log");
    std::fs::write(&path, "earlier lines\n").unwrap();
    let open = OpenOptions::new().append(true).open(&path).unwrap();
    use std::os::fd::AsRawFd;
    let through_proc = PathBuf::from(format!("/proc/self/fd/{}", open.as_raw_fd()));
    if !through_proc.exists() {
        return; // no /proc here
    }
    let inode = |p: &Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).unwrap());
    let before = inode(&path);
    write_all(&through_proc, "more\n").unwrap();
    assert_eq!(inode(&path), before, "the same file, not replaced");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "earlier lines\nmore\n"
    );
}

#[test]
fn a_read_only_file_is_not_replaced() {
    if unsafe { libc::geteuid() } == 0 {
        return; // the superuser may write any file
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.csv");
    std::fs::write(&path, "kept").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    let error = OutFile::open(&path, None).err().unwrap();
    assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
    assert_eq!(mode(&path), 0o400);
}
