//! The view state (what the URL carries) and every change a control can make to it.
//!
//! Each control's rule lives here as a method that returns the next state, so the views
//! only call `store.update(|state| state.with_…(…))` and the rules are tested on the host:
//! which years a "change since" can start from, keeping the year range the right way
//! round, "every museum ticked" meaning "all", "none ticked" being a view of its own that
//! asks the reader to pick a museum (never a silent return to "all").

use super::analysis::CompareYears;
use super::model::{Dataset, Museum};
use super::query::{metric_years, museums_with_data, museums_with_data_in};
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
    /// `None`: every museum with data for the metric in the year range. `Some` of an empty
    /// list: no museum (the reader unticked them all; the URL says `museums=none`).
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
            // A selection that had museums but keeps none of them falls back to "all";
            // "no museum" stays "no museum".
            .filter(|list| !list.is_empty() || self.no_museums());
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
    /// has the shorter link); unticking the last one leaves no museum, which the page
    /// says instead of quietly showing them all again.
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
            museums: (!everything).then_some(chosen),
            ..self.clone()
        }
    }

    /// Every museum with figures ("Select all").
    pub fn with_all_museums(&self) -> ViewState {
        ViewState {
            museums: None,
            ..self.clone()
        }
    }

    /// No museum at all ("Select none"), so the reader can tick just the ones wanted.
    pub fn with_no_museums(&self) -> ViewState {
        ViewState {
            museums: Some(Vec::new()),
            ..self.clone()
        }
    }

    /// This museum alone ("only"); when it is the metric's only museum, that is "all".
    pub fn with_only_museum(&self, dataset: &Dataset, museum: u16) -> ViewState {
        let available = museums_with_data(dataset, self.metric);
        let only_one = available.len() == 1 && available.contains(&museum);
        ViewState {
            museums: (!only_one).then(|| vec![museum]),
            ..self.clone()
        }
    }

    /// The reader has unticked every museum: the page asks for one instead of a view.
    pub fn no_museums(&self) -> bool {
        self.museums.as_ref().is_some_and(|list| list.is_empty())
    }

    /// What the museum picker says about the selection for this metric.
    pub fn museum_selection(&self, dataset: &Dataset) -> MuseumSelection {
        let available = museums_with_data(dataset, self.metric).len();
        match &self.museums {
            _ if available == 0 => MuseumSelection::MetricHasNoMuseums,
            None => MuseumSelection::All { available },
            Some(list) if list.is_empty() => MuseumSelection::NoneChosen,
            Some(list) => MuseumSelection::Some {
                chosen: list.len(),
                available,
            },
        }
    }

    /// The current choice in a line ("UK loan venues; all 16 museums; 2008/09 to 2023/24"),
    /// stated by the "Change what is shown" disclosure while its controls are hidden.
    pub fn choice_summary(&self, dataset: &Dataset) -> String {
        let mut parts = vec![dataset.metric(self.metric).label.clone()];
        parts.push(self.museum_selection(dataset).short_words(dataset, self));
        if let Some((from, to)) = self.year_bounds(dataset) {
            parts.push(if from == to {
                from.to_string()
            } else {
                format!("{from} to {to}")
            });
        }
        if let Some(compare) = self.compare {
            parts.push(format!("change since {compare}"));
        }
        parts.join("; ")
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

/// The museum selection as the picker and the "Change what is shown" line word it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MuseumSelection {
    /// The metric has figures only for the sector or a published total, not per museum.
    MetricHasNoMuseums,
    /// Every one of the `available` museums with figures.
    All { available: usize },
    /// The reader unticked every museum.
    NoneChosen,
    /// `chosen` of the `available` museums.
    Some { chosen: usize, available: usize },
}

impl MuseumSelection {
    /// The words beside the picker's "Select all" / "Select none" buttons.
    pub fn status_words(self) -> String {
        match self {
            MuseumSelection::MetricHasNoMuseums => {
                "This metric has no figures for individual museums: only the published sector or total figures are shown.".into()
            }
            MuseumSelection::All { available: 1 } => {
                "The one museum with figures is selected.".into()
            }
            MuseumSelection::All { available } => {
                format!("All {available} museums with figures are selected.")
            }
            MuseumSelection::NoneChosen => "No museum is selected. Pick at least one museum.".into(),
            MuseumSelection::Some { chosen, available } => {
                format!("{chosen} of {available} museums with figures selected.")
            }
        }
    }

    /// Short form for the one-line summary of the view: the museum's name when only one is
    /// chosen.
    fn short_words(self, dataset: &Dataset, state: &ViewState) -> String {
        match self {
            MuseumSelection::MetricHasNoMuseums => "sector figures only".into(),
            // "All" shows the museums with figures in the years shown, so count those.
            MuseumSelection::All { .. } => {
                let shown = museums_with_data_in(dataset, state.metric, state.year_bounds(dataset));
                match shown.as_slice() {
                    [only] => format!(
                        "{} (the one museum with figures)",
                        dataset.museum(*only).name
                    ),
                    _ => format!("all {} museums", shown.len()),
                }
            }
            MuseumSelection::NoneChosen => "no museum selected".into(),
            MuseumSelection::Some { chosen: 1, .. } => state
                .museums
                .as_ref()
                .and_then(|list| list.first())
                .map(|m| dataset.museum(*m).name.clone())
                .unwrap_or_default(),
            MuseumSelection::Some { chosen, available } => {
                format!("{chosen} of {available} museums")
            }
        }
    }
}

/// Whether a museum matches what the reader typed in the picker's filter: every word typed
/// (ignoring case, apostrophes and full stops; `&` read as "and") appears in its name, its
/// short name or one of its aliases, so "nat gal", "V&A", "soanes" and "tate" all find theirs.
/// An empty filter matches every museum.
pub fn museum_matches_filter(museum: &Museum, filter: &str) -> bool {
    let wanted = fold_for_filter(filter);
    if wanted.trim().is_empty() {
        return true;
    }
    let names = std::iter::once(&museum.name)
        .chain(std::iter::once(&museum.short_name))
        .chain(museum.aliases.iter())
        .map(|name| fold_for_filter(name))
        .collect::<Vec<_>>();
    names
        .iter()
        .any(|name| wanted.split_whitespace().all(|word| name.contains(word)))
}

/// Lower case, with `&` read as "and" and apostrophes and full stops dropped.
fn fold_for_filter(text: &str) -> String {
    text.to_lowercase()
        .replace('&', " and ")
        .replace(['\'', '’', '.'], "")
}
