//! What a caller asks to confirm, from flags or from the Agreement body, turned into an
//! `Acceptance` by the domain's own validation. Messages name the field as the caller wrote it.

use crate::api::body_keys;
use crate::api::error::ApiError;
use crate::api::json::AgreementRequest;
use crate::api::{read_body, CreateAgreementArgs};
use crate::domain::agreement::{Acceptance, AcceptanceDraft, AcceptanceField, AgreementKind};
use crate::domain::characters::quote_path;
use crate::domain::fields;
use crate::domain::timeline::dashboard_agreement;
use crate::locale::words::{BodyProblem, BodySource, Words};
use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// The names of the fields in the caller's own words: flags, or paths in the JSON body.
struct Names {
    first_name: &'static str,
    last_name: &'static str,
    email: &'static str,
    phone: &'static str,
    date: &'static str,
    template: &'static str,
}

const FLAGS: Names = Names {
    first_name: "first-name",
    last_name: "last-name",
    email: "email",
    phone: "phone",
    date: "date",
    template: "template-id",
};

const BODY: Names = Names {
    first_name: "primaryContact.firstName",
    last_name: "primaryContact.lastName",
    email: "primaryContact.email",
    phone: "primaryContact.phoneNumber",
    date: "dateAgreed",
    template: "templateId",
};

/// The body's `type`; the flags have none (the template, or the business date, decides).
const TYPE_FIELD: &str = "type";

impl Names {
    fn of(&self, field: AcceptanceField) -> &'static str {
        match field {
            AcceptanceField::FirstName => self.first_name,
            AcceptanceField::LastName => self.last_name,
            AcceptanceField::Email => self.email,
            AcceptanceField::Phone => self.phone,
            AcceptanceField::Date => self.date,
        }
    }
}

/// A confirmation as asked for, not yet validated.
pub struct Requested {
    /// Put before every field name, e.g. "agreement." when the Agreement sits in a larger body.
    prefix: &'static str,
    /// The contact; `date` is the acceptance date as `YYYY-MM-DD` when one was given.
    draft: AcceptanceDraft,
    /// Whether an acceptance date was given at all (none means the business date).
    dated: bool,
    /// Replaces the date message when the body's `dateAgreed` is neither a date nor a timestamp.
    date_problem: Option<BodyProblem>,
    template_id: Option<String>,
    /// The body's `type`; the flags have none.
    agreement_type: Option<String>,
    /// Whether the caller sent the Agreement body, which must name its template and type as
    /// Partner Center's does; the flags may leave both out.
    body: bool,
    names: &'static Names,
}

impl Requested {
    pub fn from_flags(args: &CreateAgreementArgs) -> Requested {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        Requested {
            draft: AcceptanceDraft {
                first_name: text(&args.first_name),
                last_name: text(&args.last_name),
                email: text(&args.email),
                phone: text(&args.phone),
                date: text(&args.date),
            },
            dated: args.date.is_some(),
            date_problem: None,
            template_id: args.template_id.clone(),
            agreement_type: None,
            body: false,
            names: &FLAGS,
            prefix: "",
        }
    }

    /// Reads and parses the Agreement body from a file, or from standard input for `-`.
    pub fn from_body(source: &str) -> Result<Requested, ApiError> {
        let text = read_body(source)?;
        Ok(Requested::from_request(parse_body(source, &text)?))
    }

    /// Parses the Agreement body of an HTTP request.
    pub fn from_request_body(text: &str) -> Result<Requested, ApiError> {
        Ok(Requested::from_request(parse_request_body(text)?))
    }

    /// The Agreement body inside a larger body (a Customer's `agreement`): messages name its
    /// fields under `prefix`.
    pub fn nested(request: AgreementRequest, prefix: &'static str) -> Requested {
        Requested {
            prefix,
            ..Requested::from_request(request)
        }
    }

    fn from_request(request: AgreementRequest) -> Requested {
        let contact = request.primary_contact;
        let (date, date_problem) = match request.date_agreed.as_deref() {
            None => (String::new(), None),
            Some(value) => match body_date(value) {
                Ok(date) => (date, None),
                Err(problem) => (value.to_string(), Some(problem)),
            },
        };
        // Both the template and the type must be given; the template decides the agreement, as
        // Partner Center's server does (a Cloud Agreement template sent with the Customer
        // Agreement's type records a Cloud Agreement).
        Requested {
            draft: AcceptanceDraft {
                first_name: contact.first_name,
                last_name: contact.last_name,
                email: contact.email,
                phone: contact.phone_number.unwrap_or_default(),
                date,
            },
            dated: request.date_agreed.is_some(),
            date_problem,
            template_id: request.template_id,
            agreement_type: request.agreement_type,
            body: true,
            names: &BODY,
            prefix: "",
        }
    }

    /// The acceptance date asked for: the business date when none was given, and the business
    /// date too when the one given is not a date (its message comes with the other fields').
    pub fn date(&self, business_date: NaiveDate) -> NaiveDate {
        if self.dated {
            fields::calendar_date(&self.draft.date).unwrap_or(business_date)
        } else {
            business_date
        }
    }

    /// Validates every field with the domain's checks; one 400 error lists every problem.
    pub fn into_acceptance(self, business_date: NaiveDate) -> Result<Acceptance, ApiError> {
        self.validate(business_date).map_err(invalid_fields)
    }

