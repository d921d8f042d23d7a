//! A running dashboard for one agent: its app, joined to the shared core. It turns actions into
//! updates, runs the effects through the core, and follows the core's notices, so a change made
//! anywhere shows here. No terminal is involved, so a test, a local terminal or a remote one can
//! drive it alike.

use super::{update, Action, App, Completed, Effect, NewCustomerOrder, Request};
use crate::backup::{self, BackupError};
use crate::book::Book;
use crate::clock::Clock;
use crate::core::{Core, Notice, SessionId, Subscription};
use crate::domain::agreement::Channel;
use crate::domain::credentials::UserCredentials;
use crate::domain::role::GatedAction;
use crate::service::{Actor, ServiceError};
use crate::store::{Store, StoreError};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, PoisonError};

/// Called after each notice is queued, to wake the shell that drives the session.
type Waker = Box<dyn Fn() + Send>;

pub struct Session {
    pub app: App,
    pub core: Arc<Core>,
    pub quit: bool,
    /// Requests to run once the next frame is drawn (see `Effect::RunAfterFrame`).
    after_frame: Vec<Request>,
    notices: Receiver<Notice>,
    waker: Arc<Mutex<Option<Waker>>>,
    /// Issues the administrator's credentials of each customer created: fresh ones, or fixed
    /// ones where a test wants to see them (see `set_credentials`).
    issue_credentials: fn() -> UserCredentials,
    _subscription: Subscription,
}

impl Session {
    /// A session over a core of its own on `store`, whose directory is the app's (tests, and
    /// tools with one agent).
    pub fn new(mut app: App, store: Box<dyn Store>, clock: Box<dyn Clock>) -> Session {
        let directory = std::mem::take(
            &mut *app
                .ctx
                .directory
                .write()
                .unwrap_or_else(PoisonError::into_inner),
        );
        let core = Core::with_directory(
            store,
            clock,
            app.ctx.actor.business_date,
            app.ctx.partner_name.clone(),
            directory,
            app.ctx.indexing,
        );
        app.ctx.directory = core.directory();
        Session::join(Arc::new(core), app)
    }

    /// A new session of `core` for `actor`, on the Customers list.
    pub fn open(core: Arc<Core>, actor: Actor, size: (u16, u16)) -> Session {
        let app = App::with_directory(
            actor,
            core.partner_name().to_string(),
            Book::default(),
            core.directory(),
            core.indexing(),
            size,
        );
        Session::join(core, app)
    }

    /// Joins an app to `core`: its notices reach the app from now on.
    pub fn join(core: Arc<Core>, mut app: App) -> Session {
        let (sender, notices) = mpsc::channel();
        let waker: Arc<Mutex<Option<Waker>>> = Arc::default();
        let wake = Arc::clone(&waker);
        let subscription = core.subscribe(move |notice| {
            let listening = sender.send(notice).is_ok();
            if let Some(wake) = &*wake.lock().unwrap_or_else(PoisonError::into_inner) {
                wake();
            }
            listening
        });
        app.ctx.session = core.new_session_id();
        app.ctx.directory = core.directory();
        // A list that finished loading before the subscription above was told to no one here.
        let missed_indexed = app.ctx.indexing.is_some() && core.indexing().is_none();
        let mut session = Session {
            app,
            core,
            quit: false,
            after_frame: vec![],
            notices,
            waker,
            issue_credentials: UserCredentials::issue,
            _subscription: subscription,
        };
        if missed_indexed {
            session.handle(Action::Indexed);
        }
        session
    }

    /// Issues the credentials of the customers this session creates with `issue` from now on,
    /// instead of fresh ones (`UserCredentials::issue`): for repeatable tests and snapshots.
    pub fn set_credentials(&mut self, issue: fn() -> UserCredentials) {
        self.issue_credentials = issue;
    }

    /// Calls `wake` whenever a notice arrives for this session (from any thread), so that the
    /// shell calls `follow` without polling.
    pub fn set_waker(&mut self, wake: impl Fn() + Send + 'static) {
        *self.waker.lock().unwrap_or_else(PoisonError::into_inner) = Some(Box::new(wake));
    }

    pub fn id(&self) -> SessionId {
        self.app.ctx.session
    }

