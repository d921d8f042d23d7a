//! The compliance report, the export and the import as documents rather than command output:
//! what the command prints, as one text, with the exit status the command would give. The
//! HTTP face sends them under `/_pcenter/`.

use super::error::{exit, ApiError};
use super::{report, transfer, Api};
use crate::caller::{self, Caller};
use crate::invocation::Format;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A document and the exit status the same command gives (0, or `exit::ROWS_REJECTED`).
pub struct Document {
    pub text: Vec<u8>,
    pub exit: u8,
}

/// The compliance report in `format` (JSON or CSV).
pub fn compliance(api: &mut Api, format: Format) -> Result<Document, ApiError> {
    let mut text = Vec::new();
    let exit = report::compliance(api, format, &mut text)?;
    Ok(Document { text, exit })
}

/// Every customer's current confirmation as the import's CSV.
pub fn export(api: &mut Api) -> Result<Document, ApiError> {
    let mut text = Vec::new();
    let exit = transfer::export(api, None, &mut text)?;
    Ok(Document { text, exit })
}

/// Imports `csv` (the export's columns) as `agreements import` imports a file: the same rules,
/// the same lines. The text is put in a private file of its own while it is read.
pub fn import(api: &mut Api, csv: &[u8], dry_run: bool) -> Result<Document, ApiError> {
    let upload = Upload::write(csv).map_err(|e| {
        ApiError::new(
            super::error::code::STORE,
            exit::STORE,
            format!("cannot keep the uploaded CSV while it is read: {e}"),
        )
    })?;
    let caller = Caller {
        stdin: Box::new(std::io::empty()),
        stderr: Box::new(std::io::sink()),
        stderr_is_terminal: false,
        stdout_columns: None,
        stdout_file: None,
        directory: upload.directory.clone(),
        process: None,
    };
    let mut text = Vec::new();
    let result = caller::run_for(caller, || {
        transfer::import(api, Path::new(Upload::NAME), dry_run, &mut text)
    });
    match result {
        Ok(exit) => Ok(Document { text, exit }),
        // What was imported before the stop was said in the lines; the error says why it stopped.
        Err(error) if !text.is_empty() => {
            let mut said = String::from_utf8_lossy(&text).into_owned();
            said.push_str(&error.description);
            Err(error.described_as(said))
        }
        Err(error) => Err(error),
    }
}

/// A directory of one request's own (0700) holding its upload, removed when dropped.
struct Upload {
    directory: PathBuf,
}

impl Upload {
    /// The name the import's lines give the upload.
    const NAME: &'static str = "upload.csv";

    fn write(csv: &[u8]) -> std::io::Result<Upload> {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        let mut random = [0u8; 8];
        getrandom::fill(&mut random).map_err(std::io::Error::other)?;
        let name: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let directory = std::env::temp_dir().join(format!("pcenter-upload-{name}"));
        std::fs::DirBuilder::new().mode(0o700).create(&directory)?;
        let upload = Upload { directory };
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(upload.directory.join(Upload::NAME))?;
        file.write_all(csv)?;
        Ok(upload)
    }
}

impl Drop for Upload {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.directory);
    }
}
