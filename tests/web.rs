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

/// The browser's JSON path against serde_json's.
#[path = "web_parts/json_paths.rs"]
mod json_paths;

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

    /// The points the line chart draws for `museum`, read back from its points paths (one
    /// per series, or two with hollow points): each circle's centre is its `M`, its year
    /// and value are listed in `data-years` and `data-values` in the same order.
    fn points_of(&self, museum: &str) -> Vec<DrawnPoint> {
        let paths = self
            .container
            .query_selector_all(&format!("path.points[data-museum=\"{museum}\"]"))
            .unwrap();
        let mut points = Vec::new();
        for index in 0..paths.length() {
            let path: Element = paths.get(index).unwrap().unchecked_into();
            let attribute = |name: &str| path.get_attribute(name).unwrap();
            let (d, years, values) = (
                attribute("d"),
                attribute("data-years"),
                attribute("data-values"),
            );
            let centres: Vec<(f64, f64)> = d
                .split('M')
                .skip(1)
                .map(|circle| {
                    let (x, y) = circle[..circle.find('m').unwrap()].split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect();
            let (years, values): (Vec<&str>, Vec<&str>) =
                (years.split(' ').collect(), values.split(' ').collect());
            assert!(
                years.len() == centres.len() && values.len() == centres.len(),
                "{museum}: one year and one value per circle drawn"
            );
            for ((year, value), (x, y)) in years.into_iter().zip(values).zip(centres) {
                points.push(DrawnPoint {
                    year: year.to_string(),
                    value: value.to_string(),
                    x,
                    y,
                    hollow: path.class_list().contains("not-comparable"),
                    fill: attribute("fill"),
                });
            }
        }
        points
    }

    /// `museum`'s point in `year`, if drawn.
    fn point(&self, museum: &str, year: &str) -> Option<DrawnPoint> {
        self.points_of(museum)
            .into_iter()
            .find(|point| point.year == year)
    }
}

/// A point of the line chart as drawn: its year's slug, `data-values` entry, centre (chart
/// units) and fill.
#[derive(Debug)]
struct DrawnPoint {
    year: String,
    value: String,
    x: f64,
    y: f64,
    hollow: bool,
    fill: String,
}

/// Lets Leptos run the effects a change scheduled: render effects can take more than one
/// microtask to reach the DOM (a memo, then the view, then a `prop:`).
/// Then waits for the next frame to be drawn, so what the app queues after it (the
/// history entry of a change) has run too.
async fn settle() {
    effects_only().await;
    after_frame().await;
}

/// Resolves in a task queued from the next frame's requestAnimationFrame, as the app's
/// `history::push_after_frame` does.
async fn after_frame() {
    let drawn = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            set_timeout(
                move || drop(resolve.call0(&JsValue::NULL)),
                std::time::Duration::ZERO,
            );
        });
    });
    wasm_bindgen_futures::JsFuture::from(drawn).await.unwrap();
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
    settle().await;
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
    assert!(document()
        .title()
        .starts_with("UK loan venues by museum, 2016/17 to 2023/24"));
}

