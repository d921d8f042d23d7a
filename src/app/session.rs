//! A running dashboard: the app, its store and a clock. It turns actions into updates and runs
//! the effects, feeding each result back as an action. No terminal is involved, so a test, a local
//! terminal or a remote one can drive it alike.

use super::{update, Action, App, Completed, Effect, Request};
use crate::backup::{self, BackupError};
use crate::domain::agreement::Channel;
use crate::domain::role::GatedAction;
use crate::service::{Operations, ServiceError};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};

/// The source of "now" for recording timestamps; injected so tests are repeatable.
pub trait Clock {
    fn now(&self) -> DateTime<Utc>;
}

/// A clock that always says the same time.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

pub struct Session {
    pub app: App,
    pub store: Box<dyn Store>,
    pub clock: Box<dyn Clock>,
    pub quit: bool,
    /// Requests to run once the next frame is drawn (see `Effect::RunAfterFrame`).
    after_frame: Vec<Request>,
}

impl Session {
    pub fn new(app: App, store: Box<dyn Store>, clock: Box<dyn Clock>) -> Session {
        Session {
            app,
            store,
            clock,
            quit: false,
            after_frame: vec![],
        }
    }

    /// Runs the requests that waited for a frame to be drawn; says whether there were any, so
    /// that the shell draws their outcome.
    pub fn run_after_frame(&mut self) -> bool {
        let waiting = std::mem::take(&mut self.after_frame);
        let ran = !waiting.is_empty();
        for request in waiting {
            let result = self.run_logged(request);
            self.handle(Action::Done(result));
        }
        ran
    }

    fn run_logged(&mut self, request: Request) -> Result<Completed, ServiceError> {
        let result = self.run(request);
        if let Err(refusal) = &result {
            tracing::warn!("dashboard refused: {refusal}");
        }
        result
    }

    /// Applies an action and every action its effects lead to.
    pub fn handle(&mut self, action: Action) {
        let mut pending = vec![action];
        while let Some(action) = pending.pop() {
            for effect in update(&mut self.app, action) {
                match effect {
                    Effect::Quit => self.quit = true,
                    Effect::Run(request) => {
                        let result = self.run_logged(request);
                        pending.push(Action::Done(result));
                    }
                    Effect::RunAfterFrame(request) => self.after_frame.push(request),
                }
            }
        }
    }

    /// Runs a request through the service operations; the store is flushed before it returns.
    fn run(&mut self, request: Request) -> Result<Completed, ServiceError> {
        let mut ops = Operations {
            store: self.store.as_ref(),
            book: &mut self.app.ctx.book,
            actor: &self.app.ctx.actor,
            now: self.clock.now(),
        };
        match request {
            Request::Open { domain, then } => {
                let found = ops.book.fetch(ops.store, &domain)?;
                let customer_id = found.ok_or(StoreError::UnknownCustomer { id: domain })?;
                Ok(Completed::Opened { customer_id, then })
            }
            Request::CreateCustomer {
                profile,
                acceptance,
            } => ops
                .create_customer(*profile, acceptance, Channel::NewCustomer)
                .map(|c| Completed::CustomerCreated { customer_id: c.id }),
            Request::Confirm {
                customer_id,
                acceptance,
                channel,
            } => ops
                .confirm(&customer_id, acceptance, channel)
                .map(|c| Completed::Confirmed {
                    customer_id: c.customer_id,
                    date_agreed: c.date_agreed,
                }),
            Request::CreateOrder { customer_id, lines } => ops
                .create_order(&customer_id, lines)
                .map(|(_, subscriptions)| Completed::OrderCreated {
                    customer_id,
                    subscriptions: subscriptions.len(),
                }),
            Request::ChangeSeats {
                customer_id,
                subscription_id,
                quantity,
            } => ops
                .change_seats(&customer_id, &subscription_id, quantity)
                .map(|s| Completed::SeatsChanged {
                    subscription_name: s.offer_name,
                    quantity,
                }),
            Request::SetAutoRenew {
                customer_id,
                subscription_id,
                on,
            } => ops
                .set_auto_renew(&customer_id, &subscription_id, on)
                .map(|s| Completed::AutoRenewSet {
                    subscription_name: s.offer_name,
                    on,
                }),
            // Run here, between two actions, so no write of this dashboard happens meanwhile.
            Request::Backup => {
                ops.actor.role.require(GatedAction::SeeConfirmation)?;
                let (path, customers) =
                    backup::into_backups_dir(ops.store, ops.now).map_err(|e| match e {
                        BackupError::Store(e) => ServiceError::Store(e),
                        e => ServiceError::Invalid(e.to_string()),
                    })?;
                Ok(Completed::BackedUp { path, customers })
            }
        }
    }
}
