//! Opening a pseudo-terminal, for what runs a program in a terminal of its own making: the
//! tests that drive the dashboard and `ssh`, and the bench's SSH clients.

use std::io;
use std::os::fd::{FromRawFd, OwnedFd};

/// A pseudo-terminal of `columns` x `rows`: (master, slave), both closed on exec, so that
/// programs started elsewhere in the process do not inherit them.
pub fn open_pty(columns: u16, rows: u16) -> io::Result<(OwnedFd, OwnedFd)> {
    let (mut master, mut slave) = (-1, -1);
    let mut size = libc::winsize {
        ws_row: rows,
        ws_col: columns,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the integers and reads the size; the name
    // and terminal settings are optional and passed as null.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            &raw mut size,
        )
    };
    if opened != 0 {
        return Err(io::Error::last_os_error());
    }
    for fd in [master, slave] {
        // SAFETY: fd was just opened by openpty; only its close-on-exec flag is set.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: both descriptors are open and owned by nothing else.
    Ok(unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) })
}
