//! Untrusted request bodies: bytes → `EstimateRequest::from_json` → `validate_estimate` →
//! `pricing::engine::estimate` on the bundled price book, as `POST /api/v1/estimate` does.
//! Any panic (overflow, index, unwrap) is a finding; so is a priced response that does not
//! serialise, whose hand-written JSON (`EstimateResponse::to_json`, what the server sends) differs
//! from serde_json's, or whose share link does not reopen the same request. Every body must also
//! decode exactly as the careful path decodes it (`from_json_via_values`: items through values,
//! errors with field paths), which the one-pass decoder only stands in for.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn book() -> &'static pricing::PriceBook {
    static BOOK: OnceLock<pricing::PriceBook> = OnceLock::new();
    BOOK.get_or_init(|| match pricing::load::bundled() {
        Ok(book) => book,
        Err(errors) => panic!("the bundled price book does not load: {errors:?}"),
    })
}

fuzz_target!(|data: &[u8]| {
    let decoded = model::EstimateRequest::from_json(data);
    assert_eq!(
        decoded,
        model::request::from_json_via_values(data),
        "the one pass decodes as the careful path does"
    );
    let Ok(request) = decoded else {
        return;
    };
    if model::validate::validate_estimate(&request).is_err() {
        return;
    }
    if let Ok(response) = pricing::engine::estimate(book(), &request) {
        let json = serde_json::to_vec(&response).expect("a priced response serialises");
        assert_eq!(
            response.to_json(),
            json,
            "the hand-written answer is what serde_json writes"
        );
        let token = model::share::encode(&request);
        let reopened =
            model::share::decode(&token).expect("a share token of a valid request decodes");
        assert_eq!(reopened, request, "a share link reopens the same estimate");
    }
});
