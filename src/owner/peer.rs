//! The process at the other end of a connection, as the system tells it (not as it says): its
//! user, so that neither side serves or obeys another user, and its process ID.

use std::os::unix::net::UnixStream;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer {
    pub pid: u32,
    pub uid: u32,
}

impl Peer {
    /// Whether the peer runs as this process's user.
    pub fn is_same_user(&self) -> bool {
        self.uid == super::place::effective_uid()
    }
}

#[cfg(target_os = "linux")]
pub fn of(stream: &UnixStream) -> Option<Peer> {
    use std::os::fd::AsRawFd;
    let mut credentials = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut length = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: the descriptor is open for the call, and the buffer is a ucred of the length given.
    let done = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&mut credentials as *mut libc::ucred).cast(),
            &mut length,
        )
    };
    (done == 0).then(|| Peer {
        pid: u32::try_from(credentials.pid).unwrap_or(0),
        uid: credentials.uid,
    })
}

/// Elsewhere the socket's mode (its owner's only) is what keeps other users out.
#[cfg(not(target_os = "linux"))]
pub fn of(_: &UnixStream) -> Option<Peer> {
    None
}
