//! Exports: the breakdown as CSV and the request with its response as JSON.
//!
//! Pure functions, so the exact file contents are tested on the host.

use model::{ErrorCode, EstimateRequest, EstimateResponse};

use crate::i18n::{Key, Lang};

/// The CSV header row.
pub const CSV_HEADER: &str = "item,service,region,line_item,quantity,unit,unit_price,amount";

/// Quotes a CSV field when it needs it (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Every line item of the estimate, one row each, with exact quantities and prices and amounts
/// in cents as the API gave them.
pub fn breakdown_csv(response: &EstimateResponse) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str("\r\n");
    for item in &response.items {
        let name = item.label.as_deref().unwrap_or(&item.id);
        for line in &item.line_items {
            let row = [
                field(name),
                field(item.service.as_str()),
                field(&item.region),
                field(&line.name),
                line.quantity.normalize().to_string(),
                field(line.unit.as_str()),
                line.unit_price.normalize().to_string(),
                line.amount.to_string(),
            ];
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The JSON export, pretty-printed.
pub fn estimate_json(request: &EstimateRequest, response: &EstimateResponse) -> String {
    serde_json::to_string_pretty(&serde_json::json!({ "request": request, "response": response }))
        .unwrap_or_default()
}

/// Reads an imported file: a request as the API takes it, or a JSON export (its `request`).
pub fn read_import(bytes: &[u8]) -> Result<EstimateRequest, model::FieldError> {
    if let Ok(serde_json::Value::Object(mut map)) =
        serde_json::from_slice::<serde_json::Value>(bytes)
        && map.contains_key("response")
        && let Some(request) = map.remove("request")
    {
        return EstimateRequest::from_value(request).map_err(|e| e.under("request"));
    }
    EstimateRequest::from_json(bytes)
}

/// Why an imported file was not taken, in `lang`: what the file is not, that the estimate on
/// the page is unchanged, then the decoder's own words with the field they concern. `None`: the
/// browser could not read the file at all.
pub fn import_problem(lang: Lang, e: Option<&model::FieldError>) -> String {
    let unchanged = lang.t(Key::EstimateUnchanged);
    let Some(e) = e else {
        return format!("{} {unchanged}", lang.t(Key::ImportFailed));
    };
    let what = lang.t(match e.code {
        ErrorCode::InvalidJson => Key::ImportNotJson,
        _ => Key::ImportNotEstimate,
    });
    // The decoder speaks of an API request's body; here it is a file, and the sentence before
    // already says it is not JSON, so only where the parser stopped is kept.
    let detail = e
        .message
        .strip_prefix("the body is not valid JSON: ")
        .unwrap_or(&e.message);
    if e.field.is_empty() {
        format!("{what} {unchanged} ({detail})")
    } else {
        format!("{what} {unchanged} ({}: {detail})", e.field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response() -> EstimateResponse {
        serde_json::from_str(
            r#"{"currency":"USD","region":"us-east-1","hours_per_month":730,"free_tier":false,"price_date":"2026-11-01",
            "price_sources":[],"totals":{"monthly":"72.48","upfront":"0","first_12_months":"869.76","effective_monthly":"72.48"},
            "items":[{"id":"ec2-1","label":"Web, \"blue\"","service":"ec2","region":"us-east-1","monthly":"72.48","upfront":"0",
            "effective_monthly":"72.48","first_12_months":"869.76","warnings":[],"line_items":[
            {"name":"Instance usage (Linux, on-demand, m5.large)","quantity":"730","unit":"hours","unit_price":"0.0960","amount":"70.08",
             "monthly":"70.08","formula":"1 instance × 730 hours × $0.096 per hour","price_table":"ec2_on_demand","price_date":"2026-11-01"},
            {"name":"EBS storage (gp3)","quantity":"30","unit":"GB-months","unit_price":"0.08","amount":"2.40",
             "monthly":"2.40","formula":"30 GB × $0.08","price_table":"ebs","price_date":"2026-11-01"}]}],"warnings":[]}"#,
        )
        .unwrap()
    }

    #[test]
    fn the_csv_has_one_quoted_row_per_line_item() {
        let csv = breakdown_csv(&response());
        let rows: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(rows[0], CSV_HEADER);
        assert_eq!(
            rows[1],
            r#""Web, ""blue""",ec2,us-east-1,"Instance usage (Linux, on-demand, m5.large)",730,hours,0.096,70.08"#
        );
        assert_eq!(
            rows[2],
            r#""Web, ""blue""",ec2,us-east-1,EBS storage (gp3),30,GB-months,0.08,2.40"#
        );
        assert_eq!(rows[3], "");
    }

    #[test]
    fn imports_take_a_request_or_an_export() {
        let request = EstimateRequest::from_json(
            br#"{"region":"us-east-1","items":[{"id":"a","service":"lambda"}]}"#,
        )
        .unwrap();
        let json = estimate_json(&request, &response());
        assert_eq!(read_import(json.as_bytes()).unwrap(), request);
        assert_eq!(
            read_import(&serde_json::to_vec(&request).unwrap()).unwrap(),
            request
        );
        let e = read_import(br#"{"region":"us-east-1","items":[{"id":"a","service":"ec9"}]}"#)
            .unwrap_err();
        assert_eq!(e.field, "items[0].service");
        let e = read_import(b"not json").unwrap_err();
        assert_eq!(e.code, model::ErrorCode::InvalidJson);
    }

    #[test]
    fn a_file_that_is_not_an_estimate_is_explained_in_both_languages() {
        let broken = read_import(br#"{"region": "us-east-1", "items": ["#).unwrap_err();
        let shape = read_import(br#"{"estimate": []}"#).unwrap_err();
        let service =
            read_import(br#"{"region":"us-east-1","items":[{"id":"a","service":"ec9"}]}"#)
                .unwrap_err();
        assert_eq!(
            import_problem(Lang::En, Some(&broken)),
            "Not imported: this file is not JSON. Your estimate is unchanged. \
             (EOF while parsing a list at line 1 column 34)"
        );
        assert_eq!(
            import_problem(Lang::En, Some(&service)),
            format!(
                "Not imported: this file is not a cloudcalc estimate. Your estimate is unchanged. \
                 (items[0].service: {})",
                service.message
            )
        );
        assert_eq!(
            import_problem(Lang::En, Some(&shape)),
            format!(
                "Not imported: this file is not a cloudcalc estimate. Your estimate is unchanged. \
                 (estimate: {})",
                shape.message
            )
        );
        assert_eq!(
            import_problem(Lang::Ko, Some(&service)),
            format!(
                "가져오지 못했습니다: cloudcalc 견적 파일이 아닙니다. 현재 견적은 바뀌지 않았습니다. \
                 (items[0].service: {})",
                service.message
            )
        );
        assert!(
            import_problem(Lang::Ko, Some(&broken))
                .starts_with("가져오지 못했습니다: JSON 파일이 아닙니다.")
        );
        assert_eq!(
            import_problem(Lang::En, None),
            "Not imported: the file could not be read. Your estimate is unchanged."
        );
    }
}
