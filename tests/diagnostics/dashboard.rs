//! The real dashboard in a pseudo-terminal: its log goes to the file, and not one line of it
//! to the terminal, where it would tear the screen.

use crate::*;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Opens a pseudo-terminal of 80x24: (master, slave), both closed on exec.
fn open_pty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    let mut size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the given integers and reads the size; the
    // name and terminal settings are optional and passed as null.
    let result = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            &raw mut size,
        )
    };
    assert_eq!(result, 0, "openpty: {}", io::Error::last_os_error());
    for fd in [master, slave] {
        // SAFETY: fd was just opened by openpty; this only sets its close-on-exec flag.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: both descriptors are open and owned by nothing else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

#[test]
fn the_dashboard_logs_to_its_file_and_never_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (master, slave) = open_pty();
    let mut command = pcenter(&data);
    command
        .env("TERM", "xterm-256color")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    // SAFETY: setsid and ioctl are async-signal-safe; they make the pseudo-terminal the
    // dashboard's controlling terminal, as a terminal emulator would.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() == -1 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) == -1 {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command.spawn().expect("start pcenter");
    drop(command);

    let mut screen = File::from(master.try_clone().unwrap());
    let (sender, chunks) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = screen.read(&mut buffer) {
            if n == 0 || sender.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut keyboard = File::from(master);
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut output = Vec::new();
    let wait_for = |text: &str, output: &mut Vec<u8>| {
        while !String::from_utf8_lossy(output).contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            match chunks.recv_timeout(left) {
                Ok(chunk) => output.extend(chunk),
                Err(_) => panic!("the terminal never showed {text:?}"),
            }
        }
    };
    wait_for("Fabrikam", &mut output);
    keyboard.write_all(b"b").unwrap();
    wait_for("Backed up 30 customers", &mut output);
    keyboard.write_all(b"q").unwrap();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "pcenter did not exit");
        if let Ok(chunk) = chunks.recv_timeout(Duration::from_millis(20)) {
            output.extend(chunk);
        }
    };
    assert_eq!(status.code(), Some(0));
    while let Ok(chunk) = chunks.recv_timeout(Duration::from_millis(200)) {
        output.extend(chunk);
    }

    let log = log(&data);
    let terminal = String::from_utf8_lossy(&output);
    for line in [
        " INFO dashboard started on ",
        " INFO store write: 30 customers, 21 confirmations",
        " INFO backup of 30 customers written to ",
        " INFO dashboard ended",
    ] {
        assert!(log.contains(line), "the log lacks {line:?}:\n{log}");
        assert!(
            !terminal.contains(line.trim()),
            "{line:?} reached the terminal"
        );
    }
    assert!(
        !terminal.contains(" INFO "),
        "a log line reached the terminal"
    );
}
