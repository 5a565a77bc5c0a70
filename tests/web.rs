//! Browser tests: the whole app mounted in headless Chrome, driven through the DOM and the
//! URL. Run with `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use museum_lending_explorer::core::load_embedded;
use museum_lending_explorer::core::year::FinancialYear;
use museum_lending_explorer::ui::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The app mounted at `query`, in a container of its own (unmounted when dropped).
struct Mounted {
    container: HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Mounted {
    fn find(&self, selector: &str) -> Option<Element> {
        self.container.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("{selector} not on the page"))
    }

    fn count(&self, selector: &str) -> u32 {
        self.container
            .query_selector_all(selector)
            .unwrap()
            .length()
    }

    fn value_of(&self, museum: &str, year: &str) -> String {
        self.get(&format!(
            "td[data-museum=\"{museum}\"][data-year=\"{year}\"]"
        ))
        .get_attribute("data-value")
        .unwrap()
    }

    fn text_of(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }
}

fn set_address(query: &str) {
    let path = window().location().pathname().unwrap();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")))
        .unwrap();
}

async fn mount_at(query: &str) -> Mounted {
    set_address(query);
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || App().into_any());
    leptos::task::tick().await;
    Mounted {
        container,
        _handle: handle,
    }
}

/// The value the embedded data holds for a cell, looked up without the UI.
fn data_value(metric: &str, museum: &str, year: &str) -> String {
    let dataset = load_embedded().unwrap();
    dataset
        .find_fact(
            dataset.metric_by_id(metric).unwrap(),
            dataset.museum_by_id(museum).unwrap(),
            FinancialYear::parse(year).unwrap(),
        )
        .and_then(|fact| fact.value)
        .map(|v| v.to_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn deep_link_shows_the_linked_view() {
    let app = mount_at(
        "?metric=uk_loan_venues&museums=british-museum,tate-gallery-group&from=2016-17&to=2023-24",
    )
    .await;
    assert_eq!(app.count("tbody tr"), 2);
    assert_eq!(app.count("td[data-museum=\"total\"]"), 8);
    assert_eq!(
        app.value_of("british-museum", "2019-20"),
        data_value("uk_loan_venues", "british-museum", "2019/20")
    );
    assert_eq!(app.value_of("british-museum", "2019-20"), "195");
    let bm = app.get("td[data-museum=\"british-museum\"][data-year=\"2019-20\"]");
    assert_eq!(
        bm.get_attribute("data-metric").as_deref(),
        Some("uk_loan_venues")
    );
    assert_eq!(bm.text_content().unwrap().trim(), "195");
    // The total of two museums is recomputed; the published all-museum total is not compared.
    let total: f64 = app.value_of("total", "2019-20").parse().unwrap();
    let parts: f64 = ["british-museum", "tate-gallery-group"]
        .iter()
        .map(|m| {
            data_value("uk_loan_venues", m, "2019/20")
                .parse::<f64>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, parts);
    assert!(app.find("td[data-museum=\"published-total\"]").is_some());
    assert!(app.find("#url-notices").is_none());
    assert!(app.text_of("caption").contains("2016/17 to 2023/24"));
}

#[wasm_bindgen_test]
async fn recomputed_2017_18_total_sits_beside_the_published_one() {
    let app = mount_at("?metric=uk_loan_venues&from=2017/18&to=2017/18").await;
    assert_eq!(app.value_of("total", "2017-18"), "1279");
    assert_eq!(app.value_of("published-total", "2017-18"), "1336");
    let total = app.get("td[data-museum=\"total\"][data-year=\"2017-18\"]");
    let text = total.text_content().unwrap();
    assert!(text.contains("14 of 15 museums reported"), "{text}");
    assert!(text.contains("DCMS published 1,336"), "{text}");
    assert!(app.text_of("#legend").contains("Published total differs"));
    assert!(app.text_of("#notes").contains("Note 2:"));
    assert!(app
        .text_of("#attribution")
        .contains("Open Government Licence v3.0"));
}

#[wasm_bindgen_test]
async fn missing_figures_are_words_not_zeros() {
    let app = mount_at("?metric=uk_loan_venues&from=2017-18&to=2017-18").await;
    let wallace = app.get("td[data-museum=\"wallace-collection\"][data-year=\"2017-18\"]");
    assert_eq!(wallace.get_attribute("data-value").as_deref(), Some(""));
    assert_eq!(wallace.text_content().unwrap().trim(), "not published");
    assert!(app
        .text_of("#legend")
        .contains("not published: the publisher printed no figure"));
}

#[wasm_bindgen_test]
async fn partnership_sector_figures_are_their_own_row_and_never_summed() {
    let app = mount_at("?metric=objects_display").await;
    assert_eq!(
        app.value_of("all-national-museums", "2019-20"),
        data_value("objects_display", "all-national-museums", "2019/20")
    );
    assert_eq!(app.count("td[data-museum=\"total\"]"), 0);
    assert!(app
        .text_of("#no-total-reason")
        .contains("would not give a sector total"));
    let cell = app.get("td[data-museum=\"all-national-museums\"][data-year=\"2019-20\"]");
    assert_eq!(cell.text_content().unwrap().trim(), "71,205");
    assert!(app
        .text_of("#sources")
        .contains("National Museum Directors' Council"));
}

#[wasm_bindgen_test]
async fn broken_link_parts_are_reported_and_the_rest_applies() {
    let app =
        mount_at("?metric=uk_loan_venues&museums=british-museum,no-such-museum&from=twenty").await;
    let notices = app.text_of("#url-notices");
    assert!(
        notices.contains("There is no museum 'no-such-museum'"),
        "{notices}"
    );
    assert!(
        notices.contains("'twenty' is not a financial year"),
        "{notices}"
    );
    assert_eq!(app.count("tbody tr"), 1);
    assert_eq!(app.value_of("british-museum", "2019-20"), "195");
}

#[wasm_bindgen_test]
async fn controls_write_the_url_and_the_url_restores_the_view() {
    let app = mount_at("?metric=uk_loan_venues").await;
    let history_length = window().history().unwrap().length().unwrap();

    let metric: HtmlSelectElement = app.get("#metric").unchecked_into();
    metric.set_value("recommend_share");
    metric
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(
        window().location().search().unwrap(),
        "?metric=recommend_share"
    );
    assert_eq!(
        window().history().unwrap().length().unwrap(),
        history_length + 1,
        "a history entry per change"
    );
    assert_eq!(
        app.count("td[data-museum=\"total\"]"),
        0,
        "proportions are never summed"
    );
    assert_eq!(
        app.get("table").get_attribute("data-metric").as_deref(),
        Some("recommend_share")
    );

    let from: HtmlSelectElement = app.get("#year-from").unchecked_into();
    from.set_value("2019-20");
    from.dispatch_event(&Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(
        window().location().search().unwrap(),
        "?metric=recommend_share&from=2019-20&to=2023-24"
    );

    let bm: HtmlInputElement = app.get("#museum-british-museum").unchecked_into();
    bm.set_checked(false);
    bm.dispatch_event(&Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    let search = window().location().search().unwrap();
    assert!(
        search.contains("museums=") && !search.contains("british-museum"),
        "{search}"
    );
    assert!(app.find("td[data-museum=\"british-museum\"]").is_none());

    // Back/forward: the browser changes the address, then fires popstate.
    set_address("?metric=uk_loan_venues&museums=tate-gallery-group&from=2017-18&to=2017-18");
    window()
        .dispatch_event(&Event::new("popstate").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(app.count("tbody tr"), 1);
    assert_eq!(
        app.value_of("tate-gallery-group", "2017-18"),
        data_value("uk_loan_venues", "tate-gallery-group", "2017/18")
    );
    assert_eq!(metric.value(), "uk_loan_venues");
}
