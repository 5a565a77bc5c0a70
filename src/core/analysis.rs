//! Change between years, share of the recomputed total, and rank, for the museums and the
//! total of a view. Never from a missing value; a change across a series break is computed
//! but carries a warning.

use super::format::{fixed, number_text, signed_percent, signed_value};
use super::model::{Dataset, Fact, Unit};
use super::order::sort_small_by;
use super::query::{build_table, TableView};
use super::view_state::ViewState;
use super::year::FinancialYear;

/// Why a change could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoChange {
    /// The base year has no number (missing, not published, not applicable…).
    MissingBase,
    /// The latest year has no number.
    MissingLatest,
}

impl NoChange {
    /// What the change column says instead of a figure.
    pub fn words(self) -> &'static str {
        match self {
            NoChange::MissingBase => "cannot compute: no figure in the base year",
            NoChange::MissingLatest => "cannot compute: no figure in the latest year",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub base_year: FinancialYear,
    pub latest_year: FinancialYear,
    pub from: f64,
    pub to: f64,
    pub absolute: f64,
    /// `None` when the base is zero.
    pub percent: Option<f64>,
    /// A series break (or a not-comparable base) lies between the two years.
    pub crosses_break: bool,
}

impl Change {
    /// "+6 (+17.1%)", "−6 (−17.1%)", "+5 (base is zero)": the change as its column prints it.
    pub fn text(&self, unit: Unit) -> String {
        let percent = self
            .percent
            .map(signed_percent)
            .unwrap_or_else(|| "base is zero".into());
        format!("{} ({percent})", signed_value(self.absolute, unit))
    }
}

pub type ChangeResult = Result<Change, NoChange>;

fn change_from_levels(
    base_year: FinancialYear,
    latest_year: FinancialYear,
    from: Option<f64>,
    to: Option<f64>,
    crosses_break: bool,
) -> ChangeResult {
    let from = from.ok_or(NoChange::MissingBase)?;
    let to = to.ok_or(NoChange::MissingLatest)?;
    Ok(Change {
        base_year,
        latest_year,
        from,
        to,
        absolute: to - from,
        percent: exact_percent_change(from, to),
        crosses_break,
    })
}

/// (to − from) / from × 100; `None` from a zero base.
fn exact_percent_change(from: f64, to: f64) -> Option<f64> {
    (from != 0.0).then(|| (to - from) / from * 100.0)
}

/// Percentage change rounded to one decimal place, as the headlines compare it.
pub fn percent_change(from: f64, to: f64) -> Option<f64> {
    exact_percent_change(from, to).map(|percent| (percent * 10.0).round() / 10.0)
}

/// True when one museum's series has a break after `base` up to and including `latest`,
/// or its base value is flagged as not comparable with later years.
fn series_breaks_between(
    dataset: &Dataset,
    metric: u16,
    museum: u16,
    base: FinancialYear,
    latest: FinancialYear,
) -> bool {
    let flags = dataset.known_flags;
    dataset.facts_of(metric, museum).any(|fact: Fact| {
        (fact.year > base && fact.year <= latest && fact.flags & flags.series_break != 0)
            || (fact.year == base && fact.flags & flags.not_comparable != 0)
    })
}

/// Change for one museum from `base` to `latest`.
pub fn museum_change(
    dataset: &Dataset,
    metric: u16,
    museum: u16,
    base: FinancialYear,
    latest: FinancialYear,
) -> ChangeResult {
    let level = |year| {
        dataset
            .find_fact(metric, museum, year)
            .and_then(|f| f.value)
    };
    let crosses = series_breaks_between(dataset, metric, museum, base, latest);
    change_from_levels(base, latest, level(base), level(latest), crosses)
}

/// Change of the recomputed total of the same museums, with the coverage of both years.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalChange {
    pub change: ChangeResult,
    pub base_coverage: String,
    pub latest_coverage: String,
    /// The two totals add up different museums.
    pub coverage_differs: bool,
}

