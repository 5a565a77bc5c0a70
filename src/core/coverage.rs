//! The coverage grid (`?page=coverage&metric=ID`): for one metric, what the sources hold for
//! each museum and year (a number, a real zero, or why there is none), with counts per year
//! and per museum, and where a series breaks or its scope changes.
//!
//! A cell "could have a figure" unless it is not applicable (the museum was not sponsored
//! that year, or reports inside another group); a cell the sources have no row for counts as
//! expected and missing.

use super::format::NO_FIGURE;
use super::markers::Marker;
use super::model::{Dataset, Fact, Status};
use super::order::sort_unique;
use super::query::metric_years;
use super::url_state::to_query;
use super::view_state::ViewState;
use super::year::FinancialYear;

/// What one museum × year cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CoverageState {
    /// A status from the data.
    Status(Status),
    /// Reported, but flagged as an evident copying error (left out of the explorer's totals).
    SuspectedCopy,
    /// The sources have no row.
    NoFigure,
}

impl CoverageState {
    /// Every state, in the key's order.
    pub const ALL: [CoverageState; 7] = [
        CoverageState::Status(Status::Reported),
        CoverageState::Status(Status::Nil),
        CoverageState::SuspectedCopy,
        CoverageState::Status(Status::NoActivity),
        CoverageState::Status(Status::NotPublished),
        CoverageState::Status(Status::NotApplicable),
        CoverageState::NoFigure,
    ];

    /// The `data-status` code: the status code, `no_figure`, or `reported` for a suspected
    /// copy (which `data-suspect` marks).
    pub fn code(self) -> &'static str {
        match self {
            CoverageState::Status(status) => status.code(),
            CoverageState::SuspectedCopy => Status::Reported.code(),
            CoverageState::NoFigure => "no_figure",
        }
    }

    /// A short class-name-safe name for styling, distinct for every state.
    pub fn style(self) -> &'static str {
        match self {
            CoverageState::SuspectedCopy => "suspect",
            other => other.code(),
        }
    }

    /// The cell's words.
    pub fn words(self) -> &'static str {
        match self {
            CoverageState::Status(status) => status.words(),
            CoverageState::SuspectedCopy => "suspected copying error",
            CoverageState::NoFigure => NO_FIGURE,
        }
    }

    /// The symbol printed beside the words, so no state relies on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            CoverageState::Status(Status::Reported) => "✓",
            CoverageState::Status(Status::Nil) => "0",
            CoverageState::SuspectedCopy => "!",
            CoverageState::Status(Status::NoActivity) => "–",
            CoverageState::Status(Status::NotPublished) => "×",
            CoverageState::Status(Status::NotApplicable) => "n/a",
            CoverageState::NoFigure => "?",
        }
    }

    /// The key's explanation.
    pub fn explanation(self) -> &'static str {
        match self {
            CoverageState::Status(Status::Reported) => "reported: the source prints a figure.",
            CoverageState::Status(Status::Nil) => "nil: the source prints a real zero.",
            CoverageState::SuspectedCopy => "suspected copying error: the figure printed is evidently copied from the museum's total visits; the explorer leaves it out of its totals.",
            CoverageState::Status(status) => status.explanation().unwrap_or(""),
            CoverageState::NoFigure => "no figure: the sources hold no row for this museum and year.",
        }
    }

    /// Counts towards "reported": the source prints a number (a suspected copy included,
    /// since it was printed; the grid shows it apart).
    pub fn has_number(self) -> bool {
        match self {
            CoverageState::Status(status) => status.has_value(),
            CoverageState::SuspectedCopy => true,
            CoverageState::NoFigure => false,
        }
    }

    /// Counts towards "expected": everything but "not applicable".
    pub fn is_expected(self) -> bool {
        self != CoverageState::Status(Status::NotApplicable)
    }
}

/// One museum × year cell of the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageCell {
    pub year: FinancialYear,
    pub state: CoverageState,
    /// Markers for a series break before this year, figures not comparable with later
    /// years, or a change of scope from the previous figure.
    pub markers: Vec<Marker>,
    /// The explorer's view of this museum (or published row) and year.
    pub explorer_query: String,
}

/// One row of the grid: a museum, or a published row (DCMS's total, the sector figure).
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    pub museum: u16,
    pub cells: Vec<CoverageCell>,
    pub reported: usize,
    pub expected: usize,
}

/// "14 of 15 reported" for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearCount {
    pub year: FinancialYear,
    pub reported: usize,
    pub expected: usize,
}

/// The whole grid of one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageGrid {
    pub metric: u16,
    pub years: Vec<FinancialYear>,
    /// Museums, by name; counted.
    pub museum_rows: Vec<CoverageRow>,
    /// Published total and sector rows; shown, never counted.
    pub published_rows: Vec<CoverageRow>,
    /// Counts of the museum rows per year.
    pub year_counts: Vec<YearCount>,
}

/// A change of the scope a published figure covers (e.g. 17 to 22 national museums).
pub const SCOPE_CHANGE: Marker = Marker {
    symbol: "sc",
    title: "Scope differs from the previous figure",
};

