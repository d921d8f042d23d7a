//! What is wrong with a field's value, as data: each language says it in its own words (the
//! dashboard's catalogs), and `Display` gives the English sentence the commands and the API use.

use super::characters::{describe, quote, shown};
use super::customer::DOMAIN_PREFIX_MAX;
use super::fields::EARLIEST_ACCEPTANCE;
use chrono::NaiveDate;
use std::fmt;

/// The field a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    FirstName,
    LastName,
    Email,
    Phone,
    CompanyName,
    Line1,
    Line2,
    City,
    State,
    PostalCode,
    /// A value outside the dashboard's forms (an agent's name, a filter), named in English by
    /// the command or check that takes it.
    Named(&'static str),
}

impl Subject {
    /// The field's label: "First name", "Address line 1".
    pub fn label(self) -> &'static str {
        match self {
            Subject::FirstName => "First name",
            Subject::LastName => "Last name",
            Subject::Email => "Email address",
            Subject::Phone => "Phone number",
            Subject::CompanyName => "Company name",
            Subject::Line1 => "Address line 1",
            Subject::Line2 => "Address line 2",
            Subject::City => "City",
            Subject::State => "State/province",
            Subject::PostalCode => "Postal code",
            Subject::Named(label) => label,
        }
    }

    /// The field as the subject of an English sentence: "First name", "An email address".
    fn subject(self) -> &'static str {
        match self {
            Subject::Email => "An email address",
            Subject::Phone => "A phone number",
            other => other.label(),
        }
    }
}

/// A value outside the dashboard's forms, named by the check that takes it; a field of the
/// dashboard is named by its `Subject`.
impl From<&'static str> for Subject {
    fn from(label: &'static str) -> Subject {
        Subject::Named(label)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    Missing(Subject),
    TooLong {
        subject: Subject,
        max: usize,
        length: usize,
    },
    Hidden {
        subject: Subject,
        character: char,
    },
    EmailSpaces,
    EmailNoAt,
    EmailAts(usize),
    EmailNoLocalPart,
    EmailNoDomain,
    EmailBadLocalPart,
    EmailBadDomain,
    PhoneCharacter(char),
    PhoneDigits(usize),
    /// No date was entered.
    DateMissing,
    /// Typed text that is not shaped YYYY-MM-DD (kept as typed, quoted when said).
    DateShape(String),
    DateMonth(String),
    DateDay {
        value: String,
        days: u32,
    },
    BeforeTheAgreement(NaiveDate),
    FutureDate {
        business_date: NaiveDate,
    },
    DomainPrefixMissing,
    DomainPrefixCharacter(char),
    DomainPrefixTooLong(usize),
    DomainTaken(String),
    CountryMissing,
    /// A code that names no country/region; `meant` is the one a common mistake points to.
    CountryUnknown {
        typed: String,
        meant: Option<(&'static str, &'static str)>,
    },
}

const EMAIL_EXAMPLE: &str = "Use the form name@example.com.";

