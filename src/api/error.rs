//! Errors of the commands, shaped like Partner Center's: `{"code":…,"description":…}` on stderr,
//! with an exit status per kind so scripts can tell them apart.

use crate::domain::characters::{cut_flood, message_line};
use crate::domain::gate::GateRefusal;
use crate::locale::words::Words;
use crate::locale::Lang;
use crate::service::ServiceError;
use crate::store::StoreError;
use serde::Serialize;
use std::sync::Arc;

/// Exit statuses of the commands (also listed in `--help` and the README).
pub mod exit {
    pub const USAGE: u8 = 2;
    pub const STORE_IN_USE: u8 = 3;
    pub const STORE: u8 = 4;
    pub const INVALID: u8 = 6;
    pub const FORBIDDEN: u8 = 7;
    pub const NOT_FOUND: u8 = 8;
    pub const CONFLICT: u8 = 9;
    pub const BLOCKED: u8 = 10;
    pub const ROWS_REJECTED: u8 = 11;
    pub const STORE_DAMAGED: u8 = 12;
    pub const STORE_NEWER: u8 = 13;
    /// The output cannot be written: the file named by `--out`, standard output or standard
    /// error (no space left, an I/O error). The store is fine.
    pub const OUTPUT: u8 = 14;
    /// The file named by `--out` cannot be written: one case of `OUTPUT`.
    pub const OUTPUT_FILE: u8 = OUTPUT;
    /// The reader of the output went away before it was all written, as `| head` does
    /// (128 + SIGPIPE, as shells report a command that SIGPIPE ended).
    pub const PIPE_CLOSED: u8 = 141;
}

/// Partner Center's codes where it has one; HTTP-like ones otherwise.
pub mod code {
    pub const BAD_REQUEST: u32 = 400;
    pub const FORBIDDEN: u32 = 403;
    pub const NOT_FOUND: u32 = 404;
    pub const FUTURE_DATE: u32 = 600002;
    pub const ALREADY_CONFIRMED: u32 = 600061;
    pub const CONFIRMATION_REQUIRED: u32 = 13605;
    pub const INVALID_OFFER: u32 = 800004;
    /// An order's line items are not numbered 0, 1, 2 … in order.
    pub const LINE_ITEM_NUMBER: u32 = 800071;
    pub const TOO_MANY_REQUESTS: u32 = 429;
    pub const STORE_IN_USE: u32 = 503;
    pub const STORE: u32 = 500;
}

#[derive(Debug, Clone)]
pub struct ApiError {
    pub code: u32,
    pub description: String,
    pub exit: u8,
    /// The refusal of the rules or the store this error was made from, kept so that a command
    /// can say it in its caller's language (`in_language`); the description is the API's.
    pub refusal: Option<Box<ServiceError>>,
    /// How to say any other error in a catalog's words (see `ApiError::said`).
    pub saying: Option<Saying>,
}

/// An error's message as a function of a catalog, so that it can be said in the caller's
/// language; the description is what it gives in English.
#[derive(Clone)]
pub struct Saying(Arc<dyn Fn(&Words) -> String + Send + Sync>);

impl std::fmt::Debug for Saying {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&(self.0)(Lang::English.words()))
    }
}

/// Two errors are the same when they say the same: where they came from does not count.
impl PartialEq for ApiError {
    fn eq(&self, other: &ApiError) -> bool {
        (self.code, &self.description, self.exit) == (other.code, &other.description, other.exit)
    }
}

impl Eq for ApiError {}

/// An error as Partner Center's API writes it: `code`, `description`, `data` and `source`, and
/// `errorName` and `isRetryable` for the codes where the real API gives them.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody<'a> {
    pub code: u32,
    pub description: &'a str,
    pub data: [(); 0],
    pub source: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_name: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_retryable: Option<bool>,
}

/// Partner Center's name of a code, and whether asking again may succeed.
fn named(code: u32) -> Option<(&'static str, bool)> {
    match code {
        code::ALREADY_CONFIRMED => Some(("PartnerConfirmedAgreementAlreadyExists", false)),
        code::TOO_MANY_REQUESTS => Some(("TooManyRequests", true)),
        code::STORE_IN_USE => Some(("ServiceUnavailable", true)),
        _ => None,
    }
}

impl ApiError {
    pub fn new(code: u32, exit: u8, description: impl Into<String>) -> ApiError {
        ApiError {
            code,
            description: description.into(),
            exit,
            refusal: None,
            saying: None,
        }
    }

