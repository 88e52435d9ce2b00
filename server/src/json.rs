//! The JSON body extractor: content type, size limit and decoding, all in the error envelope.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use model::ErrorCode;

use crate::MAX_BODY_BYTES;
use crate::error::AppError;

/// A request body that is JSON, within the size limit, parsed into a `serde_json::Value`.
/// Typed decoding (with field paths) is the handler's next step.
#[derive(Debug)]
pub struct JsonBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = AppError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, AppError> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let mime = content_type.split(';').next().unwrap_or("").trim();
        if !mime.eq_ignore_ascii_case("application/json") {
            return Err(AppError::Plain(
                ErrorCode::UnsupportedMediaType,
                format!(
                    "the body must be JSON with `Content-Type: application/json` (got `{}`)",
                    if content_type.is_empty() {
                        "nothing"
                    } else {
                        content_type
                    }
                ),
            ));
        }
        let too_large = || {
            AppError::Plain(
                ErrorCode::PayloadTooLarge,
                format!("the body is larger than the limit of {MAX_BODY_BYTES} bytes"),
            )
        };
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|len| len > MAX_BODY_BYTES as u64) {
            return Err(too_large());
        }
        let bytes = axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES)
            .await
            .map_err(|e| {
                // The limit is the usual reason; a client that hangs up mid-body is the other.
                if std::error::Error::source(&e)
                    .is_some_and(|s| s.is::<http_body_util::LengthLimitError>())
                {
                    too_large()
                } else {
                    AppError::Plain(ErrorCode::InvalidJson, "the body could not be read".into())
                }
            })?;
        if std::str::from_utf8(&bytes).is_err() {
            return Err(AppError::Plain(
                ErrorCode::InvalidJson,
                "the body is not valid UTF-8; JSON must be UTF-8".into(),
            ));
        }
        Ok(JsonBody(bytes))
    }
}

impl JsonBody {
    /// Decodes the body as `T`, naming the field path of the first problem.
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Result<T, AppError> {
        model::request::decode_json(&self.0).map_err(AppError::from)
    }
}