    /// Validates every field with the domain's checks; each problem comes with the caller's
    /// name for its field. The acceptance is of the agreement the template names; without a
    /// template (the flags only), of the one the dashboard confirms on the business date.
    pub fn validate(self, business_date: NaiveDate) -> Result<Acceptance, FieldProblems> {
        let agreement = self.agreement(business_date);
        let mut draft = self.draft;
        if !self.dated {
            draft.date = business_date.to_string();
        }
        let (fields, agreement) = match (draft.validate(business_date), agreement) {
            (Ok(acceptance), Ok(agreement)) => {
                return Ok(Acceptance {
                    agreement,
                    ..acceptance
                })
            }
            (fields, agreement) => (fields.err().unwrap_or_default(), agreement.err()),
        };
        let prefix = self.prefix;
        let mut problems: FieldProblems = fields
            .into_iter()
            .map(|(field, problem)| {
                let problem = match (field, &self.date_problem) {
                    (AcceptanceField::Date, Some(problem)) => problem.clone(),
                    _ => BodyProblem::Field(problem),
                };
                (format!("{prefix}{}", self.names.of(field)), problem)
            })
            .collect();
        problems.extend(
            agreement
                .into_iter()
                .flatten()
                .map(|(field, message)| (format!("{prefix}{field}"), message)),
        );
        Err(problems)
    }

    /// The agreement asked for: the template's. The body must give both `templateId` and
    /// `type`, and the type must be a real one even though the template overrules it; the flags
    /// may leave the template out. Each problem comes with its field's name.
    fn agreement(
        &self,
        business_date: NaiveDate,
    ) -> Result<AgreementKind, Vec<(&'static str, BodyProblem)>> {
        let given = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|value| !value.is_empty())
                .map(str::to_string)
        };
        let mut problems = Vec::new();
        let kind = match given(&self.template_id) {
            Some(template_id) => match AgreementKind::from_template_id(&template_id) {
                Some(kind) => Some(kind),
                None => {
                    problems.push((
                        self.names.template,
                        BodyProblem::TemplateUnknown(template_id),
                    ));
                    None
                }
            },
            None if self.body => {
                problems.push((self.names.template, BodyProblem::TemplateMissing));
                None
            }
            None => Some(dashboard_agreement(business_date)),
        };
        if self.body {
            match given(&self.agreement_type) {
                Some(type_name) if AgreementKind::from_type_name(&type_name).is_some() => {}
                Some(type_name) => problems.push((TYPE_FIELD, BodyProblem::TypeUnknown(type_name))),
                None => problems.push((TYPE_FIELD, BodyProblem::TypeMissing)),
            }
        }
        match kind {
            Some(kind) if problems.is_empty() => Ok(kind),
            _ => Err(problems),
        }
    }
}

/// Parses the Agreement body, its keys in any case; a body that is not JSON, or not an
/// Agreement, says where and why.
pub fn parse_body(source: &str, text: &str) -> Result<AgreementRequest, ApiError> {
    let from = if source == "-" {
        BodySource::StandardInput
    } else {
        BodySource::File(quote_path(std::path::Path::new(source)))
    };
    parse_text(from, text)
}

/// The Agreement body of an HTTP request.
pub fn parse_request_body(text: &str) -> Result<AgreementRequest, ApiError> {
    parse_text(BodySource::Request, text)
}

fn parse_text(from: BodySource, text: &str) -> Result<AgreementRequest, ApiError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ApiError::invalid_said(move |words| {
            (words.requests.agreement_body_empty)(&from)
        }));
    }
    let invalid = |error: serde_json::Error| {
        let valid_json = error.classify() == serde_json::error::Category::Data;
        let problem = crate::domain::characters::cut_quoted(&error.to_string());
        let from = from.clone();
        ApiError::invalid_said(move |words| {
            (words.requests.agreement_body_invalid)(&from, valid_json, &problem)
        })
    };
    // Keys in any case, as the real API reads them (`PrimaryContact`, `DateAgreed`).
    body_keys::from_str(text, invalid)
}

/// `dateAgreed` as `YYYY-MM-DD`: a date, or a timestamp taken at the date written in it, whatever
/// its offset: `2018-11-14T20:00:00-08:00` is November 14 where the customer accepted, though
/// November 15 in UTC. A value without a time part is left to the date check.
fn body_date(value: &str) -> Result<String, BodyProblem> {
    let value = value.trim();
    if !matches!(value.get(10..11), Some("T" | "t")) {
        return Ok(value.to_string());
    }
    let timestamp = DateTime::parse_from_rfc3339(value)
        .map(|moment| moment.date_naive())
        .or_else(|_| {
            NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%.f").map(|t| t.date())
        });
    timestamp
        .map(|date| date.to_string())
        .map_err(|_| BodyProblem::NotDateNorTimestamp(value.to_string()))
}

/// The problems of a body's fields, each after the field's name as the caller wrote it.
pub type FieldProblems = Vec<(String, BodyProblem)>;

/// The fields' problems in `words`: "primaryContact.email: … templateId: …".
pub fn fields_said(problems: &[(String, BodyProblem)], words: &Words) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|(field, problem)| format!("{field}: {}", (words.requests.body_field)(problem)))
        .collect();
    lines.join(" ")
}

/// One 400 error naming every field to fix, in the caller's language.
pub fn invalid_fields(problems: FieldProblems) -> ApiError {
    ApiError::invalid_said(move |words| fields_said(&problems, words))
}

#[cfg(test)]
mod tests;
