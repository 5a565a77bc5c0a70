//! The reports page: each edition of the Museum Partnership Report (and the NMDC 2009
//! study) with its headline figures as cards, related figures side by side, each with the
//! change against the previous edition computed by the same rule as the explorer's change
//! column ([`museum_change`]).

use super::analysis::{museum_change, ChangeCell};
use super::format::{format_qualified, signed_percent};
use super::headlines::sector_levels;
use super::model::{Dataset, Fact, Unit};
use super::order::{sort_small_by_key, sort_unique};
use super::plain::reader_text;
use super::sparkline::{sparkline, Sparkline};
use super::url_state::to_query;
use super::view_state::ViewState;
use super::year::FinancialYear;

/// The metric that says how many museums an edition covered: its scope, not a card.
const SCOPE_METRIC: &str = "museums_in_scope";

/// Figures read together, side by side on one row of cards, with the row's heading.
/// Metrics in no group get a row of their own, after these, in metric order.
const RELATED: &[(&str, &[&str])] = &[
    (
        "Audience for loaned objects",
        &[
            "audience_display",
            "audience_display_uk",
            "audience_display_international",
        ],
    ),
    (
        "Loans for display",
        &[
            "loans_display",
            "loans_display_uk",
            "loans_display_international",
        ],
    ),
    (
        "Objects lent for display",
        &[
            "objects_display",
            "objects_display_uk",
            "objects_display_international",
        ],
    ),
    (
        "Venues receiving loans",
        &[
            "venues_display",
            "venues_display_uk",
            "venues_display_international",
        ],
    ),
    (
        "Touring exhibitions",
        &[
            "touring_exhibitions_uk",
            "touring_venues_uk",
            "touring_exhibitions_international",
            "touring_venues_international",
            "touring_audience_international",
        ],
    ),
    (
        "Research loans",
        &[
            "research_objects",
            "research_institutions",
            "research_projects",
        ],
    ),
    (
        "Apprenticeships",
        &["apprenticeships", "museums_with_apprenticeships"],
    ),
    (
        "New partners",
        &["new_partners_uk", "new_partners_international"],
    ),
];

/// The change of a card's figure since the previous edition that published it.
#[derive(Debug, Clone, PartialEq)]
pub struct EditionChange {
    pub base_year: FinancialYear,
    /// The same cell the explorer's change column shows (`data-change-pct`).
    pub cell: ChangeCell,
    /// "−94.1% since 2019/20 (at least 22 million)".
    pub text: String,
    /// "The 2017/18 figure covers 17 national museums, this one 22 national museums."
    pub scope_caveat: Option<String>,
}

/// One headline figure of one edition.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportCard {
    pub metric: u16,
    /// `data-card`.
    pub metric_id: String,
    pub label: String,
    pub year: FinancialYear,
    /// `data-value`: the exact stored figure.
    pub value: f64,
    /// At its published precision: "at least 1.3 million".
    pub figure: String,
    /// What it counts and across how many museums: "People; 22 national museums", or
    /// just the museums for plain counts (the label says what is counted).
    pub counts: String,
    /// "22 national museums".
    pub scope: String,
    pub change: Option<EditionChange>,
    /// Why there is no change, when other editions published the figure: "The first
    /// edition to publish this figure." Empty when there is a change or only one edition
    /// (which [`ReportCard::editions_text`] says).
    pub no_change: &'static str,
    pub sparkline: Option<Sparkline>,
    /// The sentence under the sparkline: "Published for 2017/18, 2019/20 and 2020/21."
    pub editions_text: String,
    /// The curators' note on the figure, in reader's words (may be empty).
    pub note: String,
    pub source_title: String,
    pub source_url: String,
    pub source_publisher: String,
    /// The explorer view of this metric (query string).
    pub explorer_query: String,
}

/// Cards read together, with their heading.
#[derive(Debug, Clone, PartialEq)]
pub struct CardGroup {
    pub title: String,
    pub cards: Vec<ReportCard>,
}

/// One edition: its year, title, scope and cards.
#[derive(Debug, Clone, PartialEq)]
pub struct Edition {
    pub year: FinancialYear,
    /// "Museum Partnership Report 2020/21", "NMDC 2009 study".
    pub title: String,
    /// "22 national museums", or empty when the sources do not say.
    pub scope: String,
    pub groups: Vec<CardGroup>,
}

/// The sector's facts with a figure, for every metric, in metric and year order.
fn sector_facts(dataset: &Dataset) -> Vec<Fact> {
    sector_levels(dataset)
        .into_iter()
        .flat_map(|levels| levels.facts)
        .filter(|fact| fact.value.is_some())
        .collect()
}

fn scope_of(dataset: &Dataset, fact: &Fact) -> String {
    dataset.scope(fact.index).unwrap_or_default().to_string()
}

/// "2017/18 report" → "Museum Partnership Report 2017/18"; anything else as it stands.
fn edition_title(dataset: &Dataset, fact: &Fact) -> String {
    let edition = dataset
        .detail(fact.index)
        .map(|d| d.edition.clone())
        .unwrap_or_default();
    match edition.strip_suffix(" report") {
        Some(_) => format!("Museum Partnership Report {}", fact.year),
        None if edition.is_empty() => format!("Figures for {}", fact.year),
        None => format!("{edition} ({})", fact.year),
    }
}

