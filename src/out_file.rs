//! Where `--out` writes an export or a backup. A regular file (or a new one) is written into a
//! temporary file beside it, readable by its owner only, that takes its name once complete:
//! until then an older file there is untouched. Anything else a path may name belongs to
//! someone else and is only written to, as a stream: a FIFO, a terminal or another device is
//! never replaced, truncated or changed in mode. A symbolic link is followed to what it names,
//! and stays a link. `-`, or a path naming the very file standard output is (`/dev/stdout`),
//! is standard output.

use crate::private;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// An open `--out` destination; `finish` completes it.
pub struct OutFile<'a> {
    /// The path as given, for messages.
    named: PathBuf,
    kind: Kind<'a>,
}

enum Kind<'a> {
    /// The command's own standard output.
    Standard(&'a mut dyn Write),
    /// Written as it is, in place.
    Stream(File),
    /// A temporary file beside `target`, renamed over it by `finish`.
    Replacing(Temporary),
}

/// How many symbolic links in a row are followed before giving up, as the kernel does.
const LINKS_MAX: usize = 40;

impl<'a> OutFile<'a> {
    /// Opens `path` for writing. `stdout` is the command's standard output, written to for
    /// `-` or for a path naming the same file; without it (the dashboard, whose standard
    /// output is its screen) `-` is a file name like any other.
    pub fn open(path: &Path, stdout: Option<&'a mut dyn Write>) -> io::Result<OutFile<'a>> {
        let named = path.to_path_buf();
        // The file the path names for the pcenter the command runs for (see `caller`).
        let resolved = crate::caller::path(path);
        let kind = match stdout {
            Some(stdout) if path.as_os_str() == "-" => Kind::Standard(stdout),
            stdout => match std::fs::metadata(&resolved) {
                Ok(found) if found.is_dir() => return Err(io::ErrorKind::IsADirectory.into()),
                Ok(found) if stdout.is_some() && is_standard_output(&found) => {
                    Kind::Standard(stdout.expect("checked"))
                }
                Ok(found) => open_existing(&resolved, &found)?,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    Kind::Replacing(Temporary::beside(&follow_links(&resolved)?)?)
                }
                Err(e) => return Err(e),
            },
        };
        Ok(OutFile { named, kind })
    }

    /// The path as given.
    pub fn path(&self) -> &Path {
        &self.named
    }

    /// Whether this writes to the command's standard output, which then carries nothing else.
    pub fn is_standard_output(&self) -> bool {
        matches!(self.kind, Kind::Standard(_))
    }

    /// Whether what was written can be taken back and written again: only a file not yet in
    /// its place can.
    pub fn can_start_over(&self) -> bool {
        matches!(self.kind, Kind::Replacing(_))
    }

    /// Empties the temporary file, to write it again from the start.
    pub fn start_over(&mut self) -> io::Result<()> {
        match &mut self.kind {
            Kind::Replacing(temporary) => temporary.empty(),
            _ => Err(io::Error::other("a stream cannot be written again")),
        }
    }

    /// Flushes what was written and, for a regular file, puts it in place durably.
    pub fn finish(self) -> io::Result<()> {
        match self.kind {
            Kind::Standard(out) => out.flush(),
            Kind::Stream(mut file) => file.flush(),
            Kind::Replacing(temporary) => temporary.put_in_place(),
        }
    }
}

impl Write for OutFile<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match &mut self.kind {
            Kind::Standard(out) => out.write(bytes),
            Kind::Stream(file) => file.write(bytes),
            Kind::Replacing(temporary) => temporary.file.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.kind {
            Kind::Standard(out) => out.flush(),
            Kind::Stream(file) => file.flush(),
            Kind::Replacing(temporary) => temporary.file.flush(),
        }
    }
}

/// What is done with something that is already at `path` (`found`, links followed).
fn open_existing<'a>(path: &Path, found: &Metadata) -> io::Result<Kind<'a>> {
    let target = follow_links(path)?;
    if !found.is_file() {
        // Someone else's FIFO, terminal or device: written to, never replaced or truncated.
        return Ok(Kind::Stream(OpenOptions::new().write(true).open(path)?));
    }
    if names_open_descriptor(path) || names_open_descriptor(&target) {
        // `/dev/stderr`, `/proc/self/fd/3`: a file some process has open, maybe to append;
        // replacing it would cut that process off from it.
        return Ok(Kind::Stream(OpenOptions::new().append(true).open(path)?));
    }
    // A file its owner made read-only stays so: it is replaced only if it may be written.
    OpenOptions::new().write(true).open(&target)?;
    Ok(Kind::Replacing(Temporary::beside(&target)?))
}

/// Whether `path` names a file descriptor rather than a place: on Linux `/dev/stdout` and
/// `/dev/fd/N` lead to `/proc/self/fd/N`.
fn names_open_descriptor(path: &Path) -> bool {
    path.starts_with("/proc") || path.starts_with("/dev/fd")
}

/// `path` with each symbolic link at its end replaced by what it names, so that the file
/// written is the one the link names, and the link stays. Every path on the way is checked
/// for naming a descriptor.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..LINKS_MAX {
        let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link || names_open_descriptor(&path) {
            return Ok(path);
        }
        let target = std::fs::read_link(&path)?;
        path = match path.parent() {
            Some(folder) => folder.join(target),
            None => target,
        };
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Whether `found` is the file the command's standard output is (a pipe, a terminal, a file
/// the shell opened): this process's, or that of the pcenter the command runs for.
#[cfg(unix)]
fn is_standard_output(found: &Metadata) -> bool {
    use crate::caller::FileId;
    crate::caller::is_stdout(found)
        .unwrap_or_else(|| FileId::of_stdout().is_some_and(|own| own == FileId::of(found)))
}

#[cfg(not(unix))]
fn is_standard_output(_: &Metadata) -> bool {
    false
}

/// A new file beside `target`, readable by its owner only, removed unless put in place.
struct Temporary {
    file: File,
    path: PathBuf,
    target: PathBuf,
    in_place: bool,
}

impl Temporary {
    fn beside(target: &Path) -> io::Result<Temporary> {
        static CREATED: AtomicU64 = AtomicU64::new(0);
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
        loop {
            let mut temporary = name.to_os_string();
            let number = CREATED.fetch_add(1, Ordering::Relaxed);
            temporary.push(format!(".{}-{number}.partial", std::process::id()));
            let path = target.with_file_name(temporary);
            match private::create_new_file(&path) {
                Ok(file) => {
                    return Ok(Temporary {
                        file,
                        path,
                        target: target.to_path_buf(),
                        in_place: false,
                    })
                }
                // Left by another process, or planted: never written through.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    fn empty(&mut self) -> io::Result<()> {
        self.file.set_len(0)?;
        self.file.rewind().map(|_| ())
    }

    fn put_in_place(mut self) -> io::Result<()> {
        self.file.flush()?;
        self.file.sync_all()?;
        std::fs::rename(&self.path, &self.target)?;
        self.in_place = true;
        sync_folder_of(&self.target);
        Ok(())
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.in_place {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Makes the rename itself durable; a failure costs nothing but that.
fn sync_folder_of(path: &Path) {
    #[cfg(unix)]
    if let Some(folder) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = File::open(folder).and_then(|d| d.sync_all());
    }
}

#[cfg(all(test, unix))]
mod tests;
