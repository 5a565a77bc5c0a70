//! The checked statements on the reports page (`?page=headlines`): each change the
//! publications state in words, beside the engine's recomputation from the published
//! levels, with a verdict. Generated from the data.

use crate::core::format::format_qualified;
use crate::core::format::{fixed, number_text, signed_percent};
use crate::core::headlines::{headlines, stated_text, Headline, Verdict};
use crate::core::model::{Dataset, Fact};
use crate::ui::store::ViewStore;
use crate::ui::view_link::view_link;
use leptos::prelude::*;

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
            format!(
                "Differs by {} percentage points from the stated change.",
                fixed(*points, 1)
            )
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
            data-stated=claim.stated_change_pct.map(number_text).unwrap_or_default()
            data-recomputed=headline.recomputed.map(|p| fixed(p, 1)).unwrap_or_default()
            data-verdict=headline.verdict.code()
        >
            <h3>{format!("{metric_label}, {} to {}", claim.from_year, claim.to_year)}</h3>
            <p class="claim-wording">
                "In the publication’s words, paraphrased: " {claim.wording.clone()} " – "
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

/// Every statement the publications make about a change, recomputed, with its verdict.
#[component]
pub fn CheckedClaims(store: ViewStore) -> impl IntoView {
    let claims = headlines(store.dataset)
        .into_iter()
        .map(|headline| claim_item(store, headline))
        .collect_view();
    view! {
        <section class="checked-claims" aria-labelledby="claims-title">
            <h2 id="claims-title">"What the publications say changed, checked"</h2>
            <p>
                "The Museum Partnership Reports and the National Museum Directors' Council state some changes in words. Each is listed with the change this explorer recomputes from the two published levels, where both exist. A change is reproduced when the recomputed figure, rounded as the statement is, equals it."
            </p>
            <ol class="claims">{claims}</ol>
        </section>
    }
}
