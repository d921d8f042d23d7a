//! The file to import, read one record at a time after its header, as often as needed.

use super::csv::{Malformed, Read, Reader};
use super::rows::{Header, EXPECTED};
use crate::api::error::ApiError;
use std::io::{self, BufRead, BufReader, Read as _};
use std::path::Path;

/// The file to import. A regular file is opened for each reading; anything else (a pipe) is
/// read into memory once.
pub struct Source<'p> {
    path: &'p Path,
    bytes: Option<Vec<u8>>,
}

impl Source<'_> {
    pub fn open(path: &Path) -> Result<Source<'_>, ApiError> {
        let mut source = Source { path, bytes: None };
        let metadata = std::fs::metadata(path).map_err(|e| source.cannot_read(e))?;
        if !metadata.is_file() {
            let mut bytes = Vec::new();
            std::fs::File::open(path)
                .and_then(|mut file| file.read_to_end(&mut bytes))
                .map_err(|e| source.cannot_read(e))?;
            source.bytes = Some(bytes);
        }
        Ok(source)
    }

    /// A file already read into memory, named `path` in messages.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Source<'_> {
        Source {
            path,
            bytes: Some(bytes),
        }
    }

    fn reader(&self) -> Result<Box<dyn BufRead + '_>, ApiError> {
        if let Some(bytes) = &self.bytes {
            return Ok(Box::new(bytes.as_slice()));
        }
        let file = std::fs::File::open(self.path).map_err(|e| self.cannot_read(e))?;
        Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
    }

    pub fn cannot_read(&self, error: io::Error) -> ApiError {
        ApiError::invalid(format!("Cannot read {}: {error}.", self.path.display()))
    }

    pub fn not_utf8(&self, line: usize) -> ApiError {
        ApiError::invalid(super::habits::not_utf8(self.path, line))
    }

    fn refused(&self, why: String) -> ApiError {
        ApiError::invalid(format!(
            "{} cannot be imported: {why}. The first line must name the columns {EXPECTED}.",
            self.path.display()
        ))
    }
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
