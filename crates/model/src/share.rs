//! Share links: an estimate request as a compact, versioned, URL-safe token.
//!
//! A token carries the inputs of an estimate, never prices, so a link opened later is priced with
//! the prices of that day. Format version 1 is `v1.` followed by the unpadded URL-safe base64 of
//! the raw-deflated JSON of the request. The same code runs in the browser and on the server.
//! Tokens made today must open after any future release: `tests/share_tokens.rs` pins fixtures.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{ErrorCode, FieldError};
use crate::request::EstimateRequest;

/// The prefix of version-1 tokens.
pub const V1_PREFIX: &str = "v1.";

/// The longest token accepted (characters); about 1,000 typical items.
pub const MAX_TOKEN_LEN: usize = 64 * 1024;

/// The largest decompressed estimate accepted (bytes); guards against deflate bombs.
pub const MAX_DECODED_LEN: usize = 1024 * 1024;

/// Deflate level: the best ratio, since tokens are short and live in URLs.
const LEVEL: u8 = 9;

/// Encodes an estimate request as a share token.
pub fn encode(request: &EstimateRequest) -> String {
    let json = serde_json::to_vec(request).expect("an estimate request always serialises");
    let packed = miniz_oxide::deflate::compress_to_vec(&json, LEVEL);
    format!("{V1_PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Decodes a share token back into the estimate request it carries.
///
/// Every failure is an `invalid_token` error saying what is wrong; the request is not validated
/// against limits here (callers validate it like any other request).
pub fn decode(token: &str) -> Result<EstimateRequest, FieldError> {
    let bad = |message: String| FieldError::new(ErrorCode::InvalidToken, "token", message);
    if token.len() > MAX_TOKEN_LEN {
        return Err(bad(format!(
            "the token is {} characters long; at most {MAX_TOKEN_LEN} are accepted",
            token.len()
        )));
    }
    let Some(body) = token.strip_prefix(V1_PREFIX) else {
        return Err(bad(
            "the token does not start with a known version (`v1.`); the link may be cut short or mistyped"
                .to_owned(),
        ));
    };
    let packed = URL_SAFE_NO_PAD.decode(body).map_err(|_| {
        bad("the token is not valid URL-safe base64; the link may be damaged".to_owned())
    })?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DECODED_LEN)
        .map_err(|_| bad("the token's data is damaged or truncated".to_owned()))?;
    EstimateRequest::from_json(&json).map_err(|e| {
        bad(format!(
            "the token holds an estimate that cannot be read ({}{}{})",
            e.field,
            if e.field.is_empty() { "" } else { ": " },
            e.message
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> EstimateRequest {
        EstimateRequest::from_json(
            br#"{"name":"web","region":"ap-northeast-2","items":[{"id":"web","service":"ec2","instance_type":"m5.large","count":2}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_token_round_trips() {
        let token = encode(&sample());
        assert!(token.starts_with("v1."));
        assert!(
            token
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        );
        assert_eq!(decode(&token).unwrap(), sample());
    }

    #[test]
    fn tampered_and_truncated_tokens_are_rejected() {
        let token = encode(&sample());
        let truncated = &token[..token.len() - 5];
        assert_eq!(decode(truncated).unwrap_err().code, ErrorCode::InvalidToken);
        let mut tampered = token.clone().into_bytes();
        let mid = tampered.len() / 2;
        tampered[mid] = if tampered[mid] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).unwrap();
        assert_eq!(decode(&tampered).unwrap_err().code, ErrorCode::InvalidToken);
        assert_eq!(decode("v2.abc").unwrap_err().code, ErrorCode::InvalidToken);
        assert_eq!(decode("").unwrap_err().code, ErrorCode::InvalidToken);
        assert_eq!(decode("v1.!!!").unwrap_err().code, ErrorCode::InvalidToken);
    }

    #[test]
    fn a_deflate_bomb_is_refused() {
        let zeros = vec![b' '; MAX_DECODED_LEN * 2];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        let token = format!("{V1_PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
        assert_eq!(decode(&token).unwrap_err().code, ErrorCode::InvalidToken);
    }
}
