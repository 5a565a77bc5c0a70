//! Flag codes become short visible markers with a legend, as GOV.UK tables use `[b]`, `[r]`.

use super::model::{Dataset, Qualifier};

/// One marker as a table or legend shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Marker {
    pub symbol: &'static str,
    pub title: &'static str,
}

impl Marker {
    pub const SERIES_BREAK: Marker = Marker {
        symbol: "b",
        title: "Series break",
    };
    /// On a change that spans a series break (the change column).
    pub const CHANGE_ACROSS_BREAK: Marker = Marker {
        symbol: "b",
        title: "Across a series break: not like for like",
    };
    pub const COVID: Marker = Marker {
        symbol: "c",
        title: "Covid-19: compare with caution",
    };
    pub const TOTAL_DIFFERS: Marker = Marker {
        symbol: "t",
        title: "Published total differs from the museum rows",
    };

    /// `[b]`: the marker as the table prints it.
    pub fn text(self) -> String {
        format!("[{}]", self.symbol)
    }
}

/// The marker for a flag code; `None` for flags that are information only (their effect is
/// already in the cell's words, e.g. a DCMS 'w' shown as "no activity").
pub fn marker_for_flag(code: &str) -> Option<Marker> {
    let (symbol, title) = match code {
        "break_in_series" | "method_break" | "method_break_unnoted" => {
            return Some(Marker::SERIES_BREAK)
        }
        "smg_method_break" => ("nc", "Not comparable with later years"),
        "revised" => ("r", "Revised by DCMS"),
        "changed_since_2018_19_release" => ("r18", "Changed since the 2018/19 release"),
        "covid_caution" => return Some(Marker::COVID),
        "site_closed" => ("s", "Site closed for part of the year"),
        "definition_differs" => ("d", "Definition differs"),
        "under_recorded" => ("u", "Under-recorded"),
        "suspect_duplicate_of_visits" => ("dup", "Suspected copying error"),
        "total_differs_from_sum" => return Some(Marker::TOTAL_DIFFERS),
        "total_includes_tyne_wear" => ("tw", "Includes Tyne and Wear Museums"),
        "published_total"
        | "nil_coded_zero"
        | "w_code_in_source"
        | "na_code_in_source"
        | "numeric_text_in_source" => return None,
        _ => ("*", "Other caveat"),
    };
    Some(Marker { symbol, title })
}

/// Markers for every flag bit set in `mask`, in legend order, without repeats.
pub fn markers_in(dataset: &Dataset, mask: u32) -> Vec<Marker> {
    let mut markers: Vec<Marker> = dataset
        .flags_in(mask)
        .filter_map(|flag| marker_for_flag(&flag.code))
        .collect();
    markers.sort();
    markers.dedup();
    markers
}

/// Plain-English explanation of a marker: the meanings of the flags behind it.
pub fn explain(dataset: &Dataset, marker: Marker, mask: u32) -> Vec<String> {
    dataset
        .flags_in(mask)
        .filter(|flag| marker_for_flag(&flag.code) == Some(marker))
        .map(|flag| flag.meaning.clone())
        .collect()
}

/// What a published qualifier means, for the legend.
pub fn explain_qualifier(qualifier: Qualifier) -> Option<&'static str> {
    match qualifier {
        Qualifier::Exact => None,
        Qualifier::AtLeast => Some("at least: the source says \"at least\", \"over\" or \"more than\"; the true figure may be higher."),
        Qualifier::Approx => Some("approx.: the source says \"around\" or \"nearly\"."),
        Qualifier::Rounded => Some("(rounded): the source states the figure in rounded form, e.g. \"10.5 million\"."),
    }
}
