//! The new tenant's administrator, as Partner Center hands it to the partner when it creates a
//! customer: the user name `admin` and a temporary password, shown once and never stored.

use serde::Serialize;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

/// The user name and temporary password of a new customer's administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserCredentials {
    pub user_name: String,
    pub password: String,
}

impl UserCredentials {
    /// Fresh credentials: the password comes from the process's random hashing keys (each
    /// `RandomState` has keys of its own), so none can be worked out from what is stored.
    pub fn issue() -> UserCredentials {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u8(0);
        UserCredentials::from_entropy(hasher.finish())
    }

    /// Credentials from given entropy, for repeatable tests and snapshots.
    pub fn from_entropy(entropy: u64) -> UserCredentials {
        UserCredentials {
            user_name: "admin".to_string(),
            password: temporary_password(entropy),
        }
    }

    /// The sign-in name to hand to the customer: `admin@contoso.onmicrosoft.com`.
    pub fn sign_in_name(&self, domain: &str) -> String {
        format!("{}@{}", self.user_name, domain)
    }
}

/// A password in the form Partner Center's temporary passwords take: three letters, an upper
/// case one first, then five digits ("Kaf63814"). Letters that read alike (I, l, O) are left out.
pub fn temporary_password(entropy: u64) -> String {
    const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    const LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
    let mut rest = entropy;
    let mut take = |alphabet: &[u8]| {
        let c = alphabet[(rest % alphabet.len() as u64) as usize] as char;
        rest /= alphabet.len() as u64;
        c
    };
    let mut password = String::with_capacity(8);
    password.push(take(UPPER));
    password.push(take(LOWER));
    password.push(take(LOWER));
    for _ in 0..5 {
        password.push(take(b"0123456789"));
    }
    password
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_take_the_form_of_partner_centers_temporary_ones() {
        for entropy in [0, 1, 42, u64::MAX, 0x9e37_79b9_7f4a_7c15] {
            let password = temporary_password(entropy);
            let chars: Vec<char> = password.chars().collect();
            assert_eq!(chars.len(), 8, "{password}");
            assert!(chars[0].is_ascii_uppercase(), "{password}");
            assert!(
                chars[1..3].iter().all(|c| c.is_ascii_lowercase()),
                "{password}"
            );
            assert!(chars[3..].iter().all(|c| c.is_ascii_digit()), "{password}");
        }
        assert_ne!(temporary_password(1), temporary_password(2));
    }

    #[test]
    fn issued_credentials_are_for_admin_and_differ_each_time() {
        let first = UserCredentials::issue();
        let second = UserCredentials::issue();
        assert_eq!(first.user_name, "admin");
        assert_ne!(first.password, second.password);
        assert_eq!(
            first.sign_in_name("contoso.onmicrosoft.com"),
            "admin@contoso.onmicrosoft.com"
        );
    }
}
