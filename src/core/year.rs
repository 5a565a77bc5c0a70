//! UK financial years (April to March), written `2019/20` in the data and `2019-20` in URLs.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A financial year, stored as the calendar year it starts in (`2019/20` is `FinancialYear(2019)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear(pub u16);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearParseError(pub String);

impl fmt::Display for YearParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a financial year (expected e.g. 2019-20 or 2019/20)",
            self.0
        )
    }
}

impl FinancialYear {
    /// Accepts `2019/20` and `2019-20`; the second part must be the year after the first.
    pub fn parse(text: &str) -> Result<Self, YearParseError> {
        let error = || YearParseError(text.to_string());
        let trimmed = text.trim();
        let (start, end) = trimmed
            .split_once(['/', '-'])
            .filter(|(s, e)| s.len() == 4 && e.len() == 2)
            .ok_or_else(error)?;
        let start: u16 = start.parse().map_err(|_| error())?;
        let end: u16 = end.parse().map_err(|_| error())?;
        if !(1900..=2998).contains(&start) || (start + 1) % 100 != end {
            return Err(error());
        }
        Ok(FinancialYear(start))
    }

    /// `2019/20`, the form the publications use.
    pub fn label(self) -> String {
        format!("{}/{:02}", self.0, (self.0 + 1) % 100)
    }

    /// `2019-20`, the form used in URLs and `data-year` attributes.
    pub fn slug(self) -> String {
        format!("{}-{:02}", self.0, (self.0 + 1) % 100)
    }
}

/// The years a view covers, as its captions and titles say them: "2016/17 to 2023/24", or
/// "2019/20" for a single year. `None` when there are no years.
pub fn span_text(years: &[FinancialYear]) -> Option<String> {
    match (years.first(), years.last()) {
        (Some(first), Some(last)) if first != last => Some(format!("{first} to {last}")),
        (Some(only), _) => Some(only.label()),
        _ => None,
    }
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl Serialize for FinancialYear {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.label())
    }
}

impl<'de> Deserialize<'de> for FinancialYear {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        FinancialYear::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_separators_and_round_trips() {
        let year = FinancialYear::parse("2019/20").unwrap();
        assert_eq!(year, FinancialYear(2019));
        assert_eq!(FinancialYear::parse("2019-20").unwrap(), year);
        assert_eq!(year.label(), "2019/20");
        assert_eq!(year.slug(), "2019-20");
        assert_eq!(FinancialYear(1999).label(), "1999/00");
        assert_eq!(
            FinancialYear::parse("1999/00").unwrap(),
            FinancialYear(1999)
        );
    }

    #[test]
    fn span_text_says_one_year_or_a_range() {
        assert_eq!(span_text(&[]), None);
        assert_eq!(span_text(&[FinancialYear(2019)]).unwrap(), "2019/20");
        let years = [
            FinancialYear(2016),
            FinancialYear(2017),
            FinancialYear(2023),
        ];
        assert_eq!(span_text(&years).unwrap(), "2016/17 to 2023/24");
    }

    #[test]
    fn rejects_malformed_years() {
        for bad in [
            "2019",
            "2019/21",
            "19/20",
            "abcd-ef",
            "",
            "2019/2020",
            "2019_20",
        ] {
            assert!(
                FinancialYear::parse(bad).is_err(),
                "{bad} should be rejected"
            );
        }
    }
}
