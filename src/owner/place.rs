//! Where the socket of a store's owner is: in the data directory, beside the store, named after
//! it (`store.sock` for `store/`, `demo.sock` for `demo/`). A socket's address holds at most
//! 107 bytes (`sun_path`), and a data directory's path may be longer: the directory is then
//! opened, and the socket named through the open directory (`/proc/self/fd/N/store.sock`),
//! which names the same file in a few bytes.

use super::OwnerError;
use crate::caller::FileId;
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};

/// The longest address a socket can be bound or reached at (108 bytes with the final NUL).
pub const ADDRESS_MAX: usize = 107;

/// The socket's mode: its owner's only, as every file that leads to customers' data.
pub const MODE: u32 = 0o600;

/// The socket of the store at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    directory: PathBuf,
    name: OsString,
}

impl Place {
    /// The socket of the store directory `store`.
    pub fn of(store: &Path) -> Place {
        let directory = match store.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut name = store
            .file_name()
            .map(OsStr::to_os_string)
            .unwrap_or_else(|| OsString::from("store"));
        name.push(".sock");
        Place { directory, name }
    }

    /// The socket's path, for messages.
    pub fn path(&self) -> PathBuf {
        self.directory.join(&self.name)
    }

    /// The data directory, opened so that the socket can be named in few bytes.
    fn open(&self) -> io::Result<Opened> {
        Ok(Opened {
            directory: File::open(&self.directory)?,
            path: self.directory.clone(),
        })
    }

    /// Connects to the socket; an error when there is none, or no process listens on it (a
    /// socket left by a process that was killed).
    pub fn connect(&self) -> io::Result<UnixStream> {
        let opened = self.open()?;
        UnixStream::connect(opened.address(&self.name)?)
    }

    /// Binds a new socket here, its owner's only from the moment it has this name, in place of
    /// any socket there: the caller holds the store's lock (see `Owner::bind`), so no other
    /// owner can be behind it. Anything else in the way is left alone and refused.
    pub fn bind(&self) -> Result<Bound, OwnerError> {
        let io = |e: io::Error| OwnerError::Io {
            path: self.path(),
            detail: e.to_string(),
        };
        let opened = self.open().map_err(io)?;
        let address = opened.address(&self.name).map_err(io)?;
        match std::fs::symlink_metadata(&address) {
            Ok(found) if found.file_type().is_socket() => {
                if let Ok(_live) = UnixStream::connect(&address) {
                    tracing::warn!(
                        "a process answers on {} without holding the store's lock; its socket is replaced",
                        self.path().display()
                    );
                } else {
                    tracing::info!(
                        "{} was left by a process that ended; replaced",
                        self.path().display()
                    );
                }
            }
            Ok(_) => return Err(OwnerError::InTheWay { path: self.path() }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(e)),
        }
        // Bound under a name of its own, made private, and only then given the socket's name
        // (a rename, which also replaces a stale socket in one step): the socket's name never
        // leads to a socket that others may use.
        let mut temporary = self.name.clone();
        temporary.push(format!(".{}.new", std::process::id()));
        let temporary = opened.address(&temporary).map_err(io)?;
        let _ = std::fs::remove_file(&temporary);
        let listener = UnixListener::bind(&temporary).map_err(io)?;
        let placed = std::fs::set_permissions(&temporary, std::fs::Permissions::from_mode(MODE))
            .and_then(|()| std::fs::symlink_metadata(&temporary))
            .and_then(|made| {
                std::fs::rename(&temporary, &address)?;
                Ok(made)
            });
        let made = match placed {
            Ok(made) => made,
            Err(e) => {
                let _ = std::fs::remove_file(&temporary);
                return Err(io(e));
            }
        };
        let bound = Bound {
            place: self.clone(),
            opened,
            id: FileId::of(&made),
            listener: Some(listener),
        };
        bound.check_private()?;
        Ok(bound)
    }
}

/// The data directory, open, and its path.
struct Opened {
    directory: File,
    path: PathBuf,
}

impl Opened {
    /// An address naming `name` in the directory within `ADDRESS_MAX` bytes: its path when
    /// that is short enough, else through the open directory.
    fn address(&self, name: &OsStr) -> io::Result<PathBuf> {
        use std::os::fd::AsRawFd;
        let path = self.path.join(name);
        if path.as_os_str().len() <= ADDRESS_MAX {
            return Ok(path);
        }
        let short = Path::new("/proc/self/fd")
            .join(self.directory.as_raw_fd().to_string())
            .join(name);
        if short.as_os_str().len() <= ADDRESS_MAX && Path::new("/proc/self/fd").is_dir() {
            return Ok(short);
        }
        Err(io::Error::new(
            io::ErrorKind::InvalidFilename,
            format!(
                "its path is longer than the {ADDRESS_MAX} bytes of a socket's address; choose a shorter --data-dir"
            ),
        ))
    }
}

/// A socket bound by this process, removed when dropped if its name still leads to it.
pub struct Bound {
    place: Place,
    opened: Opened,
    id: FileId,
    listener: Option<UnixListener>,
}

impl Bound {
    pub fn take_listener(&mut self) -> UnixListener {
        self.listener.take().expect("the listener is taken once")
    }

    pub fn place(&self) -> &Place {
        &self.place
    }

    /// The socket as it is now at its name: this one, a socket its owner only may reach.
    fn check_private(&self) -> Result<(), OwnerError> {
        let address = self.opened.address(&self.place.name);
        let found = address.and_then(std::fs::symlink_metadata);
        let mode = found.as_ref().map(|m| m.permissions().mode() & 0o777);
        let mine = found.as_ref().is_ok_and(|m| {
            m.file_type().is_socket() && FileId::of(m) == self.id && m.uid() == effective_uid()
        });
        match mode {
            Ok(MODE) if mine => Ok(()),
            _ => Err(OwnerError::NotPrivate {
                path: self.place.path(),
            }),
        }
    }

    /// Removes the socket, unless its name now leads elsewhere (a new owner's socket).
    pub fn remove(&self) {
        let Ok(address) = self.opened.address(&self.place.name) else {
            return;
        };
        let ours = std::fs::symlink_metadata(&address).is_ok_and(|m| FileId::of(&m) == self.id);
        if ours {
            if let Err(e) = std::fs::remove_file(&address) {
                tracing::warn!("cannot remove {}: {e}", self.place.path().display());
            }
        }
    }
}

impl Drop for Bound {
    fn drop(&mut self) {
        self.remove();
    }
}

pub fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}
