//! The view state (what the URL carries) and every change a control can make to it.
//!
//! Each control's rule lives here as a method that returns the next state, so the views
//! only call `store.update(|state| state.with_…(…))` and the rules are tested on the host:
//! which years a "change since" can start from, keeping the year range the right way
//! round, "every museum ticked" meaning "all", never an empty museum selection.

use super::analysis::CompareYears;
use super::model::Dataset;
use super::query::{metric_years, museums_with_data};
use super::revisions::RevisionFilter;
use super::totals_audit::AuditFilter;
use super::year::FinancialYear;

/// Metric shown when the URL names none.
pub const DEFAULT_METRIC: &str = "uk_loan_venues";

/// How the figures are drawn above the table (the table is always on the page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Line chart when the view spans several years, bar chart for a single year.
    Auto,
    Table,
    Bar,
    Line,
}

impl ChartKind {
    /// The choices the view switcher offers, with their `view=` codes.
    pub const CHOICES: [(ChartKind, &'static str); 3] = [
        (ChartKind::Table, "table"),
        (ChartKind::Bar, "bar"),
        (ChartKind::Line, "line"),
    ];

    /// The `view=` code; `None` for [`ChartKind::Auto`], which the URL leaves out.
    pub fn code(self) -> Option<&'static str> {
        ChartKind::CHOICES
            .iter()
            .find(|(kind, _)| *kind == self)
            .map(|(_, code)| *code)
    }

    pub fn from_code(code: &str) -> Option<ChartKind> {
        ChartKind::CHOICES
            .iter()
            .find(|(_, c)| *c == code)
            .map(|(kind, _)| *kind)
    }

    /// The chart actually drawn for a view spanning `year_count` years.
    pub fn resolve(self, year_count: usize) -> ChartKind {
        match self {
            ChartKind::Auto if year_count > 1 => ChartKind::Line,
            ChartKind::Auto => ChartKind::Bar,
            chosen => chosen,
        }
    }

    /// The switcher's words for this choice.
    pub fn label(self) -> &'static str {
        match self {
            ChartKind::Table => "Table only",
            ChartKind::Bar => "Bar chart",
            ChartKind::Line | ChartKind::Auto => "Line chart",
        }
    }
}

/// What the chart's series are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesChoice {
    /// One series per museum (or the published rows when there are no museum rows).
    Museums,
    /// The recomputed total of the selected museums.
    Total,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Explorer,
    /// The publications' stated changes, recomputed.
    Headlines,
    /// Which museums and years have figures for the view's metric.
    Coverage,
    /// Values DCMS changed between its 2018/19 and 2023/24 releases.
    Revisions(RevisionFilter),
    /// Every published total beside the recomputed sum of its museum rows.
    Totals(AuditFilter),
}

impl Page {
    /// The `page=` code (`None` for the explorer, which the URL leaves out).
    pub fn code(self) -> Option<&'static str> {
        match self {
            Page::Explorer => None,
            Page::Headlines => Some("headlines"),
            Page::Coverage => Some("coverage"),
            Page::Revisions(_) => Some("revisions"),
            Page::Totals(_) => Some("totals"),
        }
    }

    /// The same page, whatever its filters: which page tab is pressed.
    pub fn same_page(self, other: Page) -> bool {
        self.code() == other.code()
    }
}

/// Which end of the year range a control sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearEnd {
    From,
    To,
}

impl YearEnd {
    /// The URL parameter that sets this end: `from` or `to`.
    pub fn param(self) -> &'static str {
        match self {
            YearEnd::From => "from",
            YearEnd::To => "to",
        }
    }
}

/// The whole view state, as the URL carries it (indexes into the dataset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    pub metric: u16,
    /// `None`: every museum with data for the metric in the year range.
    pub museums: Option<Vec<u16>>,
    /// `None`: the metric's first year.
    pub from: Option<FinancialYear>,
    /// `None`: the metric's last year.
    pub to: Option<FinancialYear>,
    pub chart: ChartKind,
    pub series: SeriesChoice,
    /// Base year of the change shown for each museum and the total.
    pub compare: Option<FinancialYear>,
    pub page: Page,
    /// Minimal, iframe-friendly page (chart or table, source line, link back).
    pub embed: bool,
}

impl ViewState {
    /// The default view of one metric: all museums, all years.
    pub fn for_metric(metric: u16) -> ViewState {
        ViewState {
            metric,
            museums: None,
            from: None,
            to: None,
            chart: ChartKind::Auto,
            series: SeriesChoice::Museums,
            compare: None,
            page: Page::Explorer,
            embed: false,
        }
    }

