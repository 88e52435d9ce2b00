//! The error envelope every API error uses:
//! `{ "error": { "code": …, "message": …, "field": "items[2].instance_type" } }`.

use serde::{Deserialize, Serialize};

/// A machine-readable error code. Each one maps to one HTTP status in the server.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not JSON (400).
    InvalidJson,
    /// A value has the wrong JSON type (422).
    InvalidType,
    /// A value is outside what is valid for its field (422).
    InvalidValue,
    /// A required field is missing (422).
    MissingField,
    /// A field that the contract does not have (422).
    UnknownField,
    /// A quantity or list is larger than the documented limit (422).
    LimitExceeded,
    /// Two items share an id (422).
    DuplicateId,
    /// The region is not one the price book knows (422).
    UnknownRegion,
    /// The instance type, class or option is not known at all (422).
    UnknownOption,
    /// The option exists but has no price for that region or combination (422).
    PriceNotAvailable,
    /// A share token that is malformed, tampered with or from an unknown version (400).
    InvalidToken,
    /// The body is too large (413).
    PayloadTooLarge,
    /// The body is not `application/json` (415).
    UnsupportedMediaType,
    /// No such route (404).
    NotFound,
    /// The method is not allowed on that route (405).
    MethodNotAllowed,
    /// The request took too long (408).
    Timeout,
    /// Something went wrong on our side (500); details are logged, never echoed.
    Internal,
}

impl ErrorCode {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::LimitExceeded => "limit_exceeded",
            ErrorCode::DuplicateId => "duplicate_id",
            ErrorCode::UnknownRegion => "unknown_region",
            ErrorCode::UnknownOption => "unknown_option",
            ErrorCode::PriceNotAvailable => "price_not_available",
            ErrorCode::InvalidToken => "invalid_token",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::Timeout => "timeout",
            ErrorCode::Internal => "internal",
        }
    }
}

/// One problem with one field of a request.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    pub code: ErrorCode,
    /// The path of the offending field, e.g. `items[2].instance_type`; empty for the whole body.
    pub field: String,
    /// What is wrong and, where short, what would be valid.
    pub message: String,
}

impl FieldError {
    /// A new error.
    pub fn new(code: ErrorCode, field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            code,
            field: field.into(),
            message: message.into(),
        }
    }

    /// The same error, with its field path placed under `prefix` (e.g. `items[3]`).
    #[must_use]
    pub fn under(mut self, prefix: &str) -> Self {
        self.field = match (prefix.is_empty(), self.field.is_empty()) {
            (true, _) => self.field,
            (false, true) => prefix.to_owned(),
            (false, false) => format!("{prefix}.{}", self.field),
        };
        self
    }
}

/// The JSON body of every error response.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub error: ErrorBody,
}

/// The inside of the error envelope.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
    /// The field path, when the error is about one field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every further problem found in the same request, when there were several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<FieldError>,
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        ApiError {
            error: ErrorBody {
                code: e.code,
                message: e.message,
                field: (!e.field.is_empty()).then_some(e.field),
                more: Vec::new(),
            },
        }
    }
}

impl ApiError {
    /// An error that is not about a field.
    pub fn plain(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            error: ErrorBody {
                code,
                message: message.into(),
                field: None,
                more: Vec::new(),
            },
        }
    }

    /// The first of several field errors, carrying the rest in `more`.
    pub fn from_many(mut errors: Vec<FieldError>) -> Self {
        if errors.is_empty() {
            return ApiError::plain(ErrorCode::Internal, "an error without details");
        }
        let first = errors.remove(0);
        let mut api = ApiError::from(first);
        api.error.more = errors;
        api
    }
}
