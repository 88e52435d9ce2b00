//! The layer boundaries, checked with `cargo tree`: the browser app and the shared model never
//! pull in server-side crates (STYLE.md: boundaries are kept by Cargo.toml, not discipline).

use std::process::Command;

const FORBIDDEN: [&str; 5] = ["axum", "tokio", "csv", "hyper", "tower-http"];

fn dependencies(package: &str, target: &str) -> Vec<String> {
    let workspace = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--offline",
            "-p",
            package,
            "--target",
            target,
            "-e",
            "normal",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .current_dir(workspace)
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

fn assert_free_of_server_crates(package: &str, also_forbidden: &[&str]) {
    let deps = dependencies(package, "wasm32-unknown-unknown");
    assert!(
        deps.iter().any(|d| d == package),
        "cargo tree did not list {package}: {deps:?}"
    );
    for bad in FORBIDDEN.iter().chain(also_forbidden) {
        assert!(
            !deps.iter().any(|d| d == bad),
            "{package} depends on `{bad}` for wasm32; it must stay free of server-side crates"
        );
    }
}

#[test]
fn the_model_crate_builds_without_server_side_or_ui_crates() {
    assert_free_of_server_crates("model", &["leptos", "pricing"]);
}

#[test]
fn the_app_depends_on_the_model_and_no_server_side_crate() {
    assert_free_of_server_crates("app", &["pricing", "cloudcalc"]);
    let deps = dependencies("app", "wasm32-unknown-unknown");
    assert!(
        deps.iter().any(|d| d == "model"),
        "app must use the shared model"
    );
}
