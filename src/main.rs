//! Mounts the explorer (the wasm entry point Trunk builds).

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    let document = document();
    // The static "Loading…" text stays until the app can replace it.
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(museum_lending_explorer::ui::App);
    if let Some(performance) = window().performance() {
        let _ = performance.mark("app-ready");
    }
}

// Native builds (`cargo test` on the host) only need the library.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
