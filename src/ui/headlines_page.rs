//! `?page=headlines`: each change the publications state in words, beside the engine's
//! recomputation from the published levels, with a verdict. Generated from the data.

use crate::core::format::format_qualified;
use crate::core::format::signed_percent;
use crate::core::headlines::{
    headlines, sector_levels, stated_text, Headline, SectorLevels, Verdict,
};
use crate::core::model::{Dataset, Fact};
use crate::core::url_state::{parse_query, to_query};
use crate::core::view_state::ViewState;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// A link to another view that stays in the app (no reload) when clicked.
fn view_link(store: ViewStore, query: String, text: String) -> impl IntoView {
    let target = query.clone();
    view! {
        <a
            href=query
            on:click=move |ev| {
                ev.prevent_default();
                store.navigate(parse_query(store.dataset, &target).state);
            }
        >
            {text}
        </a>
    }
}

/// A published level with its wording, or why there is none.
fn level_text(dataset: &Dataset, fact: Option<Fact>) -> String {
    fact.and_then(|f| {
        f.value
            .map(|v| format_qualified(v, dataset.metric(f.metric).unit, f.qualifier))
    })
    .unwrap_or_else(|| "not in the sources".into())
}

fn verdict_text(verdict: &Verdict) -> String {
    match verdict {
        Verdict::Reproduced => "Reproduced: the published levels give the stated change.".into(),
        Verdict::Differs { points } => {
            format!("Differs by {points:.1} percentage points from the stated change.")
        }
        Verdict::NotRecomputable { reason } => format!("Cannot be recomputed: {reason}."),
    }
}

/// Stated, levels and recomputed change of one statement.
fn claim_figures(dataset: &Dataset, headline: &Headline) -> impl IntoView {
    let claim = headline.claim;
    let stated = claim
        .stated_change_pct
        .map(stated_text)
        .unwrap_or_else(|| "no percentage stated".into());
    let recomputed = headline
        .recomputed
        .map(signed_percent)
        .unwrap_or_else(|| "cannot be recomputed".into());
    let levels = format!(
        "{}: {}; {}: {}",
        claim.from_year,
        level_text(dataset, headline.from_level),
        claim.to_year,
        level_text(dataset, headline.to_level)
    );
    view! {
        <dl class="claim-figures">
            <dt>"Stated"</dt>
            <dd>{stated}</dd>
            <dt>"Levels"</dt>
            <dd>{levels}</dd>
            <dt>"Recomputed"</dt>
            <dd>{recomputed}</dd>
        </dl>
    }
}

/// One statement: its wording and source, the figures, the verdict, a link to the levels.
fn claim_item(store: ViewStore, headline: Headline) -> impl IntoView {
    let dataset = store.dataset;
    let claim = headline.claim;
    let source = dataset.file.sources.iter().find(|s| s.id == claim.source);
    let metric_label = dataset
        .metric_by_id(&claim.metric)
        .map(|m| dataset.metric(m).label.clone())
        .unwrap_or_default();
    view! {
        <li
            class="claim"
            data-claim=claim.claim_id.clone()
            data-stated=claim.stated_change_pct.map(|p| p.to_string()).unwrap_or_default()
            data-recomputed=headline.recomputed.map(|p| format!("{p:.1}")).unwrap_or_default()
            data-verdict=headline.verdict.code()
        >
            <h3>{format!("{metric_label}, {} to {}", claim.from_year, claim.to_year)}</h3>
            <p class="claim-wording">
                "“" {claim.wording.clone()} "” (paraphrased) – "
                {source.map(|s| view! { <a href=s.url.clone() rel="noopener">{s.title.clone()}</a> })}
                {source.map(|s| format!(", {}", s.publisher))}
            </p>
            {claim_figures(dataset, &headline)}
            <p class=format!("verdict verdict-{}", headline.verdict.code())>{verdict_text(&headline.verdict)}</p>
            {(!claim.note.is_empty()).then(|| view! { <p class="claim-note">{claim.note.clone()}</p> })}
            <p>{view_link(store, headline.explorer_query.clone(), "See these figures in the explorer".into())}</p>
        </li>
    }
}

/// One row of the sector-figures table: the metric (linking to its view) and its levels.
fn levels_row(store: ViewStore, levels: SectorLevels) -> impl IntoView {
    let dataset = store.dataset;
    let entry = dataset.metric(levels.metric);
    let figures = levels
        .facts
        .iter()
        .map(|fact| {
            let scope = dataset
                .detail(fact.index)
                .map(|d| d.scope.clone())
                .unwrap_or_default();
            format!(
                "{}: {} ({scope})",
                fact.year,
                level_text(dataset, Some(*fact))
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let query = to_query(dataset, &ViewState::for_metric(levels.metric));
    view! {
        <tr data-headline-metric=entry.id.clone()>
            <th scope="row">{view_link(store, query, entry.label.clone())}</th>
            <td>{figures}</td>
        </tr>
    }
}

fn levels_table(store: ViewStore) -> impl IntoView {
    let rows = sector_levels(store.dataset)
        .into_iter()
        .map(|levels| levels_row(store, levels))
        .collect_view();
    view! {
        <table class="levels-table">
            <caption>"Sector totals as the reports publish them; the number of museums covered changes between editions."</caption>
            <thead>
                <tr>
                    <th scope="col">"Metric"</th>
                    <th scope="col">"Published figures (scope)"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
pub fn HeadlinesPage(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let claims = headlines(dataset)
        .into_iter()
        .map(|headline| claim_item(store, headline))
        .collect_view();
    let back = to_query(
        dataset,
        &ViewState::for_metric(store.state.get_untracked().metric),
    );
    view! {
        <section class="headlines-page" id="headlines">
            <h2>"Headlines: what the publications say, recomputed"</h2>
            <p>
                "The Museum Partnership Reports and the National Museum Directors' Council state some changes in words. Each is listed with the change this explorer recomputes from the two published levels, where both exist. A change is reproduced when the recomputed figure, rounded as the statement is, equals it."
            </p>
            <p>{view_link(store, back, "Back to the explorer".into())}</p>
            <ol class="claims">{claims}</ol>
            <h2>"Headline figures as published (all national museums)"</h2>
            {levels_table(store)}
        </section>
    }
}
