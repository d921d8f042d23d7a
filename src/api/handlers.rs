//! The requests of Partner Center's API, each on the shared core as one agent (`Api`): they
//! return a Partner Center resource or a Partner Center error and print nothing. The commands
//! format what they return; the HTTP face will send it. A change is decided by the core on the
//! store's current records (`Api::change`), never on what this request read before.

use super::agreement_request::Requested;
use super::customer_body::CustomerRequest;
use super::error::ApiError;
use super::json::{templates_on, AGREEMENT_TYPES};
use super::request_bodies::OrderRequest;
use super::resources::{
    Agreement, AgreementMetaData, Attributes, Collection, CreatedCustomer, CustomerResource,
    CustomersPage, KeyValue, Link, Links, Offer, OrderResource, SubscriptionResource,
};
use super::Api;
use crate::domain::agreement::{sorted_newest_first, Channel, MCA_TYPE};
use crate::domain::catalog;
use crate::domain::commerce::{OrderLine, Subscription};
use crate::domain::credentials::UserCredentials;
use crate::domain::customer::{Customer, CustomerFilter};
use crate::domain::role::GatedAction;
use crate::service::ServiceError;
use crate::store::{Listed, StoreError};
use chrono::NaiveDate;

/// GET /v1/agreements?agreementType=…: the templates of the type asked for (none means
/// MicrosoftCloudAgreement, `*` every type) that Partner Center listed on `business_date`.
pub fn templates(
    agreement_type: Option<&str>,
    business_date: NaiveDate,
) -> Result<Collection<AgreementMetaData>, ApiError> {
    let wanted = wanted_type(agreement_type)?;
    let items = templates_on(business_date)
        .into_iter()
        .filter(|t| wanted.matches(&t.agreement_type))
        .collect();
    Ok(Collection::of(items))
}

/// POST /v1/customers/{id}/agreements: records the confirmation.
pub fn confirm(api: &mut Api, customer: &str, requested: Requested) -> Result<Agreement, ApiError> {
    let customer_id = api.customer(customer)?.id.clone();
    let business_date = api.actor.business_date;
    // Role, schedule, cloud and a future date are reported before the fields' own messages.
    api.checks()
        .check_confirmation(&customer_id, requested.date(business_date))?;
    let acceptance = requested.into_acceptance(business_date)?;
    let confirmation = api.change(|ops| ops.confirm(&customer_id, acceptance, Channel::Command))?;
    Ok(Agreement::from(&confirmation))
}

/// GET /v1/customers/{id}/agreements?agreementType=…: newest first (the first is the one in
/// force).
pub fn agreements(
    api: &mut Api,
    customer: &str,
    agreement_type: Option<&str>,
) -> Result<Collection<Agreement>, ApiError> {
    let wanted = wanted_type(agreement_type)?;
    let customer = api.customer(customer)?;
    api.actor
        .role
        .require(GatedAction::SeeConfirmation)
        .map_err(ServiceError::from)?;
    // Each confirmation is of its template's agreement, whatever type was stored with it.
    let items = sorted_newest_first(api.book.confirmations(&customer.id))
        .into_iter()
        .map(Agreement::from)
        .filter(|agreement| wanted.matches(&agreement.agreement_type))
        .collect();
    Ok(Collection::of(items))
}

/// GET /v1/customers/{id}, the customer named by tenant ID, primary domain or domain prefix.
pub fn customer(api: &mut Api, named: &str) -> Result<CustomerResource, ApiError> {
    let customer = api.customer(named)?;
    Ok(resource_of(api, customer))
}

