//! ISO 3166-1 alpha-2 countries and regions.

/// (code, English name), sorted by code.
pub const COUNTRIES: &[(&str, &str)] = &[("KR", "Korea"), ("US", "United States")];

pub fn name(code: &str) -> Option<&'static str> {
    COUNTRIES
        .binary_search_by(|(c, _)| c.cmp(&code))
        .ok()
        .map(|i| COUNTRIES[i].1)
}

/// Checks a country/region code and returns it in upper case.
pub fn parse(value: &str) -> Result<String, String> {
    let code = value.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err("Enter the country/region as a two-letter code, for example US.".into());
    }
    match name(&code) {
        Some(_) => Ok(code),
        None => Err(format!(
            "'{}' is not a country/region code; use two letters, for example US, DE or KR.",
            value.trim()
        )),
    }
}