fn single_year_table(
    dataset: &Dataset,
    metric: u16,
    museums: &[u16],
    year: FinancialYear,
) -> TableView {
    build_table(
        dataset,
        &ViewState {
            metric,
            museums: Some(museums.to_vec()),
            from: Some(year),
            to: Some(year),
            ..ViewState::for_metric(metric)
        },
    )
}

pub fn total_change(
    dataset: &Dataset,
    table: &TableView,
    base: FinancialYear,
    latest: FinancialYear,
) -> Option<TotalChange> {
    table.computed_total()?;
    let museums: Vec<u16> = table.museum_rows.iter().map(|r| r.museum).collect();
    let total_at = |year| {
        let single = single_year_table(dataset, table.metric, &museums, year);
        let cell = single
            .computed_total()
            .and_then(|totals| totals.last().cloned());
        let reporters: Vec<u16> = single
            .museum_rows
            .iter()
            .filter(|row| row.cells.first().and_then(|c| c.value()).is_some())
            .map(|row| row.museum)
            .collect();
        (cell, reporters)
    };
    let (base_total, base_reporters) = total_at(base);
    let (latest_total, latest_reporters) = total_at(latest);
    let crosses = museums
        .iter()
        .any(|&m| series_breaks_between(dataset, table.metric, m, base, latest));
    Some(TotalChange {
        change: change_from_levels(
            base,
            latest,
            base_total.as_ref().and_then(|t| t.value),
            latest_total.as_ref().and_then(|t| t.value),
            crosses,
        ),
        base_coverage: base_total
            .as_ref()
            .map(|t| t.coverage())
            .unwrap_or_default(),
        latest_coverage: latest_total
            .as_ref()
            .map(|t| t.coverage())
            .unwrap_or_default(),
        coverage_differs: base_reporters != latest_reporters,
    })
}

/// One museum's place in the latest year of a view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub museum: u16,
    pub value: f64,
    /// Per cent of the recomputed total; `None` when the metric has no total.
    pub share: Option<f64>,
    /// 1 = largest; tied values share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub of: usize,
}

/// Share and rank of each reporting museum in the view's last year, largest first.
pub fn standings(dataset: &Dataset, table: &TableView) -> Vec<Standing> {
    let Some(column) = table.years.len().checked_sub(1) else {
        return Vec::new();
    };
    let total = table
        .computed_total()
        .and_then(|totals| totals[column].value);
    let mut reporting: Vec<(u16, f64)> = table
        .museum_rows
        .iter()
        .filter_map(|row| row.cells[column].fact)
        .filter(|fact| fact.flags & dataset.known_flags.suspect_duplicate == 0)
        .filter_map(|fact| Some((fact.museum, fact.value?)))
        .collect();
    sort_small_by(&mut reporting, |a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| dataset.museum(a.0).name.cmp(&dataset.museum(b.0).name))
    });
    let of = reporting.len();
    reporting
        .iter()
        .map(|&(museum, value)| Standing {
            museum,
            value,
            share: total.filter(|t| *t != 0.0).map(|t| value / t * 100.0),
            rank: 1 + reporting.iter().filter(|(_, other)| *other > value).count(),
            of,
        })
        .collect()
}

impl TotalChange {
    /// "13 of 15 museums reported then 14 of 15 museums reported", when the two totals add
    /// up different museums.
    pub fn coverage_note(&self) -> Option<String> {
        self.coverage_differs
            .then(|| format!("{} then {}", self.base_coverage, self.latest_coverage))
    }
}

/// Words under a change that spans a series break, beside its marker.
pub const ACROSS_BREAK_WORDS: &str = "across a series break";

/// Whether a change cell holds a figure; `code()` is its `data-change-status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeStatus {
    Computed,
    MissingBase,
    MissingLatest,
}

impl ChangeStatus {
    /// "computed", "missing-base" or "missing-latest".
    pub fn code(self) -> &'static str {
        match self {
            ChangeStatus::Computed => "computed",
            ChangeStatus::MissingBase => "missing-base",
            ChangeStatus::MissingLatest => "missing-latest",
        }
    }

    /// No figure: the cell is styled as missing.
    pub fn is_missing(self) -> bool {
        self != ChangeStatus::Computed
    }
}

