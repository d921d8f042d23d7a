//! How many characters each box of a form takes: the numbers the validation checks, so a form
//! never holds more than a command would accept. Pasted text is cut there, with a message.

use super::agreement::AcceptanceField;
use super::customer::{self, CustomerField};
use super::fields::{EMAIL_MAX, NAME_MAX, PHONE_MAX};

/// A date as `YYYY-MM-DD`.
pub const DATE_CHARS: usize = 10;
/// A country/region as its two-letter code.
pub const COUNTRY_CHARS: usize = 2;
/// A seat count: nine digits reach past every offer's maximum and stay within `u32`.
pub const QUANTITY_DIGITS: usize = 9;
/// The Customers filter: longer text cannot match a company name or a domain.
pub const FILTER_CHARS: usize = customer::COMPANY_NAME_MAX;

pub fn customer_field(field: CustomerField) -> usize {
    use CustomerField as F;
    match field {
        F::CompanyName => customer::COMPANY_NAME_MAX,
        // The prefix may be typed with its suffix, as "contoso.onmicrosoft.com".
        F::DomainPrefix => customer::DOMAIN_PREFIX_MAX + customer::DOMAIN_SUFFIX.len(),
        F::Country => COUNTRY_CHARS,
        F::Line1 | F::Line2 => customer::ADDRESS_LINE_MAX,
        F::City => customer::CITY_MAX,
        F::State => customer::STATE_MAX,
        F::PostalCode => customer::POSTAL_CODE_MAX,
        F::FirstName | F::LastName => NAME_MAX,
        F::Email => EMAIL_MAX,
        F::Phone => PHONE_MAX,
    }
}

pub fn acceptance_field(field: AcceptanceField) -> usize {
    use AcceptanceField as F;
    match field {
        F::FirstName | F::LastName => NAME_MAX,
        F::Email => EMAIL_MAX,
        F::Phone => PHONE_MAX,
        F::Date => DATE_CHARS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agreement::AcceptanceDraft;
    use crate::domain::customer::{domain_from_prefix, CustomerDraft};

    /// A draft whose every field holds a valid value of exactly its box's capacity passes; one
    /// more character is refused with a message that states the limit.
    #[test]
    fn a_full_box_is_valid_and_one_more_character_is_refused_saying_the_limit() {
        let name = |n: usize| "x".repeat(n);
        let full = AcceptanceDraft {
            first_name: name(acceptance_field(AcceptanceField::FirstName)),
            last_name: name(acceptance_field(AcceptanceField::LastName)),
            email: format!("{}@{}.com", name(64), name(63)),
            phone: format!("+{}", "1".repeat(15)),
            date: "2018-09-14".into(),
        };
        assert!(full.email.chars().count() <= acceptance_field(AcceptanceField::Email));
        assert!(full.phone.chars().count() <= acceptance_field(AcceptanceField::Phone));
        assert_eq!(full.date.len(), acceptance_field(AcceptanceField::Date));
        assert!(full.validate("2018-09-14".parse().unwrap()).is_ok());
        let over = AcceptanceDraft {
            first_name: name(NAME_MAX + 1),
            ..full
        };
        let errors = over.validate("2018-09-14".parse().unwrap()).unwrap_err();
        assert!(
            errors[0]
                .1
                .to_string()
                .contains(&format!("at most {NAME_MAX}")),
            "{errors:?}"
        );
    }

    #[test]
    fn every_customer_box_takes_what_its_check_allows() {
        use CustomerField as F;
        let prefix_with_suffix = format!(
            "{}{}",
            "a".repeat(customer::DOMAIN_PREFIX_MAX),
            customer::DOMAIN_SUFFIX
        );
        assert_eq!(prefix_with_suffix.len(), customer_field(F::DomainPrefix));
        assert!(domain_from_prefix(&prefix_with_suffix).is_ok());
        let full = |field: F| "x".repeat(customer_field(field));
        let draft = CustomerDraft {
            company_name: full(F::CompanyName),
            domain_prefix: "contoso".into(),
            country: "US".into(),
            line1: full(F::Line1),
            line2: full(F::Line2),
            city: full(F::City),
            state: full(F::State),
            postal_code: full(F::PostalCode),
            first_name: full(F::FirstName),
            last_name: full(F::LastName),
            email: "ada@contoso.com".into(),
            phone: "".into(),
        };
        assert!(draft.validate(|_| false).is_ok());
        let over = CustomerDraft {
            city: format!("{}x", full(F::City)),
            ..draft
        };
        let errors = over.validate(|_| false).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0]
            .1
            .to_string()
            .contains(&format!("at most {}", customer::CITY_MAX)));
    }
}
