//! Why the SSH server has no host key: said in English here, in other languages by the
//! catalogs. Paths are shown as given; the details are the system's or the key reader's.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostKeyProblem {
    #[error("the SSH host key {path} cannot be read ({detail}); move it away to make a new one (clients will then warn that the host key changed)")]
    NotAKey { path: String, detail: String },
    #[error("cannot read the SSH host key {path}: {detail}")]
    Unreadable { path: String, detail: String },
    #[error("the system gave no random bytes ({0})")]
    NoRandomBytes(String),
    #[error("cannot write the SSH host key: {0}")]
    CannotEncode(String),
    #[error("cannot write the SSH host key {path}: {detail}")]
    CannotWrite { path: String, detail: String },
}
