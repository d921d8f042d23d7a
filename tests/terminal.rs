//! The real dashboard in a pseudo-terminal that the test opens itself, so it runs where there is
//! no terminal at all: it draws, takes keys, quits, and leaves the terminal as it found it.
#![cfg(unix)]

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

/// How long a whole test may take before the dashboard is declared stuck.
const TIME_LIMIT: Duration = Duration::from_secs(20);

const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";
const DISABLE_BRACKETED_PASTE: &str = "\x1b[?2004l";
const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";

/// Opens a pseudo-terminal of the given size: (master, slave), both closed on exec.
fn open_pty(columns: u16, rows: u16) -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    let mut size = libc::winsize {
        ws_row: rows,
        ws_col: columns,
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
        // SAFETY: fd is a descriptor openpty just opened; this only sets its close-on-exec flag,
        // so that dashboards started by other tests do not inherit it.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: both descriptors are open and owned by nothing else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// What the terminal shows: the characters the output put on each cell, following the cursor
/// moves and clears that the dashboard writes. Other escape sequences are skipped.
fn screen_text(output: &[u8], columns: usize, rows: usize) -> String {
    let mut grid = vec![vec![' '; columns]; rows];
    let (mut row, mut col) = (0usize, 0usize);
    let text = String::from_utf8_lossy(output);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                Some('[') => {
                    let mut params = String::new();
                    let mut last = ' ';
                    for p in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&p) {
                            last = p;
                            break;
                        }
                        params.push(p);
                    }
                    let numbers: Vec<usize> =
                        params.split(';').map(|n| n.parse().unwrap_or(1)).collect();
                    match last {
                        'H' => {
                            row = numbers[0].max(1) - 1;
                            col = numbers.get(1).copied().unwrap_or(1).max(1) - 1;
                        }
                        'J' if params == "2" => grid = vec![vec![' '; columns]; rows],
                        _ => {}
                    }
                }
                Some(']') => {
                    // An operating system command runs to BEL or to ESC \.
                    while let Some(p) = chars.next() {
                        if p == '\x07' || (p == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' => col = 0,
            '\n' => row += 1,
            c if c.is_control() => {}
            c => {
                if let Some(cell) = grid.get_mut(row).and_then(|r| r.get_mut(col)) {
                    *cell = c;
                }
                col += 1;
            }
        }
    }
    grid.iter()
        .map(|r| r.iter().collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The dashboard running on the slave side of a pseudo-terminal, watched from the master side.
struct Dashboard {
    child: Child,
    keyboard: File,
    chunks: Receiver<Vec<u8>>,
    output: Vec<u8>,
    deadline: Instant,
}

impl Dashboard {
    fn start(data_dir: &Path) -> Dashboard {
        let (master, slave) = open_pty(80, 24);
        let mut command = Command::new(env!("CARGO_BIN_EXE_pcenter"));
        command
            .args(["--demo", "--today", "2018-09-14", "--data-dir"])
            .arg(data_dir)
            .env("TERM", "xterm-256color")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        for var in [
            "PCENTER_TODAY",
            "PCENTER_ROLE",
            "PCENTER_AGENT",
            "PCENTER_PARTNER",
        ] {
            command.env_remove(var);
        }
        // SAFETY: setsid and ioctl are async-signal-safe. They give the dashboard its own
        // session with the pseudo-terminal as its controlling terminal, as a terminal emulator
        // would, so it never reaches the terminal the tests were started from.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() == -1 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) == -1 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("start pcenter");
        // The command holds our copies of the slave; once they are closed, reading the master
        // ends when the dashboard exits.
        drop(command);

        let mut screen = File::from(master.try_clone().unwrap());
        let (sender, chunks) = mpsc::channel();
        thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            loop {
                match screen.read(&mut buffer) {
                    Ok(0) => break,
                    Ok(n) => {
                        if sender.send(buffer[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(_) => break, // EIO once the dashboard has exited
                }
            }
        });
        Dashboard {
            child,
            keyboard: File::from(master),
            chunks,
            output: Vec::new(),
            deadline: Instant::now() + TIME_LIMIT,
        }
    }

    fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.output).into_owned()
    }

    fn screen(&self) -> String {
        screen_text(&self.output, 80, 24)
    }

    /// Takes output until `done` holds; false once the output has ended or time ran out.
    fn read_until(&mut self, done: impl Fn(&Dashboard) -> bool) -> bool {
        while !done(self) {
            let left = self.deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.output.extend(chunk),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return false,
            }
        }
        true
    }

    /// Waits until the screen shows every one of `texts`.
    fn wait_for_screen(&mut self, texts: &[&str]) {
        let shown = self.read_until(|d| {
            let screen = d.screen();
            texts.iter().all(|t| screen.contains(t))
        });
        assert!(
            shown,
            "the screen never showed {texts:?}; it shows:\n{}",
            self.screen()
        );
    }

    fn type_bytes(&mut self, bytes: &[u8]) {
        self.keyboard
            .write_all(bytes)
            .expect("write to the terminal");
        self.keyboard.flush().unwrap();
    }

    /// Waits for the dashboard to exit and takes the rest of its output.
    fn wait_for_exit(&mut self) -> ExitStatus {
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait for pcenter") {
                break status;
            }
            if Instant::now() >= self.deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "pcenter did not exit in time and was killed; the screen showed:\n{}",
                    self.screen()
                );
            }
            let _ = self
                .chunks
                .recv_timeout(Duration::from_millis(20))
                .map(|chunk| self.output.extend(chunk));
        };
        self.read_until(|_| false); // to the end of the output
        status
    }

    fn assert_terminal_restored(&self) {
        let output = self.raw_output();
        let entered = output
            .find(ENTER_ALTERNATE_SCREEN)
            .expect("the dashboard used the alternate screen");
        let left = output
            .rfind(LEAVE_ALTERNATE_SCREEN)
            .expect("the alternate screen was left");
        assert!(left > entered);
        assert!(
            output.contains(DISABLE_BRACKETED_PASTE),
            "bracketed paste was not disabled"
        );
    }
}

