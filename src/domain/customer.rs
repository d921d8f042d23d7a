//! Customers (tenants) and the checks on the New customer form.

use super::agreement::{Collector, Contact, FieldErrors};
use super::cloud::Cloud;
use super::field_problem::{FieldProblem, Subject};
use super::{compare, country, fields};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const DOMAIN_SUFFIX: &str = ".onmicrosoft.com";
pub const DOMAIN_PREFIX_MAX: usize = 27;
pub const COMPANY_NAME_MAX: usize = 100;
pub const ADDRESS_LINE_MAX: usize = 200;
pub const CITY_MAX: usize = 100;
pub const STATE_MAX: usize = 50;
pub const POSTAL_CODE_MAX: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: String,
    pub line1: String,
    #[serde(default)]
    pub line2: Option<String>,
    pub city: String,
    pub state: String,
    pub postal_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// The tenant ID ("Microsoft ID"), a GUID.
    pub id: String,
    pub company_name: String,
    /// The full primary domain, `<prefix>.onmicrosoft.com`, lower case.
    pub domain: String,
    #[serde(default)]
    pub cloud: Cloud,
    pub address: Address,
    pub primary_contact: Contact,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
}

/// The fields of the New customer form that describe the company, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomerDraft {
    pub company_name: String,
    pub domain_prefix: String,
    pub country: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CustomerField {
    CompanyName,
    DomainPrefix,
    Country,
    Line1,
    Line2,
    City,
    State,
    PostalCode,
    FirstName,
    LastName,
    Email,
    Phone,
}

/// A validated New customer form, waiting for an ID and a creation stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerProfile {
    pub company_name: String,
    pub domain: String,
    pub address: Address,
    pub primary_contact: Contact,
}

impl CustomerProfile {
    pub fn into_customer(self, id: String, agent: &str, at: DateTime<Utc>) -> Customer {
        Customer {
            id,
            company_name: self.company_name,
            domain: self.domain,
            cloud: Cloud::Public,
            address: self.address,
            primary_contact: self.primary_contact,
            created_at: at,
            created_by: agent.to_string(),
        }
    }
}

/// The order of the Customers list, as one key: the company name whatever its case, then the
/// domain. U+001F sorts below every character a name may hold, so the key's byte order is the
/// order of the (name, domain) pair.
pub fn list_order_key(company_name: &str, domain: &str) -> String {
    let mut key = company_name.to_lowercase();
    key.push('\u{1f}');
    key.push_str(&domain.to_ascii_lowercase());
    key
}

/// The filter of the Customers list: company name or primary domain containing the text,
/// whatever its case and however its accents are encoded (see `compare`). An empty filter
/// matches every customer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomerFilter {
    needle: String,
}

impl CustomerFilter {
    pub fn new(text: &str) -> CustomerFilter {
        CustomerFilter {
            needle: compare::folded(text.trim()),
        }
    }

    pub fn matches(&self, customer: &Customer) -> bool {
        self.matches_text(&customer.company_name, &customer.domain)
    }

    /// Whether a customer with this company name and domain matches.
    pub fn matches_text(&self, company_name: &str, domain: &str) -> bool {
        self.needle.is_empty()
            || compare::folded(company_name).contains(&self.needle)
            || domain.contains(&self.needle)
    }
}

/// Checks a domain prefix and returns the full lower-case domain.
pub fn domain_from_prefix(prefix: &str) -> Result<String, FieldProblem> {
    let prefix = compare::lookup_key(prefix);
    let prefix = prefix.strip_suffix(DOMAIN_SUFFIX).unwrap_or(&prefix);
    if prefix.is_empty() {
        return Err(FieldProblem::DomainPrefixMissing);
    }
    if let Some(bad) = prefix
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
    {
        return Err(FieldProblem::DomainPrefixCharacter(bad));
    }
    if prefix.len() > DOMAIN_PREFIX_MAX {
        return Err(FieldProblem::DomainPrefixTooLong(prefix.len()));
    }
    Ok(format!("{prefix}{DOMAIN_SUFFIX}"))
}

impl CustomerDraft {
    /// Checks every field; `domain_taken` answers whether a full domain already belongs to a customer.
    pub fn validate(
        &self,
        domain_taken: impl Fn(&str) -> bool,
    ) -> Result<CustomerProfile, FieldErrors<CustomerField>> {
        use CustomerField as F;
        let mut errors = Collector::new();
        let company_name = errors.take(
            F::CompanyName,
            fields::required_text(Subject::CompanyName, &self.company_name, COMPANY_NAME_MAX),
        );
        let domain = errors.take(
            F::DomainPrefix,
            domain_from_prefix(&self.domain_prefix).and_then(|domain| {
                if domain_taken(&domain) {
                    Err(FieldProblem::DomainTaken(domain))
                } else {
                    Ok(domain)
                }
            }),
        );
        let country = errors.take(F::Country, country::parse(&self.country));
        let line1 = errors.take(
            F::Line1,
            fields::required_text(Subject::Line1, &self.line1, ADDRESS_LINE_MAX),
        );
        let line2 = errors.take(
            F::Line2,
            fields::optional_text(Subject::Line2, &self.line2, ADDRESS_LINE_MAX),
        );
        let city = errors.take(
            F::City,
            fields::required_text(Subject::City, &self.city, CITY_MAX),
        );
        let state = errors.take(
            F::State,
            fields::required_text(Subject::State, &self.state, STATE_MAX),
        );
        let postal_code = errors.take(
            F::PostalCode,
            fields::required_text(Subject::PostalCode, &self.postal_code, POSTAL_CODE_MAX),
        );
        let first_name = errors.take(
            F::FirstName,
            fields::person_name(Subject::FirstName, &self.first_name),
        );
        let last_name = errors.take(
            F::LastName,
            fields::person_name(Subject::LastName, &self.last_name),
        );
        let email = errors.take(F::Email, fields::email(&self.email));
        let phone = errors.take(F::Phone, fields::optional_phone(&self.phone));
        let (
            Some(company_name),
            Some(domain),
            Some(country),
            Some(line1),
            Some(line2),
            Some(city),
            Some(state),
            Some(postal_code),
            Some(first_name),
            Some(last_name),
            Some(email),
            Some(phone),
        ) = (
            company_name,
            domain,
            country,
            line1,
            line2,
            city,
            state,
            postal_code,
            first_name,
            last_name,
            email,
            phone,
        )
        else {
            return Err(errors.errors);
        };
        Ok(CustomerProfile {
            company_name,
            domain,
            address: Address {
                country,
                line1,
                line2,
                city,
                state,
                postal_code,
            },
            primary_contact: Contact {
                first_name,
                last_name,
                email,
                phone,
            },
        })
    }