    /// Applies every notice the core sent since the last call; says whether there was any.
    pub fn follow(&mut self) -> bool {
        let mut any = false;
        while let Ok(notice) = self.notices.try_recv() {
            any = true;
            let action = match notice {
                Notice::Changed(change) => Action::Changed(change),
                Notice::Indexing(loaded) => Action::Indexing(loaded),
                Notice::Indexed => Action::Indexed,
            };
            self.handle(action);
        }
        any
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
        // The session's own changes reach its view before their outcome does.
        self.follow();
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

    /// Runs a request through the core; every change is durable before it returns.
    fn run(&mut self, request: Request) -> Result<Completed, ServiceError> {
        let core = Arc::clone(&self.core);
        let actor = self.app.ctx.actor.clone();
        let session = self.id();
        match request {
            Request::Open { domain, then } => {
                let found = self.app.ctx.book.fetch(core.store(), &domain)?;
                let customer_id = found.ok_or(StoreError::UnknownCustomer { id: domain })?;
                Ok(Completed::Opened { customer_id, then })
            }
            // One change: the order is judged on the records the customer was just written
            // with, and a refused order leaves the customer created.
            Request::CreateCustomer {
                profile,
                acceptance,
                lines,
            } => {
                let (customer, order) = core.change(&actor, session, |ops| {
                    let customer =
                        ops.create_customer(*profile, acceptance, Channel::NewCustomer)?;
                    let order = if lines.is_empty() {
                        NewCustomerOrder::NoneChosen
                    } else {
                        match ops.create_order(&customer.id, lines) {
                            Ok((_, subscriptions)) => NewCustomerOrder::Ordered {
                                subscriptions: subscriptions.len(),
                            },
                            Err(refusal) => NewCustomerOrder::Refused(refusal),
                        }
                    };
                    Ok((customer, order))
                })?;
                if let NewCustomerOrder::Refused(refusal) = &order {
                    tracing::warn!("dashboard refused the new customer's order: {refusal}");
                }
                Ok(Completed::CustomerCreated {
                    customer_id: customer.id,
                    credentials: (self.issue_credentials)(),
                    order,
                })
            }
            Request::Confirm {
                customer_id,
                acceptance,
                channel,
            } => core
                .change(&actor, session, |ops| {
                    ops.confirm(&customer_id, acceptance, channel)
                })
                .map(|c| Completed::Confirmed {
                    customer_id: c.customer_id,
                    date_agreed: c.date_agreed,
                }),
            Request::CreateOrder { customer_id, lines } => core
                .change(&actor, session, |ops| ops.create_order(&customer_id, lines))
                .map(|(_, subscriptions)| Completed::OrderCreated {
                    customer_id,
                    subscriptions: subscriptions.len(),
                }),
            Request::ChangeSeats {
                customer_id,
                subscription_id,
                quantity,
            } => core
                .change(&actor, session, |ops| {
                    ops.change_seats(&customer_id, &subscription_id, quantity)
                })
                .map(|s| Completed::SeatsChanged {
                    subscription_name: named_on(&s, actor.business_date),
                    quantity,
                }),
            Request::SetAutoRenew {
                customer_id,
                subscription_id,
                on,
            } => core
                .change(&actor, session, |ops| {
                    ops.set_auto_renew(&customer_id, &subscription_id, on)
                })
                .map(|s| Completed::AutoRenewSet {
                    subscription_name: named_on(&s, actor.business_date),
                    on,
                }),
            // While no change can be written, so the backup is of one moment.
            Request::Backup => {
                actor.role.require(GatedAction::SeeConfirmation)?;
                let now = core.now_on(actor.business_date);
                let (path, customers) = core
                    .exclusive(|store| backup::into_backups_dir(store, now))
                    .map_err(|e| match e {
                        BackupError::Store(e) => ServiceError::Store(e),
                        e => ServiceError::Backup(e),
                    })?;
                Ok(Completed::BackedUp { path, customers })
            }
        }
    }
}

/// The subscription's offer under the name it had on the business date.
fn named_on(
    subscription: &crate::domain::commerce::Subscription,
    date: chrono::NaiveDate,
) -> String {
    crate::domain::catalog::offer_name_on(&subscription.offer_id, date, &subscription.offer_name)
        .to_string()
}
