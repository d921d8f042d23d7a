//! Which store this is: a random 128-bit identity, written in the store's metadata when it is
//! created (or, for a store made by an older build, the first time a copy of its list is
//! saved). A copy of the Customers list records the identity of its store, so that a copy
//! placed beside another store, even one at the same generation, is never shown for it.
//!
//! The identity is also written beside the database (`pcenter.id`), for the dashboard's first
//! frame, which is drawn from the list copy before the database is open.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// The file beside the database that repeats the store's identity.
pub const IDENTITY_FILE: &str = "pcenter.id";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StoreIdentity(pub u128);

impl StoreIdentity {
    /// A new identity: 128 bits from the system's random source, or, should it be out of
    /// reach, from the clock, the process and a counter, mixed.
    pub fn fresh() -> StoreIdentity {
        let mut bytes = [0u8; 16];
        let random = std::fs::File::open("/dev/urandom")
            .and_then(|mut source| source.read_exact(&mut bytes))
            .is_ok();
        if random {
            return StoreIdentity(u128::from_le_bytes(bytes));
        }
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let pid = u64::from(std::process::id());
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        let high = super::mix64(nanos as u64 ^ pid << 32);
        let low = super::mix64((nanos >> 64) as u64 ^ count ^ high);
        StoreIdentity(u128::from(high) << 64 | u128::from(low))
    }

    pub fn to_bytes(self) -> [u8; 16] {
        self.0.to_be_bytes()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<StoreIdentity> {
        <[u8; 16]>::try_from(bytes)
            .ok()
            .map(|b| StoreIdentity(u128::from_be_bytes(b)))
    }

    /// The identity written beside the database in `dir`, if there is a readable one.
    pub fn beside(dir: &Path) -> Option<StoreIdentity> {
        let text = std::fs::read_to_string(dir.join(IDENTITY_FILE)).ok()?;
        let hex = text.trim();
        (hex.len() == 32)
            .then(|| u128::from_str_radix(hex, 16).ok())
            .flatten()
            .map(StoreIdentity)
    }

    /// Writes the identity beside the database in `dir`, unless it is there already.
    pub fn write_beside(self, dir: &Path) -> std::io::Result<()> {
        if StoreIdentity::beside(dir) == Some(self) {
            return Ok(());
        }
        // Written beside and renamed into place, so that it is never half-written and a file
        // planted under its name is replaced, never written through.
        let next = dir.join(format!("{IDENTITY_FILE}.next"));
        let _ = std::fs::remove_file(&next);
        let mut file = crate::private::create_new_file(&next)?;
        std::io::Write::write_all(&mut file, format!("{self}\n").as_bytes())?;
        file.sync_all()?;
        std::fs::rename(next, dir.join(IDENTITY_FILE))
    }
}

impl fmt::Display for StoreIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities_differ_and_read_back_from_bytes_and_from_beside() {
        let (a, b) = (StoreIdentity::fresh(), StoreIdentity::fresh());
        assert_ne!(a, b);
        assert_eq!(StoreIdentity::from_bytes(&a.to_bytes()), Some(a));
        assert_eq!(StoreIdentity::from_bytes(&[1, 2, 3]), None);
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(StoreIdentity::beside(dir.path()), None);
        a.write_beside(dir.path()).unwrap();
        assert_eq!(StoreIdentity::beside(dir.path()), Some(a));
        std::fs::write(dir.path().join(IDENTITY_FILE), "not hex").unwrap();
        assert_eq!(StoreIdentity::beside(dir.path()), None);
    }
}
