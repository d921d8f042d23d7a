//! English: the words of Partner Center's English dashboard.

mod acceptance;
mod account;
mod chrome;
mod commands;
mod customers;
mod import;
mod keys;
mod new_customer;
mod order;
mod problems;
mod requests;
mod shell;
mod spectator;
mod terms;

use super::words::*;

pub static WORDS: Words = Words {
    terms: terms::TERMS,
    chrome: chrome::CHROME,
    keys: keys::KEYS,
    customers: customers::CUSTOMERS,
    account: account::ACCOUNT,
    acceptance: acceptance::ACCEPTANCE,
    new_customer: new_customer::NEW_CUSTOMER,
    order: order::ORDER,
    problems: problems::PROBLEMS,
    spectator: spectator::SPECTATOR,
    commands: commands::COMMANDS,
    import: import::IMPORT,
    requests: requests::REQUESTS,
    shell: shell::SHELL,
};
