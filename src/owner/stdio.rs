//! A command's standard streams on the owner's side of a connection: its output sent to the
//! pcenter it runs for as it is written, its standard input asked of that pcenter when read.
//! Every frame to that pcenter goes through one lock, so frames never interleave; standard
//! output is sent before each write to standard error, so the two reach a terminal in the
//! order they were written (a progress bar between lines, as on its own).

use super::frame::{self, Frame, CHUNK};
use crate::locale::Lang;
use std::io::{self, Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::{Arc, Mutex, MutexGuard};

/// Frames to the pcenter a command runs for, and standard output not yet sent.
pub struct Outgoing {
    stream: UnixStream,
    pending: Vec<u8>,
    /// Set by the first failed send: that pcenter went away, and nothing more is sent.
    broken: bool,
    /// The language of that pcenter, once its request is read.
    pub lang: Lang,
}

pub type Out = Arc<Mutex<Outgoing>>;

pub fn shared(stream: UnixStream) -> Out {
    Arc::new(Mutex::new(Outgoing {
        stream,
        pending: Vec::new(),
        broken: false,
        lang: Lang::English,
    }))
}

pub fn lock(out: &Out) -> MutexGuard<'_, Outgoing> {
    out.lock().unwrap_or_else(|e| e.into_inner())
}

/// The error a command's write gets once its pcenter went away: as for a reader that stopped
/// (`| head`), the command stops without a word.
fn gone(lang: Lang) -> io::Error {
    io::Error::new(
        io::ErrorKind::BrokenPipe,
        lang.words().shell.caller_went_away,
    )
}

impl Outgoing {
    pub fn send(&mut self, frame: &Frame) -> io::Result<()> {
        if self.broken {
            return Err(gone(self.lang));
        }
        frame::write(&mut self.stream, frame).map_err(|_| {
            self.broken = true;
            gone(self.lang)
        })
    }

    fn send_stdout(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.pending);
        self.send(&Frame::Stdout(bytes))
    }

    fn send_chunks(&mut self, frame: fn(Vec<u8>) -> Frame, bytes: &[u8]) -> io::Result<()> {
        bytes
            .chunks(CHUNK)
            .try_for_each(|chunk| self.send(&frame(chunk.to_vec())))
    }
}

/// The command's standard output: sent at each line's end, as a terminal or pipe gets it from
/// a command on its own, and in chunks of at most `CHUNK`, so that an export of a million rows
/// is never held whole.
pub struct StdoutSink(pub Out);

impl Write for StdoutSink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut out = lock(&self.0);
        if bytes.len() >= CHUNK {
            out.send_stdout()?;
            out.send_chunks(Frame::Stdout, bytes)?;
            return Ok(bytes.len());
        }
        out.pending.extend_from_slice(bytes);
        if out.pending.len() >= CHUNK || memchr::memchr(b'\n', bytes).is_some() {
            out.send_stdout()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        lock(&self.0).send_stdout()
    }
}

/// The command's standard error.
pub struct StderrSink(pub Out);

impl Write for StderrSink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut out = lock(&self.0);
        out.send_stdout()?;
        out.send_chunks(Frame::Stderr, bytes)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The command's standard input: each read asks the pcenter it runs for for at most as many
/// bytes as the reader takes, so that nothing is read from that pcenter's input that the
/// command does not read (as on its own), and a bounded reader stays bounded.
pub struct StdinSource {
    out: Out,
    input: UnixStream,
    chunk: Vec<u8>,
    at: usize,
    ended: bool,
}

impl StdinSource {
    pub fn new(out: Out, input: UnixStream) -> StdinSource {
        StdinSource {
            out,
            input,
            chunk: Vec::new(),
            at: 0,
            ended: false,
        }
    }
}

impl Read for StdinSource {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at == self.chunk.len() {
            if self.ended || buf.is_empty() {
                return Ok(0);
            }
            let wanted = buf.len().min(CHUNK);
            {
                let mut out = lock(&self.out);
                out.send_stdout()?;
                out.send(&Frame::StdinWanted(wanted as u32))?;
            }
            match frame::read(&mut self.input) {
                Ok(Some(Frame::Stdin(bytes))) if bytes.len() <= wanted => {
                    if bytes.is_empty() {
                        self.ended = true;
                        return Ok(0);
                    }
                    self.chunk = bytes;
                    self.at = 0;
                }
                Ok(Some(Frame::StdinFailed(why))) => return Err(io::Error::other(why)),
                _ => {
                    self.ended = true;
                    let said = lock(&self.out).lang.words().shell.caller_went_away;
                    return Err(io::Error::new(io::ErrorKind::UnexpectedEof, said));
                }
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
