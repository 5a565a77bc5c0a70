//! Leptos components, one per file. Each reads the view state from the [`ViewStore`] (which
//! mirrors the URL) and renders what `core` computed; none computes a figure itself.

pub mod app;
pub mod bar_chart;
pub mod chart_panel;
pub mod chart_svg;
pub mod compare_control;
pub mod coverage_page;
pub mod data_downloads;
pub mod deferred_redraw;
pub mod download;
pub mod embed_view;
pub mod grouping;
pub mod headlines_page;
pub mod history;
pub mod js_api;
pub mod legend;
pub mod line_chart;
pub mod marker_link;
pub mod metric_picker;
pub mod museum_picker;
pub mod notices;
pub mod page_downloads;
pub mod reports_page;
pub mod results_table;
pub mod revisions_page;
pub mod share_panel;
pub mod sources_panel;
pub mod store;
pub mod totals_page;
pub mod view_link;
pub mod year_range;

pub use app::App;
