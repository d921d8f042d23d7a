//! `pcenter agreements export|import`: the CSV of Microsoft's own export sample.

use super::error::ApiError;
use super::Api;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn export(
    _api: &mut Api,
    _file: Option<PathBuf>,
    _out: &mut dyn Write,
) -> Result<u8, ApiError> {
    Err(ApiError::invalid("agreements export is not available yet."))
}

pub fn import(
    _api: &mut Api,
    _file: &Path,
    _dry_run: bool,
    _out: &mut dyn Write,
) -> Result<u8, ApiError> {
    Err(ApiError::invalid("agreements import is not available yet."))
}
