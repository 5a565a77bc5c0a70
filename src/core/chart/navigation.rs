//! Keyboard walking of a line chart's points: the chart is one tab stop; left and right
//! move along a series, up and down to the series before or after it in the legend (at the
//! nearest year), Home and End to a series' first and last point. A bar chart's bars are
//! walked the same way, in the order drawn. The pointer (or a tap) picks the point nearest
//! to it, found from where it is in the chart's own units.

use super::LineChart;

/// A point of a line chart: `series` indexes `LineChart::series`, `point` its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointAt {
    pub series: usize,
    pub point: usize,
}

/// The keys that move between points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointKey {
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
}

impl PointKey {
    /// The key for a `KeyboardEvent.key` value, if it moves between points.
    pub fn from_key(key: &str) -> Option<PointKey> {
        Some(match key {
            "ArrowLeft" => PointKey::Left,
            "ArrowRight" => PointKey::Right,
            "ArrowUp" => PointKey::Up,
            "ArrowDown" => PointKey::Down,
            "Home" => PointKey::Home,
            "End" => PointKey::End,
            _ => return None,
        })
    }
}

/// The bar `key` moves to from `current` (`None`: nothing chosen yet, so the first bar) among
/// `count` bars: down or right to the next, up or left to the one before, Home and End to
/// the first and last. `None` when there are no bars.
pub fn next_bar(current: Option<usize>, count: usize, key: PointKey) -> Option<usize> {
    let last = count.checked_sub(1)?;
    let Some(at) = current else { return Some(0) };
    Some(match key {
        PointKey::Down | PointKey::Right => (at + 1).min(last),
        PointKey::Up | PointKey::Left => at.saturating_sub(1),
        PointKey::Home => 0,
        PointKey::End => last,
    })
}

/// Series with points, in legend order (totals, coloured museums, grey museums).
fn walk_order(chart: &LineChart) -> Vec<usize> {
    let legend = chart.legend_order();
    legend
        .iter()
        .filter(|line| !line.points.is_empty())
        .filter_map(|line| chart.series.iter().position(|s| std::ptr::eq(s, *line)))
        .collect()
}

/// The point of series `series` nearest to `x`.
fn nearest_point(chart: &LineChart, series: usize, x: f64) -> PointAt {
    let points = &chart.series[series].points;
    let point = (0..points.len())
        .min_by(|&a, &b| (points[a].x - x).abs().total_cmp(&(points[b].x - x).abs()))
        .unwrap_or(0);
    PointAt { series, point }
}

/// Where `key` moves from `current` (`None`: nothing chosen yet, so the first point of the
/// first series). `None` when the chart has no points.
pub fn next_point(chart: &LineChart, current: Option<PointAt>, key: PointKey) -> Option<PointAt> {
    let order = walk_order(chart);
    let first = *order.first()?;
    let Some(at) = current.filter(|at| {
        chart
            .series
            .get(at.series)
            .is_some_and(|line| at.point < line.points.len())
    }) else {
        return Some(PointAt {
            series: first,
            point: 0,
        });
    };
    let count = chart.series[at.series].points.len();
    let position = order.iter().position(|&s| s == at.series).unwrap_or(0);
    let x = chart.series[at.series].points[at.point].x;
    Some(match key {
        PointKey::Left => PointAt {
            point: at.point.saturating_sub(1),
            ..at
        },
        PointKey::Right => PointAt {
            point: (at.point + 1).min(count - 1),
            ..at
        },
        PointKey::Home => PointAt { point: 0, ..at },
        PointKey::End => PointAt {
            point: count - 1,
            ..at
        },
        PointKey::Up => nearest_point(chart, order[position.saturating_sub(1)], x),
        PointKey::Down => nearest_point(chart, order[(position + 1).min(order.len() - 1)], x),
    })
}

/// How far from a point, in chart units (about a pixel each), the pointer still picks it:
/// about a fingertip, so a tap beside a point on a phone finds it.
pub const POINTER_REACH: f64 = 24.0;

/// The point under the pointer at (`x`, `y`), in chart units: the nearest in a straight
/// line, so where lines cross the one the pointer is on wins, and of points drawn on top of
/// each other the one drawn last (on top: the series in colour are drawn after the grey
/// ones); `None` when no point is within [`POINTER_REACH`]. The points are drawn as one
/// path per series, so the pointer is matched to them here rather than by the element
/// under it.
pub fn point_at_pointer(chart: &LineChart, x: f64, y: f64) -> Option<PointAt> {
    // Squared distances: same order, and no `hypot` (which would add its code to the Wasm).
    let mut nearest: Option<(f64, PointAt)> = None;
    for (series, line) in chart.series.iter().enumerate() {
        for (point, at) in line.points.iter().enumerate() {
            let (dx, dy) = (at.x - x, at.y - y);
            let distance = dx * dx + dy * dy;
            if distance <= POINTER_REACH * POINTER_REACH
                && nearest.is_none_or(|(best, _)| distance <= best)
            {
                nearest = Some((distance, PointAt { series, point }));
            }
        }
    }
    nearest.map(|(_, at)| at)
}

/// Where an `<svg>` is drawn on the screen, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenBox {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// The screen point (`x`, `y`) in the units of a `width` by `height` viewBox drawn in
/// `shown`: scaled by the same factor both ways and centred, as the browser draws a
/// viewBox into a box of another shape (`preserveAspectRatio` "xMidYMid meet"). `None`
/// when the box has no size (not laid out).
pub fn in_view_box(
    shown: ScreenBox,
    (width, height): (f64, f64),
    (x, y): (f64, f64),
) -> Option<(f64, f64)> {
    let scale = (shown.width / width).min(shown.height / height);
    if !(scale > 0.0 && scale.is_finite()) {
        return None;
    }
    let left = shown.left + (shown.width - width * scale) / 2.0;
    let top = shown.top + (shown.height - height * scale) / 2.0;
    Some(((x - left) / scale, (y - top) / scale))
}
