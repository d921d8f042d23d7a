//! Commands as a script runs them, with arguments whose fate a test can tell: values the field
//! rules take or refuse, customers that exist or not (by tenant ID, domain or prefix, in any
//! case), offers, seat counts, CSV files, bodies, backups and output paths of every kind; each
//! call with its own business date, role and agent. Drawn at random in `command_strategies`.

/// A value, and whether the field rules take it.
pub type Judged = (&'static str, bool);

pub const NAMES: &[Judged] = &[
    ("Ada", true),
    ("Grace", true),
    ("Zoë", true),
    ("山田", true),
    ("O'Brien", true),
    ("", false),
    ("   ", false),
    ("Ada\u{1b}[31m", false),
    ("Evil\u{202E}", false),
    ("Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxy", false), // 51 characters
];

pub const EMAILS: &[Judged] = &[
    ("ada@contoso.com", true),
    ("grace.hopper@fabrikam.com", true),
    ("nobody", false),
    ("", false),
    ("ada@contoso.com\u{7}", false),
    ("a b@contoso.com", false),
];

pub const PHONES: &[Judged] = &[
    ("", true),
    ("+1 425 555 0100", true),
    ("4255550123", true),
    ("12", false),
    ("phone", false),
    ("+1 425 555 0100 555 0100 99", false),
];

/// Acceptance dates: dates, not dates, before the agreement existed, and later ones (in the
/// API's optional weeks, when both agreements could be confirmed, when only the Microsoft
/// Customer Agreement could).
pub const DATES: &[&str] = &[
    "2018-09-01",
    "2018-11-01",
    "2014-01-01",
    "2018-11-10",
    "2019-03-01",
    "2019-03-21",
    "2019-12-15",
    "2020-02-01",
    "2099-01-01",
    "2013-12-31",
    "2018-02-30",
    "11/1/2018",
];

/// Demo customers: confirmed (the Microsoft Customer Agreement too, from October 2019),
/// unconfirmed with seat-based subscriptions, Microsoft Cloud Germany, US Government, confirmed
/// (한빛물류, the Customer Agreement from December 2019), unconfirmed without subscriptions, and
/// one created on November 12, 2019 with a Cloud Agreement confirmation only (Trey Research).
pub const DEMO: [&str; 7] = [
    "9d62ba20-49fe-4b68-b3d6-6c88eae123dc",
    "8e56785c-c066-4754-939a-d596743a7b4a",
    "96312fd6-41dd-4f64-9850-432d9aefd04a",
    "aba9ac90-80dc-43a8-bb34-350171708d49",
    "71f38dd5-9faf-45ed-95e8-75334d80b000",
    "24dc1531-9f15-41db-bc71-077987e5c994",
    "c15521b1-b3dc-450a-9daa-37e51b591d75",
];
/// The prefixes of the customers that `customers create` may add.
pub const CREATED: [&str; 2] = ["tailspintoys", "fourthcoffee"];
pub const UNKNOWN: [&str; 4] = [
    "nosuchcustomer",
    "00000000-0000-0000-0000-000000000000",
    "",
    "\u{1b}[2J",
];

/// The Microsoft Cloud Agreement's template.
pub const MCA_TEMPLATE: &str = "998b88de-aa99-4388-a42c-1b3517d49490";
/// The Microsoft Customer Agreement's template.
pub const CA_TEMPLATE: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";
/// The agreement types a body may give; the template, not the type, decides the agreement.
pub const MCA_TYPE: &str = "MicrosoftCloudAgreement";
pub const CA_TYPE: &str = "MicrosoftCustomerAgreement";

/// Seat-based up to 10,000 (also in lower case), up to 300, usage-based (Azure plan, sold from
/// October 1, 2019 and only with the Microsoft Customer Agreement; the legacy Azure offer), and
/// no offer.
pub const OFFERS: [&str; 6] = [
    "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72",
    "8bbcea40-9a69-42fa-abdc-dc6c5f8c6f72",
    "7BC7829D-9AAE-460E-9E59-99B0F862663A",
    "1F9583C8-6D90-4583-A9AD-E3083B0600EE",
    "712C9177-476A-4535-8E4D-EAA4F4B5E0C5",
    "NOT-AN-OFFER",
];

#[derive(Debug, Clone)]
pub struct Call {
    pub today: &'static str,
    pub role: &'static str,
    pub agent: &'static str,
    /// `--environment`, if given: the store keeps the one it was created for.
    pub environment: Option<&'static str>,
    pub command: Cmd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Demo(usize),
    Created(usize),
    Unknown(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Id,
    IdInCapitals,
    Domain,
    DomainInCapitals,
    Prefix,
}

#[derive(Debug, Clone, Copy)]
pub struct CustomerRef {
    pub named: Named,
    pub form: Form,
}

#[derive(Debug, Clone, Copy)]
pub struct Contact {
    pub first: Judged,
    pub last: Judged,
    pub email: Judged,
    pub phone: Judged,
}

#[derive(Debug, Clone, Copy)]
pub enum Seats {
    Count(u32),
    /// Not a seat count for the command line.
    Text(&'static str),
    /// The subscription's own count.
    Same,
}

#[derive(Debug, Clone, Copy)]
pub enum SubscriptionRef {
    /// One of the customer's own, by position.
    Own(usize),
    /// One of another customer's.
    Other(usize),
    Unknown,
}

/// Which agreement a confirmation asks for: `templateId` (`--template-id`) and, in a body,
/// `type`; each may be left out.
#[derive(Debug, Clone, Copy)]
pub struct Terms {
    pub template: Option<&'static str>,
    pub agreement_type: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct CustomerBody {
    pub prefix: Judged,
    pub company: Judged,
    pub email: Judged,
    /// The agreement given with the customer: its contact, `dateAgreed`, template and type.
    pub agreement: Option<(Contact, Option<&'static str>, Terms)>,
    pub pascal_case: bool,
    /// The email given twice, in two cases.
    pub twice: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    TenantId,
    Domain,
    Both,
    /// A tenant ID and another customer's domain.
    Disagree,
}

#[derive(Debug, Clone)]
pub enum Row {
    Confirmation {
        customer: CustomerRef,
        key: Key,
        contact: Contact,
        date: &'static str,
    },
    /// An export's row for a customer without a confirmation.
    Empty(CustomerRef),
    Blank,
    Unclosed,
    TooFewFields,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8WithBom,
    Utf16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnd {
    Lf,
    CrLf,
    Cr,
}

#[derive(Debug, Clone)]
pub struct CsvFile {
    /// The columns in another order and case.
    pub shuffled: bool,
    /// Without the Email column.
    pub missing_column: bool,
    pub rows: Vec<Row>,
    pub encoding: Encoding,
    pub line_end: LineEnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Out {
    File,
    Stdout,
    Directory,
    NoSuchDirectory,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupFile {
    /// One written earlier in the sequence, by position (the first is of the demo store).
    Written(usize),
    /// One written earlier, without its last line.
    CutShort(usize),
    Garbage,
    Missing,
}

#[derive(Debug, Clone)]
pub enum Cmd {
    CreateAgreement {
        customer: CustomerRef,
        contact: Contact,
        date: Option<&'static str>,
        /// The template (with the flags, `--template-id`; the type is only a body's).
        terms: Terms,
        /// Sent as the Agreement body instead of flags.
        json: bool,
    },
    ListAgreements {
        customer: CustomerRef,
        agreement_type: Option<&'static str>,
    },
    ListCustomers {
        filter: Option<&'static str>,
        unconfirmed: bool,
        format: &'static str,
    },
    ShowCustomer(CustomerRef),
    CreateCustomer(CustomerBody),
    CreateOrder {
        customer: CustomerRef,
        lines: Vec<(usize, Seats)>,
        /// One --quantity left out.
        one_quantity_short: bool,
    },
    ListSubscriptions(CustomerRef),
    SetSeats {
        customer: CustomerRef,
        subscription: SubscriptionRef,
        seats: Seats,
    },
    Export(Out),
    Import {
        file: CsvFile,
        dry_run: bool,
    },
    Backup(Out),
    Restore {
        file: BackupFile,
        replace: bool,
    },
    Report(&'static str),
    /// A command line the parser refuses.
    Malformed(&'static [&'static str]),
}
