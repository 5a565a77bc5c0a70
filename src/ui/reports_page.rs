//! The reports page (`?page=headlines`): each edition's headline figures as cards, newest
//! first, related figures side by side, then the publications' stated changes checked.
//! Everything on a card is computed in `core::reports`.

use crate::core::chart::view_box;
use crate::core::format::{fixed_trimmed, number_text};
use crate::core::reports::{editions, CardGroup, Edition, EditionChange, ReportCard};
use crate::core::sparkline::{Sparkline, SPARK_HEIGHT, SPARK_WIDTH};
use crate::core::url_state::to_query;
use crate::core::view_state::ViewState;
use crate::ui::headlines_page::CheckedClaims;
use crate::ui::store::ViewStore;
use crate::ui::view_link::view_link;
use leptos::prelude::*;

/// The change since the previous edition, or why there is none (nothing for a figure
/// published once: the editions line says so).
fn change_line(change: Option<EditionChange>, no_change: &'static str) -> impl IntoView {
    match change {
        Some(change) => view! {
            <p
                class="card-change"
                data-change-pct=change.cell.data_percent.clone()
                data-change-base=change.base_year.slug()
            >
                {change.text}
            </p>
            {change.scope_caveat.map(|text| view! { <p class="card-caveat">{text}</p> })}
        }
        .into_any(),
        None => (!no_change.is_empty())
            .then(|| view! { <p class="card-change card-change-none">{no_change}</p> })
            .into_any(),
    }
}

/// The metric over the editions: a line, a dot per edition, the card's own year larger.
fn sparkline_view(line: Sparkline, label: String) -> impl IntoView {
    let dots = line
        .dots
        .into_iter()
        .map(|dot| {
            let radius = if dot.current { "3.5" } else { "2" };
            view! {
                <circle
                    cx=fixed_trimmed(dot.x, 2)
                    cy=fixed_trimmed(dot.y, 2)
                    r=radius
                    class:current=dot.current
                    data-year=dot.year.slug()
                />
            }
        })
        .collect_view();
    view! {
        <svg
            class="sparkline"
            viewBox=view_box(SPARK_WIDTH, SPARK_HEIGHT)
            width=fixed_trimmed(SPARK_WIDTH, 2)
            height=fixed_trimmed(SPARK_HEIGHT, 2)
            role="img"
            aria-label=label
        >
            <polyline points=line.points />
            {dots}
        </svg>
    }
}

/// One headline figure.
fn card_view(store: ViewStore, card: ReportCard) -> impl IntoView {
    let spark_label = format!("{} over the editions. {}", card.label, card.editions_text);
    let sparkline = card
        .sparkline
        .clone()
        .map(|line| sparkline_view(line, spark_label));
    view! {
        <article
            class="report-card"
            data-card=card.metric_id.clone()
            data-year=card.year.slug()
            data-value=number_text(card.value)
        >
            <h4 class="card-label">{card.label.clone()}</h4>
            <p class="card-figure">{card.figure.clone()}</p>
            <p class="card-counts">{card.counts.clone()}</p>
            {change_line(card.change.clone(), card.no_change)}
            {sparkline}
            <p class="card-editions">{card.editions_text.clone()}</p>
            {(!card.note.is_empty()).then(|| view! { <p class="card-note">{card.note.clone()}</p> })}
            <p class="card-links">
                "Source: "
                <a href=card.source_url.clone() rel="noopener">{card.source_title.clone()}</a>
                {format!(", {}. ", card.source_publisher)}
                {view_link(store, card.explorer_query.clone(), "See it in the explorer".into())}
            </p>
        </article>
    }
}

/// Related figures side by side under their common heading.
fn group_view(store: ViewStore, group: CardGroup) -> impl IntoView {
    let several = group.cards.len() > 1;
    let cards = group
        .cards
        .into_iter()
        .map(|card| card_view(store, card))
        .collect_view();
    view! {
        <div class="card-group" class:card-group-single=!several>
            {several.then(|| view! { <h4 class="card-group-title">{group.title.clone()}</h4> })}
            <div class="cards">{cards}</div>
        </div>
    }
}

fn edition_view(store: ViewStore, edition: Edition) -> impl IntoView {
    let heading_id = format!("edition-{}", edition.year.slug());
    let scope = (!edition.scope.is_empty()).then(|| {
        view! { <p class="edition-scope">{format!("Covers {}. All figures are for the year {}.", edition.scope, edition.year)}</p> }
    });
    let groups = edition
        .groups
        .into_iter()
        .map(|group| group_view(store, group))
        .collect_view();
    let labelled_by = heading_id.clone();
    view! {
        <section class="edition" data-edition=edition.year.slug() aria-labelledby=labelled_by>
            <h3 id=heading_id>{edition.title}</h3>
            {scope}
            {groups}
        </section>
    }
}

#[component]
pub fn ReportsPage(store: ViewStore) -> impl IntoView {
    let dataset = store.dataset;
    let editions = editions(dataset)
        .into_iter()
        .map(|edition| edition_view(store, edition))
        .collect_view();
    let back = to_query(
        dataset,
        &ViewState::for_metric(store.state.get_untracked().metric),
    );
    view! {
        <section class="reports-page headlines-page" id="headlines">
            <h2>"The reports: headline figures, edition by edition"</h2>
            <p class="reports-intro">
                "The national museums' partnership figures as DCMS's Museum Partnership Reports and the National Museum Directors' Council published them, newest first. Each figure is shown as it was published, with how many museums it covers and the change since the previous edition that published it; the small chart follows the figure across the editions. The number of museums covered grew from 17 to 22 between editions, so those changes are not like for like."
            </p>
            <p>{view_link(store, back, "Back to the explorer".into())}</p>
            {editions}
            <CheckedClaims store=store />
        </section>
    }
}
