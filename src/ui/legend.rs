//! Explains, in plain English, every marker and word the table on screen uses.

use crate::core::markers::{explain, explain_qualifier, markers_in};
use crate::core::model::{Qualifier, Status};
use crate::core::query::TableView;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// Why a cell has no number, for each status present on screen.
fn status_explanation(status: Status) -> Option<&'static str> {
    match status {
        Status::Reported | Status::Nil => None,
        Status::NotPublished => Some("not published: the publisher printed no figure (DCMS 'x' or 'N/A')."),
        Status::NotApplicable => Some("not applicable: the figure cannot exist, e.g. the museum was not DCMS-sponsored that year or reports inside another group."),
        Status::NoActivity => Some("no activity: the museum had no such activity that year, but no number was printed."),
    }
}

#[component]
pub fn Legend(store: ViewStore, table: Memo<TableView>) -> impl IntoView {
    let dataset = store.dataset;
    let entries = move || {
        let table = table.get();
        let flags = table.flags_on_screen();
        let mut items: Vec<(String, String)> = markers_in(dataset, flags)
            .into_iter()
            .map(|marker| {
                (
                    format!("[{}] {}", marker.symbol, marker.title),
                    explain(dataset, marker, flags).join(" "),
                )
            })
            .collect();
        let mut statuses: Vec<Status> = table.facts().map(|fact| fact.status).collect();
        statuses.sort_by_key(|s| *s as u8);
        statuses.dedup();
        items.extend(
            statuses
                .into_iter()
                .filter_map(status_explanation)
                .map(|text| ("Words in the table".to_string(), text.to_string())),
        );
        if table
            .published_rows()
            .flat_map(|row| row.cells.iter())
            .any(|cell| cell.fact.is_none())
        {
            items.push((
                "Words in the table".into(),
                "no figure: the sources hold no figure for this museum and year.".into(),
            ));
        }
        items.extend(
            table
                .qualifiers_on_screen()
                .into_iter()
                .filter_map(|code| explain_qualifier(Qualifier::ALL[usize::from(code)]))
                .map(|text| {
                    (
                        "How the source worded a figure".to_string(),
                        text.to_string(),
                    )
                }),
        );
        items
    };
    view! {
        <section class="legend" aria-labelledby="legend-title">
            <h2 id="legend-title">"What the markers and words mean"</h2>
            <p class="legend-intro">"A thick line before a year marks a series break: figures either side are not directly comparable."</p>
            <dl id="legend">
                {move || {
                    let entries = entries();
                    // Consecutive entries under the same term share one <dt>.
                    let terms: Vec<Option<String>> = entries
                        .iter()
                        .enumerate()
                        .map(|(i, (term, _))| (i == 0 || entries[i - 1].0 != *term).then(|| term.clone()))
                        .collect();
                    entries
                        .into_iter()
                        .zip(terms)
                        .map(|((_, text), term)| view! { {term.map(|term| view! { <dt>{term}</dt> })}<dd>{text}</dd> })
                        .collect_view()
                }}
            </dl>
        </section>
    }
}