impl FieldProblem {
    /// The same problem of a field named otherwise (`rename` maps its subject): a language
    /// names a value outside the forms in its own words.
    pub fn renamed(self, rename: impl Fn(Subject) -> Subject) -> FieldProblem {
        match self {
            FieldProblem::Missing(subject) => FieldProblem::Missing(rename(subject)),
            FieldProblem::TooLong {
                subject,
                max,
                length,
            } => FieldProblem::TooLong {
                subject: rename(subject),
                max,
                length,
            },
            FieldProblem::Hidden { subject, character } => FieldProblem::Hidden {
                subject: rename(subject),
                character,
            },
            other => other,
        }
    }
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FieldProblem as P;
        match self {
            P::Missing(Subject::Email) => write!(f, "Enter the email address."),
            P::Missing(subject) => {
                let label = subject.label();
                // "Enter the city.", but "Enter address line 1.": a numbered line takes no article.
                let article = if label.ends_with(|c: char| c.is_ascii_digit()) {
                    ""
                } else {
                    "the "
                };
                write!(f, "Enter {article}{}.", label.to_lowercase())
            }
            P::TooLong {
                subject,
                max,
                length,
            } => write!(
                f,
                "{} can be at most {max} characters; this one has {length}.",
                subject.subject()
            ),
            P::Hidden { subject, character } => write!(
                f,
                "{} cannot contain {}; remove it.",
                subject.subject(),
                describe(*character)
            ),
            P::EmailSpaces => write!(f, "An email address cannot contain spaces. {EMAIL_EXAMPLE}"),
            P::EmailNoAt => write!(f, "The email address needs an @. {EMAIL_EXAMPLE}"),
            P::EmailAts(ats) => write!(
                f,
                "An email address has one @; this one has {ats}. {EMAIL_EXAMPLE}"
            ),
            P::EmailNoLocalPart => write!(f, "Enter the name before the @. {EMAIL_EXAMPLE}"),
            P::EmailNoDomain => write!(
                f,
                "Enter the domain after the @, for example contoso.com. {EMAIL_EXAMPLE}"
            ),
            P::EmailBadLocalPart => write!(
                f,
                "The part before the @ is not valid in an email address. {EMAIL_EXAMPLE}"
            ),
            P::EmailBadDomain => write!(
                f,
                "The domain after the @ is not valid, for example contoso.com. {EMAIL_EXAMPLE}"
            ),
            P::PhoneCharacter(bad) => write!(
                f,
                "A phone number can hold only digits, spaces and + - ( ) . — remove '{}'.",
                shown(*bad)
            ),
            P::PhoneDigits(digits) => write!(
                f,
                "A phone number has 7 to 15 digits; this one has {digits}."
            ),
            P::DateMissing => write!(f, "Enter the date as YYYY-MM-DD, for example 2018-09-14."),
            P::DateShape(value) => write!(
                f,
                "'{}' is not a date in the form YYYY-MM-DD, for example 2018-09-14.",
                quote(value)
            ),
            P::DateMonth(value) => {
                write!(f, "{value} is not a real date: months run from 01 to 12.")
            }
            P::DateDay { value, days } => {
                write!(f, "{value} is not a real date: that month has {days} days.")
            }
            P::BeforeTheAgreement(date) => write!(
                f,
                "{date} is before the Microsoft Cloud Agreement existed; use a date from {EARLIEST_ACCEPTANCE} on. Check the year."
            ),
            P::FutureDate { business_date } => write!(
                f,
                "You cannot set this to a future date. Use {business_date} or earlier."
            ),
            P::DomainPrefixMissing => {
                write!(f, "Enter a domain prefix: letters a-z and digits 0-9.")
            }
            P::DomainPrefixCharacter(bad) => write!(
                f,
                "A domain prefix holds only letters a-z and digits 0-9; remove '{}'.",
                shown(*bad)
            ),
            P::DomainPrefixTooLong(length) => write!(
                f,
                "A domain prefix can be at most {DOMAIN_PREFIX_MAX} characters; this one has {length}."
            ),
            P::DomainTaken(domain) => {
                write!(f, "{domain} is already taken; choose another prefix.")
            }
            P::CountryMissing => write!(
                f,
                "Enter the country/region as a two-letter code, for example US."
            ),
            P::CountryUnknown {
                typed,
                meant: Some((code, name)),
            } => write!(
                f,
                "'{}' is not a country/region code: for {name}, enter {code}.",
                quote(typed)
            ),
            P::CountryUnknown { typed, meant: None } => write!(
                f,
                "'{}' is not a country/region code; use two letters, for example US, DE or KR.",
                quote(typed)
            ),
        }
    }
}

/// Where a message is a plain sentence (commands, store checks), the English one.
impl From<FieldProblem> for String {
    fn from(problem: FieldProblem) -> String {
        problem.to_string()
    }
}

/// What a key or a paste into a text box left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputNote {
    /// A paste: cut after `kept` of its `offered` characters at the box's `max` (when
    /// `kept < offered`), and `dropped` hidden characters left out.
    Pasted {
        max: usize,
        kept: usize,
        offered: usize,
        dropped: usize,
    },
    /// A key that would have grown the value past the box's `max` characters.
    TypedPastLimit { max: usize },
    /// A key that would have brought in a hidden character.
    HiddenTyped(char),
}

/// One sentence of a paste's note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteNote {
    /// Cut after `kept` of its `offered` characters at the box's `max`.
    Cut {
        max: usize,
        kept: usize,
        offered: usize,
    },
    /// `dropped` hidden characters left out.
    HiddenLeftOut(usize),
}

impl PasteNote {
    /// The sentences a paste's note is made of, in order (none for any other note).
    pub fn of(note: &InputNote) -> Vec<PasteNote> {
        let InputNote::Pasted {
            max,
            kept,
            offered,
            dropped,
        } = *note
        else {
            return vec![];
        };
        let cut = (kept < offered).then_some(PasteNote::Cut { max, kept, offered });
        let hidden = (dropped > 0).then_some(PasteNote::HiddenLeftOut(dropped));
        cut.into_iter().chain(hidden).collect()
    }
}

impl fmt::Display for PasteNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PasteNote::Cut { max, kept, offered } => write!(
                f,
                "This box holds at most {max} characters: the pasted text was cut after {kept} of its {offered}."
            ),
            PasteNote::HiddenLeftOut(dropped) => write!(
                f,
                "{dropped} hidden character{} (control characters or text-direction marks) {} left out.",
                if dropped == 1 { "" } else { "s" },
                if dropped == 1 { "was" } else { "were" }
            ),
        }
    }
}

impl fmt::Display for InputNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputNote::Pasted { .. } => {
                let notes: Vec<String> =
                    PasteNote::of(self).iter().map(|n| n.to_string()).collect();
                f.write_str(&notes.join(" "))
            }
            InputNote::TypedPastLimit { max } => {
                write!(f, "This box holds at most {max} characters.")
            }
            InputNote::HiddenTyped(c) => {
                let what = describe(*c);
                let mut chars = what.chars();
                let capitalized: String = chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                write!(f, "{capitalized} cannot be typed here.")
            }
        }
    }
}
