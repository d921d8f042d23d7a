//! Why a file could not be read or written, as data: its kind, which each language says, and
//! the system's own words, which English gives as they are.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoTrouble {
    pub kind: std::io::ErrorKind,
    pub said: String,
}

impl From<&std::io::Error> for IoTrouble {
    fn from(error: &std::io::Error) -> IoTrouble {
        IoTrouble {
            kind: error.kind(),
            said: error.to_string(),
        }
    }
}
