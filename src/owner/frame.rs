//! The protocol between a pcenter command and the owner of its store, on the owner's socket.
//! Every message is a frame: one byte naming its kind, four bytes of length (big-endian), then
//! that many bytes, JSON for the messages and raw bytes for the streams.
//!
//! ```text
//! command                         owner
//! Hello {protocol, version}  →
//!                            ←    Owner {kind, agent, role, pid, since}
//! (closes: it only asked who owns the store)
//! Run {options, command, …}  →
//!                            ←    Stdout bytes, Stderr bytes (as they are written)
//!                            ←    StdinWanted n   (only when the command reads standard input)
//! Stdin bytes (empty: end)   →
//!                            ←    Exit status, or Refused {code, description, exit}
//! or, to a server, a dashboard of this terminal:
//! Attach {agent, role, size, …} →
//!                            ←    Stdout bytes (the screen, as they are drawn)
//! Stdin bytes, Resize w h    →    (keys as typed, the window's new size)
//!                            ←    Exit status (the session ended)
//! ```

use super::request::Request;
use super::OwnerRecord;
use crate::api::error::ApiError;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::io::{self, Read, Write};

/// The version of this protocol: a command and an owner that speak different ones do not run
/// commands for each other.
pub const PROTOCOL: u32 = 1;

/// The largest frame either side accepts: a command's request is a few KB at most (its
/// arguments), and the streams come in chunks of `CHUNK`.
pub const FRAME_MAX: usize = 1 << 20;

/// The most bytes of a stream in one frame.
pub const CHUNK: usize = 64 << 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    pub protocol: u32,
    /// The pcenter version, for the message when the two differ.
    pub version: String,
}

impl Hello {
    pub fn ours() -> Hello {
        Hello {
            protocol: PROTOCOL,
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// A command's refusal as `api::run` prints it, with its exit status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub code: u32,
    pub description: String,
    pub exit: u8,
}

impl From<&ApiError> for Refusal {
    fn from(error: &ApiError) -> Refusal {
        Refusal {
            code: error.code,
            description: error.description.clone(),
            exit: error.exit,
        }
    }
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> ApiError {
        ApiError::new(refusal.code, refusal.exit, refusal.description)
    }
}

/// A local dashboard joining a server's sessions: who it is, and its terminal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attach {
    pub agent: String,
    pub role: crate::domain::role::Role,
    pub size: (u16, u16),
    pub term: Option<String>,
    pub colorterm: Option<String>,
    pub no_color: Option<String>,
    /// The dashboard's language, as `--lang` or the locale of the joining terminal chose it.
    #[serde(default)]
    pub lang: crate::locale::Lang,
}

#[derive(Debug, Clone)]
pub enum Frame {
    Hello(Hello),
    Owner(OwnerRecord),
    Run(Box<Request>),
    Stdout(Vec<u8>),
    Stderr(Vec<u8>),
    StdinWanted(u32),
    Stdin(Vec<u8>),
    /// Standard input could not be read; what the system said.
    StdinFailed(String),
    Exit(u8),
    Refused(Refusal),
    Attach(Box<Attach>),
    Resize(u16, u16),
}

const HELLO: u8 = 1;
const OWNER: u8 = 2;
const RUN: u8 = 3;
const STDOUT: u8 = 4;
const STDERR: u8 = 5;
const STDIN_WANTED: u8 = 6;
const STDIN: u8 = 7;
const STDIN_FAILED: u8 = 8;
const EXIT: u8 = 9;
const REFUSED: u8 = 10;
const ATTACH: u8 = 11;
const RESIZE: u8 = 12;

/// Why a frame could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("the connection ended in the middle of a message")]
    CutShort,
    #[error("a message of {0} bytes, more than the {FRAME_MAX} a message may have")]
    TooLarge(usize),
    #[error("a message of unknown kind {0}")]
    UnknownKind(u8),
    #[error("a message that cannot be read: {0}")]
    Malformed(String),
}

