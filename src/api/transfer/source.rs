//! The file to import, read one record at a time after its header, as often as needed.

use super::csv::{Malformed, Read, Reader};
use super::encoding::{self, SNIFFED};
use super::rows::Header;
use crate::api::error::ApiError;
use crate::domain::characters::quote_path;
use crate::locale::words::Words;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read as _, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
            return Err(encoding::refusal(quote_path(path), foreign));
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
            let (file, error) = (quote_path(self.path), Arc::new(e));
            ApiError::invalid_said(move |w| (w.import.no_temporary_file)(&file, &error))
        })?;
        let copied = io::Write::write_all(&mut spooled, start)
            .and_then(|()| io::copy(&mut (&mut input).take(STREAM_MAX + 1), &mut spooled))
            .map_err(|e| self.cannot_read(e))?;
        if start.len() as u64 + copied > STREAM_MAX {
            let file = quote_path(self.path);
            return Err(ApiError::invalid_said(move |w| {
                (w.import.stream_too_big)(&file, STREAM_MAX >> 30)
            }));
        }
        Ok(spooled)
    }

    /// A file already read into memory, named `path` in messages, refused as `open` refuses
    /// one that is not CSV UTF-8 by its first bytes.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Source<'_>, ApiError> {
        let start = &bytes[..bytes.len().min(SNIFFED)];
        if let Some(foreign) = encoding::sniff(start) {
            return Err(encoding::refusal(quote_path(path), foreign));
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
        let (file, error) = (quote_path(self.path), Arc::new(error));
        ApiError::invalid_said(move |w| (w.import.cannot_read)(&file, &error))
    }

    /// A file that is not UTF-8 text, from `line` on: nothing is imported.
    pub fn not_utf8(&self, line: usize) -> ApiError {
        let file = quote_path(self.path);
        ApiError::invalid_said(move |w| (w.import.file_not_utf8)(&file, line))
    }

    /// A file whose header cannot be read or is not one; `why` in a language's words.
    fn refused(&self, why: impl Fn(&Words) -> String + Send + Sync + 'static) -> ApiError {
        let file = quote_path(self.path);
        ApiError::invalid_said(move |w| (w.import.cannot_be_imported)(&file, &why(w)))
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
                None => return Err(source.refused(|w| w.import.empty_file.to_string())),
                Some(Read::Malformed(Malformed::NotUtf8 { line })) => {
                    return Err(source.not_utf8(line));
                }
                Some(Read::Malformed(m)) => {
                    let (line, problem) = (m.line(), m.problem());
                    return Err(source
                        .refused(move |w| (w.import.header_unreadable)(line, &problem.said(w))));
                }
                Some(Read::Record(record)) if record.is_blank() => continue,
                Some(Read::Record(record)) => record,
            };
            let line = record.line;
            let header = Header::parse(&record).map_err(|problem| {
                source.refused(move |w| (w.import.header_at)(line, &problem.said(w)))
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