    /// The same error with another description, said so in every language: it no longer
    /// keeps what it was made from.
    pub fn described_as(self, description: String) -> ApiError {
        ApiError {
            description,
            refusal: None,
            saying: None,
            ..self
        }
    }

    /// An error whose message the catalogs word: `say` gives it in a language's words.
    pub fn said(
        code: u32,
        exit: u8,
        say: impl Fn(&Words) -> String + Send + Sync + 'static,
    ) -> ApiError {
        ApiError {
            saying: Some(Saying(Arc::new(say))),
            ..ApiError::new(code, exit, "")
        }
        .described()
    }

    /// A request or an option that cannot be taken, its message worded by the catalogs.
    pub fn invalid_said(say: impl Fn(&Words) -> String + Send + Sync + 'static) -> ApiError {
        ApiError::said(code::BAD_REQUEST, exit::INVALID, say)
    }

    /// The English description, from the saying.
    fn described(mut self) -> ApiError {
        if let Some(saying) = &self.saying {
            self.description = (saying.0)(Lang::English.words());
        }
        self
    }

    /// The error said in `lang`: a refusal of the rules or the store in the catalog's words;
    /// the code and the exit status stay. English is the API's own description, unchanged.
    pub fn in_language(self, lang: Lang) -> ApiError {
        let words = lang.words();
        let description = match (&self.refusal, &self.saying) {
            _ if lang == Lang::English => return self,
            (Some(refusal), _) => (words.problems.refusal)(refusal),
            (None, Some(saying)) => (saying.0)(words),
            (None, None) => return self,
        };
        ApiError {
            description,
            ..self
        }
    }

    /// The error keeps `refusal`, to say it in its caller's language (`in_language`).
    pub(super) fn made_from(self, refusal: ServiceError) -> ApiError {
        ApiError {
            refusal: Some(Box::new(refusal)),
            ..self
        }
    }

    pub fn invalid(description: impl Into<String>) -> ApiError {
        ApiError::new(code::BAD_REQUEST, exit::INVALID, description)
    }

    pub fn not_found(description: impl Into<String>) -> ApiError {
        ApiError::new(code::NOT_FOUND, exit::NOT_FOUND, description)
    }