    /// The first and last year the view covers: `from`/`to` defaulted to the metric's
    /// range, clamped to it and put the right way round. `None` when the metric has no years.
    pub fn year_bounds(&self, dataset: &Dataset) -> Option<(FinancialYear, FinancialYear)> {
        self.bounds_within(&metric_years(dataset, self.metric))
    }

    /// [`ViewState::year_bounds`] against the metric's sorted `years`, already looked up.
    pub fn bounds_within(&self, years: &[FinancialYear]) -> Option<(FinancialYear, FinancialYear)> {
        let (first, last) = (*years.first()?, *years.last()?);
        let from = self.from.unwrap_or(first).clamp(first, last);
        let to = self.to.unwrap_or(last).clamp(first, last);
        Some((from.min(to), from.max(to)))
    }

    /// The years a "change since" can start from: the metric's years before the last
    /// year shown (a change needs a later year to end in).
    pub fn compare_choices(&self, dataset: &Dataset) -> Vec<FinancialYear> {
        let Some((_, latest)) = self.year_bounds(dataset) else {
            return Vec::new();
        };
        metric_years(dataset, self.metric)
            .into_iter()
            .filter(|year| CompareYears::new(*year, latest).is_some())
            .collect()
    }

    /// Whether a museum's box is ticked, given the metric's museums with figures
    /// (`available`, from [`museums_with_data`]): all of them when none is chosen.
    pub fn museum_ticked(&self, available: &[u16], museum: u16) -> bool {
        match &self.museums {
            Some(list) => list.contains(&museum),
            None => available.contains(&museum),
        }
    }

    /// The same view for another metric: museums and years are kept where the new metric
    /// has them, otherwise reset to "all".
    pub fn with_metric(&self, dataset: &Dataset, metric: u16) -> ViewState {
        let available = museums_with_data(dataset, metric);
        let museums = self
            .museums
            .as_ref()
            .map(|list| {
                list.iter()
                    .copied()
                    .filter(|m| available.contains(m))
                    .collect::<Vec<_>>()
            })
            .filter(|list| !list.is_empty());
        let years = metric_years(dataset, metric);
        let keep = |year: Option<FinancialYear>| year.filter(|y| years.contains(y));
        ViewState {
            metric,
            museums,
            from: keep(self.from),
            to: keep(self.to),
            compare: keep(self.compare),
            ..self.clone()
        }
    }

    /// Moves one end of the year range. Moving it past the other end moves both, so the
    /// range stays the right way round.
    pub fn with_year(&self, dataset: &Dataset, end: YearEnd, year: FinancialYear) -> ViewState {
        let (from, to) = self.year_bounds(dataset).unwrap_or((year, year));
        let (from, to) = match end {
            YearEnd::From => (year, to.max(year)),
            YearEnd::To => (from.min(year), year),
        };
        ViewState {
            from: Some(from),
            to: Some(to),
            ..self.clone()
        }
    }

    /// Ticks or unticks one museum. Every museum ticked is the same view as "all" (and
    /// has the shorter link); unticking the last one also falls back to "all", since a
    /// view of no museums shows nothing.
    pub fn toggle_museum(&self, dataset: &Dataset, museum: u16, ticked: bool) -> ViewState {
        let available = museums_with_data(dataset, self.metric);
        let mut chosen = self.museums.clone().unwrap_or_else(|| available.clone());
        chosen.retain(|m| *m != museum);
        if ticked {
            chosen.push(museum);
        }
        dataset.sort_by_name(&mut chosen);
        let everything = available.iter().all(|m| chosen.contains(m));
        ViewState {
            museums: (!everything && !chosen.is_empty()).then_some(chosen),
            ..self.clone()
        }
    }

    /// Every museum with figures (the "all" box).
    pub fn with_all_museums(&self) -> ViewState {
        ViewState {
            museums: None,
            ..self.clone()
        }
    }

    pub fn with_chart(&self, chart: ChartKind) -> ViewState {
        ViewState {
            chart,
            ..self.clone()
        }
    }

    pub fn with_series(&self, series: SeriesChoice) -> ViewState {
        ViewState {
            series,
            ..self.clone()
        }
    }

    /// Sets or clears the base year of the change column.
    pub fn with_compare(&self, compare: Option<FinancialYear>) -> ViewState {
        ViewState {
            compare,
            ..self.clone()
        }
    }

    pub fn with_page(&self, page: Page) -> ViewState {
        ViewState {
            page,
            ..self.clone()
        }
    }

    /// The same view as an iframe page (or back to the full page).
    pub fn with_embed(&self, embed: bool) -> ViewState {
        ViewState {
            embed,
            ..self.clone()
        }
    }
}