/// POST /v1/customers with the Customer body (`body` is its JSON text), with an agreement
/// confirmed at once when it carries one. The answer holds the new administrator's user name
/// and temporary password, which are given this once and kept nowhere.
pub fn create_customer(api: &mut Api, body: &str) -> Result<CreatedCustomer, ApiError> {
    // The role comes first, as in the service, so that a refused agent learns nothing else.
    api.actor
        .role
        .require(GatedAction::CreateCustomer)
        .map_err(ServiceError::from)?;
    let request = CustomerRequest::parse(body)?;
    if let Some(agreement) = &request.agreement {
        // Schedule and a future date first, with the codes `agreements create` gives them.
        let date = Requested::nested(agreement.clone(), "agreement.").date(api.actor.business_date);
        api.checks().check_new_customer_confirmation(date)?;
    }
    let (profile, acceptance) = request.validate(
        |domain| {
            // A failing store is reported when the customer is written, and so is a domain
            // taken by a customer of a later day, with its own words.
            let as_of = api.actor.business_date;
            let holder = match api.store().customer_id_by_domain(domain) {
                Ok(Some(id)) => api.store().dossier(&id).ok().flatten(),
                _ => None,
            };
            api.book.domain_taken(domain)
                || holder.is_some_and(|d| d.customer.created_at.date_naive() <= as_of)
        },
        api.actor.business_date,
    )?;
    let customer = api.change(|ops| ops.create_customer(profile, acceptance, Channel::Command))?;
    Ok(CreatedCustomer {
        resource: resource_of(api, customer),
        credentials: UserCredentials::issue(),
    })
}

/// The customers of the list, in its order (company name, then domain), that the filter (on
/// company name and domain) and `unconfirmed` keep; read lazily, a row at a time.
pub fn customer_rows<'a>(
    api: &'a Api,
    filter: Option<&str>,
    unconfirmed: bool,
) -> Result<impl Iterator<Item = Result<Listed, StoreError>> + 'a, StoreError> {
    let filter = CustomerFilter::new(filter.unwrap_or(""));
    let as_of = api.actor.business_date;
    let store = api.store();
    // Before the store's last change, rows are read as they were on the business date.
    let exact = store.latest_change()?.is_none_or(|latest| latest <= as_of);
    let all = if unconfirmed {
        store.unconfirmed_listing(as_of)?
    } else {
        store.listing()?
    };
    Ok(all
        .filter_map(move |row| match row {
            Ok(row) if !exact => crate::store::row_on(store, row, as_of).transpose(),
            other => Some(other),
        })
        .filter(move |row| {
            row.as_ref().map_or(true, |row| {
                filter.matches_text(&row.company_name, &row.domain)
            })
        }))
}

/// How many customers the store holds on the business date: the store's count when nothing was
/// recorded after it, else those created by then.
pub fn customer_count_on(api: &Api) -> Result<usize, StoreError> {
    let as_of = api.actor.business_date;
    let store = api.store();
    if store.latest_change()?.is_none_or(|latest| latest <= as_of) {
        return Ok(store.customer_count()? as usize);
    }
    customer_rows(api, None, false)?.try_fold(0, |n, row| row.map(|_| n + 1))
}

/// The customer of a row of `customer_rows`, read from the store as it is now.
pub fn customer_of_row(api: &Api, row: Listed) -> Result<CustomerResource, ApiError> {
    let dossier = api
        .store()
        .dossier(&row.id)?
        .ok_or(StoreError::UnknownCustomer { id: row.id })?;
    Ok(CustomerResource {
        customer: dossier.customer,
        confirmations: dossier.confirmations,
        role: api.actor.role,
        as_of: api.actor.business_date,
    })
}

/// The most customers one page holds, and how many when `size` is not given.
pub const PAGE_MAX: usize = 500;
pub const PAGE_DEFAULT: usize = 100;

/// The shape of the customers' filter, as its messages show it.
const SHAPE: &str =
    "{\"Field\": \"CompanyName\" or \"Domain\", \"Value\": …, \"Operator\": \"starts_with\"}";

/// Which customers `GET /v1/customers?filter=` keeps: Partner Center's `{"Field": "CompanyName"
/// or "Domain", "Value": …, "Operator": "starts_with"}`, its keys in any case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerQuery {
    by_domain: bool,
    /// Folded, as the list compares names.
    prefix: String,
    /// As given, for the link to the next page.
    text: String,
}

