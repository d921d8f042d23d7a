//! A call's command line, with the files it names (bodies, CSV files, backups) written into
//! the world's directory.

use crate::commands::*;
use crate::expect_import::{row_values, COLUMNS};
use crate::names::{customer_text, order_seats, resolve, subscription_id};
use crate::world::World;
use pcenter::store::Snapshot;
use serde_json::{json, Map, Value};
use std::path::PathBuf;

impl World {
    /// A path for a new file in the world's directory; nothing is written there yet.
    fn new_path(&mut self, name: &str) -> PathBuf {
        self.files += 1;
        self.dir
            .path()
            .join("files")
            .join(format!("{}-{name}", self.files))
    }

    /// Writes `bytes` to a new file; returns its path.
    fn write(&mut self, name: &str, bytes: &[u8]) -> String {
        let path = self.new_path(name);
        std::fs::write(&path, bytes).expect("a file for the call");
        path.to_string_lossy().into_owned()
    }

    /// Where `--out` writes.
    fn out(&mut self, out: Out, name: &str) -> String {
        let files = self.dir.path().join("files");
        let path = match out {
            Out::File => self.new_path(name),
            Out::Stdout => return "-".into(),
            Out::Directory => files,
            Out::NoSuchDirectory => files.join("no such directory").join(name),
        };
        path.to_string_lossy().into_owned()
    }

    /// The arguments of `command`, after the options, for a call on the business date `today`.
    pub fn render(&mut self, command: &Cmd, before: &Snapshot, today: &str) -> Vec<String> {
        let text = |customer| customer_text(customer, before);
        let mut args: Vec<String> = Vec::new();
        let mut push = |items: &[&str]| args.extend(items.iter().map(|s| s.to_string()));
        match command {
            Cmd::CreateAgreement {
                customer,
                contact,
                date,
                terms,
                json,
            } => {
                push(&["agreements", "create", "--customer", &text(*customer)]);
                if *json {
                    let body = agreement_body(*contact, *date, *terms).to_string();
                    push(&["--json", &self.write("agreement.json", body.as_bytes())]);
                } else {
                    push(&[
                        "--first-name",
                        contact.first.0,
                        "--last-name",
                        contact.last.0,
                    ]);
                    push(&["--email", contact.email.0]);
                    if !contact.phone.0.is_empty() {
                        push(&["--phone", contact.phone.0]);
                    }
                    if let Some(date) = date {
                        push(&["--date", date]);
                    }
                    if let Some(template) = terms.template {
                        push(&["--template-id", template]);
                    }
                }
            }
            Cmd::ListAgreements {
                customer,
                agreement_type,
            } => {
                push(&["agreements", "list", "--customer", &text(*customer)]);
                if let Some(agreement_type) = agreement_type {
                    push(&["--type", agreement_type]);
                }
            }
            Cmd::ListCustomers {
                filter,
                unconfirmed,
                format,
            } => {
                push(&["customers", "list", "--format", format]);
                if let Some(filter) = filter {
                    push(&["--filter", filter]);
                }
                if *unconfirmed {
                    push(&["--unconfirmed"]);
                }
            }
            Cmd::ShowCustomer(customer) => push(&["customers", "show", &text(*customer)]),
            Cmd::CreateCustomer(body) => {
                let body = customer_body(body).to_string();
                push(&["customers", "create", "--json"]);
                push(&[&self.write("customer.json", body.as_bytes())]);
            }
            Cmd::CreateOrder {
                customer,
                lines,
                one_quantity_short,
            } => {
                push(&["orders", "create", "--customer", &text(*customer)]);
                for (i, (offer, seats)) in lines.iter().enumerate() {
                    push(&["--offer", OFFERS[*offer]]);
                    if !(*one_quantity_short && i == lines.len() - 1) {
                        let count = match seats {
                            Seats::Text(text) => text.to_string(),
                            seats => order_seats(*seats).to_string(),
                        };
                        push(&["--quantity", &count]);
                    }
                }
            }
            Cmd::ListSubscriptions(customer) => {
                push(&["subscriptions", "list", "--customer", &text(*customer)])
            }
            Cmd::SetSeats {
                customer,
                subscription,
                seats,
            } => {
                let named = text(*customer);
                let found = resolve(&named, before);
                let id = found.map_or_else(
                    || "00000000-0000-0000-0000-00000000beef".to_string(),
                    |c| subscription_id(c, *subscription, before),
                );
                let current = before.subscriptions.iter().find(|s| s.id == id);
                let count = match seats {
                    Seats::Count(count) => count.to_string(),
                    Seats::Text(text) => text.to_string(),
                    // The count of the call's business date (seat changes are dated).
                    Seats::Same => (current.and_then(|s| match today.parse() {
                        Ok(today) => s.quantity_on(today),
                        Err(_) => s.quantity,
                    }))
                    .unwrap_or(1)
                    .to_string(),
                };
                push(&["subscriptions", "set-seats", "--customer", &named]);
                push(&["--subscription", &id, "--quantity", &count]);
            }
            Cmd::Export(out) => {
                push(&[
                    "agreements",
                    "export",
                    "--out",
                    &self.out(*out, "export.csv"),
                ]);
            }
            Cmd::Import { file, dry_run } => {
                let csv = csv_bytes(file, before);
                push(&["agreements", "import", &self.write("import.csv", &csv)]);
                if *dry_run {
                    push(&["--dry-run"]);
                }
            }
            Cmd::Backup(out) => {
                let path = self.out(*out, "backup.jsonl");
                self.last_backup = Some(PathBuf::from(&path));
                push(&["backup", "--out", &path]);
            }
            Cmd::Restore { file, replace } => {
                let written = match file {
                    BackupFile::Written(i) | BackupFile::CutShort(i) => {
                        self.backups.get(*i).map(|(path, _)| path.clone())
                    }
                    BackupFile::Garbage | BackupFile::Missing => None,
                };
                let path = match (file, written) {
                    (BackupFile::Written(_), Some(path)) => path.to_string_lossy().into_owned(),
                    (BackupFile::CutShort(_), Some(path)) => {
                        let text = std::fs::read_to_string(path).expect("a backup");
                        let lines: Vec<&str> = text.lines().collect();
                        let cut = lines[..lines.len() - 1].join("\n") + "\n";
                        self.write("cut-short.jsonl", cut.as_bytes())
                    }
                    (BackupFile::Garbage, _) => self.write("garbage.jsonl", b"not a backup\n"),
                    _ => self.out(Out::File, "missing.jsonl"),
                };
                push(&["restore", &path]);
                if *replace {
                    push(&["--replace"]);
                }
            }
            Cmd::Report(format) => push(&["report", "compliance", "--format", format]),
            Cmd::Malformed(line) => push(line),
        }
        args
    }
}