impl From<NoChange> for ChangeStatus {
    fn from(reason: NoChange) -> ChangeStatus {
        match reason {
            NoChange::MissingBase => ChangeStatus::MissingBase,
            NoChange::MissingLatest => ChangeStatus::MissingLatest,
        }
    }
}

/// Everything the change column shows for one museum or the total: the words, the status
/// and the raw figures for the `data-*` attributes (empty when there is no figure).
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeCell {
    pub status: ChangeStatus,
    pub text: String,
    /// `data-change-abs`: the unrounded absolute change.
    pub data_absolute: String,
    /// `data-change-pct`: the percentage change to one decimal place; empty from a zero base.
    pub data_percent: String,
    /// The change spans a series break, so the cell carries the break marker.
    pub crosses_break: bool,
}

impl ChangeCell {
    /// The cell for a change (or the reason there is none), in the metric's unit.
    pub fn new(change: &ChangeResult, unit: Unit) -> ChangeCell {
        match change {
            Ok(change) => ChangeCell {
                status: ChangeStatus::Computed,
                text: change.text(unit),
                data_absolute: number_text(change.absolute),
                data_percent: change.percent.map(|p| fixed(p, 1)).unwrap_or_default(),
                crosses_break: change.crosses_break,
            },
            Err(reason) => ChangeCell {
                status: ChangeStatus::from(*reason),
                text: reason.words().into(),
                data_absolute: String::new(),
                data_percent: String::new(),
                crosses_break: false,
            },
        }
    }
}

/// The two years a change column compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareYears {
    pub base: FinancialYear,
    pub latest: FinancialYear,
}

impl CompareYears {
    /// The pair when `base` comes before `latest`; a change needs two different years.
    pub fn new(base: FinancialYear, latest: FinancialYear) -> Option<CompareYears> {
        (base < latest).then_some(CompareYears { base, latest })
    }

    /// "Change, 2015/16 to 2023/24".
    pub fn heading(self) -> String {
        format!("Change, {} to {}", self.base, self.latest)
    }
}

/// The change, share and rank columns a view adds beside each museum's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtraColumns {
    /// A change column, when a base year before the view's last year is chosen.
    pub compare: Option<CompareYears>,
    /// A share-of-total column: museum rows with a recomputed total.
    pub share: bool,
    /// A second share column, of every reporting museum's total: only some museums are
    /// selected, so the first share is of the selection.
    pub share_of_all: bool,
    /// A rank column: there are museum rows.
    pub standings: bool,
}

impl ExtraColumns {
    /// The extra columns of `table` with `compare` as the chosen base year.
    pub fn for_table(table: &TableView, compare: Option<FinancialYear>) -> ExtraColumns {
        let has_museums = !table.museum_rows.is_empty();
        let share = has_museums && table.computed_total().is_some();
        ExtraColumns {
            compare: compare
                .zip(table.years.last().copied())
                .and_then(|(base, latest)| CompareYears::new(base, latest)),
            share,
            share_of_all: share && !table.all_museums_selected,
            standings: has_museums,
        }
    }

    /// How many columns there are beside the name.
    pub fn count(self) -> usize {
        usize::from(self.compare.is_some()) + self.after_change()
    }

    /// How many columns follow the change column (shares and rank).
    pub fn after_change(self) -> usize {
        usize::from(self.share) + usize::from(self.share_of_all) + usize::from(self.standings)
    }

    /// "Rank, 2023/24".
    pub fn rank_heading(latest: FinancialYear) -> String {
        format!("Rank, {}", latest.label())
    }
}

/// Whose total a share column divides by, and how many museums reported to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareOf {
    /// The museums on screen; `every_museum` when they are all the museums with figures.
    Shown {
        reporting: usize,
        every_museum: bool,
    },
    /// Every museum with figures, beside a selection of some of them.
    AllReporting { reporting: usize },
}