/// The change since the previous edition that published this metric, when there is one.
fn edition_change(dataset: &Dataset, fact: &Fact, earlier: Option<&Fact>) -> Option<EditionChange> {
    let base = earlier?;
    let metric = dataset.metric(fact.metric);
    let change = museum_change(dataset, fact.metric, fact.museum, base.year, fact.year);
    let percent = change.as_ref().ok().and_then(|c| c.percent)?;
    let (base_scope, scope) = (scope_of(dataset, base), scope_of(dataset, fact));
    Some(EditionChange {
        base_year: base.year,
        cell: ChangeCell::new(&change, metric.unit),
        text: format!(
            "{} since {} ({})",
            signed_percent(percent),
            base.year,
            format_qualified(base.value?, metric.unit, base.qualifier)
        ),
        scope_caveat: (base_scope != scope).then(|| {
            format!(
                "Not like for like: the {} figure covers {base_scope}, this one {scope}.",
                base.year
            )
        }),
    })
}

/// "People; 22 national museums"; "22 national museums" for plain counts.
fn counts_text(unit: Unit, scope: &str) -> String {
    let words = unit.words();
    let mut first = words.chars();
    let capitalised: String = first
        .next()
        .map(|c| c.to_uppercase().chain(first).collect())
        .unwrap_or_default();
    match (unit, scope.is_empty()) {
        (Unit::Count, _) => scope.to_string(),
        (_, true) => capitalised,
        (_, false) => format!("{capitalised}; {scope}"),
    }
}

/// "Published for 2017/18 only." / "Published for 2017/18, 2019/20 and 2020/21."
fn editions_text(years: &[FinancialYear]) -> String {
    let labels: Vec<String> = years.iter().map(|y| y.label()).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => format!("Published for {one} only."),
        [earlier @ .., last] => format!("Published for {} and {last}.", earlier.join(", ")),
    }
}

/// The card of `fact`, given every sector fact of its metric (year order).
fn card(dataset: &Dataset, fact: &Fact, series: &[Fact]) -> ReportCard {
    let metric = dataset.metric(fact.metric);
    let value = fact.value.unwrap_or_default();
    let source = dataset.source(fact.source);
    let earlier = series.iter().rev().find(|f| f.year < fact.year);
    let points: Vec<(FinancialYear, f64)> = series
        .iter()
        .filter_map(|f| Some((f.year, f.value?)))
        .collect();
    let years: Vec<FinancialYear> = points.iter().map(|(y, _)| *y).collect();
    let change = edition_change(dataset, fact, earlier);
    ReportCard {
        metric: fact.metric,
        metric_id: metric.id.clone(),
        label: metric.label.clone(),
        year: fact.year,
        value,
        figure: format_qualified(value, metric.unit, fact.qualifier),
        counts: counts_text(metric.unit, &scope_of(dataset, fact)),
        scope: scope_of(dataset, fact),
        change: change.clone(),
        no_change: match (&change, earlier, points.len()) {
            (Some(_), _, _) | (None, _, 0..=1) => "",
            (None, None, _) => "The first edition to publish this figure.",
            (None, Some(_), _) => "No change computed: the earlier figure is zero.",
        },
        sparkline: (points.len() > 1)
            .then(|| sparkline(&points, fact.year))
            .flatten(),
        editions_text: editions_text(&years),
        note: dataset
            .detail(fact.index)
            .map(|d| reader_text(&d.comment))
            .unwrap_or_default(),
        source_title: source.title.clone(),
        source_url: source.url.clone(),
        source_publisher: source.publisher.clone(),
        explorer_query: to_query(dataset, &ViewState::for_metric(fact.metric)),
    }
}

/// The groups of `cards` (one edition's), in [`RELATED`] order, then the rest one by one.
fn group_cards(mut cards: Vec<ReportCard>) -> Vec<CardGroup> {
    let mut groups = Vec::new();
    for (title, members) in RELATED {
        let (inside, rest): (Vec<ReportCard>, Vec<ReportCard>) = cards
            .into_iter()
            .partition(|c| members.contains(&c.metric_id.as_str()));
        cards = rest;
        let mut inside = inside;
        sort_small_by_key(&mut inside, |c| {
            members.iter().position(|m| *m == c.metric_id)
        });
        if !inside.is_empty() {
            groups.push(CardGroup {
                title: (*title).to_string(),
                cards: inside,
            });
        }
    }
    groups.extend(cards.into_iter().map(|card| CardGroup {
        title: card.label.clone(),
        cards: vec![card],
    }));
    groups
}

/// Every edition, newest first, with its cards.
pub fn editions(dataset: &Dataset) -> Vec<Edition> {
    let facts = sector_facts(dataset);
    let mut years: Vec<FinancialYear> = facts.iter().map(|f| f.year).collect();
    sort_unique(&mut years);
    years
        .into_iter()
        .rev()
        .map(|year| edition(dataset, &facts, year))
        .collect()
}

fn edition(dataset: &Dataset, facts: &[Fact], year: FinancialYear) -> Edition {
    let of_year: Vec<&Fact> = facts.iter().filter(|f| f.year == year).collect();
    let scope_fact = of_year
        .iter()
        .find(|f| dataset.metric(f.metric).id == SCOPE_METRIC);
    let cards = of_year
        .iter()
        .filter(|f| dataset.metric(f.metric).id != SCOPE_METRIC)
        .map(|fact| {
            let series: Vec<Fact> = facts
                .iter()
                .filter(|f| f.metric == fact.metric)
                .copied()
                .collect();
            card(dataset, fact, &series)
        })
        .collect();
    Edition {
        year,
        title: of_year
            .first()
            .map(|f| edition_title(dataset, f))
            .unwrap_or_default(),
        scope: scope_fact.map(|f| scope_of(dataset, f)).unwrap_or_default(),
        groups: group_cards(cards),
    }
}