/// The Agreement body of a confirmation by `contact` on `date` (none: the business date), with
/// the template and type of `terms` (each left out when it has none).
fn agreement_body(contact: Contact, date: Option<&str>, terms: Terms) -> Value {
    let mut person = json!({
        "firstName": contact.first.0,
        "lastName": contact.last.0,
        "email": contact.email.0,
    });
    if !contact.phone.0.is_empty() {
        person["phoneNumber"] = json!(contact.phone.0);
    }
    let mut body = json!({ "primaryContact": person });
    if let Some(template) = terms.template {
        body["templateId"] = json!(template);
    }
    if let Some(agreement_type) = terms.agreement_type {
        body["type"] = json!(agreement_type);
    }
    if let Some(date) = date {
        body["dateAgreed"] = json!(date);
    }
    body
}

fn customer_body(body: &CustomerBody) -> Value {
    let mut billing = json!({
        "companyName": body.company.0,
        "email": body.email.0,
        "culture": "en-US",
        "language": "en",
        "defaultAddress": {
            "country": "US", "addressLine1": "1 Microsoft Way", "city": "Redmond",
            "state": "WA", "postalCode": "98052", "firstName": "Ada", "lastName": "Lovelace",
        },
    });
    if body.twice {
        billing["EMAIL"] = json!("grace@contoso.com");
    }
    let mut value = json!({"companyProfile": {"domain": body.prefix.0}, "billingProfile": billing});
    if let Some((contact, date, terms)) = body.agreement {
        value["agreement"] = agreement_body(contact, date, terms);
    }
    if body.pascal_case {
        value = pascal_case(value);
    }
    value
}

/// The keys as Microsoft's samples write them: `CompanyProfile`, `FirstName`.
fn pascal_case(value: Value) -> Value {
    match value {
        Value::Object(object) => {
            let renamed: Map<String, Value> = object
                .into_iter()
                .map(|(key, value)| {
                    let mut key = key;
                    key[..1].make_ascii_uppercase();
                    (key, pascal_case(value))
                })
                .collect();
            Value::Object(renamed)
        }
        other => other,
    }
}

/// The CSV file's bytes.
fn csv_bytes(file: &CsvFile, before: &Snapshot) -> Vec<u8> {
    let mut columns: Vec<usize> = (0..COLUMNS.len()).collect();
    if file.shuffled {
        columns = vec![6, 2, 3, 4, 5, 1, 0];
    }
    if file.missing_column {
        columns.retain(|&c| COLUMNS[c] != "Email");
    }
    let names = columns.iter().map(|&c| {
        let name = COLUMNS[c];
        if file.shuffled {
            name.to_lowercase()
        } else {
            name.to_string()
        }
    });
    let mut lines = vec![names.collect::<Vec<_>>().join(",")];
    for row in &file.rows {
        lines.push(match row {
            Row::Blank => String::new(),
            Row::Unclosed => "\"open,x,,,,,".into(),
            Row::TooFewFields => "only,two".into(),
            row => {
                let values = row_values(row, before).expect("values");
                let fields: Vec<String> = columns.iter().map(|&c| csv_field(&values[c])).collect();
                fields.join(",")
            }
        });
    }
    let end = match file.line_end {
        LineEnd::Lf => "\n",
        LineEnd::CrLf => "\r\n",
        LineEnd::Cr => "\r",
    };
    let text = lines.join(end) + end;
    match file.encoding {
        Encoding::Utf8 => text.into_bytes(),
        Encoding::Utf8WithBom => ["\u{feff}", &text].concat().into_bytes(),
        Encoding::Utf16 => {
            let mut bytes = vec![0xff, 0xfe];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        }
    }
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}
