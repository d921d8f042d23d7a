//! Random calls: mostly valid arguments, so that writes happen and rules are reached, and now
//! and then one of every kind the rules or the command line refuse.

use crate::commands::*;
use pcenter::domain::timeline::Environment;
use proptest::prelude::*;

/// Before confirmations existed; the optional phase and its last day; the dashboard's gate,
/// the API's still optional; the first day of the sandbox API's gate; the last day without the
/// production API's gate, and its first; the last day of the Microsoft Cloud Agreement alone;
/// the first day of the Microsoft Customer Agreement and of Azure plan; both agreements; the
/// last day of the Cloud Agreement; the Customer Agreement alone.
const BUSINESS_DATES: &[&str] = &[
    "2018-07-01",
    "2018-09-14",
    "2018-11-06",
    "2018-11-14",
    "2019-03-01",
    "2019-03-11",
    "2019-03-21",
    "2019-03-22",
    "2019-09-30",
    "2019-10-01",
    "2019-12-15",
    "2020-01-31",
    "2020-02-01",
];

/// Past the 100 characters a filter takes.
const LONG_FILTER: &str = "contosocontosocontosocontosocontosocontosocontosocontosocontosocontosocontosocontosocontosocontosocon";

const MALFORMED: &[&[&str]] = &[
    &["agreements", "create", "--customer", "contoso"],
    &["orders", "create", "--customer", "contoso", "--offer", "x"],
    &["customers", "list", "--format", "xml"],
    &[
        "agreements",
        "create",
        "--customer",
        "x",
        "--json",
        "f",
        "--email",
        "a@b.co",
    ],
    &["customers", "delete", "contoso"],
    &["--no-such-option", "report", "compliance"],
    &["agreements", "import"],
    &["--environment", "staging", "customers", "list"],
];

fn judged(values: &'static [Judged]) -> impl Strategy<Value = Judged> {
    prop::sample::select(values)
}

fn customer() -> impl Strategy<Value = CustomerRef> {
    let named = prop_oneof![
        // The public-cloud ones more often: they can be confirmed.
        14 => prop::sample::select(vec![0, 0, 0, 1, 1, 1, 1, 2, 3, 4, 4, 5, 5, 6, 6]).prop_map(Named::Demo),
        4 => (0..CREATED.len()).prop_map(Named::Created),
        1 => (0..UNKNOWN.len()).prop_map(Named::Unknown),
    ];
    let form = prop::sample::select(vec![
        Form::Id,
        Form::IdInCapitals,
        Form::Domain,
        Form::DomainInCapitals,
        Form::Prefix,
    ]);
    (named, form).prop_map(|(named, form)| CustomerRef { named, form })
}

/// Mostly valid values, so that writes happen, and now and then any of them.
fn usual(values: &'static [Judged]) -> impl Strategy<Value = Judged> {
    let valid: Vec<Judged> = values.iter().copied().filter(|v| v.1).collect();
    prop_oneof![4 => prop::sample::select(valid), 1 => judged(values)]
}

fn contact() -> impl Strategy<Value = Contact> {
    // One person often, so that a confirmation repeats the current one.
    let ada = Contact {
        first: NAMES[0],
        last: ("Lovelace", true),
        email: EMAILS[0],
        phone: PHONES[0],
    };
    let any = (usual(NAMES), usual(NAMES), usual(EMAILS), usual(PHONES)).prop_map(
        |(first, last, email, phone)| Contact {
            first,
            last,
            email,
            phone,
        },
    );
    // The person of Contoso's confirmation in the demo data.
    let patti = Contact {
        first: ("Patti", true),
        last: ("Fernandez", true),
        email: ("patti.fernandez@contosoelectronics.com", true),
        phone: ("+1 (425) 555-0100", true),
    };
    prop_oneof![2 => Just(ada), 1 => Just(patti), 3 => any]
}

/// Mostly dates every business date takes.
fn date() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        2 => prop::sample::select(&DATES[..3]),
        1 => prop::sample::select(DATES),
    ]
}

fn seats() -> impl Strategy<Value = Seats> {
    prop_oneof![
        12 => prop::sample::select(vec![1u32, 25, 300, 301, 10_000, 10_001, 0, 999_999_999])
            .prop_map(Seats::Count),
        1 => prop::sample::select(vec!["many", "-5", "1e3", "1234567890"]).prop_map(Seats::Text),
        3 => Just(Seats::Same),
    ]
}