impl Frame {
    /// Its kind and payload: the streams' bytes as they are, the messages as JSON.
    fn encode(&self) -> io::Result<(u8, Cow<'_, [u8]>)> {
        let json = |value: &dyn erased::Json| value.to_vec().map(Cow::Owned);
        Ok(match self {
            Frame::Hello(hello) => (HELLO, json(hello)?),
            Frame::Owner(record) => (OWNER, json(record)?),
            Frame::Run(request) => (RUN, json(request.as_ref())?),
            Frame::Stdout(bytes) => (STDOUT, Cow::Borrowed(bytes)),
            Frame::Stderr(bytes) => (STDERR, Cow::Borrowed(bytes)),
            Frame::StdinWanted(count) => (STDIN_WANTED, Cow::Owned(count.to_be_bytes().to_vec())),
            Frame::Stdin(bytes) => (STDIN, Cow::Borrowed(bytes)),
            Frame::StdinFailed(why) => (STDIN_FAILED, json(why)?),
            Frame::Exit(status) => (EXIT, Cow::Owned(vec![*status])),
            Frame::Refused(refusal) => (REFUSED, json(refusal)?),
            Frame::Attach(attach) => (ATTACH, json(attach.as_ref())?),
            Frame::Resize(width, height) => {
                let [w0, w1] = width.to_be_bytes();
                let [h0, h1] = height.to_be_bytes();
                (RESIZE, Cow::Owned(vec![w0, w1, h0, h1]))
            }
        })
    }

    fn decode(kind: u8, payload: Vec<u8>) -> Result<Frame, FrameError> {
        fn json<T: for<'de> Deserialize<'de>>(payload: &[u8]) -> Result<T, FrameError> {
            serde_json::from_slice(payload).map_err(|e| FrameError::Malformed(e.to_string()))
        }
        Ok(match kind {
            HELLO => Frame::Hello(json(&payload)?),
            OWNER => Frame::Owner(json(&payload)?),
            RUN => Frame::Run(Box::new(json(&payload)?)),
            STDOUT => Frame::Stdout(payload),
            STDERR => Frame::Stderr(payload),
            STDIN_WANTED => {
                let bytes: [u8; 4] = payload
                    .try_into()
                    .map_err(|_| FrameError::Malformed("a count that is not 4 bytes".into()))?;
                Frame::StdinWanted(u32::from_be_bytes(bytes))
            }
            STDIN => Frame::Stdin(payload),
            STDIN_FAILED => Frame::StdinFailed(json(&payload)?),
            EXIT => match payload.as_slice() {
                [status] => Frame::Exit(*status),
                _ => {
                    return Err(FrameError::Malformed(
                        "an exit status that is not 1 byte".into(),
                    ))
                }
            },
            REFUSED => Frame::Refused(json(&payload)?),
            ATTACH => Frame::Attach(Box::new(json(&payload)?)),
            RESIZE => match payload.as_slice() {
                [w0, w1, h0, h1] => Frame::Resize(
                    u16::from_be_bytes([*w0, *w1]),
                    u16::from_be_bytes([*h0, *h1]),
                ),
                _ => return Err(FrameError::Malformed("a size that is not 4 bytes".into())),
            },
            other => return Err(FrameError::UnknownKind(other)),
        })
    }
}

/// Writes one frame with one write, so that frames written under one lock never interleave.
pub fn write(out: &mut dyn Write, frame: &Frame) -> io::Result<()> {
    let (kind, payload) = frame.encode()?;
    if payload.len() > FRAME_MAX {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a message larger than the protocol allows",
        ));
    }
    let mut bytes = Vec::with_capacity(5 + payload.len());
    bytes.push(kind);
    bytes.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    bytes.extend_from_slice(&payload);
    out.write_all(&bytes)?;
    out.flush()
}