impl CustomerQuery {
    /// Reads the `filter` parameter.
    pub fn parse(text: &str) -> Result<CustomerQuery, ApiError> {
        let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text)
            .map_err(|_| {
                ApiError::invalid_said(|words| (words.requests.filter_not_shaped)(SHAPE))
            })?;
        let text_of = |name: &str| {
            object
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(name))
                .and_then(|(_, value)| value.as_str())
        };
        let field = text_of("Field").unwrap_or("");
        let by_domain = match field.to_ascii_lowercase().as_str() {
            "domain" => true,
            "companyname" => false,
            _ => {
                let field = field.to_string();
                return Err(ApiError::invalid_said(move |words| {
                    (words.requests.filter_field)(&field)
                }));
            }
        };
        let operator = text_of("Operator").unwrap_or("starts_with");
        if !operator.eq_ignore_ascii_case("starts_with") {
            let operator = operator.to_string();
            return Err(ApiError::invalid_said(move |words| {
                (words.requests.filter_operator)(&operator)
            }));
        }
        let value = text_of("Value")
            .filter(|value| !value.trim().is_empty())
            .ok_or_else(|| {
                ApiError::invalid_said(|words| (words.requests.filter_no_value)(SHAPE))
            })?;
        Ok(CustomerQuery {
            by_domain,
            prefix: crate::domain::compare::folded(value.trim()),
            text: text.to_string(),
        })
    }

    /// The ranks where the kept rows are, and whether each row there must still be tested:
    /// names are the list's order, so a name's prefix is one run of it; domains are not.
    fn ranks(&self, directory: &crate::directory::Directory) -> (std::ops::Range<usize>, bool) {
        if self.by_domain {
            (0..directory.len(), true)
        } else {
            (directory.ranks_with_name_prefix(&self.prefix), false)
        }
    }

    fn keeps(&self, entry: &crate::directory::Entry<'_>) -> bool {
        !self.by_domain || entry.domain().starts_with(&self.prefix)
    }
}

/// GET /v1/customers?size=…&filter=…, in list order (company name, then domain); `after` is
/// the continuation token of the page before. Read from the core's directory, which must be
/// loaded whole (`None` while it is still loading).
pub fn customers_page(
    api: &mut Api,
    size: Option<usize>,
    query: Option<&CustomerQuery>,
    after: Option<&str>,
) -> Result<Option<CustomersPage>, ApiError> {
    if api.core.indexing().is_some() {
        return Ok(None);
    }
    let size = match size {
        None | Some(0) => PAGE_DEFAULT,
        Some(size) if size > PAGE_MAX => {
            return Err(ApiError::invalid_said(|words| {
                (words.requests.page_too_large)(PAGE_MAX)
            }))
        }
        Some(size) => size,
    };
    let start_key = after
        .map(|token| {
            decode_token(token).ok_or_else(|| {
                ApiError::invalid_said(|words| words.requests.unknown_continuation_token.into())
            })
        })
        .transpose()?;
    let shared = api.core.directory();
    let (total_count, domains, last_key) = {
        let directory = crate::core::read(&shared);
        let (ranks, tested) = query.map_or((0..directory.len(), false), |q| q.ranks(&directory));
        let kept =
            |entry: &crate::directory::Entry<'_>| !tested || query.is_none_or(|q| q.keeps(entry));
        let total_count = if tested {
            ranks
                .clone()
                .filter_map(|rank| directory.get(rank))
                .filter(|e| kept(e))
                .count()
        } else {
            ranks.len()
        };
        let start = start_key
            .as_deref()
            .map_or(0, |key| directory.rank_after_key(key))
            .max(ranks.start);
        let mut domains = Vec::with_capacity(size);
        let mut last_key = None;
        let mut more = false;
        for rank in start..ranks.end {
            let Some(entry) = directory.get(rank) else {
                break;
            };
            if !kept(&entry) {
                continue;
            }
            if domains.len() == size {
                more = true;
                break;
            }
            last_key = Some(crate::directory::sort_key(
                entry.company_name,
                entry.domain(),
            ));
            domains.push(entry.domain().to_string());
        }
        (total_count, domains, last_key.filter(|_| more))
    };
    let mut items = Vec::with_capacity(domains.len());
    for domain in domains {
        // A customer is never removed, so each row of the directory is in the store.
        if let Some(id) = api.store().customer_id_by_domain(&domain)? {
            if let Some(dossier) = api.store().dossier(&id)? {
                items.push(CustomerResource {
                    customer: dossier.customer,
                    confirmations: dossier.confirmations,
                    role: api.actor.role,
                    as_of: api.actor.business_date,
                });
            }
        }
    }
    let filter = query.map_or(String::new(), |q| {
        format!("&filter={}", crate::api::uri::component(&q.text))
    });
    let next = last_key.map(|key| Link {
        uri: format!("/customers?size={size}{filter}&seekOperation=Next"),
        method: "GET",
        headers: vec![KeyValue {
            key: "MS-ContinuationToken",
            value: encode_token(&key),
        }],
    });
    Ok(Some(CustomersPage {
        total_count,
        items,
        links: Links { next },
        attributes: Attributes {
            object_type: "Collection",
        },
    }))
}