impl Drop for Dashboard {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn q_quits_the_dashboard_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start(dir.path());
    dashboard.wait_for_screen(&["Customers", "Fabrikam", "of 30 (30 customers)"]);
    dashboard.type_bytes(b"q");
    let status = dashboard.wait_for_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    dashboard.assert_terminal_restored();
}

#[test]
fn ctrl_c_in_the_filter_quits_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start(dir.path());
    dashboard.wait_for_screen(&["Customers", "Fabrikam"]);
    dashboard.type_bytes(b"/");
    dashboard.wait_for_screen(&["Filter:"]);
    dashboard.type_bytes(b"zz");
    dashboard.wait_for_screen(&["Filter: zz", "0 of 30 customers", "No customer matches"]);
    dashboard.type_bytes(&[0x03]);
    let status = dashboard.wait_for_exit();
    assert_eq!(
        status.code(),
        Some(0),
        "Ctrl-C is a key in raw mode, not a signal: {status:?}"
    );
    dashboard.assert_terminal_restored();
}

#[test]
fn bracketed_paste_lands_in_the_focused_box_on_one_line_without_controls() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start(dir.path());
    dashboard.wait_for_screen(&["Customers", "Fabrikam"]);
    assert!(
        dashboard.raw_output().contains("\x1b[?2004h"),
        "the dashboard asks the terminal for bracketed paste"
    );
    dashboard.type_bytes(b"/");
    dashboard.wait_for_screen(&["Filter:"]);
    // The terminal wraps a paste in ESC [200~ and ESC [201~; a line break and a bell inside.
    dashboard.type_bytes(b"\x1b[200~Contoso\r\n\x07\x1b[201~");
    dashboard.wait_for_screen(&["Filter: Contoso", "1 of 30 customers"]);
    dashboard.type_bytes(b"\x1b");
    dashboard.wait_for_screen(&["Press / to filter"]);
    dashboard.type_bytes(b"n");
    dashboard.wait_for_screen(&["Company name"]);
    dashboard.type_bytes(b"\x1b[200~Tailspin\r\nToys\x1b[31m!\x1b[201~");
    dashboard.wait_for_screen(&["[Tailspin Toys[31m!"]);
    dashboard.type_bytes(&[0x03]);
    let status = dashboard.wait_for_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    dashboard.assert_terminal_restored();
}

#[test]
fn the_screen_model_places_text_by_cursor_moves() {
    let output = b"\x1b[2J\x1b[1;1Hab\x1b[38;5;2mc\x1b[2;3Hxy\x1b]0;title\x07\x1b[1;2HZ";
    assert_eq!(screen_text(output, 5, 2), "aZc\n  xy");
}
