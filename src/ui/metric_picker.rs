//! Metric choice, grouped by dataset and family, with the chosen metric's definition.

use crate::core::format::unit_words;
use crate::core::model::{DatasetId, Metric};
use crate::ui::grouping::group_in_order;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

fn dataset_label(dataset: DatasetId) -> &'static str {
    match dataset {
        DatasetId::DcmsKpi => "DCMS performance indicators",
        DatasetId::Partnership => "Museum Partnership Reports and museums' own figures",
    }
}

/// `(group label, metric indexes)` in data order.
fn metric_groups(metrics: &[Metric]) -> Vec<(String, Vec<u16>)> {
    group_in_order(metrics.iter().enumerate().map(|(index, metric)| {
        let label = format!("{}: {}", dataset_label(metric.dataset), metric.family);
        (label, index as u16)
    }))
}

#[component]
pub fn MetricPicker(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let selected = move || store.state.get().metric;
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        if let Some(metric) = dataset.metric_by_id(&id) {
            store.update(|state| state.with_metric(dataset, metric));
        }
    };
    let options = metric_groups(dataset.metrics())
        .into_iter()
        .map(|(label, members)| {
            let options = members
                .into_iter()
                .map(|index| {
                    let metric = dataset.metric(index);
                    view! {
                        <option value=metric.id.clone() selected=move || selected() == index>
                            {metric.label.clone()}
                        </option>
                    }
                })
                .collect_view();
            view! { <optgroup label=label>{options}</optgroup> }
        })
        .collect_view();

    let about = move || {
        let metric = dataset.metric(selected());
        let source = dataset_label(metric.dataset);
        let caveat = (!metric.caveat.is_empty()).then(|| {
            view! {
                <p class="metric-caveat">
                    <strong>"Caveat: "</strong>
                    {metric.caveat.clone()}
                </p>
            }
        });
        view! {
            <p class="metric-definition">{metric.definition.clone()}</p>
            <p class="metric-unit">"Unit: " {unit_words(metric.unit)} ". From: " {source} "."</p>
            {caveat}
        }
    };

    view! {
        <div class="control">
            <label for="metric">"Metric"</label>
            <select id="metric" name="metric" on:change=on_change prop:value=move || dataset.metric(selected()).id.clone()>
                {options}
            </select>
            <div class="metric-about" id="metric-about" aria-live="polite">{about}</div>
        </div>
    }
}
