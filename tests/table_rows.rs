//! The results table's fixed slots (`core::table_rows`): a museum or year keeps its slot
//! from one view to the next, so a change of years or museums leaves the other cells alone.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dataset, metric, museum, range, view};
use museum_lending_explorer::core::query::{build_table, metric_years, museums_with_data};
use museum_lending_explorer::core::table_rows::in_slots;

#[test]
fn a_cell_keeps_its_slot_and_contents_when_an_earlier_year_leaves_the_view() {
    let dataset = dataset();
    let wide = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2010-11", "2019-20"),
    );
    let narrow = build_table(
        dataset,
        &range(dataset, "uk_loan_venues", "2011-12", "2019-20"),
    );
    let all_years = metric_years(dataset, metric(dataset, "uk_loan_venues"));
    let (wide_slots, narrow_slots) = (wide.year_slots(dataset), narrow.year_slots(dataset));
    assert_eq!(wide_slots.len(), all_years.len());
    assert_eq!(narrow_slots.len(), all_years.len());
    let row =
        |table: &museum_lending_explorer::core::query::TableView| table.museum_rows[0].clone();
    let (wide_cells, narrow_cells) = (row(&wide).cells, row(&narrow).cells);
    let (wide_in, narrow_in) = (
        in_slots(&wide_slots, &wide_cells),
        in_slots(&narrow_slots, &narrow_cells),
    );
    for (slot, year) in all_years.iter().enumerate() {
        assert_eq!(
            wide_in[slot].map(|c| c.year),
            wide.years.contains(year).then_some(*year)
        );
        assert_eq!(
            narrow_in[slot].map(|c| c.year),
            narrow.years.contains(year).then_some(*year)
        );
        if narrow_in[slot].is_some() {
            assert_eq!(narrow_in[slot], wide_in[slot], "slot {slot} changed");
        }
    }
    let first = all_years.iter().position(|y| *y == wide.years[0]).unwrap();
    assert!(wide_in[first].is_some() && narrow_in[first].is_none());
}

#[test]
fn a_museum_keeps_its_slot_when_another_leaves_the_view() {
    let dataset = dataset();
    let everyone = view(dataset, "uk_loan_venues", None, "2015-16", "2019-20");
    let available = museums_with_data(dataset, everyone.metric);
    let ids: Vec<&str> = available[1..]
        .iter()
        .map(|m| dataset.museum(*m).id.as_str())
        .collect();
    let fewer = view(dataset, "uk_loan_venues", Some(&ids), "2015-16", "2019-20");
    let (all_slots, fewer_slots) = (everyone.row_slots(dataset), fewer.row_slots(dataset));
    assert_eq!(all_slots.len(), available.len());
    assert_eq!(fewer_slots.len(), available.len());
    assert_eq!(fewer_slots[0], None);
    let all_rows = in_slots(&all_slots, &everyone.museum_rows);
    let fewer_rows = in_slots(&fewer_slots, &fewer.museum_rows);
    let mut compared = 0;
    for (slot, museum_index) in available.iter().enumerate() {
        for row in [all_rows[slot], fewer_rows[slot]].into_iter().flatten() {
            assert_eq!(
                row.museum, *museum_index,
                "slot {slot} holds another museum"
            );
        }
        if let (Some(all), Some(fewer), true) = (all_rows[slot], fewer_rows[slot], slot > 0) {
            assert_eq!(fewer, all, "slot {slot} changed");
            compared += 1;
        }
    }
    assert!(compared > 5, "only {compared} rows in both views");
    let british_museum = museum(dataset, "british-museum");
    assert!(all_rows
        .iter()
        .flatten()
        .any(|r| r.museum == british_museum));
}

#[test]
fn a_view_out_of_the_metric_order_keeps_every_row_and_column() {
    let dataset = dataset();
    let mut table = view(dataset, "uk_loan_venues", None, "2015-16", "2019-20");
    table.museum_rows.reverse();
    table.years.reverse();
    let rows = table.row_slots(dataset);
    let years = table.year_slots(dataset);
    assert_eq!(
        rows,
        (0..table.museum_rows.len()).map(Some).collect::<Vec<_>>()
    );
    assert_eq!(years, (0..table.years.len()).map(Some).collect::<Vec<_>>());
}
