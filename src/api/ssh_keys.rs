//! OpenSSH public keys read from files for `agents add --ssh-key` and `agents keys --add`:
//! every key line of a file (an `id_ed25519.pub`, or an `authorized_keys` of several), each
//! kept with its SHA-256 fingerprint, the name it signs in by.

use super::error::ApiError;
use crate::domain::agent::SshKey;
use crate::domain::characters::{message_line, quote_path};
use crate::locale::words::IoTrouble;
use russh::keys::{HashAlg, PublicKey};
use std::path::Path;

/// The largest key file read: an `authorized_keys` of many keys is a few hundred KB.
const KEY_FILE_LIMIT: u64 = 1 << 20;

/// The keys of one line: `ssh-ed25519 AAAA… comment`, options before it as in `authorized_keys`
/// not taken.
/// The error is the key reader's own words.
pub fn key_of_line(line: &str) -> Result<SshKey, String> {
    let line = line.trim();
    let key = PublicKey::from_openssh(line).map_err(|e| e.to_string())?;
    Ok(SshKey {
        fingerprint: key.fingerprint(HashAlg::Sha256).to_string(),
        public_key: line.to_string(),
    })
}

/// Every key of a file; refused, naming the file and line, when any line is not a key.
pub fn keys_of_file(path: &Path) -> Result<Vec<SshKey>, ApiError> {
    use std::io::Read;
    let opened = crate::caller::path(path);
    let file = quote_path(path);
    let mut text = String::new();
    std::fs::File::open(&opened)
        .and_then(|f| f.take(KEY_FILE_LIMIT).read_to_string(&mut text))
        .map_err(|e| {
            let (file, trouble) = (file.clone(), IoTrouble::from(&e));
            ApiError::invalid_said(move |words| {
                (words.requests.key_file_unreadable)(&file, &trouble)
            })
        })?;
    let mut keys = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let key = key_of_line(line).map_err(|why| {
            let file = file.clone();
            ApiError::invalid_said(move |words| {
                message_line(&(words.requests.key_file_line)(number + 1, &file, &why))
            })
        })?;
        keys.push(key);
    }
    if keys.is_empty() {
        return Err(ApiError::invalid_said(move |words| {
            (words.requests.key_file_empty)(&file)
        }));
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB2CPa6yri2I8Si9Lzidan/ITLJ+COxVnGvrBLXTRZjM ann@example";

    #[test]
    fn a_key_line_gives_its_sha256_fingerprint() {
        let key = key_of_line(KEY).unwrap();
        // As `ssh-keygen -lf` prints it.
        assert_eq!(
            key.fingerprint,
            "SHA256:gA0hsJb60FmT1738qk+p9F/p8LZVJBcNKvmbZC5kcNs"
        );
        assert_eq!(key.public_key, KEY);
        assert!(key_of_line("ssh-ed25519 nonsense").is_err());
        assert!(key_of_line("-----BEGIN OPENSSH PRIVATE KEY-----").is_err());
    }
}
