//! Paths in serde (for a command sent to the owner of a store, see `owner`): a UTF-8 path as a
//! string, any other (a Unix file name may hold any byte but NUL) as its bytes, so that every
//! path a command takes arrives as it was typed.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::path::{Path, PathBuf};

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Named {
    Text(String),
    Bytes(Vec<u8>),
}

fn named(path: &Path) -> Named {
    match path.to_str() {
        Some(text) => Named::Text(text.to_string()),
        None => Named::Bytes(bytes_of(path)),
    }
}

fn path_of(named: Named) -> Result<PathBuf, String> {
    match named {
        Named::Text(text) => Ok(PathBuf::from(text)),
        Named::Bytes(bytes) => from_bytes(bytes),
    }
}

#[cfg(unix)]
fn bytes_of(path: &Path) -> Vec<u8> {
    std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec()
}

#[cfg(not(unix))]
fn bytes_of(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(unix)]
fn from_bytes(bytes: Vec<u8>) -> Result<PathBuf, String> {
    use std::os::unix::ffi::OsStringExt;
    Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(not(unix))]
fn from_bytes(bytes: Vec<u8>) -> Result<PathBuf, String> {
    String::from_utf8(bytes)
        .map(PathBuf::from)
        .map_err(|_| "a path that is not UTF-8".to_string())
}

pub fn serialize<S: Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
    named(path).serialize(serializer)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<PathBuf, D::Error> {
    path_of(Named::deserialize(deserializer)?).map_err(serde::de::Error::custom)
}

/// The same for an optional path.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(
        path: &Option<PathBuf>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        path.as_deref().map(named).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<PathBuf>, D::Error> {
        Option::<Named>::deserialize(deserializer)?
            .map(path_of)
            .transpose()
            .map_err(serde::de::Error::custom)
    }
}

/// The same for a list of paths.
pub mod list {
    use super::*;

    pub fn serialize<S: Serializer>(paths: &[PathBuf], serializer: S) -> Result<S::Ok, S::Error> {
        paths
            .iter()
            .map(|path| named(path))
            .collect::<Vec<_>>()
            .serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<PathBuf>, D::Error> {
        Vec::<Named>::deserialize(deserializer)?
            .into_iter()
            .map(path_of)
            .collect::<Result<_, _>>()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use serde::{Deserialize, Serialize};
    use std::os::unix::ffi::OsStringExt;
    use std::path::PathBuf;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Paths {
        #[serde(with = "super")]
        one: PathBuf,
        #[serde(with = "super::option")]
        maybe: Option<PathBuf>,
    }

    #[test]
    fn every_path_comes_back_as_it_was_utf8_or_not() {
        let odd = PathBuf::from(std::ffi::OsString::from_vec(b"caf\xe9/x.csv".to_vec()));
        for paths in [
            Paths {
                one: "rel/x.csv".into(),
                maybe: None,
            },
            Paths {
                one: odd.clone(),
                maybe: Some(odd.clone()),
            },
            Paths {
                one: "-".into(),
                maybe: Some("/tmp/ünïcode".into()),
            },
        ] {
            let json = serde_json::to_string(&paths).unwrap();
            assert_eq!(
                serde_json::from_str::<Paths>(&json).unwrap(),
                paths,
                "{json}"
            );
        }
        let json = serde_json::to_string(&Paths {
            one: "a.csv".into(),
            maybe: None,
        })
        .unwrap();
        assert_eq!(json, r#"{"one":"a.csv","maybe":null}"#);
    }
}