#[wasm_bindgen_test]
async fn a_cell_s_hover_text_names_its_source_and_the_curators_note() {
    let app =
        mount_at("?metric=uk_loan_venues&museums=imperial-war-museums&from=2008-09&to=2009-10")
            .await;
    let title = app
        .get("td[data-museum=\"imperial-war-museums\"][data-year=\"2008-09\"]")
        .get_attribute("title")
        .unwrap();
    let lines: Vec<&str> = title.lines().collect();
    assert!(lines[0].starts_with("Source: DCMS"), "{title}");
    assert!(
        lines[1..]
            .iter()
            .any(|line| line.starts_with("Note: ") && line.contains("156")),
        "the 2018/19 release's figure is in the note: {title}"
    );
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
    // The marker is words, and the legend explains it in plain English.
    let legend = app.text_of("#legend");
    assert!(legend.contains("[total differs]"), "{legend}");
    assert!(
        legend.contains("DCMS's published total differs from the sum of the museum rows"),
        "{legend}"
    );
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
    settle().await;
    assert_eq!(
        window().location().search().unwrap(),
        "?v=1&metric=recommend_share"
    );
    let title = document().title();
    assert!(
        title.contains(" by museum, ") && !title.starts_with("UK loan venues"),
        "the tab names the new view: {title}"
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

    choose_first_year(&app, "2019-20");
    settle().await;
    assert_eq!(
        window().location().search().unwrap(),
        "?v=1&metric=recommend_share&from=2019-20&to=2023-24"
    );

    let bm: HtmlInputElement = app.get("#museum-british-museum").unchecked_into();
    bm.set_checked(false);
    bm.dispatch_event(&Event::new("change").unwrap()).unwrap();
    settle().await;
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
    settle().await;
    assert_eq!(app.count("tbody tr"), 1);
    assert_eq!(
        app.value_of("tate-gallery-group", "2017-18"),
        data_value("uk_loan_venues", "tate-gallery-group", "2017/18")
    );
    assert_eq!(metric.value(), "uk_loan_venues");
}

#[wasm_bindgen_test]
async fn line_chart_leaves_gaps_and_marks_the_smg_break() {
    let app = mount_at("?metric=uk_loan_venues&museums=science-museum-group,wallace-collection&from=2014-15&to=2019-20&view=line").await;
    assert_eq!(app.points_of("science-museum-group").len(), 6);
    assert!(
        app.points_of("wallace-collection").is_empty(),
        "not published is never drawn"
    );
    assert!(app.find("[data-break-year=\"2016-17\"]").is_some());
    let point = app.point("science-museum-group", "2016-17").unwrap();
    assert_eq!(
        point.value,
        data_value("uk_loan_venues", "science-museum-group", "2016/17")
    );
    // Issue 8/9: the chart is one tab stop and the arrow keys walk its points, so nothing
    // inside it is a tab stop.
    assert_eq!(app.count(".chart-marks [tabindex]"), 0);
    assert_eq!(
        app.get("[data-chart-focus]")
            .get_attribute("tabindex")
            .as_deref(),
        Some("0"),
        "the chart is reachable by keyboard"
    );
    let hollow: Vec<String> = app
        .points_of("science-museum-group")
        .into_iter()
        .filter(|point| point.hollow)
        .map(|point| point.year)
        .collect();
    assert_eq!(hollow, ["2014-15", "2015-16"], "before SMG's method change");
    assert!(app
        .text_of("#chart-missing")
        .contains("Wallace Collection: not published, 2014/15 to 2019/20"));
    let summary = app.text_of("#view-summary");
    assert!(summary.contains("series break in 2016/17"), "{summary}");
    assert!(app
        .get("#chart-svg title")
        .text_content()
        .unwrap()
        .contains("UK loan venues"));
}

#[wasm_bindgen_test]
async fn line_is_not_joined_across_a_missing_year() {
    let app = mount_at(
        "?metric=visits_overseas&museums=horniman-museum&from=2013-14&to=2017-18&view=line",
    )
    .await;
    assert_eq!(app.points_of("horniman-museum").len(), 4);
    // (DCMS's published total is charted too, so look at the museum's own points.)
    assert!(app.point("horniman-museum", "2015-16").is_none());
    // 2013/14 and 2014/15 sit either side of a break, 2015/16 is missing: only
    // 2016/17–2017/18 is joined.
    assert_eq!(
        app.count("g[data-series=\"horniman-museum\"] path:not(.points)"),
        1
    );
    assert!(app.find("[data-break-year=\"2014-15\"]").is_some());
}

#[wasm_bindgen_test]
async fn single_year_draws_sorted_bars_and_lists_the_missing() {
    let app = mount_at("?metric=uk_loan_venues&from=2019-20&to=2019-20").await;
    let bars = app
        .container
        .query_selector_all("rect[data-year=\"2019-20\"]")
        .unwrap();
    assert_eq!(bars.length(), 14);
    let values: Vec<f64> = (0..bars.length())
        .map(|i| {
            bars.item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-value")
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(
        values.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {values:?}"
    );
    assert!(app
        .text_of(".missing-bars")
        .contains("Wallace Collection: not published"));
    assert!(app
        .text_of("#view-summary")
        .contains("In 2019/20, the 14 reporting museums had 1,265 UK loan venues in total"));
    assert_eq!(
        app.get("[data-view=\"bar\"]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn change_share_and_rank_columns() {
    let app = mount_at("?metric=uk_loan_venues&from=2015-16&to=2023-24&compare=2015-16").await;
    let smg = app.get("td[data-change-museum=\"science-museum-group\"]");
    assert_eq!(
        smg.get_attribute("data-crosses-break").as_deref(),
        Some("true")
    );
    let wallace = app.get("td[data-change-museum=\"wallace-collection\"]");
    assert_eq!(
        wallace.get_attribute("data-change-status").as_deref(),
        Some("missing-base")
    );
    let total = app.get("td[data-change-museum=\"total\"]");
    assert_eq!(
        total.get_attribute("data-change-abs").as_deref(),
        Some("-330")
    );
    assert_eq!(
        total.get_attribute("data-change-pct").as_deref(),
        Some("-24.5")
    );
    assert_eq!(app.count("td[data-rank=\"1\"]"), 1);
}

#[wasm_bindgen_test]
async fn headlines_page_lists_each_stated_change_with_its_verdict() {
    let app = mount_at("?page=headlines").await;
    let dataset = load_embedded().unwrap();
    assert_eq!(
        app.count("[data-claim]") as usize,
        dataset.file.stated_changes.len()
    );
    let claim = |id: &str| app.get(&format!("[data-claim=\"{id}\"]"));
    let uk = claim("chg-2020-21-audience_display_uk");
    assert_eq!(uk.get_attribute("data-stated").as_deref(), Some("-94"));
    assert_eq!(
        uk.get_attribute("data-recomputed").as_deref(),
        Some("-94.1")
    );
    assert_eq!(
        uk.get_attribute("data-verdict").as_deref(),
        Some("reproduced")
    );
    let objects = claim("chg-2019-20-objects_display");
    assert_eq!(
        objects.get_attribute("data-recomputed").as_deref(),
        Some("4.6")
    );
    assert_eq!(
        objects.get_attribute("data-verdict").as_deref(),
        Some("differs")
    );
    assert!(objects
        .text_content()
        .unwrap()
        .contains("Differs by 0.2 percentage points"));
    let networks = claim("chg-2020-21-formal_networks");
    assert_eq!(
        networks.get_attribute("data-recomputed").as_deref(),
        Some("")
    );
    assert_eq!(
        networks.get_attribute("data-verdict").as_deref(),
        Some("not-recomputable")
    );
    let link = uk
        .query_selector("a[href^=\"?v=1&metric=audience_display_uk\"]")
        .unwrap();
    assert!(link.is_some(), "each claim links to its figures");
}

#[wasm_bindgen_test]
async fn old_link_forms_are_rewritten_without_a_history_entry() {
    let history_length = window().history().unwrap().length().unwrap();
    let app =
        mount_at("?metric=visits_total&museums=Geffrye%20Museum,tate&from=2019/20&to=2021/22")
            .await;
    assert_eq!(
        window().location().search().unwrap(),
        "?v=1&metric=visits_total&museums=museum-of-the-home,tate-gallery-group&from=2019-20&to=2021-22"
    );
    assert_eq!(
        window().history().unwrap().length().unwrap(),
        history_length
    );
    assert_eq!(app.count("tbody tr"), 2);
    assert!(app.find("#url-notices").is_none());
}

#[wasm_bindgen_test]
async fn share_panel_offers_exports_link_citation_and_embed() {
    let app = mount_at("?metric=uk_loan_venues&from=2016-17&to=2023-24").await;
    for kind in ["csv", "json", "svg", "png"] {
        assert!(
            app.find(&format!("button[data-export=\"{kind}\"]"))
                .is_some(),
            "{kind}"
        );
    }
    assert!(app.find("[data-action=\"copy-link\"]").is_some());
    let citation = app.text_of("#citation");
    assert!(
        citation.starts_with(
            "UK loan venues, 2016/17 to 2023/24. Department for Culture, Media and Sport (DCMS)."
        ),
        "{citation}"
    );
    assert!(
        citation.contains("?v=1&metric=uk_loan_venues&from=2016-17&to=2023-24 (accessed "),
        "{citation}"
    );
    let snippet: web_sys::HtmlTextAreaElement = app.get("#embed-snippet").unchecked_into();
    let snippet = snippet.value();
    assert!(snippet.starts_with("<iframe src=\"http"), "{snippet}");
    assert!(
        snippet.contains("&amp;from=2016-17&amp;to=2023-24&amp;embed=1\""),
        "{snippet}"
    );
}

#[wasm_bindgen_test]
async fn embed_view_is_minimal_with_source_and_link_back() {
    let app = mount_at("?v=1&metric=uk_loan_venues&from=2016-17&to=2023-24&embed=1").await;
    assert!(app.find("#embed-view").is_some());
    assert!(app.find("#metric").is_none(), "no controls in the embed");
    assert!(
        app.count("path.points[data-museum]") > 0,
        "the chart is drawn"
    );
    assert!(app
        .text_of("#embed-source")
        .contains("Open Government Licence v3.0"));
    let link = app.get("#embed-full-view").get_attribute("href").unwrap();
    assert!(
        link.ends_with("?v=1&metric=uk_loan_venues&from=2016-17&to=2023-24"),
        "{link}"
    );
    let table =
        mount_at("?v=1&metric=uk_loan_venues&from=2019-20&to=2019-20&view=table&embed=1").await;
    assert_eq!(table.value_of("british-museum", "2019-20"), "195");
}

#[wasm_bindgen_test]
async fn reports_page_shows_each_editions_figures_as_cards() {
    // The old link form still opens the page.
    let app = mount_at("?page=headlines").await;
    let card = |metric: &str, year: &str| {
        app.get(&format!("[data-card=\"{metric}\"][data-year=\"{year}\"]"))
    };
    let uk = card("audience_display_uk", "2020-21");
    assert_eq!(uk.get_attribute("data-value").as_deref(), Some("1300000"));
    let text = uk.text_content().unwrap();
    assert!(text.contains("at least 1.3 million"), "{text}");
    assert!(text.contains("22 national museums"), "{text}");
    // The sector change 2019/20 → 2020/21, by the explorer's rule: −94.1%.
    let change = uk.query_selector("[data-change-pct]").unwrap().unwrap();
    assert_eq!(
        change.get_attribute("data-change-pct").as_deref(),
        Some("-94.1")
    );
    assert_eq!(
        change.get_attribute("data-change-base").as_deref(),
        Some("2019-20")
    );
    assert!(uk
        .query_selector("svg.sparkline circle.current")
        .unwrap()
        .is_some());
    // Related figures side by side, in one group.
    let apprentices = card("apprenticeships", "2020-21");
    let group = apprentices.closest(".card-group").unwrap().unwrap();
    assert!(group
        .query_selector("[data-card=\"museums_with_apprenticeships\"]")
        .unwrap()
        .is_some());
    // Every edition, and the checked statements below them.
    assert_eq!(app.count("section.edition"), 5);
    assert!(app.count("[data-claim]") > 0);
    // A card's link opens its explorer view.
    let link: HtmlElement = uk
        .query_selector("a[href^=\"?v=1&metric=audience_display_uk\"]")
        .unwrap()
        .expect("each card links to its explorer view")
        .unchecked_into();
    link.click();
    settle().await;
    assert!(
        app.find("[data-card]").is_none(),
        "the explorer replaced the page"
    );
    assert!(window()
        .location()
        .search()
        .unwrap()
        .starts_with("?v=1&metric=audience_display_uk"));
}

#[wasm_bindgen_test]
async fn summary_follows_the_compare_year() {
    let app = mount_at("?v=1&metric=uk_loan_venues&from=2015-16&to=2023-24&compare=2019-20").await;
    let summary = app.text_of("#view-summary");
    // 1,265 (2019/20) to 1,017 (2023/24): −19.6%, as the change column's total.
    assert!(
        summary.starts_with(
            "UK loan venues of the 14 reporting museums fell from 1,265 in 2019/20 to 1,017 in 2023/24 (\u{2212}19.6%)"
        ),
        "{summary}"
    );
    let without = mount_at("?v=1&metric=uk_loan_venues&from=2015-16&to=2023-24").await;
    let summary = without.text_of("#view-summary");
    assert!(
        summary.starts_with("Since the series break in 2016/17, "),
        "{summary}"
    );
}
// ---- Quality pages (issue 11): coverage, revisions, published totals ----

#[wasm_bindgen_test]
async fn coverage_page_is_a_grid_with_counts_and_links_into_the_explorer() {
    let app = mount_at("?v=1&metric=uk_loan_venues&page=coverage").await;
    // 17 museums and the published total row, 16 years each (values.csv).
    assert_eq!(
        app.count(
            "td.coverage-cell[data-museum][data-year][data-metric=\"uk_loan_venues\"][data-status]"
        ),
        18 * 16
    );
    let wallace_2021 = app.get("td[data-museum=\"wallace-collection\"][data-year=\"2021-22\"]");
    assert_eq!(
        wallace_2021.get_attribute("data-status").as_deref(),
        Some("reported")
    );
    let wallace_2020 = app.get("td[data-museum=\"wallace-collection\"][data-year=\"2020-21\"]");
    assert_eq!(
        wallace_2020.get_attribute("data-status").as_deref(),
        Some("not_published")
    );
    assert!(wallace_2020
        .text_content()
        .unwrap()
        .contains("not published"));
    let count = app.get("td[data-year=\"2017-18\"][data-reported][data-expected]");
    assert_eq!(count.text_content().unwrap().trim(), "14 of 15 reported");
    // Following a cell's link opens the explorer on that museum and year.
    app.get("td[data-museum=\"british-museum\"][data-year=\"2019-20\"] a")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    settle().await;
    assert_eq!(
        window().location().search().unwrap(),
        "?v=1&metric=uk_loan_venues&museums=british-museum&from=2019-20&to=2019-20"
    );
    assert!(app.find("#coverage-table").is_none());
    assert!(app
        .find("td[data-museum=\"british-museum\"][data-year=\"2019-20\"][data-value]")
        .is_some());
    assert_eq!(
        window().location().search().unwrap(),
        "?v=1&metric=uk_loan_venues&museums=british-museum&from=2019-20&to=2019-20"
    );
}

#[wasm_bindgen_test]
async fn revisions_page_lists_old_and_new_values_and_filters_in_the_url() {
    let app =
        mount_at("?page=revisions&only-museum=imperial-war-museums&only-metric=uk_loan_venues")
            .await;
    let row = app.get("#revisions-table tr[data-museum=\"imperial-war-museums\"][data-year=\"2017-18\"][data-metric=\"uk_loan_venues\"]");
    // revisions.csv: 92 in the 2018/19 release, 35 in 2023/24.
    assert_eq!(row.get_attribute("data-old").as_deref(), Some("92"));
    assert_eq!(row.get_attribute("data-new").as_deref(), Some("35"));
    assert!(app
        .text_of("#revisions-summary")
        .starts_with("11 of 11 values present in both releases were revised"));
    let select: HtmlSelectElement = app.get("#revisions-museum").unchecked_into();
    select.set_value("");
    select
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        window().location().search().unwrap(),
        "?v=1&metric=uk_loan_venues&page=revisions&only-metric=uk_loan_venues"
    );
}

#[wasm_bindgen_test]
async fn totals_page_shows_each_published_total_and_its_verdict() {
    let app = mount_at("?page=totals").await;
    assert_eq!(
        app.count("tr[data-metric][data-year][data-published][data-recomputed][data-verdict]"),
        152
    );
    assert_eq!(app.count("tr[data-verdict=\"differs\"]"), 6);
    let loans = app.get("tr[data-metric=\"uk_loan_venues\"][data-year=\"2017-18\"]");
    assert_eq!(
        loans.get_attribute("data-published").as_deref(),
        Some("1336")
    );
    assert_eq!(
        loans.get_attribute("data-recomputed").as_deref(),
        Some("1279")
    );
    assert_eq!(
        app.text_of("#totals-headline"),
        "146 of 152 published totals match the museums' own rows to within rounding."
    );
    // The audit counts figures the explorer's totals leave out; the page says so.
    assert!(app
        .text_of("#totals-copied-note")
        .contains("The explorer's own totals leave those figures out"));
}

#[wasm_bindgen_test]
async fn total_differs_marker_links_to_its_audit_row() {
    let app = mount_at("?v=1&metric=uk_loan_venues&from=2017-18&to=2017-18").await;
    let link = app.get("td[data-museum=\"published-total\"][data-year=\"2017-18\"] a.marker-link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("?v=1&metric=uk_loan_venues&page=totals&only-metric=uk_loan_venues&year=2017-18")
    );
    let revised =
        app.get("td[data-museum=\"imperial-war-museums\"][data-year=\"2017-18\"] a.marker-link");
    assert!(revised
        .get_attribute("href")
        .unwrap()
        .contains("page=revisions&only-museum=imperial-war-museums"));
}

/// The x of a point drawn for `museum` in `year`.
fn point_x(app: &Mounted, museum: &str, year: &str) -> f64 {
    app.point(museum, year)
        .unwrap_or_else(|| panic!("{museum} {year} not drawn"))
        .x
}

#[wasm_bindgen_test]
async fn sector_figures_are_charted_beside_the_museums() {
    for metric in [
        "audience_display_uk",
        "objects_display",
        "objects_display_uk",
    ] {
        let app = mount_at(&format!("?metric={metric}&view=line")).await;
        assert!(
            app.count("g[data-series=\"all-national-museums\"] path.points[data-museum=\"all-national-museums\"]") == 1
                && app.points_of("all-national-museums").len() >= 2,
            "{metric}: the sector series is drawn"
        );
        assert!(
            app.count("g[data-series][data-emphasis=\"highlight\"]") >= 1,
            "{metric}: beside the museums"
        );
        let subtitle = app.text_of(".chart-subtitle");
        assert!(
            subtitle.starts_with("All national museums, as published"),
            "{metric}: {subtitle}"
        );
    }
    let app = mount_at("?metric=audience_display_uk&view=line").await;
    assert!(app
        .text_of(".chart-subtitle")
        .contains("British Museum only"));
    // 17 museums (2017/18) then 22 (from 2018/19): the scope change is marked like a break.
    assert_eq!(app.count("[data-scope-year]"), 1);
}

#[wasm_bindgen_test]
async fn partnership_years_are_placed_in_proportion() {
    // Tate's objects lent: 2009/10, 2013/14 and 2018/19: gaps of 4 and 5 years.
    let app = mount_at("?metric=objects_display&museums=tate-gallery-group&view=line").await;
    let xs =
        ["2009-10", "2013-14", "2018-19"].map(|year| point_x(&app, "tate-gallery-group", year));
    let ratio = (xs[1] - xs[0]) / (xs[2] - xs[1]);
    assert!((ratio - 4.0 / 5.0).abs() < 1e-6, "{xs:?}");
    // The sector's 2017/18 to 2020/21 editions: one year apart each.
    let sector =
        ["2017-18", "2018-19", "2019-20"].map(|year| point_x(&app, "all-national-museums", year));
    let (first, second) = (sector[1] - sector[0], sector[2] - sector[1]);
    assert!((first - second).abs() < 1e-6 && (xs[1] - xs[0] - 4.0 * first).abs() < 1e-6);
}

/// The fill of `museum`'s first point.
fn colour_of(app: &Mounted, museum: &str) -> String {
    app.points_of(museum).swap_remove(0).fill
}

#[wasm_bindgen_test]
async fn a_museum_keeps_its_colour_and_the_default_is_readable() {
    let app = mount_at("").await;
    let default_colour = colour_of(&app, "british-museum");
    let museums_in_colour = app.count("g[data-series][data-emphasis=\"highlight\"]");
    assert_eq!(museums_in_colour, 5, "the five largest museums in colour");
    assert!(
        app.count("g[data-series=\"total\"]") == 1
            && app.count("g[data-series=\"total-dcms-sponsored-museums\"]") == 1
    );
    let points = app
        .container
        .query_selector_all(
            "g[data-series]:not([data-emphasis=\"background\"]) path.points:not(.not-comparable)",
        )
        .unwrap();
    let mut colours: Vec<String> = (0..points.length())
        .filter_map(|i| {
            points
                .get(i)?
                .unchecked_into::<Element>()
                .get_attribute("fill")
        })
        .collect();
    colours.sort();
    colours.dedup();
    assert!(colours.len() <= 6, "at most 6 colours at once: {colours:?}");
    assert!(app.count("g[data-emphasis=\"background\"]") >= 10);
    assert!(app.count("text.end-label") >= 5);
    drop(app);
    let app = mount_at("?museums=british-museum,tate-gallery-group&view=line").await;
    assert_eq!(colour_of(&app, "british-museum"), default_colour);
    assert_eq!(app.count("g[data-emphasis=\"background\"]"), 0);
}

#[wasm_bindgen_test]
async fn sector_change_is_computed_in_the_explorer() {
    let app = mount_at("?metric=audience_display_uk&from=2019-20&to=2020-21&compare=2019-20").await;
    let cell = app.get("[data-change-museum=\"all-national-museums\"]");
    assert_eq!(
        cell.get_attribute("data-change-pct").as_deref(),
        Some("-94.1")
    );
    assert_eq!(
        cell.get_attribute("data-change-status").as_deref(),
        Some("computed")
    );
}

/// Presses `key` on `element`: a real KeyboardEvent, as the browser sends it.
fn press_key(element: &Element, key: &str) {
    js_sys::Function::new_with_args(
        "element, key",
        "element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))",
    )
    .call2(&JsValue::NULL, element, &JsValue::from_str(key))
    .unwrap();
}

#[wasm_bindgen_test]
async fn arrow_keys_walk_the_points_and_announce_them() {
    let app = mount_at("?metric=uk_loan_venues&museums=science-museum-group,british-museum&from=2014-15&to=2016-17&view=line").await;
    assert_eq!(
        app.count(".chart-marks [tabindex]"),
        0,
        "points are not tab stops"
    );
    let chart = app.get("[data-chart-focus]");
    let press = |key: &str| press_key(&chart, key);
    press("ArrowRight");
    settle().await;
    let first = app.text_of("#chart-announce");
    assert!(first.contains("2014/15"), "{first}");
    // The focused point is ringed, its text in a box over the chart.
    assert_eq!(app.count("#chart-svg .chart-tooltip .active-ring"), 1);
    assert_eq!(app.text_of("#chart-svg .chart-tooltip text"), first);
    press("ArrowRight");
    settle().await;
    let second = app.text_of("#chart-announce");
    assert!(
        second.contains("2015/16") && second.contains(first.split(',').next().unwrap()),
        "{second}"
    );
    press("ArrowDown");
    settle().await;
    let other = app.text_of("#chart-announce");
    assert!(other.contains("2015/16") && other != second, "{other}");
    assert_eq!(app.count("g.series.highlighted"), 1);
    press("Escape");
    settle().await;
    assert_eq!(app.count("g.series.highlighted"), 0);
    assert_eq!(app.count("#chart-svg .chart-tooltip"), 0);
}

/// The pointer on a legend entry highlights that series and dims the others; leaving the
/// legend clears it (one handler on the list, the marks being core's markup).
#[wasm_bindgen_test]
async fn legend_hover_highlights_its_series() {
    let app = mount_at("?metric=uk_loan_venues&museums=science-museum-group,british-museum&from=2014-15&to=2016-17&view=line").await;
    let dispatch = js_sys::Function::new_with_args(
        "element, type",
        "element.dispatchEvent(new MouseEvent(type, { bubbles: type === 'mouseover' }))",
    );
    let entry = app.get(".chart-legend [data-legend=\"british-museum\"]");
    dispatch
        .call2(&JsValue::NULL, &entry, &JsValue::from_str("mouseover"))
        .unwrap();
    settle().await;
    assert_eq!(
        app.count("g.series.highlighted[data-series=\"british-museum\"]"),
        1
    );
    assert_eq!(app.count("g.series.highlighted"), 1);
    assert_eq!(app.count("#chart-svg.dimmed"), 1);
    let legend = app.get(".chart-legend");
    dispatch
        .call2(&JsValue::NULL, &legend, &JsValue::from_str("mouseleave"))
        .unwrap();
    settle().await;
    assert_eq!(app.count("g.series.highlighted"), 0);
    assert_eq!(app.count("#chart-svg.dimmed"), 0);
}

/// The pointer over a point (or a tap beside it) shows that point's text over the chart and
/// highlights its series, without speaking it to a screen reader (the arrow keys do);
/// between points the last one stays; off the chart both clear, but a point the arrow keys
/// chose stays when the mouse leaves. The points are one path per series, so the point is
/// found from where the pointer is.
#[wasm_bindgen_test]
async fn the_pointer_on_a_point_shows_its_figure() {
    let app = mount_at("?metric=uk_loan_venues&museums=science-museum-group,british-museum&from=2014-15&to=2016-17&view=line").await;
    let svg = app.get("#chart-svg");
    let view_box: Vec<f64> = svg
        .get_attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    let shown = svg.get_bounding_client_rect();
    assert!(shown.width() > 0.0, "the chart is laid out");
    let dispatch = js_sys::Function::new_with_args(
        "element, type, x, y",
        "element.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: type !== 'mouseleave' }))",
    );
    let pointer = |kind: &str, (x, y): (f64, f64)| {
        let client_x = shown.left() + x * shown.width() / view_box[2];
        let client_y = shown.top() + y * shown.height() / view_box[3];
        dispatch
            .call4(
                &JsValue::NULL,
                &svg,
                &JsValue::from_str(kind),
                &JsValue::from_f64(client_x),
                &JsValue::from_f64(client_y),
            )
            .unwrap();
    };
    let point = app.point("british-museum", "2015-16").unwrap();
    pointer("mousemove", (point.x + 3.0, point.y - 2.0));
    settle().await;
    let text = app.text_of("#chart-svg .chart-tooltip text");
    let value = data_value("uk_loan_venues", "british-museum", "2015/16");
    assert!(
        text.starts_with("British Museum, 2015/16: ") && text.ends_with(&value),
        "{text} (the table says {value})"
    );
    let hint = "Chart: use the arrow keys to move between points, Escape to leave.";
    assert_eq!(app.text_of("#chart-announce"), hint, "not spoken");
    assert_eq!(
        app.count("g.series.highlighted[data-series=\"british-museum\"]"),
        1
    );
    // Moving to another point moves the tooltip there (a tap on a touch screen arrives as
    // this same mousemove; e2e/charts.test.mjs taps for real).
    let other = app.point("science-museum-group", "2016-17").unwrap();
    pointer("mousemove", (other.x, other.y + 4.0));
    settle().await;
    let other_text = app.text_of("#chart-svg .chart-tooltip text");
    assert!(other_text.starts_with("Science Museum Group, 2016/17: "));
    assert_eq!(
        app.count("g.series.highlighted[data-series=\"science-museum-group\"]"),
        1
    );
    // Far from every point (the chart's top left corner): the last point stays.
    pointer("mousemove", (0.0, 0.0));
    settle().await;
    assert_eq!(app.text_of("#chart-svg .chart-tooltip text"), other_text);
    pointer("mouseleave", (-10.0, -10.0));
    settle().await;
    assert_eq!(app.count("#chart-svg .chart-tooltip"), 0, "off the chart");
    assert_eq!(app.count("g.series.highlighted"), 0);
    // The arrow keys take over: their point is spoken, and stays when the mouse leaves.
    press_key(&svg, "ArrowRight");
    settle().await;
    let spoken = app.text_of("#chart-announce");
    assert_eq!(spoken, app.text_of("#chart-svg .chart-tooltip text"));
    assert_ne!(spoken, hint);
    pointer("mouseleave", (-10.0, -10.0));
    settle().await;
    assert_eq!(app.text_of("#chart-svg .chart-tooltip text"), spoken);
    // Pointing again moves the box but leaves what was spoken as it was.
    pointer("mousemove", (point.x, point.y));
    settle().await;
    assert!(app
        .text_of("#chart-svg .chart-tooltip text")
        .starts_with("British Museum, 2015/16: "));
    assert_eq!(app.text_of("#chart-announce"), spoken);
}

/// `explorer.query` hands back the JSON download's object itself: the same keys in the same
/// order, `null` where the file has `null`, numbers as numbers (serde-wasm-bindgen's
/// JSON-compatible mode, compared through `JSON.stringify`).
#[wasm_bindgen_test]
fn console_query_is_the_json_download_as_an_object() {
    use museum_lending_explorer::core::embedded_data_version;
    use museum_lending_explorer::core::export::to_json;
    use museum_lending_explorer::core::query_api::answer;
    use museum_lending_explorer::ui::js_api::query_value;

    let dataset = load_embedded().unwrap();
    let page = "https://example.org/repo/";
    let query = "?metric=uk_loan_venues&from=2016-17&to=2023-24&compare=2017-18";
    let object = query_value(&dataset, page, query).unwrap();
    let expected = answer(&dataset, page, query, embedded_data_version());
    let file = to_json(&dataset, &expected.table, &expected.cells, &expected.meta).unwrap();
    let parsed = js_sys::JSON::parse(&file).unwrap();
    let text = |value: &JsValue| js_sys::JSON::stringify(value).unwrap().as_string().unwrap();
    assert_eq!(text(&object), text(&parsed));
    assert!(text(&object).contains("\"change_from\":\"2017/18\""));
}

/// A change of years or museums updates the table in place: the cells of the museums and
/// years still shown are the same elements (not redrawn), and the ones that left are gone.
#[wasm_bindgen_test]
async fn a_year_or_museum_leaving_the_view_leaves_the_other_cells_alone() {
    let app = mount_at("?metric=uk_loan_venues&from=2015-16&to=2019-20").await;
    let cell = |museum: &str, year: &str| {
        app.find(&format!(
            "td[data-museum=\"{museum}\"][data-year=\"{year}\"]"
        ))
    };
    let tate_2018 = cell("tate-gallery-group", "2018-19").expect("in the view");
    let bm_2018 = cell("british-museum", "2018-19").expect("in the view");
    let header_2018 = app.get("thead th[data-year=\"2018-19\"]");

    choose_first_year(&app, "2016-17");
    settle().await;
    assert!(
        cell("tate-gallery-group", "2015-16").is_none(),
        "the year left"
    );
    assert!(app.find("thead th[data-year=\"2015-16\"]").is_none());
    let same = |a: &Element, b: Option<Element>| b.is_some_and(|b| a.is_same_node(Some(&b)));
    assert!(
        same(&tate_2018, cell("tate-gallery-group", "2018-19")),
        "cell redrawn"
    );
    assert!(
        same(&header_2018, app.find("thead th[data-year=\"2018-19\"]")),
        "heading redrawn"
    );
    assert_eq!(
        tate_2018.get_attribute("data-value").unwrap(),
        data_value("uk_loan_venues", "tate-gallery-group", "2018/19")
    );

    let bm: HtmlInputElement = app.get("#museum-british-museum").unchecked_into();
    bm.set_checked(false);
    bm.dispatch_event(&Event::new("change").unwrap()).unwrap();
    settle().await;
    assert!(
        cell("british-museum", "2018-19").is_none(),
        "the museum left"
    );
    assert!(!bm_2018.is_connected());
    assert!(
        same(&tate_2018, cell("tate-gallery-group", "2018-19")),
        "cell redrawn"
    );
}

/// Sets the first year in the year-from select, as a reader's choice would.
fn choose_first_year(app: &Mounted, year: &str) {
    let from: HtmlSelectElement = app.get("#year-from").unchecked_into();
    from.set_value(year);
    from.dispatch_event(&Event::new("change").unwrap()).unwrap();
}

/// Lets Leptos run the effects a change scheduled, but not the frame after it.
async fn effects_only() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Whether the line chart shows British Museum's point for `year` (a year's slug).
fn charted(app: &Mounted, year: &str) -> bool {
    app.point("british-museum", year).is_some()
}

/// Scrolls `selector` into view and waits until the page has seen it there.
async fn bring_into_view(app: &Mounted, selector: &str) {
    app.get(selector).scroll_into_view();
    after_frame().await;
    after_frame().await;
}

#[wasm_bindgen_test]
async fn the_chart_and_table_wait_for_the_frame_only_while_out_of_view() {
    let app = mount_at("?metric=uk_loan_venues&from=2015-16&to=2019-20&view=line").await;
    let year_heading = |year: &str| year_heading_in(&app.container, year);
    // Far below the viewport: the observer reports them out of view by the next frame.
    app.container
        .set_attribute("style", "margin-top: 300vh")
        .unwrap();
    window().scroll_to_with_x_and_y(0.0, 0.0);
    after_frame().await;
    after_frame().await;

    choose_first_year(&app, "2016-17");
    effects_only().await;
    assert!(
        year_heading("2015-16").is_some() && charted(&app, "2015-16"),
        "out of view, neither is redrawn before the frame"
    );
    after_frame().await;
    assert!(
        year_heading("2015-16").is_none() && !charted(&app, "2015-16"),
        "both are redrawn right after it"
    );

    bring_into_view(&app, ".results-table-block").await;
    choose_first_year(&app, "2017-18");
    effects_only().await;
    assert!(
        year_heading("2016-17").is_none() && year_heading("2017-18").is_some(),
        "in view, the table is redrawn in the change's own frame"
    );
    bring_into_view(&app, ".chart-place").await;
    choose_first_year(&app, "2018-19");
    effects_only().await;
    assert!(
        !charted(&app, "2017-18") && charted(&app, "2018-19"),
        "in view, the chart is redrawn in the change's own frame"
    );

    // Back/forward: the browser restores the scroll position with the entry, so where the
    // parts were says nothing: out of view, they are still drawn in the change's frame.
    window().scroll_to_with_x_and_y(0.0, 0.0);
    after_frame().await;
    after_frame().await;
    set_address("?metric=uk_loan_venues&from=2015-16&to=2019-20&view=line");
    window()
        .dispatch_event(&Event::new("popstate").unwrap())
        .unwrap();
    effects_only().await;
    assert!(
        year_heading("2015-16").is_some() && charted(&app, "2015-16"),
        "after back/forward, both are redrawn before the frame"
    );

    // A change that itself brings the table into view (here a scroll in the same task):
    // still waiting as the change is made, it is drawn in the frame that shows it.
    window().scroll_to_with_x_and_y(0.0, 0.0);
    after_frame().await;
    after_frame().await;
    choose_first_year(&app, "2016-17");
    app.get(".results-table-block").scroll_into_view();
    effects_only().await;
    assert!(
        year_heading("2015-16").is_some(),
        "not redrawn at the change"
    );
    let container = app.container.clone();
    let drawn_in_frame =
        in_next_frame(move || year_heading_in(&container, "2015-16").is_none()).await;
    assert!(drawn_in_frame, "redrawn in the frame that shows it");
    app.container.remove_attribute("style").unwrap();
}

/// The results table's heading for `year` (a year's slug) inside `container`, if shown.
fn year_heading_in(container: &Element, year: &str) -> Option<Element> {
    container
        .query_selector(&format!("thead th[data-year=\"{year}\"]"))
        .unwrap()
}

/// What `check` says from within the next frame, just before it is rendered: its
/// requestAnimationFrame callbacks asked for earlier (the app's) have run, the tasks they
/// queue for after the frame have not.
async fn in_next_frame(check: impl FnOnce() -> bool + 'static) -> bool {
    let mut check = Some(check);
    let seen = js_sys::Promise::new(&mut |resolve, _| {
        let check = check.take().expect("a promise runs its executor once");
        request_animation_frame(move || drop(resolve.call1(&JsValue::NULL, &check().into())));
    });
    let seen = wasm_bindgen_futures::JsFuture::from(seen).await.unwrap();
    seen.as_bool().unwrap()
}
