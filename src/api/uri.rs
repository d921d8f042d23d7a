//! Percent-encoding of a URI's query component (RFC 3986), for the links the API gives.

/// `text` with everything but the unreserved characters percent-encoded, byte by byte.
pub fn component(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_unreserved_characters_stay_as_they_are() {
        assert_eq!(
            super::component(r#"{"Field":"CompanyName","Value":"Zoë & co"}"#),
            "%7B%22Field%22%3A%22CompanyName%22%2C%22Value%22%3A%22Zo%C3%AB%20%26%20co%22%7D"
        );
        assert_eq!(super::component("a-b_c.d~e"), "a-b_c.d~e");
    }
}
