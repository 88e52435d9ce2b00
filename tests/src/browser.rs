//! The browser-test harness: the real router on a real socket serving the built `dist/`, and
//! headless Chromium driven through chromedriver by fantoccini.
//!
//! Both halves are guards: dropping them stops the server and kills chromedriver with the
//! Chromium it started (its whole process group), so a failing assertion leaves nothing behind.
//! Browser tests run one at a time ([`exclusive`]): two Chromiums on a small machine make
//! timings flaky.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use rust_decimal::Decimal;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// How long a condition may take to become true.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// Serialises browser tests within one test binary.
pub async fn exclusive() -> tokio::sync::MutexGuard<'static, ()> {
    // An async lock: each #[tokio::test] has its own runtime, and the guard is held across
    // awaits for the whole test. A test that panics releases it (no poisoning).
    static LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    LOCK.lock().await
}

/// The workspace root (the parent of `tests/`).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The built front end; fails the test with what to run when it is missing.
pub fn dist_dir() -> PathBuf {
    let dist = workspace_root().join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "{} is missing: build the front end first (at the workspace root: \
         `trunk build --release --offline`), then run the browser tests again",
        dist.join("index.html").display()
    );
    dist
}

/// The server, running until dropped.
#[derive(Debug)]
pub struct Server {
    /// e.g. `http://127.0.0.1:41234`.
    pub base: String,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Starts `cloudcalc::app` over the bundled prices on `127.0.0.1:0`, serving `dist/`.
    pub async fn start() -> Server {
        let dist = dist_dir();
        let book = pricing::load::bundled().expect("the bundled price book loads");
        let state = cloudcalc::AppState::new(book, Some(dist));
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let addr = listener.local_addr().expect("a bound address");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let shutdown = async move {
                let _ = stopped.await;
            };
            if let Err(e) = cloudcalc::serve(listener, cloudcalc::app(state), shutdown).await {
                eprintln!("the test server failed: {e}");
            }
        });
        Server {
            base: format!("http://{addr}"),
            stop: Some(stop),
            task,
        }
    }

    /// An absolute URL on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.task.abort();
    }
}

/// A fresh, empty directory removed on drop (Chromium's profile, files to import).
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new, empty directory under the system's temporary directory.
    pub fn create() -> TempDir {
        static N: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "cloudcalc-test-{}-{}-{nanos}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        TempDir(dir)
    }

    /// The directory.
    pub fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Headless Chromium under chromedriver, closed on drop.