    /// The primary contact as typed, used as the default acceptor of the agreement.
    pub fn contact_as_typed(&self) -> Contact {
        Contact {
            first_name: self.first_name.trim().to_string(),
            last_name: self.last_name.trim().to_string(),
            email: self.email.trim().to_string(),
            phone: Some(self.phone.trim().to_string()).filter(|p| !p.is_empty()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> CustomerDraft {
        CustomerDraft {
            company_name: "Hanbit Logistics 한빛물류".into(),
            domain_prefix: "HanbitLogistics".into(),
            country: "kr".into(),
            line1: "123 Teheran-ro".into(),
            line2: "".into(),
            city: "Seoul".into(),
            state: "Seoul".into(),
            postal_code: "06236".into(),
            first_name: "민준".into(),
            last_name: "김".into(),
            email: "minjun.kim@hanbit.co.kr".into(),
            phone: "+82 2 555 0100".into(),
        }
    }

    #[test]
    fn domain_prefix_is_lowercased_and_suffixed() {
        assert_eq!(
            domain_from_prefix("Contoso2"),
            Ok("contoso2.onmicrosoft.com".into())
        );
        assert_eq!(
            domain_from_prefix("contoso.onmicrosoft.com"),
            Ok("contoso.onmicrosoft.com".into())
        );
    }

    #[test]
    fn domain_prefix_allows_1_to_27_letters_and_digits() {
        assert!(domain_from_prefix("a").is_ok());
        assert!(domain_from_prefix(&"a".repeat(27)).is_ok());
        assert!(domain_from_prefix(&"a".repeat(28))
            .unwrap_err()
            .to_string()
            .contains("at most 27"));
        assert!(domain_from_prefix("")
            .unwrap_err()
            .to_string()
            .contains("Enter a domain prefix"));
        assert!(domain_from_prefix("con-toso")
            .unwrap_err()
            .to_string()
            .contains("remove '-'"));
        assert!(domain_from_prefix("café").is_err());
    }

    #[test]
    fn a_complete_form_becomes_a_profile() {
        let profile = filled().validate(|_| false).unwrap();
        assert_eq!(profile.domain, "hanbitlogistics.onmicrosoft.com");
        assert_eq!(profile.address.country, "KR");
        assert_eq!(profile.address.line2, None);
        assert_eq!(profile.primary_contact.first_name, "민준");
    }

    #[test]
    fn a_taken_domain_is_refused_whatever_its_case() {
        let errors = filled()
            .validate(|d| d == "hanbitlogistics.onmicrosoft.com")
            .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, CustomerField::DomainPrefix);
        assert!(errors[0].1.to_string().contains("already taken"));
    }

    #[test]
    fn an_empty_form_lists_every_required_field_and_not_the_optional_ones() {
        let errors = CustomerDraft::default().validate(|_| false).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(f, _)| *f).collect();
        use CustomerField as F;
        assert_eq!(
            fields,
            vec![
                F::CompanyName,
                F::DomainPrefix,
                F::Country,
                F::Line1,
                F::City,
                F::State,
                F::PostalCode,
                F::FirstName,
                F::LastName,
                F::Email
            ]
        );
    }

    #[test]
    fn the_filter_matches_company_name_or_domain_whatever_the_case() {
        let at = "2018-09-14T10:00:00Z".parse().unwrap();
        let customer =
            filled()
                .validate(|_| false)
                .unwrap()
                .into_customer("id-1".into(), "Megan", at);
        for text in [
            "",
            "  ",
            "한빛",
            "HANBIT LOGISTICS",
            "hanbitlogistics.onmicrosoft",
            " Logis ",
        ] {
            assert!(CustomerFilter::new(text).matches(&customer), "{text:?}");
        }
        for text in ["contoso", "id-1", "Seoul"] {
            assert!(!CustomerFilter::new(text).matches(&customer), "{text:?}");
        }
    }

    #[test]
    fn new_customers_are_created_in_the_public_cloud() {
        let at = "2018-09-14T10:00:00Z".parse().unwrap();
        let customer =
            filled()
                .validate(|_| false)
                .unwrap()
                .into_customer("id-1".into(), "Megan", at);
        assert_eq!(customer.cloud, Cloud::Public);
        assert_eq!(customer.created_by, "Megan");
    }
}