/// Reads one frame; `None` when the other side closed the connection between two frames.
pub fn read(input: &mut dyn Read) -> Result<Option<Frame>, FrameError> {
    let mut header = [0u8; 5];
    let mut got = 0;
    while got < header.len() {
        match input.read(&mut header[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(FrameError::CutShort),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    let length = u32::from_be_bytes([header[1], header[2], header[3], header[4]]) as usize;
    if length > FRAME_MAX {
        return Err(FrameError::TooLarge(length));
    }
    // Read as it arrives: a length alone makes no allocation of that size.
    let mut payload = Vec::new();
    input.take(length as u64).read_to_end(&mut payload)?;
    if payload.len() < length {
        return Err(FrameError::CutShort);
    }
    Frame::decode(header[0], payload).map(Some)
}

/// JSON of any of the messages, without a generic function per kind.
mod erased {
    pub trait Json {
        fn to_vec(&self) -> std::io::Result<Vec<u8>>;
    }

    impl<T: serde::Serialize> Json for T {
        fn to_vec(&self) -> std::io::Result<Vec<u8>> {
            serde_json::to_vec(self).map_err(std::io::Error::other)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::Role;

    /// Gives its bytes a few at a time, as a socket may.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn frames() -> Vec<Frame> {
        vec![
            Frame::Hello(Hello::ours()),
            Frame::Owner(OwnerRecord {
                kind: super::super::OwnerKind::Dashboard,
                agent: "Ann Agent".into(),
                role: Role::SalesAgent,
                pid: 4242,
                since: "2026-12-04T10:32:00Z".parse().unwrap(),
            }),
            Frame::Stdout(b"line 2: created\n".to_vec()),
            Frame::Stderr(vec![]),
            Frame::StdinWanted(65536),
            Frame::Stdin(vec![0, 255, 10]),
            Frame::StdinFailed("Input/output error".into()),
            Frame::Exit(11),
            Frame::Refused(Refusal {
                code: 600061,
                description: "already".into(),
                exit: 9,
            }),
        ]
    }

    #[test]
    fn every_frame_reads_back_whatever_pieces_it_arrives_in() {
        let mut bytes = Vec::new();
        for frame in frames() {
            write(&mut bytes, &frame).unwrap();
        }
        for step in [1, 2, 3, 7, 4096] {
            let mut input = Trickle {
                bytes: &bytes,
                step,
            };
            let mut read_back = Vec::new();
            while let Some(frame) = read(&mut input).unwrap() {
                read_back.push(frame);
            }
            assert_eq!(
                format!("{read_back:?}"),
                format!("{:?}", frames()),
                "step {step}"
            );
        }
    }

    #[test]
    fn a_frame_cut_short_is_told_from_a_connection_closed_between_frames() {
        let mut bytes = Vec::new();
        write(&mut bytes, &Frame::Stdout(b"0123456789".to_vec())).unwrap();
        for cut in 1..bytes.len() {
            let error = read(&mut &bytes[..cut]).unwrap_err();
            assert!(
                matches!(error, FrameError::CutShort),
                "cut at {cut}: {error}"
            );
        }
        assert!(read(&mut &b""[..]).unwrap().is_none());
    }

    #[test]
    fn garbage_and_oversize_frames_are_refused_without_reading_them() {
        let oversize = [STDOUT, 0xff, 0xff, 0xff, 0xff];
        assert!(matches!(
            read(&mut &oversize[..]),
            Err(FrameError::TooLarge(_))
        ));
        assert!(matches!(
            read(&mut &[0x47, 0, 0, 0, 0][..]),
            Err(FrameError::UnknownKind(0x47))
        ));
        let mut not_json = vec![HELLO, 0, 0, 0, 4];
        not_json.extend_from_slice(b"GET ");
        assert!(matches!(
            read(&mut &not_json[..]),
            Err(FrameError::Malformed(_))
        ));
        assert!(matches!(
            read(&mut &[EXIT, 0, 0, 0, 2, 1, 2][..]),
            Err(FrameError::Malformed(_))
        ));
        let too_large = Frame::Stdout(vec![0; FRAME_MAX + 1]);
        assert!(write(&mut Vec::new(), &too_large).is_err());
    }
}
