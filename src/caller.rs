//! The process a command runs for: where its standard input comes from, where its standard
//! error goes, how wide the terminal its standard output shows on is, and what its relative
//! paths and `/dev/stdin` are relative to. Usually this very process. When the process that owns
//! a store runs a command for another pcenter (see `owner`), they are that pcenter's, for the
//! duration of the command and on the thread that runs it: its input is read through the
//! socket, its progress is drawn on its terminal, never on the owner's full-screen dashboard.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fs::Metadata;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A file by its device and inode: the file another process's standard output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileId {
    pub device: u64,
    pub inode: u64,
}

impl FileId {
    #[cfg(unix)]
    pub fn of(metadata: &Metadata) -> FileId {
        use std::os::unix::fs::MetadataExt;
        FileId {
            device: metadata.dev(),
            inode: metadata.ino(),
        }
    }

    /// The file this process's standard output is, if it can be told.
    #[cfg(unix)]
    pub fn of_stdout() -> Option<FileId> {
        use std::os::fd::AsFd;
        let descriptor = io::stdout().as_fd().try_clone_to_owned().ok()?;
        std::fs::File::from(descriptor)
            .metadata()
            .ok()
            .map(|m| FileId::of(&m))
    }

    #[cfg(not(unix))]
    pub fn of_stdout() -> Option<FileId> {
        None
    }
}

/// Another process a command runs for.
pub struct Caller {
    /// Its standard input, read only when the command reads standard input (`-`).
    pub stdin: Box<dyn Read + Send>,
    pub stderr: Box<dyn Write + Send>,
    pub stderr_is_terminal: bool,
    /// The width a table printed on its standard output fits (see `api::fit`); `None` when that
    /// is no terminal.
    pub stdout_columns: Option<usize>,
    /// The file its standard output is, so that `--out` naming that file writes to standard
    /// output, as it does for a command run alone.
    pub stdout_file: Option<FileId>,
    /// The directory its relative paths are relative to (absolute).
    pub directory: PathBuf,
    /// Its process ID as the system tells it, for the paths that name its own open files
    /// (`/dev/stdin`, `/dev/fd/3`).
    pub process: Option<u32>,
}

struct Current {
    stdin: Box<dyn Read + Send>,
    stderr: Arc<Mutex<Box<dyn Write + Send>>>,
    stderr_is_terminal: bool,
    stdout_columns: Option<usize>,
    stdout_file: Option<FileId>,
    directory: PathBuf,
    process: Option<u32>,
}

thread_local! {
    static CURRENT: RefCell<Option<Current>> = const { RefCell::new(None) };
}

/// Runs `work` on this thread for `caller`: every function of this module answers for it
/// until `work` returns (or panics).
pub fn run_for<T>(caller: Caller, work: impl FnOnce() -> T) -> T {
    struct Restore(Option<Current>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            CURRENT.with(|current| *current.borrow_mut() = previous);
        }
    }
    let current = Current {
        stdin: caller.stdin,
        stderr: Arc::new(Mutex::new(caller.stderr)),
        stderr_is_terminal: caller.stderr_is_terminal,
        stdout_columns: caller.stdout_columns,
        stdout_file: caller.stdout_file,
        directory: caller.directory,
        process: caller.process,
    };
    let _restore = Restore(CURRENT.with(|slot| slot.borrow_mut().replace(current)));
    work()
}

fn with_current<T>(f: impl FnOnce(Option<&mut Current>) -> T) -> T {
    CURRENT.with(|current| f(current.borrow_mut().as_mut()))
}

/// Reads standard input to its end, or to `limit` bytes, into `bytes`.
pub fn read_stdin(limit: u64, bytes: &mut Vec<u8>) -> io::Result<usize> {
    with_current(|current| match current {
        Some(current) => (&mut current.stdin).take(limit).read_to_end(bytes),
        None => io::stdin().take(limit).read_to_end(bytes),
    })
}

/// Standard error, to write to.
pub fn stderr() -> Box<dyn Write> {
    with_current(|current| match current {
        Some(current) => Box::new(Shared(current.stderr.clone())) as Box<dyn Write>,
        None => Box::new(io::stderr()),
    })
}

pub fn stderr_is_terminal() -> bool {
    with_current(|current| match current {
        Some(current) => current.stderr_is_terminal,
        None => io::stderr().is_terminal(),
    })
}

/// The width of the terminal standard output shows on for the caller, when one runs a command
/// here (`Some(None)`: not a terminal); `None` when the command runs for this process.
pub fn stdout_columns() -> Option<Option<usize>> {
    with_current(|current| current.map(|current| current.stdout_columns))
}

