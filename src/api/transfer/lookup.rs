//! What a row says before any rule of the service is applied: nothing (an export's row for a
//! customer without a confirmation), too little, or a confirmation for one known customer.

use super::problem::{Needed, RowProblem};
use super::rows::{Column, Dialect, Row};
use crate::book::Book;
use crate::domain::compare;
use crate::store::{Store, StoreError};

/// What a row says about whom, before the rules of a confirmation are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// No confirmation in the row (an export writes such rows for customers without one).
    Empty,
    Rejected(RowProblem),
    /// A confirmation for this customer; `missing` names required columns left empty.
    Identified {
        customer_id: String,
        missing: Vec<Column>,
    },
}

/// Finds the customer a row names: by tenant ID, or by primary domain when there is none,
/// reading it from the store into the book.
pub struct Customers<'s> {
    store: &'s dyn Store,
}

impl<'s> Customers<'s> {
    pub fn new(store: &'s dyn Store) -> Customers<'s> {
        Customers { store }
    }

    /// The customer a row names, by tenant ID or else by domain, without reading it: enough to
    /// tell which rows name the same customer.
    pub fn key(&self, row: &Row) -> Result<Option<String>, StoreError> {
        let (tenant, domain) = (row.get(Column::TenantId), row.get(Column::Domain));
        if !tenant.is_empty() {
            Ok(Some(compare::lookup_key(tenant)))
        } else if !domain.is_empty() {
            self.store
                .customer_id_by_domain(&compare::lookup_key(domain))
        } else {
            Ok(None)
        }
    }

    pub fn check(&self, book: &mut Book, row: &Row) -> Result<Check, StoreError> {
        Ok(match self.find(book, row)? {
            Ok(check) => check,
            Err(reason) => reject(reason),
        })
    }

    fn find(&self, book: &mut Book, row: &Row) -> Result<Result<Check, RowProblem>, StoreError> {
        use Column::*;
        if !has_data(row) {
            return Ok(Ok(Check::Empty));
        }
        let dialect = row.dialect();
        let missing: Vec<Column> = (dialect.required().iter().copied())
            .filter(|c| row.get(*c).is_empty())
            .collect();
        let (tenant, domain) = (row.get(TenantId), row.get(Domain));
        // Microsoft's sample needs both the tenant ID and the domain.
        if dialect == Dialect::MicrosoftSample && (tenant.is_empty() || domain.is_empty()) {
            let empty: Vec<Needed> = (Column::ALL.iter())
                .filter(|c| matches!(c, TenantId | Domain) || missing.contains(c))
                .filter(|c| row.get(**c).is_empty())
                .map(|c| Needed::Column(*c))
                .collect();
            return Ok(Err(RowProblem::Insufficient { dialect, empty }));
        }
        let customer_id = if !tenant.is_empty() {
            let id = compare::lookup_key(tenant);
            if book.customer(&id).is_none() {
                if let Some(dossier) = self.store.dossier(&id)? {
                    book.insert_dossier(dossier);
                }
            }
            let Some(customer) = book.customer(&id) else {
                return Ok(Err(RowProblem::UnknownTenant(tenant.to_string())));
            };
            if !domain.is_empty()
                && compare::lookup_key(domain) != compare::lookup_key(&customer.domain)
            {
                return Ok(Err(RowProblem::Disagree {
                    tenant: tenant.to_string(),
                    domain_of_tenant: customer.domain.clone(),
                    domain: domain.to_string(),
                }));
            }
            id
        } else if !domain.is_empty() {
            let found = match self
                .store
                .customer_id_by_domain(&compare::lookup_key(domain))?
            {
                Some(_) => book.fetch(self.store, domain)?,
                None => None,
            };
            let Some(id) = found else {
                return Ok(Err(RowProblem::UnknownDomain(domain.to_string())));
            };
            id
        } else {
            let mut empty = vec![Needed::TenantIdOrDomain];
            empty.extend(missing.iter().map(|c| Needed::Column(*c)));
            return Ok(Err(RowProblem::Insufficient { dialect, empty }));
        };
        Ok(Ok(Check::Identified {
            customer_id,
            missing,
        }))
    }
}

/// Whether a row carries any confirmation data (an export writes rows without, for customers
/// that have none).
pub fn has_data(row: &Row) -> bool {
    use Column::*;
    [Date, FirstName, LastName, Phone, Email, Type]
        .iter()
        .any(|c| !row.get(*c).is_empty())
}

fn reject(reason: RowProblem) -> Check {
    Check::Rejected(reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::transfer::rows::tests::{header, record};
    use crate::assets;
    use crate::store::MemoryStore;

    const CONTOSO: &str = "9d62ba20-49fe-4b68-b3d6-6c88eae123dc";

    fn check(cells: [&str; 7]) -> Check {
        let store = MemoryStore::with_snapshot(assets::demo_snapshot());
        let mut book = Book::default();
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
        Customers::new(&store)
            .check(&mut book, &header.row(&record).unwrap())
            .unwrap()
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
            Check::Rejected(reason) => reason.to_string(),
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
