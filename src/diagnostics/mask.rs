//! Masks for the contact details that must not reach the log whole: enough is left to tell
//! two records apart when reading it, not enough to reach the person.

use std::borrow::Cow;

/// `jane.doe@contoso.com` → `j***@contoso.com`: the first character of the name and the domain.
pub fn email(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_string(),
    }
}

/// `+1 425 555 0155` → `+* *** *** **55`: every digit but the last two, the layout kept.
pub fn phone(number: &str) -> String {
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let mut seen = 0;
    number
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen + 2 > digits {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// An optional phone number, masked, or `no phone`.
pub fn optional_phone(number: Option<&str>) -> String {
    number.map_or_else(|| "no phone".to_string(), phone)
}

/// Characters an email address may hold before its `@`.
fn in_local_part(c: char) -> bool {
    c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c)
}

fn in_domain(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-'
}

/// `text` with every email address in it masked as `email` does: the last guard before a line
/// reaches the log, for messages that may quote what someone typed.
pub fn emails_in(text: &str) -> Cow<'_, str> {
    if !text.contains('@') {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut masked = String::with_capacity(text.len());
    let mut copied = 0;
    for at in (0..chars.len()).filter(|&i| chars[i] == '@') {
        // A quote or bracket before the address is text around it, not part of it.
        let start = (copied..at)
            .rev()
            .take_while(|&i| in_local_part(chars[i]))
            .last()
            .and_then(|first| (first..at).find(|&i| chars[i].is_alphanumeric()));
        let domain_end = (at + 1..chars.len())
            .find(|&i| !in_domain(chars[i]))
            .unwrap_or(chars.len());
        let domain: String = chars[at + 1..domain_end].iter().collect();
        let (Some(start), true) = (start, domain.trim_end_matches('.').contains('.')) else {
            continue;
        };
        masked.extend(&chars[copied..=start]);
        masked.push_str("***");
        copied = at;
    }
    masked.extend(&chars[copied..]);
    Cow::Owned(masked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_keeps_its_first_character_and_its_domain() {
        assert_eq!(email("jane.doe@contoso.com"), "j***@contoso.com");
        assert_eq!(email("지우@hanbit.co.kr"), "지***@hanbit.co.kr");
        assert_eq!(email("@contoso.com"), "***@contoso.com");
        assert_eq!(email("not an address"), "***");
    }

    #[test]
    fn a_phone_keeps_its_last_two_digits_and_its_layout() {
        assert_eq!(phone("425 555 0155"), "*** *** **55");
        assert_eq!(phone("+1 (425) 555-0100"), "+* (***) ***-**00");
        assert_eq!(phone("7"), "7");
        assert_eq!(optional_phone(None), "no phone");
        assert_eq!(optional_phone(Some("+82 2-1234-5678")), "+** *-****-**78");
    }

    #[test]
    fn every_email_in_a_text_is_masked_and_the_rest_kept() {
        assert_eq!(
            emails_in("Refused: 'taro.yamada@sakura.jp' and <zoe@northwind.com>."),
            "Refused: 't***@sakura.jp' and <z***@northwind.com>."
        );
        assert_eq!(emails_in("no address here"), "no address here");
        assert_eq!(emails_in("an @ alone, a@b, x@y."), "an @ alone, a@b, x@y.");
    }
}
