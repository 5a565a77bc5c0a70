//! `window.explorer.query("?metric=…&museums=…")`: the engine from the browser console, for
//! readers who want the figures as data. It answers with the same object as the view's
//! JSON download (`core::query_api`), made a JavaScript object by `serde-wasm-bindgen`
//! rather than text and `JSON.parse`. Assigned at start-up by the app itself, so Trunk's
//! inline loader (whose hash the Content-Security-Policy allows) stays as Trunk writes it.

use crate::core::embedded_data_version;
use crate::core::model::Dataset;
use crate::core::query_api::answer;
use leptos::prelude::window;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What a wrong argument is told.
const USAGE: &str = "explorer.query takes the query string of a view, e.g. \
    explorer.query(\"?metric=uk_loan_venues&museums=british-museum&from=2016-17\")";

/// Puts `explorer.query` on `window` for the page's lifetime.
pub fn install(dataset: &'static Dataset) {
    let query = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(move |arg| {
        query_from_console(dataset, arg)
    });
    let api = js_sys::Object::new();
    let installed = js_sys::Reflect::set(&api, &"query".into(), query.as_ref())
        .and_then(|_| js_sys::Reflect::set(&window(), &"explorer".into(), &api));
    if installed.is_ok() {
        // Lives as long as the page: the function stays callable from the console.
        query.forget();
    }
}

/// The argument as a query string: no argument is the default view; anything but a string
/// is a `TypeError` that says how to call it.
fn query_from_console(dataset: &'static Dataset, arg: JsValue) -> Result<JsValue, JsValue> {
    let text = match arg.as_string() {
        Some(text) => text,
        None if arg.is_undefined() => String::new(),
        None => return Err(js_sys::TypeError::new(USAGE).into()),
    };
    let location = window().location();
    let page_address = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    query_value(dataset, &page_address, &text)
}

/// The JSON download's object for the view `query` describes, as the page at
/// `page_address` would offer it; what the query had to drop is said in the console.
pub fn query_value(dataset: &Dataset, page_address: &str, query: &str) -> Result<JsValue, JsValue> {
    let answer = answer(dataset, page_address, query, embedded_data_version());
    for notice in &answer.notices {
        leptos::logging::warn!("explorer.query: {notice}");
    }
    let document = answer.document(dataset);
    let value = document.serialize(&serde_wasm_bindgen::Serializer::json_compatible());
    value.map_err(JsValue::from)
}
