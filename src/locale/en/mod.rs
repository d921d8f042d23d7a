//! English: the words of Partner Center's English dashboard.

mod acceptance;
mod account;
mod chrome;
mod customers;
mod keys;
mod terms;

use super::words::*;

pub static WORDS: Words = Words {
    terms: terms::TERMS,
    chrome: chrome::CHROME,
    keys: keys::KEYS,
    customers: customers::CUSTOMERS,
    account: account::ACCOUNT,
    acceptance: acceptance::ACCEPTANCE,
    new_customer: NewCustomerWords {
        step_account_info: "Account info",
        step_subscriptions: "Subscriptions",
        step_review: "Review",
        step_confirmation: "Confirmation",
    },
    order: OrderWords {},
    problems: Problems {},
};