/// A continuation token: the sort key of the last customer of a page, in hex, so that the next
/// page starts after it whatever was added meanwhile.
fn encode_token(key: &str) -> String {
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

fn decode_token(token: &str) -> Option<String> {
    let token = token.trim();
    if !token.len().is_multiple_of(2) || token.len() > 4096 {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..token.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(token.get(at..at + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}

/// POST /v1/customers/{id}/orders: one line per offer, with its quantity. The order is
/// provisioned at once: the answer gives each line its subscription.
pub fn create_order(
    api: &mut Api,
    customer: &str,
    request: &OrderRequest,
) -> Result<OrderResource, ApiError> {
    let lines = request
        .lines
        .iter()
        .map(|line| OrderLine {
            // The catalog's spelling of the ID when it is known; the service refuses the others.
            offer_id: catalog::offer(&line.offer_id)
                .map(|known| known.id.clone())
                .unwrap_or_else(|| line.offer_id.trim().to_string()),
            quantity: line.quantity,
        })
        .collect();
    let id = customer_id(api, customer)?;
    let (order, subscriptions) = api.change(|ops| ops.create_order(&id, lines))?;
    Ok(OrderResource {
        order,
        subscriptions,
        friendly_names: (request.lines.iter())
            .map(|line| line.friendly_name.clone())
            .collect(),
    })
}

/// GET /v1/customers/{id}/orders, in the order they were placed, each with the subscriptions
/// it created. Every role may list them.
pub fn orders(api: &mut Api, customer: &str) -> Result<Collection<OrderResource>, ApiError> {
    let customer = api.customer(customer)?;
    let dossier = api
        .book
        .dossier(&customer.id)
        .ok_or(StoreError::UnknownCustomer { id: customer.id })?;
    let items = dossier
        .orders
        .into_iter()
        .map(|order| {
            let subscriptions = dossier
                .subscriptions
                .iter()
                .filter(|s| s.order_id == order.id)
                .cloned()
                .collect();
            OrderResource {
                order,
                subscriptions,
                friendly_names: Vec::new(),
            }
        })
        .collect();
    Ok(Collection::of(items))
}

/// GET /v1/customers/{id}/subscriptions, in the order they were created. Every role may list
/// them: only changing them is gated.
pub fn subscriptions(
    api: &mut Api,
    customer: &str,
) -> Result<Collection<SubscriptionResource>, ApiError> {
    Ok(Collection::of(
        subscription_records(api, customer)?
            .into_iter()
            .map(SubscriptionResource)
            .collect(),
    ))
}

/// The subscriptions of `subscriptions`, as records, for the faces that show them otherwise;
/// each offer under the name it had on the business date.
pub fn subscription_records(api: &mut Api, customer: &str) -> Result<Vec<Subscription>, ApiError> {
    let as_of = api.actor.business_date;
    let customer = api.customer(customer)?;
    let mut subscriptions = api.book.subscriptions(&customer.id).to_vec();
    for subscription in &mut subscriptions {
        let name = catalog::offer_name_on(&subscription.offer_id, as_of, &subscription.offer_name);
        subscription.offer_name = name.to_string();
    }
    Ok(subscriptions)
}

/// GET /v1/customers/{id}/subscriptions/{subscription-id}.
pub fn subscription(
    api: &mut Api,
    customer: &str,
    subscription_id: &str,
) -> Result<SubscriptionResource, ApiError> {
    let wanted = subscription_id.trim();
    subscription_records(api, customer)?
        .into_iter()
        .find(|s| s.id.eq_ignore_ascii_case(wanted))
        .map(SubscriptionResource)
        .ok_or_else(|| {
            StoreError::UnknownSubscription {
                id: wanted.to_string(),
            }
            .into()
        })
}

/// PATCH /v1/customers/{id}/subscriptions/{subscription-id} with `quantity`.
pub fn change_seats(
    api: &mut Api,
    customer: &str,
    subscription: &str,
    quantity: u32,
) -> Result<SubscriptionResource, ApiError> {
    let id = customer_id(api, customer)?;
    let changed = api.change(|ops| ops.change_seats(&id, subscription.trim(), quantity))?;
    Ok(SubscriptionResource(changed))
}

/// PATCH /v1/customers/{id}/subscriptions/{subscription-id} with `autoRenewEnabled`.
pub fn set_auto_renew(
    api: &mut Api,
    customer: &str,
    subscription: &str,
    on: bool,
) -> Result<SubscriptionResource, ApiError> {
    let id = customer_id(api, customer)?;
    let changed = api.change(|ops| ops.set_auto_renew(&id, subscription.trim(), on))?;
    Ok(SubscriptionResource(changed))
}

/// PATCH /v1/customers/{id}/subscriptions/{subscription-id} with `quantity`, `autoRenewEnabled`
/// or both: one change, so both are judged on the same records under the core's write lock and
/// the auto-renew is not written when the seat count is refused.
pub fn change_subscription(
    api: &mut Api,
    customer: &str,
    subscription: &str,
    quantity: Option<u32>,
    auto_renew: Option<bool>,
) -> Result<SubscriptionResource, ApiError> {
    let id = customer_id(api, customer)?;
    let subscription = subscription.trim();
    let changed = api.change(|ops| {
        if let Some(quantity) = quantity {
            ops.change_seats(&id, subscription, quantity)?;
        }
        // Unchanged, it writes nothing and gives the subscription as it now is.
        let on = match auto_renew {
            Some(on) => on,
            None => unchanged_auto_renew(ops, &id, subscription)?,
        };
        ops.set_auto_renew(&id, subscription, on)
    })?;
    Ok(SubscriptionResource(changed))
}

/// The auto-renew a subscription has now: setting it to that writes nothing.
fn unchanged_auto_renew(
    ops: &mut crate::service::Operations<'_>,
    customer_id: &str,
    subscription: &str,
) -> Result<bool, ServiceError> {
    ops.load(customer_id)?;
    ops.book
        .subscription(customer_id, subscription)
        .map(|s| s.auto_renew)
        .ok_or_else(|| {
            StoreError::UnknownSubscription {
                id: subscription.to_string(),
            }
            .into()
        })
}

/// GET /v1/offers: every offer of the catalog.
/// GET /v1/offers: the offers sold on the business date `date`, under their names of that day.
pub fn offers(date: NaiveDate) -> Collection<Offer<'static>> {
    Collection::of(
        catalog::offers_on(date)
            .map(|offer| Offer::on(offer, date))
            .collect(),
    )
}

fn resource_of(api: &Api, customer: Customer) -> CustomerResource {
    let confirmations = api.book.confirmations(&customer.id).to_vec();
    CustomerResource {
        customer,
        confirmations,
        role: api.actor.role,
        as_of: api.actor.business_date,
    }
}

/// The tenant ID of a customer named by ID, domain or domain prefix; what was typed when nobody
/// matches on the business date (a customer created later is not there yet), so the service
/// reports the refusal in its usual order (the role before the customer), naming what was typed.
fn customer_id(api: &mut Api, named: &str) -> Result<String, ApiError> {
    let found = api.find_customer(named)?;
    let there = found.filter(|id| api.book.customer(id).is_some());
    Ok(there.unwrap_or_else(|| named.trim().to_string()))
}

/// Which agreement types a query asks for.
enum Wanted {
    Every,
    Only(String),
}

impl Wanted {
    fn matches(&self, agreement_type: &str) -> bool {
        match self {
            Wanted::Every => true,
            Wanted::Only(wanted) => wanted.eq_ignore_ascii_case(agreement_type),
        }
    }
}

/// `agreementType`: none means MicrosoftCloudAgreement, `*` every type; any other must be a
/// real type.
fn wanted_type(agreement_type: Option<&str>) -> Result<Wanted, ApiError> {
    let wanted = agreement_type.unwrap_or(MCA_TYPE).trim();
    if wanted == "*" {
        return Ok(Wanted::Every);
    }
    AGREEMENT_TYPES
        .iter()
        .find(|t| t.eq_ignore_ascii_case(wanted))
        .map(|t| Wanted::Only(t.to_string()))
        .ok_or_else(|| {
            let wanted = wanted.to_string();
            ApiError::invalid_said(move |words| {
                (words.requests.unknown_agreement_type)(&wanted, &AGREEMENT_TYPES)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;

    fn korean(error: ApiError) -> String {
        error.in_language(Lang::Korean).description
    }

    #[test]
    fn a_filter_that_cannot_be_read_says_why_in_english_and_in_korean() {
        let not_json = CustomerQuery::parse("Contoso").unwrap_err();
        assert_eq!(not_json.description, format!("The filter is not {SHAPE}."));
        assert_eq!(korean(not_json), format!("필터가 {SHAPE} 형식이 아닙니다."));
        let field = CustomerQuery::parse(r#"{"Field":"Name","Value":"C"}"#).unwrap_err();
        assert_eq!(
            field.description,
            "The filter's Field is 'Name': use CompanyName or Domain."
        );
        assert_eq!(
            korean(field),
            "필터의 Field가 'Name'입니다. CompanyName 또는 Domain을 쓰십시오."
        );
        let operator =
            CustomerQuery::parse(r#"{"Field":"Domain","Value":"c","Operator":"contains"}"#)
                .unwrap_err();
        assert_eq!(
            operator.description,
            "The filter's Operator is 'contains': use starts_with."
        );
        assert!(korean(operator).contains("starts_with를 쓰십시오."));
        let value = CustomerQuery::parse(r#"{"Field":"Domain","Value":" "}"#).unwrap_err();
        assert_eq!(
            value.description,
            format!("The filter has no Value: {SHAPE}.")
        );
        let said = korean(value);
        assert!(said.starts_with("필터에 Value가 없습니다."), "{said}");
    }

    #[test]
    fn an_unknown_agreement_type_is_said_in_english_and_in_korean() {
        assert!(wanted_type(Some(" microsoftcustomeragreement ")).is_ok());
        assert!(wanted_type(Some("*")).is_ok());
        let Err(unknown) = wanted_type(Some("Cloud")) else {
            panic!("'Cloud' is no agreement type");
        };
        assert_eq!((unknown.code, unknown.exit), (400, 6));
        assert_eq!(
            unknown.description,
            "Unknown agreement type 'Cloud': use MicrosoftCloudAgreement or MicrosoftCustomerAgreement, or '*' for every type."
        );
        let said = unknown.clone().in_language(Lang::Korean);
        assert_eq!((said.code, said.exit), (unknown.code, unknown.exit));
        assert_eq!(
            said.description,
            "'Cloud'은(는) 알 수 없는 계약 유형입니다. MicrosoftCloudAgreement 또는 MicrosoftCustomerAgreement을(를) 쓰거나, 모든 유형을 보려면 '*'를 쓰십시오."
        );
    }

    #[test]
    fn the_page_size_and_the_continuation_token_are_said_in_both_languages() {
        let (english, korean) = (Lang::English.words(), Lang::Korean.words());
        assert_eq!(
            (english.requests.page_too_large)(PAGE_MAX),
            "A page holds at most 500 customers; ask for size=500 or less and follow links.next."
        );
        assert_eq!(
            (korean.requests.page_too_large)(PAGE_MAX),
            "한 페이지에는 고객이 최대 500개 들어갑니다. size=500 이하로 요청하고 links.next를 따라가십시오."
        );
        assert!(korean
            .requests
            .unknown_continuation_token
            .contains("이 서버가 준 것이 아닙니다"));
    }
}
