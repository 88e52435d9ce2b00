//! One error type for the HTTP boundary, mapped to a status and the JSON envelope once.
//!
//! User errors (bad input, missing prices) are answered and not logged as errors; internal ones
//! are logged and never echoed.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use model::{ApiError, ErrorCode, FieldError};

/// Everything a handler can fail with.
#[derive(Debug)]
pub enum AppError {
    /// Problems with named fields of the request; the status comes from the first one's code.
    Fields(Vec<FieldError>),
    /// A problem with the request as a whole.
    Plain(ErrorCode, String),
}

impl From<FieldError> for AppError {
    fn from(e: FieldError) -> Self {
        AppError::Fields(vec![e])
    }
}

impl From<Vec<FieldError>> for AppError {
    fn from(e: Vec<FieldError>) -> Self {
        AppError::Fields(e)
    }
}

/// The HTTP status of each error code.
pub fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::InvalidJson | ErrorCode::InvalidToken => StatusCode::BAD_REQUEST,
        ErrorCode::InvalidType
        | ErrorCode::InvalidValue
        | ErrorCode::MissingField
        | ErrorCode::UnknownField
        | ErrorCode::LimitExceeded
        | ErrorCode::DuplicateId
        | ErrorCode::UnknownRegion
        | ErrorCode::UnknownOption
        | ErrorCode::PriceNotAvailable => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::Timeout => StatusCode::REQUEST_TIMEOUT,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let body = match self {
            AppError::Fields(errors) => ApiError::from_many(errors),
            AppError::Plain(code, message) => ApiError::plain(code, message),
        };
        let status = status_of(body.error.code);
        if status.is_server_error() {
            tracing::error!(message = %body.error.message, "internal error");
        }
        (status, Json(body)).into_response()
    }
}

/// Turns the empty 408 of the timeout layer into the JSON envelope (a `map_response` layer
/// outside the timeout).
pub async fn timeout_to_json(response: Response) -> Response {
    if response.status() == StatusCode::REQUEST_TIMEOUT
        && response.headers().get(header::CONTENT_TYPE).is_none()
    {
        return AppError::Plain(
            ErrorCode::Timeout,
            "the request took too long (the whole request, body included, must arrive within 10 seconds)"
                .into(),
        )
        .into_response();
    }
    response
}
