//! Client-side downloads: the file is made in the browser and handed over through a Blob
//! URL, so exports work on a static host.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement};

fn js_error(value: JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// Starts a download of `href` (an object or data URL) named `filename`.
fn click_download(href: &str, filename: &str) -> Result<(), String> {
    let anchor: HtmlAnchorElement = document()
        .create_element("a")
        .map_err(js_error)?
        .unchecked_into();
    anchor.set_href(href);
    anchor.set_download(filename);
    anchor.set_rel("noopener");
    let body = document().body().ok_or("the page has no body")?;
    body.append_child(&anchor).map_err(js_error)?;
    anchor.click();
    anchor.remove();
    Ok(())
}

/// Downloads `text` as a file of type `mime` (UTF-8). gloo-file owns the object URL: it is
/// revoked when `url` drops, after the click has handed the Blob to the download.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let blob = gloo_file::Blob::new_with_options(text, Some(&format!("{mime};charset=utf-8")));
    let url = gloo_file::ObjectUrl::from(blob);
    click_download(&url, filename)
}

/// Renders a standalone SVG onto a canvas at twice its size and downloads it as PNG.
pub async fn download_png(
    filename: &str,
    svg: &str,
    width: f64,
    height: f64,
) -> Result<(), String> {
    let image = HtmlImageElement::new().map_err(js_error)?;
    let source = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    );
    image.set_src(&source);
    wasm_bindgen_futures::JsFuture::from(image.decode())
        .await
        .map_err(js_error)?;
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(js_error)?
        .unchecked_into();
    let scale = 2.0;
    canvas.set_width((width * scale).ceil() as u32);
    canvas.set_height((height * scale).ceil() as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_error)?
        .ok_or("the browser gave no 2D canvas")?
        .unchecked_into();
    context.scale(scale, scale).map_err(js_error)?;
    context
        .draw_image_with_html_image_element(&image, 0.0, 0.0)
        .map_err(js_error)?;
    let png = canvas
        .to_data_url_with_type("image/png")
        .map_err(js_error)?;
    click_download(&png, filename)
}