#[derive(Debug)]
pub struct Browser {
    pub client: Client,
    driver: tokio::process::Child,
    /// chromedriver's address, e.g. `http://127.0.0.1:9515`, for commands fantoccini lacks.
    driver_url: String,
    _profile: TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// Starts chromedriver and a headless Chromium window of `width` × `height` CSS pixels,
    /// preferring the language `lang` (e.g. `en-US`, `ko-KR`).
    pub async fn start(width: u32, height: u32, lang: &str) -> Browser {
        let port = free_port();
        let mut command = tokio::process::Command::new("chromedriver");
        command
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            // Chromium on Linux takes its UI language (and so `navigator.language`) from these.
            .env("LANGUAGE", lang.replace('-', "_"))
            .env("LANG", format!("{}.UTF-8", lang.replace('-', "_")))
            // Its own process group, so Drop can stop Chromium with it.
            .process_group(0);
        let driver = command
            .spawn()
            .expect("chromedriver starts (install chromium and chromium-driver)");
        let profile = TempDir::create();
        let capabilities = serde_json::json!({
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--disable-sync", "--disable-quic",
                    format!("--user-data-dir={}", profile.0.display()),
                    format!("--window-size={width},{height}"),
                    format!("--lang={lang}"),
                ],
                "prefs": { "intl.accept_languages": lang }
            }
        });
        let capabilities = match capabilities {
            serde_json::Value::Object(map) => map,
            _ => unreachable!("a JSON object"),
        };
        let started = Instant::now();
        let client = loop {
            // Plain HTTP to the local driver: no TLS stack to build or trust.
            let attempt = ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
            match attempt {
                Ok(client) => break client,
                Err(e) if started.elapsed() < Duration::from_secs(20) => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("chromedriver did not accept a session: {e}"),
            }
        };
        Browser {
            client,
            driver,
            driver_url: format!("http://127.0.0.1:{port}"),
            _profile: profile,
        }
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver
    /// (`POST /session/{id}/goog/cdp/execute`) and returns its result.
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        let session = self
            .client
            .session_id()
            .await
            .expect("the session's id")
            .expect("an open session");
        let answer: serde_json::Value = reqwest::Client::new()
            .post(format!(
                "{}/session/{session}/goog/cdp/execute",
                self.driver_url
            ))
            .json(&serde_json::json!({ "cmd": cmd, "params": params }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("chromedriver takes {cmd}: {e}"))
            .json()
            .await
            .unwrap_or_else(|e| panic!("chromedriver answers {cmd} in JSON: {e}"));
        assert!(
            answer["value"].get("error").is_none(),
            "{cmd} failed: {answer}"
        );
        answer["value"].clone()
    }

    /// Renders the page for `media` (`"print"`, `"screen"`; `""` for the default), as
    /// DevTools' rendering panel does: only the CSS changes, no print dialog opens.
    pub async fn emulate_media(&self, media: &str) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "media": media }),
        )
        .await;
    }

    /// Lays the page out in a viewport of `width` × `height` CSS pixels, as a phone of that size
    /// would (headless Chromium will not make its window narrower than about 500 pixels).
    pub async fn emulate_viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": true
            }),
        )
        .await;
    }

    /// Runs `script` (a function body; `arguments[0]`… are `args`) and returns its value.
    pub async fn script(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("the script failed: {e}\n{script}"))
    }

    /// Ends the session cleanly (Drop is the fallback).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    /// Opens `url` and waits for the app to render (the WASM-only product name).
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("the page opens");
        self.wait_text("[data-testid=product-name]", |t| t == "cloudcalc")
            .await;
    }

    /// The element matching a CSS selector, waiting for it.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element `{css}`: {e}"))
    }

    /// The visible text of the first element matching `css`, or "" when there is none.
    pub async fn text(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Waits until the text of `css` satisfies `ok`; returns it, or fails with the last text.
    pub async fn wait_text(&self, css: &str, ok: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let text = self.text(css).await;
            if ok(&text) {
                return text;
            }
            if started.elapsed() > PATIENCE {
                panic!("`{css}` never became as expected; its text was {text:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Replaces the text of an input the way a person does: select all, type.
    pub async fn type_into(&self, css: &str, value: &str) {
        let input = self.find(css).await;
        input.click().await.expect("the input takes a click");
        input
            .send_keys(&(fantoccini::key::Key::Control + "a"))
            .await
            .expect("select all");
        let keys = if value.is_empty() {
            fantoccini::key::Key::Backspace.to_string()
        } else {
            value.to_owned()
        };
        input.send_keys(&keys).await.expect("typing");
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking `{css}`: {e}"));
    }

    /// Chooses the option with `value` in the select matching `css`.
    pub async fn choose(&self, css: &str, value: &str) {
        let select = self.find(css).await;
        select
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choosing `{value}` in `{css}`: {e}"));
    }

    /// The path of the current URL, e.g. `/e/v1.abc`.
    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.path().to_owned())
            .unwrap_or_default()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Kill chromedriver's process group: chromedriver and every Chromium process it started.
        if let Some(pid) = self.driver.id() {
            // `--` matters: without it `-<pid>` can be read as an option (or as -1, everything).
            let _ = std::process::Command::new("kill")
                .args(["-s", "KILL", "--", &format!("-{pid}")])
                .stderr(std::process::Stdio::null())
                .status();
        }
        let _ = self.driver.start_kill();
    }
}

/// US dollars as the app shows them in both languages: `$1,234.56`.
pub fn usd(value: Decimal) -> String {
    let mut v =
        value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    v.rescale(2);
    let text = v.abs().to_string();
    let (whole, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if v.is_sign_negative() && !v.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}${grouped}.{frac}")
}

/// Decodes the percent-escapes of a `data:` URL's payload.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_and_escapes_read_as_the_app_writes_them() {
        assert_eq!(usd("1234.5".parse().unwrap()), "$1,234.50");
        assert_eq!(usd("0".parse().unwrap()), "$0.00");
        assert_eq!(usd("999999.999".parse().unwrap()), "$1,000,000.00");
        assert_eq!(percent_decode("a%2Cb%0D%0Ac%E2%80%94"), "a,b\r\nc—");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
