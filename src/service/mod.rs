//! The operations that change data. Each one checks every rule (role, cloud, schedule, gate,
//! validation) with the domain functions, writes to the store, and only then updates the book.
//! The dashboard and any other front end call these; no rule is checked only in a screen.

use crate::book::Book;
use crate::domain::agreement::{self, Acceptance, Channel, Confirmation};
use crate::domain::agreement::{AgreementKind, CUSTOMER_AGREEMENT_TEMPLATE_ID, MCA_TEMPLATE_ID};
use crate::domain::cloud::Cloud;
use crate::domain::commerce::{
    check_line_on, Billing, LineProblem, Order, OrderLine, Subscription, SubscriptionStatus,
};
use crate::domain::customer::{Customer, CustomerProfile};
use crate::domain::eligibility::{check_can_confirm, wizard_requires_confirmation, ConfirmRefusal};
use crate::domain::gate::GateFacts;
use crate::domain::gate::GateRefusal;
use crate::domain::phase::{long_date, Phase, MANDATORY_FROM, OPTIONAL_FROM};
use crate::domain::role::{GatedAction, Role, RoleRefusal};
use crate::domain::timeline::{
    self, Environment, Face, CUSTOMER_AGREEMENT_FROM, CUSTOMER_AGREEMENT_ONLY_FROM,
};
use crate::store::{Store, StoreError};
use crate::{assets, domain::commerce::Offer};
use chrono::{DateTime, NaiveDate, Utc};

/// Who is acting, on which business date, and through which face of Partner Center.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub agent: String,
    pub role: Role,
    pub business_date: NaiveDate,
    pub access: Access,
}

/// The face an agent acts through (the dashboard or the API) and the environment: together
/// they decide when the gate starts (see `timeline::mandatory_from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Access {
    pub face: Face,
    pub environment: Environment,
}

impl Access {
    pub fn api(environment: Environment) -> Access {
        Access {
            face: Face::Api,
            environment,
        }
    }

    pub fn dashboard(environment: Environment) -> Access {
        Access {
            face: Face::Dashboard,
            environment,
        }
    }
}

