//! The file to import, read one record at a time after its header, as often as needed.

use super::csv::{Malformed, Read, Reader};
use super::encoding::{self, SNIFFED};
use super::rows::{Header, EXPECTED};
use crate::api::error::ApiError;
use crate::domain::characters::quote_path;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read as _, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The most a stream (a pipe, a device) may hold: it is kept in a temporary file to be read
/// twice, and a stream without end (`/dev/zero`) must not fill the disk. A million rows of the
/// export's columns take about 150 MB.
const STREAM_MAX: u64 = 1 << 30;

/// The file to import. A regular file is opened for each reading; anything else (a pipe, a
/// device) is copied once into a temporary file, removed as soon as it is made, so that its
/// contents never sit in memory whole.
pub struct Source<'p> {
    /// The path as given, for messages.
    path: &'p Path,
    /// The file it names for the pcenter the command runs for (see `caller`).
    opened: PathBuf,
    spooled: Option<File>,
    /// The contents, for a file already read into memory (see `from_bytes`).
    bytes: Option<Vec<u8>>,
}

impl Source<'_> {
    /// Opens the file and refuses, before any row, one that is not CSV UTF-8 by its first
    /// bytes (UTF-16 or UTF-32 text, a workbook).
    pub fn open(path: &Path) -> Result<Source<'_>, ApiError> {
        let mut source = Source {
            path,
            opened: crate::caller::path(path).into_owned(),
            spooled: None,
            bytes: None,
        };
        let metadata = std::fs::metadata(&source.opened).map_err(|e| source.cannot_read(e))?;
        let mut input = File::open(&source.opened).map_err(|e| source.cannot_read(e))?;
        // A stream is judged by its start before it is copied: `/dev/zero` is refused at once.
        let mut start = Vec::with_capacity(SNIFFED);
        (&mut input)
            .take(SNIFFED as u64)
            .read_to_end(&mut start)
            .map_err(|e| source.cannot_read(e))?;
        if let Some(foreign) = encoding::sniff(&start) {
            let file = quote_path(path);
            return Err(ApiError::invalid(encoding::refusal(&file, foreign)));
        }
        if !metadata.is_file() {
            source.spooled = Some(source.spool(&start, input)?);
        }
        Ok(source)
    }

    /// A copy of the stream, `start` then the rest of `input`, in a temporary file that only
    /// this process can reach.
    fn spool(&self, start: &[u8], mut input: File) -> Result<File, ApiError> {
        let mut spooled = temporary_file().map_err(|e| {
            ApiError::invalid(format!(
                "Cannot read {}: it is not a regular file, and no temporary file could be made to hold it ({e}). Save it to a file and import that file.",
                quote_path(self.path)
            ))
        })?;
        let copied = io::Write::write_all(&mut spooled, start)
            .and_then(|()| io::copy(&mut (&mut input).take(STREAM_MAX + 1), &mut spooled))
            .map_err(|e| self.cannot_read(e))?;
        if start.len() as u64 + copied > STREAM_MAX {
            return Err(ApiError::invalid(format!(
                "{} is a stream of more than {} GiB, more than an import takes from a stream. Save it to a file and import that file.",
                quote_path(self.path),
                STREAM_MAX >> 30
            )));
        }
        Ok(spooled)
    }

    /// A file already read into memory, named `path` in messages, refused as `open` refuses
    /// one that is not CSV UTF-8 by its first bytes.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Source<'_>, ApiError> {
        let start = &bytes[..bytes.len().min(SNIFFED)];
        if let Some(foreign) = encoding::sniff(start) {
            return Err(ApiError::invalid(encoding::refusal(
                &quote_path(path),
                foreign,
            )));
        }
        Ok(Source {
            path,
            opened: path.to_path_buf(),
            spooled: None,
            bytes: Some(bytes),
        })
    }

    fn reader(&self) -> Result<Box<dyn BufRead + '_>, ApiError> {
        if let Some(bytes) = &self.bytes {
            return Ok(Box::new(bytes.as_slice()));
        }
        let file = match &self.spooled {
            Some(spooled) => spooled.try_clone().and_then(|mut file| {
                file.seek(SeekFrom::Start(0))?;
                Ok(file)
            }),
            None => File::open(&self.opened),
        };
        let file = file.map_err(|e| self.cannot_read(e))?;
        Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
    }

    /// The path as given, for messages.
    pub fn path(&self) -> &Path {
        self.path
    }

    pub fn cannot_read(&self, error: io::Error) -> ApiError {
        ApiError::invalid(format!("Cannot read {}: {error}.", quote_path(self.path)))
    }

    pub fn not_utf8(&self, line: usize) -> ApiError {
        ApiError::invalid(super::habits::not_utf8(self.path, line))
    }

    fn refused(&self, why: String) -> ApiError {
        ApiError::invalid(format!(
            "{} cannot be imported: {why}. The first line must name the columns {EXPECTED}.",
            quote_path(self.path)
        ))
    }
}

/// A new file in the temporary directory, readable by its owner only and already removed from
/// the directory: it goes away with the process, however it ends.
fn temporary_file() -> io::Result<File> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static MADE: AtomicU64 = AtomicU64::new(0);
    let path = std::env::temp_dir().join(format!(
        ".pcenter-import-{}-{}",
        std::process::id(),
        MADE.fetch_add(1, Ordering::Relaxed)
    ));
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(&path)?;
    std::fs::remove_file(&path)?;
    Ok(file)
}

/// The rows after the header, blank lines left out.
pub struct Rows<'s> {
    reader: Reader<Box<dyn BufRead + 's>>,
    pub header: Header,
}

impl<'s> Rows<'s> {
    /// Reads the header (the first line that is not blank); a file without one is refused.
    pub fn open(source: &'s Source) -> Result<Rows<'s>, ApiError> {
        let mut reader = Reader::new(source.reader()?);
        loop {
            let read = reader.read().map_err(|e| source.cannot_read(e))?;
            let record = match read {
                None => return Err(source.refused("it is empty".into())),
                Some(Read::Malformed(Malformed::NotUtf8 { line })) => {
                    return Err(source.not_utf8(line));
                }
                Some(Read::Malformed(m)) => {
                    return Err(source.refused(header_unreadable(&m)));
                }
                Some(Read::Record(record)) if record.is_blank() => continue,
                Some(Read::Record(record)) => record,
            };
            let header = Header::parse(&record).map_err(|why| {
                source.refused(format!("its header (line {}) {why}", record.line))
            })?;
            return Ok(Rows { reader, header });
        }
    }

    pub fn next(&mut self) -> io::Result<Option<Read>> {
        loop {
            match self.reader.read()? {
                Some(Read::Record(record)) if record.is_blank() => continue,
                read => return Ok(read),
            }
        }
    }
}

fn header_unreadable(malformed: &Malformed) -> String {
    format!(
        "its header (line {}) cannot be read: {}",
        malformed.line(),
        malformed.reason()
    )
}
