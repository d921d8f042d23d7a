//! The server's host key: ed25519, made on the first start into the data directory (0600, in
//! OpenSSH's format) and used on every start after, so that clients recognise the server. Its
//! fingerprint is printed at start for users to check on their first connection.

use crate::domain::host_key::HostKeyProblem;
use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::ssh_key::LineEnding;
use russh::keys::{HashAlg, PrivateKey};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The file's name in the data directory, as sshd names its own.
pub const FILE_NAME: &str = "ssh_host_ed25519_key";

/// The host key and whether it was made now.
pub struct HostKey {
    pub key: PrivateKey,
    pub made: bool,
    pub path: PathBuf,
}

impl HostKey {
    /// `SHA256:…`, as `ssh-keygen -l` and the client's first-connection question print it.
    pub fn fingerprint(&self) -> String {
        self.key
            .public_key()
            .fingerprint(HashAlg::Sha256)
            .to_string()
    }
}

/// The key of `data_dir`, made there when it has none.
pub fn load_or_make(data_dir: &Path) -> Result<HostKey, HostKeyProblem> {
    let path = data_dir.join(FILE_NAME);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let key =
                PrivateKey::from_openssh(text.as_bytes()).map_err(|e| HostKeyProblem::NotAKey {
                    path: path.display().to_string(),
                    detail: e.to_string(),
                })?;
            Ok(HostKey {
                key,
                made: false,
                path,
            })
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => make(path),
        Err(error) => Err(HostKeyProblem::Unreadable {
            path: path.display().to_string(),
            detail: error.to_string(),
        }),
    }
}

fn make(path: PathBuf) -> Result<HostKey, HostKeyProblem> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| HostKeyProblem::NoRandomBytes(e.to_string()))?;
    let key = PrivateKey::from(Ed25519Keypair::from_seed(&seed));
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| HostKeyProblem::CannotEncode(e.to_string()))?;
    // Written whole under another name, then renamed: a crash leaves no half key.
    let partial = path.with_extension("partial");
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&partial)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&partial, &path));
    written.map_err(|e| HostKeyProblem::CannotWrite {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?;
    Ok(HostKey {
        key,
        made: true,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_key_is_made_once_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_make(dir.path()).unwrap();
        assert!(first.made);
        let mode = std::fs::metadata(&first.path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let again = load_or_make(dir.path()).unwrap();
        assert!(!again.made);
        assert_eq!(again.fingerprint(), first.fingerprint());
        assert!(first.fingerprint().starts_with("SHA256:"));
        std::fs::write(&first.path, "not a key").unwrap();
        let refused = load_or_make(dir.path()).err().unwrap().to_string();
        assert!(refused.contains("cannot be read"), "{refused}");
    }
}