impl Actor {
    /// Where the business date falls in the schedule of this actor's face and environment.
    pub fn phase(&self) -> Phase {
        Phase::for_face(
            self.business_date,
            self.access.face,
            self.access.environment,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServiceError {
    #[error("{0}")]
    Role(#[from] RoleRefusal),
    #[error("{0}")]
    Gate(#[from] GateRefusal),
    #[error("Confirmation of customer acceptance is supported with Microsoft Public Cloud only; {company} is in {}.", .cloud.label())]
    NotSupported { company: String, cloud: Cloud },
    #[error(
        "Confirmation of customer acceptance becomes available on {}.",
        long_date(OPTIONAL_FROM)
    )]
    NotYetAvailable,
    #[error("Date of agreement cannot be greater than the current date ({business_date}).")]
    FutureDate { business_date: NaiveDate },
    #[error("A partner confirmed agreement already exists for the customer with the same contact: change the first name, last name, email or phone to record a new confirmation.")]
    AlreadyConfirmed,
    #[error("Confirmation of customer acceptance of the {} is mandatory since {}: select '{}' and enter the acceptance details.", timeline::dashboard_agreement(*.business_date).name(), long_date(required_since(*.business_date)), timeline::dashboard_agreement(*.business_date).checkbox_label())]
    ConfirmationRequired { business_date: NaiveDate },
    #[error("No offer has the ID {}.", crate::domain::characters::quote(.id))]
    UnknownOffer { id: String },
    #[error("{name} is sold from {}; choose another offer, or move the business date (--today) to that day or later.", long_date(*.from))]
    OfferNotYetSold { name: String, from: NaiveDate },
    #[error("Microsoft Cloud Agreement Template ID '{}' is no longer supported. Since {} only the Microsoft Customer Agreement can be confirmed: use template {}.", MCA_TEMPLATE_ID, long_date(CUSTOMER_AGREEMENT_ONLY_FROM), CUSTOMER_AGREEMENT_TEMPLATE_ID)]
    TemplateRetired,
    #[error("The Microsoft Customer Agreement can be confirmed from {}; until then confirm the Microsoft Cloud Agreement (template {}).", long_date(CUSTOMER_AGREEMENT_FROM), MCA_TEMPLATE_ID)]
    AgreementNotYetAvailable,
    #[error("The Microsoft Customer Agreement exists from {}: no customer accepted it on {date_agreed}. Enter the date it was accepted, on or after {}.", long_date(CUSTOMER_AGREEMENT_FROM), CUSTOMER_AGREEMENT_FROM)]
    AcceptedBeforeTheAgreement { date_agreed: NaiveDate },
    #[error("The domain {domain} is taken by a customer created on {created}, after the business date, so no list shows it yet; choose another domain prefix.")]
    DomainTakenLater { domain: String, created: NaiveDate },
    #[error("{0}")]
    Line(#[from] LineProblem),
    /// A backup the dashboard asked for could not be written.
    #[error("{0}")]
    Backup(#[from] crate::backup::BackupError),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// What an operation changed, for the sessions to be told (see `core`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    CustomerCreated {
        customer_id: String,
    },
    Confirmed {
        customer_id: String,
    },
    OrderCreated {
        customer_id: String,
    },
    SeatsChanged {
        customer_id: String,
        subscription_id: String,
    },
    AutoRenewSet {
        customer_id: String,
        subscription_id: String,
    },
}

impl Changed {
    pub fn customer_id(&self) -> &str {
        match self {
            Changed::CustomerCreated { customer_id }
            | Changed::Confirmed { customer_id }
            | Changed::OrderCreated { customer_id }
            | Changed::SeatsChanged { customer_id, .. }
            | Changed::AutoRenewSet { customer_id, .. } => customer_id,
        }
    }
}

/// The operations, bound to one store, a book, the acting agent and the moment of acting.
///
/// Every change reads the customer's records into the book from the store before checking
/// them, unless the book already holds that customer: with a book made empty for one write (as
/// the shared core does, holding its write lock), every rule is decided on the store's current
/// records.
pub struct Operations<'a> {
    pub store: &'a dyn Store,
    pub book: &'a mut Book,
    pub actor: &'a Actor,
    pub now: DateTime<Utc>,
    /// What was written so far, in order.
    pub changes: Vec<Changed>,
}

impl<'a> Operations<'a> {
    pub fn new(
        store: &'a dyn Store,
        book: &'a mut Book,
        actor: &'a Actor,
        now: DateTime<Utc>,
    ) -> Operations<'a> {
        Operations {
            store,
            book,
            actor,
            now,
            changes: vec![],
        }
    }
}

impl Operations<'_> {
    /// Reads a customer with its records into the book when the book does not hold it yet.
    pub fn load(&mut self, customer_id: &str) -> Result<(), ServiceError> {
        if self.book.customer(customer_id).is_none() {
            if let Some(dossier) = self.store.dossier(customer_id)? {
                self.book.insert_dossier(dossier);
            }
        }
        Ok(())
    }

    fn customer(&self, id: &str) -> Result<&Customer, ServiceError> {
        self.book
            .customer(id)
            .ok_or_else(|| StoreError::UnknownCustomer { id: id.into() }.into())
    }

    /// What the gate looks at for `customer` on the business date, through the actor's face.
    fn gate_facts(&self, customer: &Customer) -> GateFacts {
        self.book.gate_facts_for(
            customer,
            self.actor.business_date,
            self.actor.access.face,
            self.actor.access.environment,
        )
    }

    /// Whether `agreement` can be confirmed on the business date: the Microsoft Customer
    /// Agreement from October 1, 2019; the Microsoft Cloud Agreement until January 31, 2020.
    fn check_agreement(&self, acceptance: &Acceptance) -> Result<(), ServiceError> {
        let (agreement, date) = (acceptance.agreement, self.actor.business_date);
        if agreement == AgreementKind::CustomerAgreement
            && acceptance.date_agreed < CUSTOMER_AGREEMENT_FROM
            && timeline::confirmable(agreement, date)
        {
            return Err(ServiceError::AcceptedBeforeTheAgreement {
                date_agreed: acceptance.date_agreed,
            });
        }
        if date < crate::domain::phase::OPTIONAL_FROM || timeline::confirmable(agreement, date) {
            return Ok(());
        }
        Err(match agreement {
            AgreementKind::CloudAgreement => ServiceError::TemplateRetired,
            AgreementKind::CustomerAgreement => ServiceError::AgreementNotYetAvailable,
        })
    }

    /// Rules a confirmation must meet beyond its fields.
    fn check_confirmable(
        &self,
        customer: Option<&Customer>,
        date_agreed: NaiveDate,
    ) -> Result<(), ServiceError> {
        let cloud = customer.map_or(Cloud::Public, |c| c.cloud);
        match check_can_confirm(self.actor.role, self.actor.phase(), cloud) {
            Ok(()) => {}
            Err(ConfirmRefusal::Role(refusal)) => return Err(refusal.into()),
            Err(ConfirmRefusal::NotYetAvailable) => return Err(ServiceError::NotYetAvailable),
            Err(ConfirmRefusal::NotSupported(cloud)) => {
                return Err(ServiceError::NotSupported {
                    company: customer.map(|c| c.company_name.clone()).unwrap_or_default(),
                    cloud,
                })
            }
        }
        if date_agreed > self.actor.business_date {
            return Err(ServiceError::FutureDate {
                business_date: self.actor.business_date,
            });
        }
        Ok(())
    }

    pub fn create_customer(
        &mut self,
        profile: CustomerProfile,
        acceptance: Option<Acceptance>,
        channel: Channel,
    ) -> Result<Customer, ServiceError> {
        self.actor.role.require(GatedAction::CreateCustomer)?;
        match &acceptance {
            Some(acceptance) => {
                self.check_confirmable(None, acceptance.date_agreed)?;
                self.check_agreement(acceptance)?;
            }
            None if channel == Channel::NewCustomer
                && wizard_requires_confirmation(self.actor.phase()) =>
            {
                return Err(ServiceError::ConfirmationRequired {
                    business_date: self.actor.business_date,
                })
            }
            None => {}
        }
        let holder = match self.book.domain_taken(&profile.domain) {
            true => None,
            false => self.store.customer_id_by_domain(&profile.domain)?,
        };
        if let Some(holder) = &holder {
            // Taken by a customer created after the business date, whom no list shows then.
            let created = self
                .store
                .dossier(holder)?
                .map(|d| d.customer.created_at.date_naive());
            if let Some(created) = created.filter(|day| *day > self.actor.business_date) {
                return Err(ServiceError::DomainTakenLater {
                    domain: profile.domain,
                    created,
                });
            }
        }
        if holder.is_some() || self.book.domain_taken(&profile.domain) {
            return Err(StoreError::DomainTaken {
                domain: profile.domain,
            }
            .into());
        }
        let id = self.store.new_id()?;
        let customer = profile.into_customer(id, &self.actor.agent, self.now);
        let confirmation =
            acceptance.map(|a| a.record(&customer.id, &self.actor.agent, self.now, channel));
        self.store
            .create_customer(&customer, confirmation.as_ref())?;
        self.book.insert_customer(customer.clone());
        if let Some(confirmation) = confirmation {
            self.book.add_confirmation(confirmation);
        }
        self.changes.push(Changed::CustomerCreated {
            customer_id: customer.id.clone(),
        });
        Ok(customer)
    }

    /// The rules `create_customer` checks for an acceptance given with the new customer (role,
    /// schedule, date), for callers that report these ahead of the fields' own messages.
    pub fn check_new_customer_confirmation(
        &self,
        date_agreed: NaiveDate,
    ) -> Result<(), ServiceError> {
        self.check_confirmable(None, date_agreed)
    }

    /// The rules `confirm` checks before the contact (customer, role, schedule, cloud, date),
    /// for callers that report these ahead of the fields' own messages.
    pub fn check_confirmation(
        &self,
        customer_id: &str,
        date_agreed: NaiveDate,
    ) -> Result<(), ServiceError> {
        self.check_confirmable(Some(self.customer(customer_id)?), date_agreed)
    }

    pub fn confirm(
        &mut self,
        customer_id: &str,
        acceptance: Acceptance,
        channel: Channel,
    ) -> Result<Confirmation, ServiceError> {
        self.load(customer_id)?;
        self.check_confirmation(customer_id, acceptance.date_agreed)?;
        self.check_agreement(&acceptance)?;
        let current = agreement::current_of(
            self.book.confirmations(customer_id),
            acceptance.agreement,
            self.actor.business_date,
        );
        if current.is_some_and(|c| c.accepted_by.same_person(&acceptance.accepted_by)) {
            return Err(ServiceError::AlreadyConfirmed);
        }
        let confirmation = acceptance.record(customer_id, &self.actor.agent, self.now, channel);
        self.store.add_confirmation(&confirmation)?;
        self.book.add_confirmation(confirmation.clone());
        self.changes.push(Changed::Confirmed {
            customer_id: customer_id.to_string(),
        });
        Ok(confirmation)
    }

    /// Records confirmations decided earlier (an import's group), judged again on the
    /// current records as they are written: one whose contact is now that of the customer's
    /// current confirmation, or whose contact and date are now on record, is not written
    /// (`false` at its place). The others are written in one atomic write, recorded now: the
    /// order of recording is the order of writing, whatever was written since they were
    /// decided.
    pub fn record_decided(
        &mut self,
        confirmations: Vec<Confirmation>,
    ) -> Result<Vec<bool>, ServiceError> {
        let mut written = Vec::with_capacity(confirmations.len());
        let mut kept = Vec::with_capacity(confirmations.len());
        for mut confirmation in confirmations {
            confirmation.recorded_at = self.now;
            self.load(&confirmation.customer_id)?;
            let id = &confirmation.customer_id;
            // Judged against the confirmations of the same agreement: the same person may
            // accept the Microsoft Customer Agreement after the Microsoft Cloud Agreement.
            let kind = confirmation.kind();
            let same = |c: &Confirmation| {
                c.kind() == kind && c.accepted_by.same_person(&confirmation.accepted_by)
            };
            let recorded = self.book.confirmations(id);
            let current = agreement::current_for(recorded, kind, self.actor.business_date);
            let current_is_same = current.is_some_and(same);
            let on_record = recorded
                .iter()
                .any(|c| same(c) && c.date_agreed == confirmation.date_agreed);
            let write = !current_is_same && !on_record;
            written.push(write);
            if write {
                self.book.add_confirmation(confirmation.clone());
                kept.push(confirmation);
            }
        }
        if kept.is_empty() {
            return Ok(written);
        }
        self.store.add_confirmations(&kept)?;
        for confirmation in kept {
            self.changes.push(Changed::Confirmed {
                customer_id: confirmation.customer_id,
            });
        }
        Ok(written)
    }

    pub fn create_order(
        &mut self,
        customer_id: &str,
        lines: Vec<OrderLine>,
    ) -> Result<(Order, Vec<Subscription>), ServiceError> {
        self.actor.role.require(GatedAction::CreateOrder)?;
        self.load(customer_id)?;
        let customer = self.customer(customer_id)?;
        let facts = self.gate_facts(customer);
        facts.check_new_order()?;
        if lines.is_empty() {
            return Err(LineProblem::NoOffers.into());
        }
        let offers = lines
            .iter()
            .map(|line| {
                let offer = find_offer(&line.offer_id)?;
                if !offer.sold_on(self.actor.business_date) {
                    return Err(ServiceError::OfferNotYetSold {
                        name: offer.name.clone(),
                        from: offer.available_from,
                    });
                }
                check_line_on(offer, line.quantity, self.actor.business_date)?;
                Ok(offer)
            })
            .collect::<Result<Vec<&Offer>, ServiceError>>()?;
        facts.check_order_of(offers.iter().any(|offer| offer.requires_customer_agreement))?;
        let order = Order {
            id: self.store.new_id()?,
            customer_id: customer_id.to_string(),
            lines,
            created_by: self.actor.agent.clone(),
            created_at: self.now,
        };
        let subscriptions = order
            .lines
            .iter()
            .zip(offers)
            .map(|(line, offer)| {
                Ok(Subscription {
                    id: self.store.new_id()?,
                    customer_id: customer_id.to_string(),
                    order_id: order.id.clone(),
                    offer_id: offer.id.clone(),
                    offer_name: offer.name_on(self.actor.business_date).to_string(),
                    billing: offer.billing,
                    quantity: (offer.billing == Billing::SeatBased).then_some(line.quantity),
                    status: SubscriptionStatus::Active,
                    auto_renew: true,
                    created_at: self.now,
                    seat_changes: Vec::new(),
                    auto_renew_changes: Vec::new(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        self.store.create_order(&order, &subscriptions)?;
        self.book.add_order(order.clone(), subscriptions.clone());
        self.changes.push(Changed::OrderCreated {
            customer_id: customer_id.to_string(),
        });
        Ok((order, subscriptions))
    }
}

/// Since when the dashboard requires the agreement it names on `date`: the Microsoft Cloud
/// Agreement from November 7, 2018, the Microsoft Customer Agreement from February 1, 2020.
/// Since when the confirmation the dashboard asks for on `date` has been mandatory.
pub fn required_since(date: NaiveDate) -> NaiveDate {
    match timeline::dashboard_agreement(date) {
        AgreementKind::CloudAgreement => MANDATORY_FROM,
        AgreementKind::CustomerAgreement => CUSTOMER_AGREEMENT_ONLY_FROM,
    }
}

fn find_offer(id: &str) -> Result<&'static Offer, ServiceError> {
    assets::offer(id).ok_or_else(|| ServiceError::UnknownOffer { id: id.into() })
}

mod subscriptions;

#[cfg(test)]
mod timeline_tests;

#[cfg(test)]
mod tests;
