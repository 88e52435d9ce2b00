//! The `cloudcalc` command line, run as a real process.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_cloudcalc");

fn example() -> String {
    format!("{}/../examples/web-app.json", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn estimate_prints_a_readable_table_with_totals_and_the_price_date() {
    let out = Command::new(BIN)
        .args(["estimate", &example()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Instance usage (Linux, on-demand, m5.large)"),
        "{text}"
    );
    assert!(text.contains("prices as of 20"), "{text}");
    assert!(text.contains("Monthly $"), "{text}");
}

#[test]
fn estimate_reads_standard_input_and_prints_the_api_json() {
    let mut child = Command::new(BIN)
        .args(["estimate", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"region":"us-east-1","items":[{"id":"web","service":"ec2","instance_type":"m5.large","count":2}]}"#)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // 2 × 730 h × $0.096 (us-east-1 m5.large Linux On-Demand).
    assert_eq!(json["totals"]["monthly"], "140.16");
}

#[test]
fn estimate_as_csv_has_one_row_per_line_item() {
    let out = Command::new(BIN)
        .args(["estimate", &example(), "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "item_id,service,region,line_item,quantity,unit,unit_price_usd,amount_usd,one_time,price_date"
        )
    );
    assert!(lines.any(|l| l.starts_with("web,ec2,ap-northeast-2,\"Instance usage (Linux, on-demand, m5.large)\",1460,hours,0.118,172.28")), "{text}");
}

#[test]
fn an_invalid_estimate_fails_with_the_field_path() {
    let dir = std::env::temp_dir().join(format!("cloudcalc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(
        &file,
        br#"{"region":"us-east-1","items":[{"id":"a","service":"lambda","memory_mb":1}]}"#,
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["estimate"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("items[0].memory_mb"));
}

#[test]
fn the_server_refuses_to_start_on_a_corrupt_table_naming_file_and_line() {
    let dir = std::env::temp_dir().join(format!("cloudcalc-corrupt-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let source = format!("{}/../pricing-data/aws", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(&source).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    // Line 3 of public_ipv4.csv gets a price that is not a decimal.
    let path = dir.join("public_ipv4.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let fields: Vec<&str> = lines[2].split(',').collect();
    let mut fields: Vec<String> = fields.iter().map(|f| (*f).to_owned()).collect();
    let price = fields.len() - 2;
    fields[price] = "0.0O5".to_owned();
    lines[2] = fields.join(",");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();

    let out = Command::new(BIN)
        .args(["--pricing-data"])
        .arg(&dir)
        .args(["serve", "--port", "0"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "the server started on corrupt data");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("public_ipv4.csv:3"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_pricing_data_accepts_the_bundled_tables() {
    let out = Command::new(BIN)
        .arg("check-pricing-data")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("price data is valid"));
}