const PREFIXES: &[Judged] = &[
    ("tailspintoys", true),
    ("fourthcoffee", true),
    ("FourthCoffee", true),
    ("contosoelectronics", true),
    ("Tail\u{202E}spin", false),
    ("", false),
    ("abcdefghijklmnopqrstuvwxyzab", false), // 28 characters
];

const COMPANIES: &[Judged] = &[
    ("Tailspin Toys", true),
    ("Fourth Coffee", true),
    ("", false),
    ("Evil\u{1b}Corp", false),
];

/// Templates: each agreement's, in capitals or with spaces too, and one no agreement has.
fn template() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        4 => Just(MCA_TEMPLATE),
        4 => Just(CA_TEMPLATE),
        1 => Just("998B88DE-AA99-4388-A42C-1B3517D49490"),
        1 => Just(" 117A77B0-9360-443B-8795-C6DEDC750CF9 "),
        1 => Just("00000000-0000-0000-0000-000000000000"),
    ]
}

/// A body's type: either agreement's (whichever the template is), in any case, none, or none
/// that exists.
fn agreement_type() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![
        4 => Just(Some(MCA_TYPE)),
        4 => Just(Some(CA_TYPE)),
        1 => Just(Some("microsoftcustomeragreement")),
        1 => Just(None),
        1 => Just(Some("Nope")),
    ]
}

/// The terms of an Agreement body: mostly a template and a type.
fn body_terms() -> impl Strategy<Value = Terms> {
    (prop::option::weighted(0.9, template()), agreement_type()).prop_map(
        |(template, agreement_type)| Terms {
            template,
            agreement_type,
        },
    )
}

/// The terms of the flags: `--template-id` or none (the business date's agreement).
fn flag_terms() -> impl Strategy<Value = Terms> {
    prop::option::weighted(0.4, template()).prop_map(|template| Terms {
        template,
        agreement_type: None,
    })
}

fn customer_body() -> impl Strategy<Value = CustomerBody> {
    let agreement =
        prop::option::weighted(0.6, (contact(), prop::option::of(date()), body_terms()));
    (
        usual(PREFIXES),
        usual(COMPANIES),
        usual(EMAILS),
        agreement,
        any::<bool>(),
        prop::bool::weighted(0.05),
    )
        .prop_map(
            |(prefix, company, email, agreement, pascal_case, twice)| CustomerBody {
                prefix,
                company,
                email,
                agreement,
                pascal_case,
                twice,
            },
        )
}

fn row() -> impl Strategy<Value = Row> {
    let key = prop::sample::select(vec![
        Key::TenantId,
        Key::TenantId,
        Key::Domain,
        Key::Both,
        Key::Disagree,
    ]);
    prop_oneof![
        8 => (customer(), key, contact(), date()).prop_map(|(customer, key, contact, date)| {
            Row::Confirmation { customer, key, contact, date }
        }),
        2 => customer().prop_map(Row::Empty),
        1 => Just(Row::Blank),
        1 => Just(Row::Unclosed),
        1 => Just(Row::TooFewFields),
    ]
}

fn csv_file() -> impl Strategy<Value = CsvFile> {
    let encoding = prop_oneof![
        8 => Just(Encoding::Utf8),
        2 => Just(Encoding::Utf8WithBom),
        1 => Just(Encoding::Utf16),
    ];
    let line_end = prop_oneof![
        6 => Just(LineEnd::Lf),
        3 => Just(LineEnd::CrLf),
        1 => Just(LineEnd::Cr),
    ];
    (
        any::<bool>(),
        prop::bool::weighted(0.1),
        prop::collection::vec(row(), 0..5),
        encoding,
        line_end,
    )
        .prop_map(
            |(shuffled, missing_column, rows, encoding, line_end)| CsvFile {
                shuffled,
                missing_column,
                rows,
                encoding,
                line_end,
            },
        )
}

fn out() -> impl Strategy<Value = Out> {
    prop_oneof![
        6 => Just(Out::File),
        2 => Just(Out::Stdout),
        1 => Just(Out::Directory),
        1 => Just(Out::NoSuchDirectory),
    ]
}

fn backup_file() -> impl Strategy<Value = BackupFile> {
    prop_oneof![
        8 => (0usize..2).prop_map(BackupFile::Written),
        1 => (0usize..4).prop_map(BackupFile::CutShort),
        1 => Just(BackupFile::Garbage),
        1 => Just(BackupFile::Missing),
    ]
}

