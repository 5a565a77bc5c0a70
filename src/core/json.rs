//! JSON text in and out: the one place the app reads or writes it (the embedded data, the
//! JSON downloads). On the host (the generator, `cargo test`) through serde_json; in the
//! browser through the browser's own `JSON.parse` and `JSON.stringify`, with
//! serde-wasm-bindgen converting between JS values and the Rust types, so the Wasm carries
//! no JSON parser or float printer of its own (issue 12: about 14 kB brotli of the first
//! load). The two paths give equal values: `tests/web.rs` loads the data both ways.
//!
//! The one difference is how a whole `f64` is written: serde_json writes `1336.0`, the
//! browser `1336` (the same number to every JSON reader). Integers above 2^53 cannot pass
//! through `JSON.parse`; the data's bit columns stay below that (`model::validate_header`),
//! and serde-wasm-bindgen refuses, rather than rounds, a larger one.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Reads `T` from JSON text; the parser's message if the text is not JSON or not a `T`.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Writes `value` as JSON indented by two spaces; `None` as `null`.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_pretty_string<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

/// Reads `T` from JSON text; the parser's message if the text is not JSON or not a `T`.
#[cfg(target_arch = "wasm32")]
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(browser_error)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// Writes `value` as JSON indented by two spaces; `None` as `null`. `json_compatible` makes
/// maps plain objects and `None` `null` (not a missing key), as serde_json does.
#[cfg(target_arch = "wasm32")]
pub fn to_pretty_string<T: Serialize>(value: &T) -> Result<String, String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = value.serialize(&serializer).map_err(|e| e.to_string())?;
    let text = js_sys::JSON::stringify_with_replacer_and_space(
        &value,
        &wasm_bindgen::JsValue::NULL,
        &wasm_bindgen::JsValue::from(2),
    )
    .map_err(browser_error)?;
    Ok(String::from(text))
}

/// The message of a `SyntaxError` (or whatever the browser threw).
#[cfg(target_arch = "wasm32")]
fn browser_error(error: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => "the browser could not read or write this JSON".to_string(),
    }
}