impl ShareOf {
    /// "Share of the 14 reporting museums, 2023/24", "Share of the 2 selected museums,
    /// 2023/24", "Share of all 14 reporting museums, 2023/24": the header says of what.
    pub fn heading(self, latest: FinancialYear) -> String {
        let museums = |n: usize| if n == 1 { "museum" } else { "museums" };
        match self {
            ShareOf::Shown {
                reporting,
                every_museum: true,
            } => format!(
                "Share of the {reporting} reporting {}, {latest}",
                museums(reporting)
            ),
            ShareOf::Shown { reporting, .. } => {
                format!(
                    "Share of the {reporting} selected {}, {latest}",
                    museums(reporting)
                )
            }
            ShareOf::AllReporting { reporting } => {
                format!(
                    "Share of all {reporting} reporting {}, {latest}",
                    museums(reporting)
                )
            }
        }
    }
}

/// The share columns' bases in the view's last year: the museums on screen, and (when
/// only some are selected) every museum with figures, with the latter's standings.
pub struct ShareBases {
    pub shown: ShareOf,
    pub all: Option<(ShareOf, Vec<Standing>)>,
}

/// How many museums reported to the view's last recomputed total, and every museum's
/// standing when the view holds only some of them. `None` without a total.
pub fn share_bases(dataset: &Dataset, table: &TableView) -> Option<ShareBases> {
    let latest = *table.years.last()?;
    let reporting = table.computed_total()?.last()?.reported;
    let shown = ShareOf::Shown {
        reporting,
        every_museum: table.all_museums_selected,
    };
    let all = (!table.all_museums_selected).then(|| {
        let everyone = build_table(
            dataset,
            &ViewState {
                from: Some(latest),
                to: Some(latest),
                ..ViewState::for_metric(table.metric)
            },
        );
        let reporting = everyone
            .computed_total()
            .and_then(|totals| totals.last())
            .map_or(0, |total| total.reported);
        (
            ShareOf::AllReporting { reporting },
            standings(dataset, &everyone),
        )
    });
    Some(ShareBases { shown, all })
}

/// The share and rank cells of one museum row: words, and raw values for `data-*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandingCells {
    /// "12.3%" or "not reported".
    pub share_text: String,
    /// `data-share` and `data-share-pct`: "12.3", empty without a share.
    pub data_share: String,
    /// "3 of 14" or "not ranked".
    pub rank_text: String,
    /// `data-rank`: "3", empty when not ranked.
    pub data_rank: String,
}

impl StandingCells {
    /// The cells of a museum with `standing` (`None`: it reported no figure to rank).
    pub fn new(standing: Option<&Standing>) -> StandingCells {
        let (share_text, data_share) = share_words(standing);
        StandingCells {
            share_text,
            data_share,
            rank_text: standing
                .map(|s| format!("{} of {}", s.rank, s.of))
                .unwrap_or_else(|| "not ranked".into()),
            data_rank: standing.map(|s| s.rank.to_string()).unwrap_or_default(),
        }
    }
}

/// "12.3%" and "12.3" for a share, or "not reported" and nothing.
pub fn share_words(standing: Option<&Standing>) -> (String, String) {
    match standing.and_then(|s| s.share) {
        Some(share) => (format!("{}%", fixed(share, 1)), fixed(share, 1)),
        None => ("not reported".into(), String::new()),
    }
}

/// The change of a published row (DCMS's total or the sector figure), computed like any
/// museum's, so the explorer and the headlines page give the same figure.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedRowChange {
    pub change: ChangeResult,
    /// "17 national museums in 2017/18, 22 national museums in 2020/21": the two figures
    /// cover different sets of museums, so the change is not like for like.
    pub scope_note: Option<String>,
}

/// The change of published row `museum` from `base` to `latest`, with the scope caveat.
pub fn published_row_change(
    dataset: &Dataset,
    metric: u16,
    museum: u16,
    base: FinancialYear,
    latest: FinancialYear,
) -> PublishedRowChange {
    let scope = |year| {
        dataset
            .find_fact(metric, museum, year)
            .and_then(|fact| dataset.scope(fact.index))
    };
    let scope_note = match (scope(base), scope(latest)) {
        (Some(before), Some(after)) if before != after => Some(format!(
            "covers {before} in {base}, {after} in {latest}: not like for like"
        )),
        _ => None,
    };
    PublishedRowChange {
        change: museum_change(dataset, metric, museum, base, latest),
        scope_note,
    }
}
