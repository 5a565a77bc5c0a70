//! Flag codes become short visible markers in words (`[break]`, `[revised]`) with a
//! plain-English key, the legend, below the table.
//!
//! [`FLAG_TABLE`] is the one description of every flag code: the marker it shows (if any)
//! and the rule of the engine it triggers (if any). Both the markers and the dataset's
//! [`KnownFlags`](super::model::KnownFlags) are built from it.

use super::format::NO_FIGURE;
use super::model::{Dataset, Qualifier, Status};
use super::order::sort_unique;
use super::query::TableView;
use std::collections::BTreeSet;

/// One marker as a table or legend shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Marker {
    pub symbol: &'static str,
    pub title: &'static str,
}

impl Marker {
    /// Before a year whose figures are not comparable with earlier ones.
    pub const SERIES_BREAK: Marker = Marker {
        symbol: "break",
        title: "Series break",
    };
    /// On a change that spans a series break (the change column).
    pub const CHANGE_ACROSS_BREAK: Marker = Marker {
        symbol: "break",
        title: "Across a series break: not like for like",
    };
    /// A year the Covid-19 closures affected.
    pub const COVID: Marker = Marker {
        symbol: "Covid",
        title: "Covid-19: compare with caution",
    };
    /// A published total that is not the sum of its museum rows.
    pub const TOTAL_DIFFERS: Marker = Marker {
        symbol: "total differs",
        title: "Published total differs from the museum rows",
    };
    /// For a flag code [`FLAG_TABLE`] does not know.
    pub const OTHER: Marker = Marker {
        symbol: "caveat",
        title: "Other caveat",
    };

    const fn new(symbol: &'static str, title: &'static str) -> Marker {
        Marker { symbol, title }
    }

    /// `[break]`: the marker as the table prints it.
    pub fn text(self) -> String {
        format!("[{}]", self.symbol)
    }
}

/// A rule of the engine a flag triggers, beyond showing its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagRole {
    /// A series break before this year: a line break in charts, no like-for-like change.
    SeriesBreak,
    /// Earlier points of a series that is not comparable with later ones.
    NotComparable,
    /// A Covid-affected year: its column is shaded and marked.
    CovidCaution,
    /// An evident copying error, left out of recomputed totals.
    SuspectDuplicate,
}

/// What one flag code means to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlagRule {
    pub code: &'static str,
    /// `None`: information only, its effect is already in the cell's words (e.g. a DCMS
    /// 'w' shown as "no activity").
    pub marker: Option<Marker>,
    /// `None`: no rule of the engine reads it.
    pub role: Option<FlagRole>,
    /// What the marker tells a reader, in plain English (the legend's explanation); empty
    /// for information-only flags, which show no marker.
    pub reader: &'static str,
}

impl FlagRule {
    const fn marked(code: &'static str, marker: Marker, reader: &'static str) -> FlagRule {
        FlagRule {
            code,
            marker: Some(marker),
            role: None,
            reader,
        }
    }

    const fn information_only(code: &'static str) -> FlagRule {
        FlagRule {
            code,
            marker: None,
            role: None,
            reader: "",
        }
    }

    const fn acting_as(self, role: FlagRole) -> FlagRule {
        FlagRule {
            role: Some(role),
            ..self
        }
    }
}

/// Every flag code the data uses, with its marker and engine role.
pub const FLAG_TABLE: &[FlagRule] = &[
    FlagRule::marked(
        "break_in_series",
        Marker::SERIES_BREAK,
        "DCMS marks a break in the series: figures from this year on are not directly comparable with earlier years.",
    )
    .acting_as(FlagRole::SeriesBreak),
    FlagRule::marked(
        "method_break",
        Marker::SERIES_BREAK,
        "A DCMS note says the method, definition or coverage changes from this year, so earlier figures are not comparable.",
    )
    .acting_as(FlagRole::SeriesBreak),
    FlagRule::marked(
        "method_break_unnoted",
        Marker::SERIES_BREAK,
        "The figure falls by more than 90% from the year before with no note in this release; earlier DCMS releases footnoted a change of method here.",
    )
    .acting_as(FlagRole::SeriesBreak),
    FlagRule::marked(
        "smg_method_break",
        Marker::new("not comparable", "Not comparable with later years"),
        "Before 2016/17 the Science Museum Group's sites were counted separately (note 19), so this figure is not comparable with 2016/17 onwards.",
    )
    .acting_as(FlagRole::NotComparable),
    FlagRule::marked(
        "revised",
        Marker::new("revised", "Revised by DCMS"),
        "DCMS says this figure was revised since its previous release (note 2).",
    ),
    FlagRule::marked(
        "changed_since_2018_19_release",
        Marker::new("changed", "Changed since the 2018/19 release"),
        "The figure differs from the one in DCMS's 2018/19 release, or that release no longer shows it.",
    ),
    FlagRule::marked(
        "covid_caution",
        Marker::COVID,
        "The year was affected by Covid-19 closures and restrictions; DCMS advises caution when comparing (note 1).",
    )
    .acting_as(FlagRole::CovidCaution),
    FlagRule::marked(
        "site_closed",
        Marker::new("closed", "Site closed for part of the year"),
        "The museum was closed for refurbishment for all or part of the year, so the figure is partial.",
    ),
    FlagRule::marked(
        "definition_differs",
        Marker::new("different definition", "Definition differs"),
        "This museum counts something slightly different from the indicator's definition (for example under-16s instead of under-18s); see the DCMS notes below.",
    ),
    FlagRule::marked(
        "under_recorded",
        Marker::new("under-recorded", "Under-recorded"),
        "DCMS says this figure was not recorded for much of the year and is likely far too low (note 28).",
    ),
    FlagRule::marked(
        "suspect_duplicate_of_visits",
        Marker::new("copying error?", "Suspected copying error"),
        "The figure equals the museum's total visits, evidently copied into the wrong column of the DCMS table; it is left out of the recomputed total.",
    )
    .acting_as(FlagRole::SuspectDuplicate),
    FlagRule::marked(
        "total_differs_from_sum",
        Marker::TOTAL_DIFFERS,
        "DCMS's published total differs from the sum of the museum rows by more than rounding; hover over the total for the figures and the cause.",
    ),
    FlagRule::marked(
        "total_includes_tyne_wear",
        Marker::new("incl. Tyne and Wear", "Includes Tyne and Wear Museums"),
        "The published total includes Tyne and Wear Museums, although DCMS's note 8 says they are left out.",
    ),
    FlagRule::information_only("published_total"),
    FlagRule::information_only("nil_coded_zero"),
    FlagRule::information_only("w_code_in_source"),
    FlagRule::information_only("na_code_in_source"),
    FlagRule::information_only("numeric_text_in_source"),
];

