// Starts the WASM app. A file rather than Trunk's inline script, because the server's CSP
// (script-src 'self' 'wasm-unsafe-eval') forbids inline scripts.
import init from "/app.js";

init({ module_or_path: "/app_bg.wasm" }).catch((error) => {
  const boot = document.getElementById("boot");
  if (boot) {
    boot.textContent = "cloudcalc could not start: " + error;
  }
  console.error(error);
});
