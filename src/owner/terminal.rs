//! The server's side of a local dashboard attached to it: the keys and sizes its terminal
//! sends, and the screen written back, as frames on the owner's socket.

use super::frame::{self, Frame, CHUNK};
use std::io;
use std::os::unix::net::UnixStream;

/// What an attached terminal sends.
pub enum Typed {
    Keys(Vec<u8>),
    Size(u16, u16),
}

/// An attached terminal, seen from the server.
pub struct AttachedTerminal {
    stream: UnixStream,
}

impl AttachedTerminal {
    pub(super) fn of(stream: UnixStream) -> AttachedTerminal {
        AttachedTerminal { stream }
    }

    pub fn try_clone(&self) -> io::Result<AttachedTerminal> {
        self.stream.try_clone().map(AttachedTerminal::of)
    }

    /// The next keys or size; `None` once the terminal's side is gone.
    pub fn typed(&mut self) -> Option<Typed> {
        loop {
            match frame::read(&mut self.stream) {
                Ok(Some(Frame::Stdin(bytes))) => return Some(Typed::Keys(bytes)),
                Ok(Some(Frame::Resize(width, height))) => return Some(Typed::Size(width, height)),
                // Anything else from a terminal is not for a dashboard: skipped.
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => return None,
            }
        }
    }

    /// Writes screen bytes to the terminal.
    pub fn show(&mut self, bytes: &[u8]) -> io::Result<()> {
        for chunk in bytes.chunks(CHUNK) {
            frame::write(&mut self.stream, &Frame::Stdout(chunk.to_vec()))?;
        }
        Ok(())
    }

    /// The session ended with `status`.
    pub fn end(&mut self, status: u8) {
        let _ = frame::write(&mut self.stream, &Frame::Exit(status));
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}