/// The rule for a flag code, if [`FLAG_TABLE`] knows it.
pub fn rule_for(code: &str) -> Option<&'static FlagRule> {
    FLAG_TABLE.iter().find(|rule| rule.code == code)
}

/// The marker for a flag code: `None` for information-only flags, [`Marker::OTHER`] for
/// codes [`FLAG_TABLE`] does not know.
pub fn marker_for_flag(code: &str) -> Option<Marker> {
    rule_for(code).map_or(Some(Marker::OTHER), |rule| rule.marker)
}

/// Markers for every flag bit set in `mask`, in legend order, without repeats.
pub fn markers_in(dataset: &Dataset, mask: u32) -> Vec<Marker> {
    let mut markers: Vec<Marker> = dataset
        .flags_in(mask)
        .filter_map(|flag| marker_for_flag(&flag.code))
        .collect();
    sort_unique(&mut markers);
    markers
}

/// Plain-English explanation of a marker: the meanings of the flags behind it.
/// Each flag's reader text from [`FLAG_TABLE`]; a code the table does not know falls back
/// to the data's meaning (already rewritten for readers when the data was loaded).
pub fn explain(dataset: &Dataset, marker: Marker, mask: u32) -> Vec<String> {
    let mut texts: Vec<String> = dataset
        .flags_in(mask)
        .filter(|flag| marker_for_flag(&flag.code) == Some(marker))
        .map(|flag| match rule_for(&flag.code) {
            Some(rule) if !rule.reader.is_empty() => rule.reader.to_string(),
            _ => flag.meaning.clone(),
        })
        .collect();
    texts.dedup();
    texts
}

/// What one legend entry explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendItem {
    Marker(Marker),
    /// A status whose words stand in a cell instead of a number.
    Status(Status),
    /// Cells the data has no row for.
    NoFigure,
    /// How the source worded a figure ("at least").
    Qualifier(Qualifier),
}

/// The term a legend entry is listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendTerm {
    /// `[break]`.
    Marker(Marker),
    /// Statuses and "no figure".
    WordsInTheTable,
    /// Qualifiers.
    SourceWording,
}

impl LegendTerm {
    /// The term as the legend prints it.
    pub fn text(self) -> String {
        match self {
            // The marker is already words; its explanation follows in the legend.
            LegendTerm::Marker(marker) => marker.text(),
            LegendTerm::WordsInTheTable => "Words in the table".into(),
            LegendTerm::SourceWording => "How the source worded a figure".into(),
        }
    }
}

/// One explanation in the legend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    pub item: LegendItem,
    pub explanation: String,
}

impl LegendEntry {
    /// The term this entry is listed under.
    pub fn term(&self) -> LegendTerm {
        match self.item {
            LegendItem::Marker(marker) => LegendTerm::Marker(marker),
            LegendItem::Status(_) | LegendItem::NoFigure => LegendTerm::WordsInTheTable,
            LegendItem::Qualifier(_) => LegendTerm::SourceWording,
        }
    }
}

/// Consecutive legend entries under the same term, printed as one term and its
/// explanations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendGroup {
    pub term: LegendTerm,
    pub explanations: Vec<String>,
}

/// The explanation of "no figure" in the legend.
const NO_FIGURE_EXPLANATION: &str = "the sources hold no figure for this museum and year.";

