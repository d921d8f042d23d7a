//! 한국어: Partner Center의 한국어 대시보드 용어(고객, 새 고객, 계정, Microsoft 클라우드 계약…)를
//! 표준 띄어쓰기로 쓰고, 메시지는 합니다체로 씁니다.

mod acceptance;
mod account;
mod chrome;
mod commands;
mod customers;
mod import;
mod keys;
mod new_customer;
mod order;
mod particles;
mod problems;
mod records;
mod refusals;
mod requests;
mod restore;
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
