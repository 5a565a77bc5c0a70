//! Mounts the explorer (the wasm entry point Trunk builds).

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;

    std::panic::set_hook(Box::new(show_panic));
    let document = document();
    // The static "Loading…" text stays until the app can replace it.
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(museum_lending_explorer::ui::App);
    if let Some(performance) = window().performance() {
        let _ = performance.mark("app-ready");
    }
    panic_if_a_test_asks();
}

/// A panic aborts the release build: the page would stay as it is and no longer respond. So
/// besides the console report, the page is replaced by boot.js's plain failure message.
#[cfg(target_arch = "wasm32")]
fn show_panic(info: &std::panic::PanicHookInfo) {
    use wasm_bindgen::{JsCast, JsValue};

    console_error_panic_hook::hook(info);
    let window = leptos::prelude::window();
    let show = js_sys::Reflect::get(&window, &JsValue::from_str("showExplorerFailure"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(show) = show {
        let _ = show.call1(&JsValue::NULL, &JsValue::from_str("stopped"));
    }
}

/// The end-to-end test of the panic message sets `window.__explorerTestPanic` before the page
/// loads (Playwright's addInitScript). Nothing a link or a click can do sets it: under the
/// page's Content-Security-Policy only the site's own scripts run, so this is no panic button
/// for readers, and the test exercises the real release build rather than a special one.
#[cfg(target_arch = "wasm32")]
fn panic_if_a_test_asks() {
    let flag = js_sys::Reflect::get(
        &leptos::prelude::window(),
        &wasm_bindgen::JsValue::from_str("__explorerTestPanic"),
    );
    if flag.is_ok_and(|value| value.is_truthy()) {
        panic!("panic requested by the end-to-end test (window.__explorerTestPanic)");
    }
}

// Native builds (`cargo test` on the host) only need the library.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
