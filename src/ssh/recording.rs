//! `serve --ssh --record DIR`: each session written as it happens in asciicast v2, the format
//! `asciinema play` replays: a header line, then one JSON array per event, `[seconds, "o",
//! text]` for what the client was sent, `"i"` for what it typed, `"r"` with `"COLSxROWS"` for
//! a resize. A recording that cannot be written stops, with one log line; the session goes on.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub struct Recording {
    file: Option<BufWriter<File>>,
    path: PathBuf,
    started: Instant,
}

/// The part of an agent's name a file name keeps: letters, digits and dashes.
fn slug(name: &str) -> String {
    let kept: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let kept = kept.trim_matches('-').to_string();
    match kept.is_empty() {
        true => "agent".into(),
        false => kept.chars().take(40).collect(),
    }
}

impl Recording {
    /// A new recording in `dir` (made when missing) of a session of `agent`.
    pub fn create(
        dir: &Path,
        agent: &str,
        session: u64,
        (width, height): (u16, u16),
        term: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> io::Result<Recording> {
        std::fs::create_dir_all(dir)?;
        let name = format!(
            "{}-{}-{session}.cast",
            now.format("%Y%m%d-%H%M%S"),
            slug(agent)
        );
        let path = dir.join(name);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)?;
        let mut file = BufWriter::new(file);
        let header = serde_json::json!({
            "version": 2,
            "width": width,
            "height": height,
            "timestamp": now.timestamp(),
            "title": format!("pcenter: {agent}"),
            "env": { "TERM": term, "SHELL": "pcenter" },
        });
        writeln!(file, "{header}")?;
        file.flush()?;
        Ok(Recording {
            file: Some(file),
            path,
            started: Instant::now(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn output(&mut self, bytes: &[u8]) {
        self.event("o", &String::from_utf8_lossy(bytes));
    }

    pub fn input(&mut self, bytes: &[u8]) {
        self.event("i", &String::from_utf8_lossy(bytes));
    }

    pub fn resize(&mut self, (width, height): (u16, u16)) {
        self.event("r", &format!("{width}x{height}"));
    }

    fn event(&mut self, kind: &str, data: &str) {
        let Some(file) = &mut self.file else {
            return;
        };
        let seconds = self.started.elapsed().as_secs_f64();
        let line = serde_json::json!([(seconds * 1e6).round() / 1e6, kind, data]);
        // Each event reaches the file at once: a recording of a session cut off ends with
        // what the client saw last.
        let written = writeln!(file, "{line}").and_then(|()| file.flush());
        if let Err(error) = written {
            tracing::warn!("recording {} stopped: {error}", self.path.display());
            self.file = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recording_is_a_header_then_one_event_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let now = "2018-11-14T10:30:00Z".parse().unwrap();
        let mut recording =
            Recording::create(dir.path(), "Ann Agent/../x", 7, (80, 24), "xterm", now).unwrap();
        assert_eq!(
            recording.path().file_name().unwrap(),
            "20181114-103000-Ann-Agent----x-7.cast"
        );
        recording.output("\x1b[1mCustomers\r\n".as_bytes());
        recording.input(b"q");
        recording.resize((120, 40));
        let text = std::fs::read_to_string(recording.path()).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines[0]["version"], 2);
        assert_eq!(
            (lines[0]["width"].as_u64(), lines[0]["height"].as_u64()),
            (Some(80), Some(24))
        );
        assert_eq!(lines[1][1], "o");
        assert_eq!(lines[1][2], "\x1b[1mCustomers\r\n");
        assert_eq!(lines[2][1], "i");
        assert_eq!(lines[3][2], "120x40");
        assert!(lines[1][0].as_f64().unwrap() <= lines[3][0].as_f64().unwrap());
    }
}