/// Whether `found` is the file the caller's standard output is; `None` when the command runs
/// for this process.
pub fn is_stdout(found: &Metadata) -> Option<bool> {
    #[cfg(unix)]
    let id = Some(FileId::of(found));
    #[cfg(not(unix))]
    let id: Option<FileId> = {
        let _ = found;
        None
    };
    with_current(|current| {
        current.map(|current| current.stdout_file.is_some() && current.stdout_file == id)
    })
}

/// `path` as the caller means it: a relative path in its directory, `/dev/stdin`,
/// `/dev/fd/N` and `/proc/self/…` among its own open files. Messages keep naming the path as
/// given.
pub fn path(path: &Path) -> Cow<'_, Path> {
    with_current(|current| match current {
        None => Cow::Borrowed(path),
        Some(current) => Cow::Owned(resolved(path, &current.directory, current.process)),
    })
}

fn resolved(path: &Path, directory: &Path, process: Option<u32>) -> PathBuf {
    if path.is_relative() {
        return directory.join(path);
    }
    let Some(process) = process else {
        return path.to_path_buf();
    };
    let own = PathBuf::from(format!("/proc/{process}"));
    // Joined only when there is more: joining an empty path would add a `/`.
    let then = |base: PathBuf, rest: &Path| match rest.as_os_str().is_empty() {
        true => base,
        false => base.join(rest),
    };
    let standard = [
        ("/dev/stdin", "0"),
        ("/dev/stdout", "1"),
        ("/dev/stderr", "2"),
    ];
    for (name, descriptor) in standard {
        if let Ok(rest) = path.strip_prefix(name) {
            return then(own.join("fd").join(descriptor), rest);
        }
    }
    if let Ok(rest) = path.strip_prefix("/dev/fd") {
        return then(own.join("fd"), rest);
    }
    for prefix in ["/proc/self", "/proc/thread-self"] {
        if let Ok(rest) = path.strip_prefix(prefix) {
            return then(own.clone(), rest);
        }
    }
    path.to_path_buf()
}

/// Standard error shared by the sinks of one command (the progress bar and the messages).
struct Shared(Arc<Mutex<Box<dyn Write + Send>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(stdin: &'static [u8], stderr: Arc<Mutex<Vec<u8>>>) -> Caller {
        struct Into(Arc<Mutex<Vec<u8>>>);
        impl Write for Into {
            fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        Caller {
            stdin: Box::new(stdin),
            stderr: Box::new(Into(stderr)),
            stderr_is_terminal: true,
            stdout_columns: Some(72),
            stdout_file: Some(FileId {
                device: 1,
                inode: 2,
            }),
            directory: PathBuf::from("/home/ann/work"),
            process: Some(4242),
        }
    }

    #[test]
    fn a_caller_answers_for_the_command_and_only_while_it_runs() {
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let read = run_for(caller(b"{\"a\":1}", stderr.clone()), || {
            let mut bytes = Vec::new();
            read_stdin(4, &mut bytes).unwrap();
            writeln!(super::stderr(), "summary").unwrap();
            assert!(stderr_is_terminal());
            assert_eq!(stdout_columns(), Some(Some(72)));
            bytes
        });
        assert_eq!(read, b"{\"a\"", "the limit is kept");
        assert_eq!(stderr.lock().unwrap().as_slice(), b"summary\n");
        assert_eq!(
            stdout_columns(),
            None,
            "this process's own once it returned"
        );
        assert_eq!(path(Path::new("x.csv")), Path::new("x.csv"));
    }

    #[test]
    fn paths_are_the_callers_relative_ones_and_its_own_open_files() {
        let stderr = Arc::new(Mutex::new(Vec::new()));
        run_for(caller(b"", stderr), || {
            let cases = [
                ("backlog.csv", "/home/ann/work/backlog.csv"),
                ("../up/b.csv", "/home/ann/work/../up/b.csv"),
                ("/srv/x.csv", "/srv/x.csv"),
                ("/dev/stdin", "/proc/4242/fd/0"),
                ("/dev/stdout", "/proc/4242/fd/1"),
                ("/dev/stderr", "/proc/4242/fd/2"),
                ("/dev/fd/3", "/proc/4242/fd/3"),
                ("/proc/self/fd/4", "/proc/4242/fd/4"),
                ("/proc/thread-self/fd/5", "/proc/4242/fd/5"),
                ("/dev/stdinx", "/dev/stdinx"),
                ("/proc/1/fd/0", "/proc/1/fd/0"),
            ];
            for (given, meant) in cases {
                // Byte for byte: a `/` at the end is not the same file name.
                assert_eq!(path(Path::new(given)).as_os_str(), meant, "{given}");
            }
        });
    }

    #[test]
    fn a_panic_in_the_command_leaves_the_thread_to_itself() {
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let result = std::panic::catch_unwind(|| run_for(caller(b"", stderr), || panic!("boom")));
        assert!(result.is_err());
        assert_eq!(stdout_columns(), None);
    }
}
