//! Revisions between DCMS releases (`?page=revisions`): every museum figure the 2018/19
//! release printed, beside the same cell of the 2023/24 release.
//!
//! A value is revised when both releases print a number and the two differ by more than
//! half a unit (0.0005 for proportions, which run from 0 to 1), the threshold the curators
//! used: smaller differences are decimals one copy kept and the other dropped. The 2018/19
//! figures come from a third-party re-keyed copy (see `data/dcms_kpi/README.md`); it has no
//! total rows, so totals are not compared.

use super::analysis::percent_change;
use super::format::{fixed, format_value, signed_percent};
use super::model::{Dataset, EarlierValue, Unit};
use super::order::sort_small_by;
use super::year::FinancialYear;
use std::collections::HashSet;

/// Which revisions the page lists (`only-museum=`, `only-metric=`), and the year a link came
/// for (`year=`, highlighted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RevisionFilter {
    pub museum: Option<u16>,
    pub metric: Option<u16>,
    pub year: Option<FinancialYear>,
}

impl RevisionFilter {
    /// One cell's revision: its museum and metric listed, its year highlighted. Where a
    /// "changed since the 2018/19 release" marker in the explorer links to.
    pub fn cell(museum: u16, metric: u16, year: FinancialYear) -> RevisionFilter {
        RevisionFilter {
            museum: Some(museum),
            metric: Some(metric),
            year: Some(year),
        }
    }

    pub fn with_museum(self, museum: Option<u16>) -> RevisionFilter {
        RevisionFilter {
            museum,
            year: None,
            ..self
        }
    }

    pub fn with_metric(self, metric: Option<u16>) -> RevisionFilter {
        RevisionFilter {
            metric,
            year: None,
            ..self
        }
    }

    fn keeps(&self, museum: u16, metric: u16) -> bool {
        self.museum.is_none_or(|m| m == museum) && self.metric.is_none_or(|m| m == metric)
    }
}

/// The same museum, metric and year in both releases.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    pub museum: u16,
    pub metric: u16,
    pub year: FinancialYear,
    /// As the 2018/19 release printed it.
    pub old: Option<f64>,
    /// As the 2023/24 release prints it.
    pub new: Option<f64>,
    /// Why the 2023/24 release has no number, in words ("not published"); `None` when it has
    /// one.
    pub new_status_words: Option<&'static str>,
}

impl Comparison {
    /// New minus old, when both releases print a number.
    pub fn change(&self) -> Option<f64> {
        Some(self.new? - self.old?)
    }

    /// The change as a percentage of the old value (`None` from zero).
    pub fn percent(&self) -> Option<f64> {
        percent_change(self.old?, self.new?)
    }

    /// Both releases print a number for this cell.
    pub fn in_both(&self) -> bool {
        self.old.is_some() && self.new.is_some()
    }

    /// Both print a number and they differ by more than the threshold for `unit`.
    pub fn is_revised(&self, unit: Unit) -> bool {
        let threshold = if unit == Unit::Proportion {
            0.0005
        } else {
            0.5
        };
        self.change().is_some_and(|c| c.abs() > threshold)
    }

    /// Exactly one of the releases prints a number.
    pub fn in_one_only(&self) -> bool {
        self.old.is_some() != self.new.is_some()
    }
}

/// Every cell of the 2018/19 copy, paired with the 2023/24 release; then every cell the
/// 2023/24 release has a number for in a year and metric the copy covers, where the copy has
/// no row at all. In the copy's order (metric, museum, year), the extra cells after.
pub fn comparisons(dataset: &Dataset) -> Vec<Comparison> {
    let release = &dataset.file.release_2018_19;
    let mut pairs: Vec<Comparison> = release
        .values()
        .map(|earlier| pair(dataset, earlier))
        .collect();
    let covered: HashSet<(u16, FinancialYear)> =
        release.values().map(|v| (v.metric, v.year)).collect();
    let rows: HashSet<(u16, u16, FinancialYear)> = release
        .values()
        .map(|v| (v.metric, v.museum, v.year))
        .collect();
    for metric in 0..dataset.metrics().len() as u16 {
        for fact in dataset.facts_of_metric(metric) {
            let museum = dataset.museum(fact.museum);
            if museum.is_aggregate
                || fact.value.is_none()
                || !covered.contains(&(metric, fact.year))
            {
                continue;
            }
            if !rows.contains(&(metric, fact.museum, fact.year)) {
                pairs.push(Comparison {
                    museum: fact.museum,
                    metric,
                    year: fact.year,
                    old: None,
                    new: fact.value,
                    new_status_words: None,
                });
            }
        }
    }
    pairs
}

