//! The OpenAPI description: well-formed, every reference resolves, every route is described,
//! and the schemas accept what the API really accepts.

use cloudcalc_tests::get;
use serde_json::Value;

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                if k == "$ref"
                    && let Some(s) = child.as_str()
                {
                    out.push(s.to_owned());
                }
                collect_refs(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|c| collect_refs(c, out)),
        _ => {}
    }
}

#[tokio::test]
async fn the_openapi_document_is_well_formed_and_every_reference_resolves() {
    let reply = get("/api/v1/openapi.json").await;
    assert_eq!(reply.status, 200);
    let doc = reply.json();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    let paths = doc["paths"].as_object().expect("paths");
    for route in [
        "/healthz",
        "/api/v1/catalog",
        "/api/v1/estimate",
        "/api/v1/estimate/{token}",
        "/api/v1/share",
        "/api/v1/compare/pricing",
        "/api/v1/compare/database",
        "/api/v1/compare/regions",
    ] {
        let operations = paths
            .get(route)
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("{route} is not described"));
        for (method, op) in operations {
            assert!(
                ["get", "post"].contains(&method.as_str()),
                "{route} {method}"
            );
            assert!(
                op["responses"]["200"].is_object(),
                "{route} {method} has no 200 response"
            );
        }
    }
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(
        refs.len() > 10,
        "the document should reference its component schemas"
    );
    for r in refs {
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("reference outside components: {r}"));
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "dangling reference {r}"
        );
    }
}

#[tokio::test]
async fn the_documented_request_schema_names_the_contract_fields_and_choices() {
    let doc = get("/api/v1/openapi.json").await.json();
    let text = doc.to_string();
    for needle in [
        "instance_type",
        "operating_system",
        "offering_class",
        "savings_plan",
        "ec2_instance",
        "requests_per_month",
        "avg_duration_ms",
        "glacier_deep_archive",
        "license_included",
        "standard_two",
        "aurora_postgresql",
        "io_optimized",
        "serverless_v2",
        "backtrack",
        "limit_exceeded",
    ] {
        assert!(
            text.contains(needle),
            "the description does not mention `{needle}`"
        );
    }
    let description = doc["info"]["description"].as_str().unwrap_or_default();
    assert!(description.contains("at most 1000 items"), "{description}");
}
