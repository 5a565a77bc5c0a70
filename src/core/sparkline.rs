//! A small line of one metric over the report editions, for the report cards: x
//! proportional to the year (missing editions leave gaps in time, not in spacing), y from
//! zero to the largest figure. Deliberately separate from the main chart code: no axes,
//! no labels, one series.

use super::format::fixed_trimmed;
use super::order::sort_small_by_key;
use super::year::FinancialYear;

/// Width of a sparkline in SVG units.
pub const SPARK_WIDTH: f64 = 120.0;
/// Height of a sparkline in SVG units.
pub const SPARK_HEIGHT: f64 = 32.0;
/// Room kept around the line so the dots are not clipped.
const PAD: f64 = 4.0;

/// One drawn point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SparkDot {
    pub year: FinancialYear,
    pub x: f64,
    pub y: f64,
    /// The card's own year, drawn larger.
    pub current: bool,
}

/// What the card draws: the line through the dots (empty for a single dot) and the dots.
#[derive(Debug, Clone, PartialEq)]
pub struct Sparkline {
    /// SVG `points` of a polyline, "x,y x,y".
    pub points: String,
    pub dots: Vec<SparkDot>,
}

/// The sparkline of `series` (year and value, any order) with `current` highlighted.
/// `None` when there is nothing to draw.
pub fn sparkline(series: &[(FinancialYear, f64)], current: FinancialYear) -> Option<Sparkline> {
    let mut series = series.to_vec();
    sort_small_by_key(&mut series, |(year, _)| *year);
    let (first, last) = (series.first()?.0 .0, series.last()?.0 .0);
    let top = series.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max);
    let x_of = |year: FinancialYear| {
        if first == last {
            SPARK_WIDTH / 2.0
        } else {
            PAD + f64::from(year.0 - first) / f64::from(last - first) * (SPARK_WIDTH - 2.0 * PAD)
        }
    };
    // Zero at the bottom, so a fall of 94% looks like one; all-zero series sit on it.
    let y_of = |value: f64| {
        let share = if top > 0.0 { value.max(0.0) / top } else { 0.0 };
        SPARK_HEIGHT - PAD - share * (SPARK_HEIGHT - 2.0 * PAD)
    };
    let dots: Vec<SparkDot> = series
        .iter()
        .map(|&(year, value)| SparkDot {
            year,
            x: round2(x_of(year)),
            y: round2(y_of(value)),
            current: year == current,
        })
        .collect();
    let points = if dots.len() > 1 {
        dots.iter()
            .map(|d| format!("{},{}", fixed_trimmed(d.x, 2), fixed_trimmed(d.y, 2)))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        String::new()
    };
    Some(Sparkline { points, dots })
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_is_proportional_to_the_year_and_zero_is_the_floor() {
        let line = sparkline(
            &[
                (FinancialYear(2020), 1.3),
                (FinancialYear(2017), 18.4),
                (FinancialYear(2019), 22.0),
            ],
            FinancialYear(2020),
        )
        .unwrap();
        let xs: Vec<f64> = line.dots.iter().map(|d| d.x).collect();
        // 2017 at the left pad, 2020 at the right; 2019 two thirds of the way (4 + 112 × 2/3).
        assert_eq!(xs, [4.0, 78.67, 116.0]);
        // 22 is the top (y = 4); 18.4 and 1.3 sit 18.4/22 and 1.3/22 of the 24 units up from
        // the floor (y = 28): 7.93 and 26.58.
        assert_eq!(line.dots[1].y, 4.0);
        assert_eq!(line.dots[2].y, round2(28.0 - 1.3 / 22.0 * 24.0));
        assert!(line.dots[2].current && !line.dots[0].current);
        assert_eq!(line.points, "4,7.93 78.67,4 116,26.58");
    }

    #[test]
    fn one_figure_is_a_centred_dot_without_a_line() {
        let line = sparkline(&[(FinancialYear(2020), 66.0)], FinancialYear(2020)).unwrap();
        assert_eq!(line.points, "");
        assert_eq!(line.dots[0].x, 60.0);
        assert_eq!(sparkline(&[], FinancialYear(2020)), None);
    }
}
