//! The time axis: x proportional to the year, so a missing year leaves a visible gap and
//! editions years apart sit years apart; year labels and marker labels thinned or staggered
//! so none overlap, even on a phone.

use crate::core::year::FinancialYear;

/// Half the Covid band's width when a single year leaves no year width to halve.
const SINGLE_YEAR_HALF_BAND: f64 = 30.0;

/// Maps financial years linearly onto `left`..`right` (SVG units).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeAxis {
    pub left: f64,
    pub right: f64,
    first: FinancialYear,
    last: FinancialYear,
}

impl TimeAxis {
    /// The axis for `years` (sorted); without years it spans a single, centred year.
    pub fn new(left: f64, right: f64, years: &[FinancialYear]) -> TimeAxis {
        let first = years.first().copied().unwrap_or(FinancialYear(2000));
        let last = years.last().copied().unwrap_or(first);
        TimeAxis {
            left,
            right,
            first,
            last,
        }
    }

    fn span_in_years(&self) -> f64 {
        f64::from(self.last.0.saturating_sub(self.first.0))
    }

    /// The year's x: proportional to its distance from the first year; a single year is
    /// centred.
    pub fn x_of(&self, year: FinancialYear) -> f64 {
        let span = self.span_in_years();
        if span == 0.0 {
            return (self.left + self.right) / 2.0;
        }
        let offset = f64::from(year.0) - f64::from(self.first.0);
        self.left + offset / span * (self.right - self.left)
    }

    /// Half a year either side of a year: the width of its Covid band.
    pub fn half_year(&self) -> f64 {
        let span = self.span_in_years();
        if span == 0.0 {
            SINGLE_YEAR_HALF_BAND
        } else {
            (self.right - self.left) / span / 2.0
        }
    }
}

/// The year labels to print: the first, then every year at least `min_gap` units after the
/// last one printed, and always the last year (dropping its too-close neighbour instead).
pub fn thin_year_labels(years: &[(FinancialYear, f64)], min_gap: f64) -> Vec<(FinancialYear, f64)> {
    let Some((&last, rest)) = years.split_last() else {
        return Vec::new();
    };
    let mut kept: Vec<(FinancialYear, f64)> = Vec::new();
    for &(year, x) in rest {
        let clear_of_previous = kept.last().is_none_or(|(_, before)| x - before >= min_gap);
        if clear_of_previous && last.1 - x >= min_gap {
            kept.push((year, x));
        }
    }
    kept.push(last);
    kept
}

/// The row (0, 1, 2, …) of each label at `xs` (sorted), so that labels on one row are at
/// least `width` apart: a label too close to the one before drops to the next row.
pub fn stagger_labels(xs: &[f64], width: f64) -> Vec<usize> {
    let mut row_ends: Vec<f64> = Vec::new();
    xs.iter()
        .map(|&x| {
            let row = row_ends
                .iter()
                .position(|&end| x >= end)
                .unwrap_or(row_ends.len());
            if row == row_ends.len() {
                row_ends.push(x + width);
            } else {
                row_ends[row] = x + width;
            }
            row
        })
        .collect()
}
