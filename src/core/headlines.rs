//! The changes the publications state in words, recomputed from the published levels.

use super::analysis::percent_change;
use super::format::signed_percent_to;
use super::model::{Dataset, Fact, StatedChange};
use super::query::SECTOR_ID;
use super::url_state::to_query;
use super::view_state::ViewState;
use super::year::FinancialYear;

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The recomputed change, rounded as the statement is, equals the statement.
    Reproduced,
    /// Recomputed and stated differ by this many percentage points.
    Differs { points: f64 },
    /// Why there is nothing to compare.
    NotRecomputable { reason: String },
}

impl Verdict {
    /// The `data-verdict` value.
    pub fn code(&self) -> &'static str {
        match self {
            Verdict::Reproduced => "reproduced",
            Verdict::Differs { .. } => "differs",
            Verdict::NotRecomputable { .. } => "not-recomputable",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Headline<'a> {
    pub claim: &'a StatedChange,
    pub from_level: Option<Fact>,
    pub to_level: Option<Fact>,
    /// (to − from) / from × 100, one decimal place.
    pub recomputed: Option<f64>,
    pub verdict: Verdict,
    /// Explorer view of the two levels (query string).
    pub explorer_query: String,
}

/// Decimal places the statement was given to (−94 → 0, 4.4 → 1).
fn stated_decimals(stated: f64) -> i32 {
    if stated.fract() == 0.0 {
        0
    } else {
        1
    }
}

/// The stated change as published: "−94%", "+4.4%".
pub fn stated_text(stated: f64) -> String {
    signed_percent_to(stated, stated_decimals(stated) as u32)
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// The verdict on one statement, given the recomputed change and, when a level is
/// missing, the year it is missing for.
fn verdict(
    stated: Option<f64>,
    recomputed: Option<f64>,
    missing_year: Option<FinancialYear>,
) -> Verdict {
    match (stated, recomputed) {
        (Some(stated), Some(recomputed)) => {
            if round_to(recomputed, stated_decimals(stated)) == stated {
                Verdict::Reproduced
            } else {
                Verdict::Differs {
                    points: round_to((recomputed - stated).abs(), 1),
                }
            }
        }
        (None, _) => Verdict::NotRecomputable {
            reason: "the statement gives no percentage".into(),
        },
        (Some(_), None) => Verdict::NotRecomputable {
            reason: match missing_year {
                Some(year) => format!("level missing: no {year} figure in the sources"),
                None => "the base level is zero".into(),
            },
        },
    }
}

/// The explorer view of a statement's two levels: its metric, its museum (all museums
/// for a sector statement) and the years between.
fn explorer_view(claim: &StatedChange, metric: u16, museum: u16) -> ViewState {
    ViewState {
        from: Some(claim.from_year.min(claim.to_year)),
        to: Some(claim.from_year.max(claim.to_year)),
        museums: (claim.museum != SECTOR_ID).then(|| vec![museum]),
        ..ViewState::for_metric(metric)
    }
}

/// One statement recomputed; `None` when it names a metric or museum the data lacks.
fn headline<'a>(dataset: &Dataset, claim: &'a StatedChange) -> Option<Headline<'a>> {
    let metric = dataset.metric_by_id(&claim.metric)?;
    let museum = dataset.museum_by_id(&claim.museum)?;
    let level = |year| {
        dataset
            .find_fact(metric, museum, year)
            .filter(|f| f.value.is_some())
    };
    let (from_level, to_level) = (level(claim.from_year), level(claim.to_year));
    let recomputed = match (
        from_level.and_then(|f| f.value),
        to_level.and_then(|f| f.value),
    ) {
        (Some(from), Some(to)) => percent_change(from, to),
        _ => None,
    };
    let missing_year = match (from_level, to_level) {
        (None, _) => Some(claim.from_year),
        (_, None) => Some(claim.to_year),
        _ => None,
    };
    Some(Headline {
        claim,
        from_level,
        to_level,
        recomputed,
        verdict: verdict(claim.stated_change_pct, recomputed, missing_year),
        explorer_query: to_query(dataset, &explorer_view(claim, metric, museum)),
    })
}

/// Every statement in the data, recomputed, in data order.
pub fn headlines(dataset: &Dataset) -> Vec<Headline<'_>> {
    dataset
        .file
        .stated_changes
        .iter()
        .filter_map(|claim| headline(dataset, claim))
        .collect()
}

/// One metric's sector figures as the reports publish them (all national museums).
#[derive(Debug, Clone, PartialEq)]
pub struct SectorLevels {
    pub metric: u16,
    /// In year order.
    pub facts: Vec<Fact>,
}

/// Every metric that has sector figures, in metric order, with those figures.
pub fn sector_levels(dataset: &Dataset) -> Vec<SectorLevels> {
    let Some(sector) = dataset.museum_by_id(SECTOR_ID) else {
        return Vec::new();
    };
    (0..dataset.metrics().len() as u16)
        .map(|metric| SectorLevels {
            metric,
            facts: dataset.facts_of(metric, sector).collect(),
        })
        .filter(|levels| !levels.facts.is_empty())
        .collect()
}
