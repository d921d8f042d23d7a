//! Hostile values given to the commands, as a script or a careless paste would: empty and
//! whitespace-only values, 100 KB of text, control characters and text-direction marks,
//! impossible dates, malformed emails. Each gets a plain message naming the field; nothing is
//! written; no output carries a hidden character to the terminal.

mod binary;

use binary::*;
use pcenter::domain::characters::is_hidden;

/// 100 KB of pasted text.
fn pasted_page() -> String {
    "Lorem ipsum dolor sit amet. ".repeat(100 * 1024 / 28)
}

/// Asserts that no output of the run can act on a terminal.
fn assert_printable(run: &Run) {
    for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let bad = text.chars().find(|c| is_hidden(*c) && *c != '\n');
        assert_eq!(bad, None, "{name} carries a hidden character: {run:?}");
    }
}

fn create_agreement(demo: &Demo, flags: &[(&str, &str)]) -> Run {
    let mut args = vec![
        "agreements",
        "create",
        "--customer",
        "northwindtraders.onmicrosoft.com",
    ];
    for (flag, value) in flags {
        args.extend([*flag, *value]);
    }
    demo.run(MANDATORY_DAY, &args)
}

#[path = "bad_input_commands/agreements.rs"]
mod agreements;
#[path = "bad_input_commands/commerce.rs"]
mod commerce;
#[path = "bad_input_commands/customers.rs"]
mod customers;
#[path = "bad_input_commands/every_output.rs"]
mod every_output;
#[path = "bad_input_commands/output.rs"]
mod output;
#[cfg(unix)]
#[path = "bad_input_commands/streams.rs"]
mod streams;
#[path = "bad_input_commands/unicode.rs"]
mod unicode;