/// Every marker, status word, "no figure" and qualifier on screen, with its explanation:
/// markers first (in legend order), then the words in the table, then qualifiers.
pub fn legend_entries(dataset: &Dataset, table: &TableView) -> Vec<LegendEntry> {
    let mut entries = marker_entries(dataset, table.flags_on_screen());
    entries.extend(word_entries(table));
    entries.extend(
        table
            .qualifiers_on_screen()
            .into_iter()
            .filter_map(|qualifier| {
                qualifier.explanation().map(|text| LegendEntry {
                    item: LegendItem::Qualifier(qualifier),
                    explanation: text.to_string(),
                })
            }),
    );
    entries
}

fn marker_entries(dataset: &Dataset, flags: u32) -> Vec<LegendEntry> {
    markers_in(dataset, flags)
        .into_iter()
        .map(|marker| LegendEntry {
            item: LegendItem::Marker(marker),
            explanation: explain(dataset, marker, flags).join(" "),
        })
        .collect()
}

/// Statuses without a number, in [`Status::ALL`] order, then "no figure".
fn word_entries(table: &TableView) -> Vec<LegendEntry> {
    let statuses: BTreeSet<Status> = table.facts().map(|fact| fact.status).collect();
    let mut entries: Vec<LegendEntry> = statuses
        .into_iter()
        .filter_map(|status| {
            status.explanation().map(|text| LegendEntry {
                item: LegendItem::Status(status),
                explanation: text.to_string(),
            })
        })
        .collect();
    let any_missing_row = table
        .published_rows()
        .flat_map(|row| row.cells.iter())
        .any(|cell| cell.fact.is_none());
    if any_missing_row {
        entries.push(LegendEntry {
            item: LegendItem::NoFigure,
            explanation: format!("{NO_FIGURE}: {NO_FIGURE_EXPLANATION}"),
        });
    }
    entries
}

/// Groups consecutive entries with the same term, so each term is printed once.
pub fn legend_groups(entries: Vec<LegendEntry>) -> Vec<LegendGroup> {
    let mut groups: Vec<LegendGroup> = Vec::new();
    for entry in entries {
        let term = entry.term();
        match groups.last_mut() {
            Some(group) if group.term == term => group.explanations.push(entry.explanation),
            _ => groups.push(LegendGroup {
                term,
                explanations: vec![entry.explanation],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_codes_are_listed_once() {
        let codes: BTreeSet<&str> = FLAG_TABLE.iter().map(|rule| rule.code).collect();
        assert_eq!(codes.len(), FLAG_TABLE.len());
    }

    #[test]
    fn every_marked_flag_explains_itself_in_words() {
        for rule in FLAG_TABLE {
            assert_eq!(
                rule.marker.is_some(),
                !rule.reader.is_empty(),
                "{}",
                rule.code
            );
            if let Some(marker) = rule.marker {
                // Words, not curator shorthand: no marker is a one- or two-letter code.
                assert!(marker.symbol.len() >= 5, "{}", marker.symbol);
                assert!(
                    !crate::core::plain::is_internal(rule.reader),
                    "{}",
                    rule.code
                );
            }
        }
    }

    #[test]
    fn markers_come_from_the_flag_table() {
        assert_eq!(marker_for_flag("method_break"), Some(Marker::SERIES_BREAK));
        assert_eq!(marker_for_flag("covid_caution"), Some(Marker::COVID));
        assert_eq!(
            marker_for_flag("total_differs_from_sum"),
            Some(Marker::TOTAL_DIFFERS)
        );
        assert_eq!(marker_for_flag("w_code_in_source"), None);
        assert_eq!(marker_for_flag("a_code_nobody_wrote"), Some(Marker::OTHER));
        assert_eq!(
            marker_for_flag("smg_method_break").map(Marker::text),
            Some("[not comparable]".to_string())
        );
    }

    #[test]
    fn legend_terms_read_as_before() {
        assert_eq!(
            LegendTerm::Marker(Marker::TOTAL_DIFFERS).text(),
            "[total differs]"
        );
        assert_eq!(LegendTerm::WordsInTheTable.text(), "Words in the table");
        assert_eq!(
            LegendTerm::SourceWording.text(),
            "How the source worded a figure"
        );
    }

    #[test]
    fn consecutive_entries_under_one_term_share_it() {
        let entry = |item, text: &str| LegendEntry {
            item,
            explanation: text.into(),
        };
        let groups = legend_groups(vec![
            entry(LegendItem::Marker(Marker::COVID), "covid"),
            entry(LegendItem::Status(Status::NotPublished), "not published"),
            entry(LegendItem::NoFigure, "no figure"),
            entry(LegendItem::Qualifier(Qualifier::AtLeast), "at least"),
        ]);
        let terms: Vec<LegendTerm> = groups.iter().map(|g| g.term).collect();
        assert_eq!(
            terms,
            [
                LegendTerm::Marker(Marker::COVID),
                LegendTerm::WordsInTheTable,
                LegendTerm::SourceWording
            ]
        );
        assert_eq!(groups[1].explanations, ["not published", "no figure"]);
    }
}
