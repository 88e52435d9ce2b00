//! Untrusted share links: a string → `model::share::decode`, as `GET /api/v1/estimate/{token}`
//! does. A token that decodes must encode again to a token that decodes to the same request.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|token: &str| {
    if let Ok(request) = model::share::decode(token) {
        let again = model::share::encode(&request);
        let reopened = model::share::decode(&again).expect("a re-encoded token decodes");
        assert_eq!(
            reopened, request,
            "decode ∘ encode is the identity on decoded requests"
        );
    }
});
