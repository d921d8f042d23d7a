//! Sessions in Korean, and the check that a Korean screen holds no English word of the
//! dashboard's own: only data (company names, domains, offers, people), product names, keys
//! and codes may stay in Latin letters.

use super::session;
use pcenter::app::session::Session;
use pcenter::assets;
use pcenter::domain::role::Role;
use pcenter::locale::Lang;
use std::collections::BTreeSet;

/// A demo session in Korean, as `session` gives it in English.
pub fn session_ko(date: &str, role: Role) -> Session {
    let mut s = session(date, role);
    s.app.ctx.lang = Lang::Korean;
    s
}

/// Words a Korean screen may show in Latin letters: product and company names, key caps,
/// units and codes.
const ALLOWED: &[&str] = &[
    "Partner",
    "Center",
    "pcenter",
    "Microsoft",
    "Azure",
    "Office",
    "Dynamics",
    "Windows",
    "Exchange",
    "SharePoint",
    "Teams",
    "Vianet",
    "Esc",
    "Enter",
    "Tab",
    "Ctrl",
    "Shift",
    "Space",
    "PgUp",
    "PgDn",
    "YYYY",
    "MM",
    "DD",
    "GUID",
    "ID",
    "API",
    "CSV",
    "JSON",
    "SSH",
    "HTTP",
    "UTC",
    "today",
    "demo",
    "Home",
    "End",
    "Backspace",
    "Delete",
    "Type",
    "MicrosoftCloudAgreement",
    "MicrosoftCustomerAgreement",
    "Del",
    "Ins",
    "US",
    "DE",
    "KR",
];

/// Every Latin-letter word of the demo's own data: what customers, people and offers are
/// called stays as it was entered.
fn data_words() -> BTreeSet<String> {
    fn strings(value: &serde_json::Value, into: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) => into.push(text.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, into)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, into)),
            _ => {}
        }
    }
    let mut texts = vec![];
    let demo = assets::demo_snapshot();
    let records = [
        serde_json::to_value(&demo.customers),
        serde_json::to_value(&demo.confirmations),
        serde_json::to_value(&demo.orders),
        serde_json::to_value(&demo.subscriptions),
    ];
    for record in records {
        strings(&record.expect("the demo serializes"), &mut texts);
    }
    strings(
        &serde_json::to_value(assets::offers()).expect("the offers serialize"),
        &mut texts,
    );
    texts.extend(demo.partner_name.clone());
    texts.push("Megan Bowen Alex Wilber Adele Vance Tailspin Toys tailspintoys adele 1 Microsoft Way Redmond WA Proseware proseware admin".into());
    texts.iter().flat_map(|text| latin_words(text)).collect()
}

/// Runs of two or more ASCII letters.
fn latin_words(text: &str) -> Vec<String> {
    let mut words = vec![];
    let mut word = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_alphabetic() {
            word.push(c);
        } else {
            if word.len() >= 2 {
                words.push(std::mem::take(&mut word));
            }
            word.clear();
        }
    }
    words
}

/// The English words of a screen's text that are not data, names, keys or codes: what a
/// Korean screen must not show.
pub fn english_words(screen: &str) -> Vec<String> {
    let data = data_words();
    // Options of the command line (`--today`) are code.
    let screen: String = screen
        .split(' ')
        .filter(|word| !word.trim_start_matches(['"', '(']).starts_with("--"))
        .collect::<Vec<_>>()
        .join(" ");
    // A name cut to fit its column ("onmicros…") is still data.
    let is_data = |word: &String| {
        data.range(word.clone()..)
            .next()
            .is_some_and(|d| d.starts_with(word.as_str()))
    };
    latin_words(&screen)
        .into_iter()
        .filter(|word| !ALLOWED.contains(&word.as_str()) && !is_data(word))
        .collect()
}

/// The screen as a terminal shows it: each row's cells in order, a wide character once.
pub fn screen_text(backend: &ratatui::backend::TestBackend) -> String {
    let buffer = backend.buffer();
    let mut rows = vec![];
    for y in 0..buffer.area.height {
        let mut row = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = pcenter::ui::text::width(symbol).saturating_sub(1);
            row.push_str(symbol);
        }
        rows.push(row);
    }
    rows.join("\n")
}

/// Fails, naming them, when a Korean screen shows English words of the dashboard.
pub fn assert_korean(what: &str, screen: &str) {
    let english = english_words(screen);
    assert!(
        english.is_empty(),
        "{what} shows English words {english:?} in Korean:\n{screen}"
    );
}