/// "14 of 15 reported".
pub fn count_text(reported: usize, expected: usize) -> String {
    format!("{reported} of {expected} reported")
}

fn state_of(dataset: &Dataset, fact: Option<Fact>) -> CoverageState {
    match fact {
        None => CoverageState::NoFigure,
        Some(f) if f.flags & dataset.known_flags.suspect_duplicate != 0 => {
            CoverageState::SuspectedCopy
        }
        Some(f) => CoverageState::Status(f.status),
    }
}

/// The markers of one cell; `previous_scope` is the scope of the row's last figure.
fn markers_of(
    dataset: &Dataset,
    fact: Option<Fact>,
    previous_scope: &mut Option<String>,
) -> Vec<Marker> {
    let Some(fact) = fact else {
        return Vec::new();
    };
    let known = dataset.known_flags;
    let mut markers = Vec::new();
    if fact.flags & known.series_break != 0 {
        markers.push(Marker::SERIES_BREAK);
    }
    if fact.flags & known.not_comparable != 0 {
        markers.push(Marker {
            symbol: "nc",
            title: "Not comparable with later years",
        });
    }
    if let Some(scope) = dataset.scope(fact.index).map(str::to_string) {
        if previous_scope.as_ref().is_some_and(|p| *p != scope) {
            markers.push(SCOPE_CHANGE);
        }
        *previous_scope = Some(scope);
    }
    markers
}

/// The explorer's view of one museum (all museums for a published row) in one year.
fn explorer_view(dataset: &Dataset, metric: u16, museum: u16, year: FinancialYear) -> String {
    let state = ViewState {
        museums: (!dataset.museum(museum).is_aggregate).then(|| vec![museum]),
        from: Some(year),
        to: Some(year),
        ..ViewState::for_metric(metric)
    };
    to_query(dataset, &state)
}

fn coverage_row(
    dataset: &Dataset,
    metric: u16,
    museum: u16,
    years: &[FinancialYear],
) -> CoverageRow {
    let mut previous_scope = None;
    let cells: Vec<CoverageCell> = years
        .iter()
        .map(|&year| {
            let fact = dataset.find_fact(metric, museum, year);
            CoverageCell {
                year,
                state: state_of(dataset, fact),
                markers: markers_of(dataset, fact, &mut previous_scope),
                explorer_query: explorer_view(dataset, metric, museum, year),
            }
        })
        .collect();
    CoverageRow {
        museum,
        reported: cells.iter().filter(|c| c.state.has_number()).count(),
        expected: cells.iter().filter(|c| c.state.is_expected()).count(),
        cells,
    }
}

/// The grid of one metric: every museum and published row the data has any row for, over
/// the metric's years.
pub fn coverage_grid(dataset: &Dataset, metric: u16) -> CoverageGrid {
    let years = metric_years(dataset, metric);
    // Each museum or published row with any fact has one run in the metric's index.
    let runs = &dataset.metric_index(metric).runs;
    let mut museums: Vec<u16> = runs.iter().map(|run| run.museum).collect();
    dataset.sort_by_name(&mut museums);
    let (published, museums): (Vec<u16>, Vec<u16>) = museums
        .into_iter()
        .partition(|m| dataset.museum(*m).is_aggregate);
    let rows = |list: Vec<u16>| -> Vec<CoverageRow> {
        list.into_iter()
            .map(|m| coverage_row(dataset, metric, m, &years))
            .collect()
    };
    let museum_rows = rows(museums);
    let published_rows = rows(published);
    let year_counts = years
        .iter()
        .enumerate()
        .map(|(column, &year)| YearCount {
            year,
            reported: museum_rows
                .iter()
                .filter(|r| r.cells[column].state.has_number())
                .count(),
            expected: museum_rows
                .iter()
                .filter(|r| r.cells[column].state.is_expected())
                .count(),
        })
        .collect();
    CoverageGrid {
        metric,
        years,
        museum_rows,
        published_rows,
        year_counts,
    }
}

/// The states and markers the grid uses, in the key's order.
pub fn states_on_screen(grid: &CoverageGrid) -> (Vec<CoverageState>, Vec<Marker>) {
    let cells = || {
        grid.museum_rows
            .iter()
            .chain(&grid.published_rows)
            .flat_map(|r| &r.cells)
    };
    let states = CoverageState::ALL
        .into_iter()
        .filter(|s| cells().any(|c| c.state == *s))
        .collect();
    let mut markers: Vec<Marker> = cells().flat_map(|c| c.markers.clone()).collect();
    sort_unique(&mut markers);
    (states, markers)
}

/// "Across all years, 230 of 255 museum cells that could have a figure have one."
pub fn headline(dataset: &Dataset, grid: &CoverageGrid) -> String {
    let reported: usize = grid.year_counts.iter().map(|c| c.reported).sum();
    let expected: usize = grid.year_counts.iter().map(|c| c.expected).sum();
    let label = &dataset.metric(grid.metric).label;
    if grid.museum_rows.is_empty() {
        return format!("{label} is published only as a total, not per museum.");
    }
    format!(
        "{label}: {reported} of {expected} museum-years that could have a figure have one, across {} museums and {} years.",
        grid.museum_rows.len(),
        grid.years.len()
    )
}
