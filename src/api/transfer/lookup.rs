//! What a row says before any rule of the service is applied: nothing (an export's row for a
//! customer without a confirmation), too little, or a confirmation for one known customer.

use super::rows::{Column, Row};
use crate::book::Book;
use std::collections::HashMap;

/// What a row says about whom, before the rules of a confirmation are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// No confirmation in the row (an export writes such rows for customers without one).
    Empty,
    Rejected(String),
    /// A confirmation for this customer; `missing` names required columns left empty.
    Identified {
        customer_id: String,
        missing: Vec<Column>,
    },
}

/// Finds the customer a row names: by tenant ID, or by primary domain when there is none.
pub struct Customers {
    /// Primary domain (lower case) → tenant ID.
    by_domain: HashMap<String, String>,
}

impl Customers {
    pub fn new(book: &Book) -> Customers {
        let by_domain = book
            .customers_by_name()
            .map(|c| (c.domain.to_ascii_lowercase(), c.id.clone()))
            .collect();
        Customers { by_domain }
    }

    pub fn check(&self, book: &Book, row: &Row) -> Check {
        use Column::*;
        if [Date, FirstName, LastName, Phone, Email]
            .iter()
            .all(|c| row.get(*c).is_empty())
        {
            return Check::Empty;
        }
        let missing: Vec<Column> = [Date, FirstName, LastName, Email]
            .into_iter()
            .filter(|c| row.get(*c).is_empty())
            .collect();
        let (tenant, domain) = (row.get(TenantId), row.get(Domain));
        let customer = if !tenant.is_empty() {
            let Some(customer) = book.customer(&tenant.to_ascii_lowercase()) else {
                return reject(format!(
                    "unknown customer: no customer has the tenant ID {tenant}"
                ));
            };
            if !domain.is_empty() && !domain.eq_ignore_ascii_case(&customer.domain) {
                return reject(format!(
                    "TenantId and Domain disagree: {tenant} is the tenant ID of {}, not of {domain}",
                    customer.domain
                ));
            }
            customer
        } else if !domain.is_empty() {
            let found = self.by_domain.get(&domain.to_ascii_lowercase());
            let Some(customer) = found.and_then(|id| book.customer(id)) else {
                return reject(format!(
                    "unknown customer: no customer has the primary domain {domain}"
                ));
            };
            customer
        } else {
            let mut names = vec!["TenantId or Domain"];
            names.extend(missing.iter().map(|c| c.name()));
            return reject(insufficient(&names));
        };
        Check::Identified {
            customer_id: customer.id.clone(),
            missing,
        }
    }
}

fn reject(reason: String) -> Check {
    Check::Rejected(reason)
}

/// The reason for a row with required columns left empty.
pub fn insufficient(names: &[&str]) -> String {
    format!("insufficient data: {} empty", names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::transfer::rows::tests::{header, record};
    use crate::assets;

    const CONTOSO: &str = "9d62ba20-49fe-4b68-b3d6-6c88eae123dc";

    fn check(cells: [&str; 7]) -> Check {
        let book = Book::from_snapshot(assets::demo_snapshot());
        let names = [
            "TenantId",
            "Domain",
            "Date",
            "First Name",
            "Last Name",
            "Phone",
            "Email",
        ];
        let header = header(&names).unwrap();
        let record = record(&cells);
        Customers::new(&book).check(&book, &header.row(&record).unwrap())
    }

    fn identified(missing: Vec<Column>) -> Check {
        Check::Identified {
            customer_id: CONTOSO.into(),
            missing,
        }
    }

    #[test]
    fn a_row_names_its_customer_by_tenant_id_or_else_by_domain() {
        let data = ["2018-09-01", "Ada", "Lovelace", "", "ada@contoso.com"];
        let [date, first, last, phone, email] = data;
        let by_id = [CONTOSO, "", date, first, last, phone, email];
        assert_eq!(check(by_id), identified(vec![]));
        let upper = CONTOSO.to_uppercase();
        let by_both = [
            &upper,
            "ContosoElectronics.onmicrosoft.com",
            date,
            first,
            last,
            phone,
            email,
        ];
        assert_eq!(check(by_both), identified(vec![]));
        let by_domain = [
            "",
            "contosoelectronics.onmicrosoft.com",
            date,
            "",
            last,
            phone,
            "",
        ];
        assert_eq!(
            check(by_domain),
            identified(vec![Column::FirstName, Column::Email])
        );
    }

    #[test]
    fn rows_without_data_or_without_a_known_customer() {
        assert_eq!(check([CONTOSO, "x.com", "", "", "", "", ""]), Check::Empty);
        assert_eq!(check(["", "", "", "", "", "", ""]), Check::Empty);
        let reason = |cells| match check(cells) {
            Check::Rejected(reason) => reason,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            reason(["", "", "2018-09-01", "Ada", "", "", ""]),
            "insufficient data: TenantId or Domain, Last Name, Email empty"
        );
        assert_eq!(
            reason(["nobody", "", "2018-09-01", "", "", "", ""]),
            "unknown customer: no customer has the tenant ID nobody"
        );
        assert_eq!(
            reason(["", "nobody.com", "2018-09-01", "", "", "", ""]),
            "unknown customer: no customer has the primary domain nobody.com"
        );
        assert_eq!(
            reason([CONTOSO, "northwindtraders.onmicrosoft.com", "", "Ada", "", "", ""]),
            format!("TenantId and Domain disagree: {CONTOSO} is the tenant ID of contosoelectronics.onmicrosoft.com, not of northwindtraders.onmicrosoft.com")
        );
    }
}
