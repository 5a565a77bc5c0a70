//! `?page=headlines`: each change the publications state in words, beside the engine's
//! recomputation from the published levels, with a verdict. Generated from the data.

use crate::core::format::format_qualified;
use crate::core::headlines::{headlines, stated_text, Verdict};
use crate::core::model::Fact;
use crate::core::query::{ViewState, SECTOR_ID};
use crate::core::summary::signed_percent;
use crate::core::url_state::{parse_query, to_query};
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

#[component]
pub fn HeadlinesPage(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let level_text = move |fact: Option<Fact>| {
        fact.and_then(|f| {
            f.value
                .map(|v| format_qualified(v, dataset.metric(f.metric).unit, f.qualifier))
        })
        .unwrap_or_else(|| "not in the sources".into())
    };
    let claims = headlines(dataset)
        .into_iter()
        .map(|headline| {
            let claim = headline.claim;
            let source = dataset.file.sources.iter().find(|s| s.id == claim.source);
            let stated = claim.stated_change_pct.map(stated_text).unwrap_or_else(|| "no percentage stated".into());
            let recomputed = headline.recomputed.map(signed_percent).unwrap_or_else(|| "cannot be recomputed".into());
            let verdict = match &headline.verdict {
                Verdict::Reproduced => "Reproduced: the published levels give the stated change.".to_string(),
                Verdict::Differs { points } => format!("Differs by {points:.1} percentage points from the stated change."),
                Verdict::NotRecomputable { reason } => format!("Cannot be recomputed: {reason}."),
            };
            let metric_label = dataset.metric_by_id(&claim.metric).map(|m| dataset.metric(m).label.clone()).unwrap_or_default();
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
                    <dl class="claim-figures">
                        <dt>"Stated"</dt>
                        <dd>{stated}</dd>
                        <dt>"Levels"</dt>
                        <dd>
                            {format!("{}: {}; {}: {}", claim.from_year, level_text(headline.from_level), claim.to_year, level_text(headline.to_level))}
                        </dd>
                        <dt>"Recomputed"</dt>
                        <dd>{recomputed}</dd>
                    </dl>
                    <p class=format!("verdict verdict-{}", headline.verdict.code())>{verdict}</p>
                    {(!claim.note.is_empty()).then(|| view! { <p class="claim-note">{claim.note.clone()}</p> })}
                    <p>{view_link(store, headline.explorer_query.clone(), "See these figures in the explorer".into())}</p>
                </li>
            }
        })
        .collect_view();

    let sector = dataset.museum_by_id(SECTOR_ID);
    let levels = (0..dataset.metrics().len() as u16)
        .filter_map(|metric| {
            let facts: Vec<Fact> = dataset
                .facts_of_metric(metric)
                .filter(|f| Some(f.museum) == sector)
                .collect();
            (!facts.is_empty()).then_some((metric, facts))
        })
        .map(|(metric, facts)| {
            let entry = dataset.metric(metric);
            let figures = facts
                .iter()
                .map(|fact| {
                    let scope = dataset
                        .detail(fact.index)
                        .map(|d| d.scope.clone())
                        .unwrap_or_default();
                    format!("{}: {} ({scope})", fact.year, level_text(Some(*fact)))
                })
                .collect::<Vec<_>>()
                .join("; ");
            let query = to_query(dataset, &ViewState::for_metric(metric));
            view! {
                <tr data-headline-metric=entry.id.clone()>
                    <th scope="row">{view_link(store, query, entry.label.clone())}</th>
                    <td>{figures}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <section class="headlines-page" id="headlines">
            <h2>"Headlines: what the publications say, recomputed"</h2>
            <p>
                "The Museum Partnership Reports and the National Museum Directors' Council state some changes in words. Each is listed with the change this explorer recomputes from the two published levels, where both exist. A change is reproduced when the recomputed figure, rounded as the statement is, equals it."
            </p>
            <p>{view_link(store, to_query(dataset, &ViewState::for_metric(store.state.get_untracked().metric)), "Back to the explorer".into())}</p>
            <ol class="claims">{claims}</ol>
            <h2>"Headline figures as published (all national museums)"</h2>
            <table class="levels-table">
                <caption>"Sector totals as the reports publish them; the number of museums covered changes between editions."</caption>
                <thead>
                    <tr>
                        <th scope="col">"Metric"</th>
                        <th scope="col">"Published figures (scope)"</th>
                    </tr>
                </thead>
                <tbody>{levels}</tbody>
            </table>
        </section>
    }
}
