//! Hand-made chart inputs for the chart tests: a museum's series and its years, starting in
//! 2019/20, so expected positions can be worked out by hand.

use museum_lending_explorer::core::chart::{SeriesInput, SeriesRole, SeriesValue};
use museum_lending_explorer::core::year::FinancialYear;

/// A museum series labelled `label`, one value (with its flag bits) per year from 2019/20;
/// a missing value reads "not published".
pub fn museum_series(key: &str, label: &str, values: &[(Option<f64>, u32)]) -> SeriesInput {
    SeriesInput {
        key: key.into(),
        label: label.into(),
        role: SeriesRole::Museum,
        values: values
            .iter()
            .enumerate()
            .map(|(i, &(value, flags))| SeriesValue {
                year: FinancialYear(2019 + i as u16),
                value,
                flags,
                missing_words: "not published".into(),
                scope: String::new(),
            })
            .collect(),
    }
}

/// `count` consecutive years from 2019/20.
pub fn years_from_2019(count: u16) -> Vec<FinancialYear> {
    (0..count).map(|i| FinancialYear(2019 + i)).collect()
}