fn pair(dataset: &Dataset, earlier: EarlierValue) -> Comparison {
    let fact = dataset.find_fact(earlier.metric, earlier.museum, earlier.year);
    Comparison {
        museum: earlier.museum,
        metric: earlier.metric,
        year: earlier.year,
        old: earlier.value,
        new: fact.and_then(|f| f.value),
        new_status_words: match fact {
            Some(f) if f.value.is_some() => None,
            Some(f) => Some(f.status.words()),
            None => Some("no figure"),
        },
    }
}

/// What the revisions page shows for one filter.
#[derive(Debug, Clone, PartialEq)]
pub struct RevisionsView {
    /// Values both releases print that differ, largest percentage change first.
    pub revised: Vec<Comparison>,
    /// How many values both releases print (revised or not).
    pub in_both: usize,
    /// Values only one release prints, in data order.
    pub in_one_only: Vec<Comparison>,
}

/// The revisions the filter keeps.
pub fn revisions_view(dataset: &Dataset, filter: &RevisionFilter) -> RevisionsView {
    let kept: Vec<Comparison> = comparisons(dataset)
        .into_iter()
        .filter(|c| filter.keeps(c.museum, c.metric))
        .collect();
    let mut revised: Vec<Comparison> = kept
        .iter()
        .filter(|c| c.is_revised(dataset.metric(c.metric).unit))
        .copied()
        .collect();
    sort_small_by(&mut revised, |a, b| {
        size_of_change(b).total_cmp(&size_of_change(a))
    });
    RevisionsView {
        revised,
        in_both: kept.iter().filter(|c| c.in_both()).count(),
        in_one_only: kept.iter().filter(|c| c.in_one_only()).copied().collect(),
    }
}

/// How large a revision is, to order them: its percentage change, or (from zero) infinite.
fn size_of_change(c: &Comparison) -> f64 {
    c.percent().map_or(f64::INFINITY, f64::abs)
}

/// A value as the revisions page prints it.
pub fn value_text(dataset: &Dataset, metric: u16, value: Option<f64>) -> String {
    value.map_or("no number".into(), |v| {
        format_value(v, dataset.metric(metric).unit)
    })
}

/// The change new − old in the metric's unit: "+57", "−£1,200", "+1.0 percentage points".
pub fn change_text(dataset: &Dataset, c: &Comparison) -> String {
    let Some(change) = c.change() else {
        return String::new();
    };
    let sign = super::format::sign_of(change);
    match dataset.metric(c.metric).unit {
        Unit::Proportion => format!("{sign}{} percentage points", fixed(change.abs() * 100.0, 1)),
        unit => format!("{sign}{}", format_value(change.abs(), unit)),
    }
}

/// The percentage change as printed ("−62.0%"), or why there is none.
pub fn percent_text(c: &Comparison) -> String {
    c.percent().map_or("from zero".into(), signed_percent)
}

/// "Imperial War Museums, UK loan venues, 2017/18".
pub fn cell_words(dataset: &Dataset, c: &Comparison) -> String {
    format!(
        "{}, {}, {}",
        dataset.museum(c.museum).name,
        dataset.metric(c.metric).label,
        c.year
    )
}

/// "3 of 1,700 values present in both releases were revised; the largest is …".
pub fn summary(dataset: &Dataset, view: &RevisionsView) -> String {
    let count = view.revised.len();
    let mut text = format!(
        "{count} of {} values present in both releases {} revised",
        super::format::group_thousands(view.in_both as u64),
        if count == 1 { "was" } else { "were" }
    );
    match view.revised.first() {
        Some(largest) => text.push_str(&format!(
            "; the largest is {}: {} → {} ({}, {}).",
            cell_words(dataset, largest),
            value_text(dataset, largest.metric, largest.old),
            value_text(dataset, largest.metric, largest.new),
            change_text(dataset, largest),
            percent_text(largest)
        )),
        None => text.push('.'),
    }
    text
}