/// An order line: mostly one its offer takes (a usage-based one with quantity 1), now and then
/// any offer with any seat count.
fn order_line() -> impl Strategy<Value = (usize, Seats)> {
    let seat_based = (0usize..3, prop::sample::select(vec![1u32, 25, 300]))
        .prop_map(|(offer, count)| (offer, Seats::Count(count)));
    let usage_based = (3usize..5).prop_map(|offer| (offer, Seats::Count(1)));
    prop_oneof![
        3 => seat_based,
        2 => usage_based,
        2 => (0..OFFERS.len(), seats()),
    ]
}

fn format() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["json", "table", "csv"])
}

fn command() -> impl Strategy<Value = Cmd> {
    let asked = prop_oneof![
        7 => flag_terms().prop_map(|terms| (terms, false)),
        3 => body_terms().prop_map(|terms| (terms, true)),
    ];
    let line = order_line();
    let subscription = prop_oneof![
        6 => (0usize..8).prop_map(SubscriptionRef::Own),
        1 => (0usize..8).prop_map(SubscriptionRef::Other),
        1 => Just(SubscriptionRef::Unknown),
    ];
    let filter = prop::option::of(prop::sample::select(vec![
        "contoso",
        "ONMICROSOFT",
        "Zoë",
        "한빛",
        "",
        "zzz",
        "x\u{1b}[2J",
        LONG_FILTER,
    ]));
    let agreement_type = prop::option::of(prop::sample::select(vec![
        "MicrosoftCloudAgreement",
        "microsoftcustomeragreement",
        "*",
        "Nope",
    ]));
    prop_oneof![
        8 => (customer(), contact(), prop::option::weighted(0.7, date()), asked).prop_map(
            |(customer, contact, date, (terms, json))| Cmd::CreateAgreement { customer, contact, date, terms, json }
        ),
        2 => (customer(), agreement_type).prop_map(|(customer, agreement_type)| {
            Cmd::ListAgreements { customer, agreement_type }
        }),
        2 => (filter, any::<bool>(), format()).prop_map(|(filter, unconfirmed, format)| {
            Cmd::ListCustomers { filter, unconfirmed, format }
        }),
        1 => customer().prop_map(Cmd::ShowCustomer),
        4 => customer_body().prop_map(Cmd::CreateCustomer),
        5 => (customer(), prop::collection::vec(line, 1..3), prop::bool::weighted(0.1)).prop_map(
            |(customer, lines, one_quantity_short)| Cmd::CreateOrder { customer, lines, one_quantity_short }
        ),
        1 => customer().prop_map(Cmd::ListSubscriptions),
        5 => (customer(), subscription, seats()).prop_map(|(customer, subscription, seats)| {
            Cmd::SetSeats { customer, subscription, seats }
        }),
        2 => out().prop_map(Cmd::Export),
        4 => (csv_file(), any::<bool>()).prop_map(|(file, dry_run)| Cmd::Import { file, dry_run }),
        2 => prop_oneof![4 => Just(Out::File), 1 => Just(Out::Directory), 1 => Just(Out::NoSuchDirectory)]
            .prop_map(Cmd::Backup),
        2 => (backup_file(), prop::bool::weighted(0.8)).prop_map(|(file, replace)| Cmd::Restore { file, replace }),
        1 => format().prop_map(Cmd::Report),
        1 => prop::sample::select(MALFORMED).prop_map(Cmd::Malformed),
    ]
}

pub fn call() -> impl Strategy<Value = Call> {
    let today = prop_oneof![
        40 => prop_oneof![1 => Just(BUSINESS_DATES[0]), 7 => prop::sample::select(&BUSINESS_DATES[1..])],
        1 => prop::sample::select(vec!["2013-12-31", "2018-13-01", "2101-01-01", "tomorrow"]),
    ];
    let role = prop_oneof![
        30 => prop::sample::select(vec!["admin-agent", "sales-agent"]),
        8 => Just("helpdesk-agent"),
        1 => Just("owner"),
    ];
    let agent = prop_oneof![
        40 => Just("Megan Bowen"),
        1 => prop::sample::select(vec!["Evil\u{1b}[2J", "", "山田 太郎"]),
    ];
    // Mostly the store's own environment, left out; now and then either, named.
    let environment = prop_oneof![
        20 => Just(None),
        1 => Just(Some("production")),
        1 => Just(Some("sandbox")),
    ];
    (today, role, agent, environment, command()).prop_map(
        |(today, role, agent, environment, command)| Call {
            today,
            role,
            agent,
            environment,
            command,
        },
    )
}

/// The environment a sequence's store is created for.
pub fn store_environment() -> impl Strategy<Value = Environment> {
    prop_oneof![
        2 => Just(Environment::Production),
        1 => Just(Environment::Sandbox),
    ]
}
