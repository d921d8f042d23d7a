//! The log file: appended to, readable by its owner only, and moved to `<name>.1` once it grows
//! past its limit, so it never takes more than twice that on disk.

use super::mask;
use crate::domain::characters::message_line;
use crate::private;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A few megabytes: weeks of ordinary use, and quick to read or send.
pub const LIMIT: u64 = 4 * 1024 * 1024;

pub struct LogFile {
    path: PathBuf,
    file: File,
    size: u64,
    limit: u64,
}

impl LogFile {
    pub fn open(path: &Path, limit: u64) -> io::Result<LogFile> {
        let file = private::append_file(path)?;
        let size = file.metadata()?.len();
        let mut log = LogFile {
            path: path.to_path_buf(),
            file,
            size,
            limit,
        };
        if log.size >= limit {
            log.rotate()?;
        }
        Ok(log)
    }

    /// The older lines go to `<name>.1`, replacing what was there; the log starts anew.
    fn rotate(&mut self) -> io::Result<()> {
        let mut older = self.path.clone().into_os_string();
        older.push(".1");
        std::fs::rename(&self.path, older)?;
        self.file = private::append_file(&self.path)?;
        self.size = 0;
        Ok(())
    }
}

impl Write for LogFile {
    /// Takes one whole line (the log writes each event at once), with any email address in
    /// it masked, and, since a person reads the log on a terminal (`tail -f`), its hidden
    /// characters escaped and a flood of text cut, as in the commands' messages.
    fn write(&mut self, line: &[u8]) -> io::Result<usize> {
        if self.size > 0 && self.size + line.len() as u64 > self.limit {
            self.rotate()?;
        }
        let text = String::from_utf8_lossy(line);
        let masked = mask::emails_in(&text);
        let (body, end) = match masked.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (masked.as_ref(), ""),
        };
        let shown = format!("{}{end}", message_line(body));
        self.file.write_all(shown.as_bytes())?;
        self.size += shown.len() as u64;
        Ok(line.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_moves_to_dot_1_once_past_its_limit_and_starts_anew() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pcenter.log");
        let mut log = LogFile::open(&path, 100).unwrap();
        let line = format!("{}\n", "x".repeat(39));
        for _ in 0..3 {
            log.write_all(line.as_bytes()).unwrap();
        }
        let older = dir.path().join("pcenter.log.1");
        assert_eq!(std::fs::read_to_string(&older).unwrap(), line.repeat(2));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), line);
        drop(log);

        // A log already past its limit is moved when opened.
        std::fs::write(&path, "y".repeat(150)).unwrap();
        LogFile::open(&path, 100).unwrap();
        assert_eq!(std::fs::read_to_string(&older).unwrap(), "y".repeat(150));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "");
    }

    #[test]
    fn hidden_characters_in_a_line_are_written_as_escapes_and_a_flood_is_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pcenter.log");
        let mut log = LogFile::open(&path, LIMIT).unwrap();
        log.write_all(b"started on /tmp/x\x1b]0;owned\x07\xe2\x80\xae/store\n")
            .unwrap();
        log.write_all(format!("refused: {}\n", "x".repeat(100_000)).as_bytes())
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "started on /tmp/x\\u{1b}]0;owned\\u{7}\\u{202e}/store"
        );
        assert!(lines[1].len() < 2_100, "{} bytes", lines[1].len());
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn an_email_in_a_line_is_masked_on_its_way_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pcenter.log");
        let mut log = LogFile::open(&path, LIMIT).unwrap();
        log.write_all(b"refused: taro@sakura.jp is taken\n")
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "refused: t***@sakura.jp is taken\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
