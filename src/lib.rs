//! UK national museums' lending and partnership explorer.
//!
//! `core` is the pure data layer (host-testable); `ui` holds the Leptos components.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod datagen;

#[cfg(target_arch = "wasm32")]
pub mod ui;