    /// The error in Partner Center's shape.
    pub fn shaped(&self) -> ErrorBody<'_> {
        let named = named(self.code);
        ErrorBody {
            code: self.code,
            description: &self.description,
            data: [],
            source: "PartnerFD",
            error_name: named.map(|(name, _)| name),
            is_retryable: named.map(|(_, retryable)| retryable),
        }
    }

    /// The one JSON line printed on stderr: hidden characters escaped, a flood of text cut.
    pub fn to_json(&self) -> String {
        let description = cut_flood(&self.description);
        let shown = ErrorBody {
            description: &description,
            ..self.shaped()
        };
        crate::safe_json::to_string(&shown).unwrap_or_else(|_| message_line(&self.description))
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        let refusal = ServiceError::Store(error.clone());
        let said = match error {
            StoreError::Locked { .. } => {
                ApiError::new(code::STORE_IN_USE, exit::STORE_IN_USE, error.to_string())
            }
            StoreError::Corrupt { .. } => {
                ApiError::new(code::STORE, exit::STORE_DAMAGED, error.to_string())
            }
            StoreError::NewerSchema { .. } => {
                ApiError::new(code::STORE, exit::STORE_NEWER, error.to_string())
            }
            StoreError::UnknownCustomer { .. } | StoreError::UnknownSubscription { .. } => {
                ApiError::not_found(error.to_string())
            }
            StoreError::DomainTaken { .. }
            | StoreError::IdTaken { .. }
            | StoreError::AgentTaken { .. } => ApiError::invalid(error.to_string()),
            StoreError::UnknownAgent { .. } => ApiError::not_found(error.to_string()),
            _ => ApiError::new(code::STORE, exit::STORE, error.to_string()),
        };
        said.made_from(refusal)
    }
}

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> ApiError {
        let description = error.to_string();
        let refusal = error.clone();
        let said = match error {
            ServiceError::Role(_) => ApiError::new(code::FORBIDDEN, exit::FORBIDDEN, description),
            ServiceError::Gate(GateRefusal::UsageBasedHasNoSeats) => ApiError::invalid(description),
            ServiceError::Gate(_) => {
                ApiError::new(code::CONFIRMATION_REQUIRED, exit::BLOCKED, description)
            }
            ServiceError::FutureDate { .. } => ApiError::new(
                code::FUTURE_DATE,
                exit::INVALID,
                "Date of agreement cannot be greater than the current date.",
            ),
            ServiceError::AlreadyConfirmed => ApiError::new(
                code::ALREADY_CONFIRMED,
                exit::CONFLICT,
                "PartnerConfirmedAgreementAlreadyExists: A partner confirmed agreement already exists for the customer.",
            ),
            ServiceError::UnknownOffer { .. } => ApiError::new(
                code::INVALID_OFFER,
                exit::INVALID,
                format!("Invalid offer Id: {description}"),
            ),
            ServiceError::Store(store) => store.into(),
            ServiceError::NotSupported { .. }
            | ServiceError::NotYetAvailable
            | ServiceError::ConfirmationRequired { .. }
            | ServiceError::OfferNotYetSold { .. }
            | ServiceError::TemplateRetired
            | ServiceError::AgreementNotYetAvailable
            | ServiceError::AcceptedBeforeTheAgreement { .. }
            | ServiceError::DomainTakenLater { .. }
            | ServiceError::Line(_)
            | ServiceError::Backup(_) => ApiError::invalid(description),
        };
        said.made_from(refusal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn an_error_worded_by_the_catalogs_is_said_in_the_callers_language() {
        let error = ApiError::invalid_said(|words| words.terms.cloud_public.to_string());
        assert_eq!(error.description, "Microsoft Public Cloud");
        assert_eq!(error.exit, exit::INVALID);
        let korean = error.clone().in_language(Lang::Korean);
        assert_eq!(korean.description, Lang::Korean.words().terms.cloud_public);
        assert_ne!(korean.description, error.description);
        assert_eq!((korean.code, korean.exit), (error.code, error.exit));
    }

    #[test]
    fn each_refusal_has_partner_centers_code_and_its_own_exit_status() {
        let gate: ApiError = ServiceError::Gate(GateRefusal::NewOrder(
            crate::domain::gate::Needed::CLOUD_IN_DASHBOARD,
        ))
        .into();
        assert_eq!((gate.code, gate.exit), (13605, exit::BLOCKED));
        let usage: ApiError = ServiceError::Gate(GateRefusal::UsageBasedHasNoSeats).into();
        assert_eq!((usage.code, usage.exit), (400, exit::INVALID));
        let offer: ApiError = ServiceError::UnknownOffer { id: "x".into() }.into();
        assert_eq!((offer.code, offer.exit), (800004, exit::INVALID));
        let future: ApiError = ServiceError::FutureDate {
            business_date: "2018-09-14".parse().unwrap(),
        }
        .into();
        assert_eq!(future.code, 600002);
        assert_eq!(
            future.description,
            "Date of agreement cannot be greater than the current date."
        );
        let again: ApiError = ServiceError::AlreadyConfirmed.into();
        assert_eq!((again.code, again.exit), (600061, exit::CONFLICT));
        let busy: ApiError = StoreError::Locked {
            path: PathBuf::from("/x"),
        }
        .into();
        assert_eq!(busy.exit, exit::STORE_IN_USE);
        let damaged: ApiError = StoreError::Corrupt {
            path: PathBuf::from("/x"),
            detail: "its data files are damaged".into(),
        }
        .into();
        assert_eq!(damaged.exit, exit::STORE_DAMAGED);
        let newer: ApiError = StoreError::NewerSchema {
            path: PathBuf::from("/x"),
            found: 3,
            supported: 2,
        }
        .into();
        assert_eq!(newer.exit, exit::STORE_NEWER);
    }

    #[test]
    fn a_flood_of_text_in_a_description_is_cut_in_its_middle() {
        let error = ApiError::invalid(format!("Start {} end.", "x".repeat(100_000)));
        let json = error.to_json();
        assert!(json.len() < 2_100, "{} bytes", json.len());
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        let description = back["description"].as_str().unwrap();
        assert!(description.starts_with("Start xxx") && description.ends_with("xxx end."));
    }

    #[test]
    fn the_json_has_partner_centers_shape() {
        let error = ApiError::not_found("Customer x was not found.");
        assert_eq!(
            error.to_json(),
            r#"{"code":404,"description":"Customer x was not found.","data":[],"source":"PartnerFD"}"#
        );
        let again: ApiError = ServiceError::AlreadyConfirmed.into();
        let json: serde_json::Value = serde_json::from_str(&again.to_json()).unwrap();
        assert_eq!(json["errorName"], "PartnerConfirmedAgreementAlreadyExists");
        assert_eq!(json["isRetryable"], false);
    }
}
