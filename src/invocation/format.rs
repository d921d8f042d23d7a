//! How a listing is printed.

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default, Serialize, Deserialize)]
pub enum Format {
    Table,
    #[default]
    Json,
    Csv,
}
