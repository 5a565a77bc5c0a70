//! Numbers and words as GOV.UK statistics pages print them: thousands separators, £ for
//! money, % for proportions, and words (never blanks or zeros) for missing cells.
//!
//! Hand-written rather than a formatting crate: only en-GB grouping is needed, and this is
//! a few lines where a locale crate would add its tables to the Wasm.

use super::model::{Fact, Qualifier, Unit};

/// `1234567` -> `"1,234,567"`.
pub fn group_thousands(mut number: u64) -> String {
    let mut groups = Vec::new();
    loop {
        if number < 1000 {
            groups.push(number.to_string());
            break;
        }
        groups.push(format!("{:03}", number % 1000));
        number /= 1000;
    }
    groups.reverse();
    groups.join(",")
}

/// A signed whole number with thousands separators; U+2212 minus, as GOV.UK tables print it.
fn signed_whole(value: f64) -> String {
    let magnitude = group_thousands(value.abs().round() as u64);
    if value.round() < 0.0 {
        format!("\u{2212}{magnitude}")
    } else {
        magnitude
    }
}

/// `value` to at most one decimal place, no trailing `.0` (a whole number keeps its
/// thousands separators); U+2212 minus.
fn signed_tenths(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        signed_whole(rounded)
    } else {
        fixed(rounded, 1).replace('-', "\u{2212}")
    }
}

/// A percentage with at most one decimal place and no trailing `.0`.
fn percent(points: f64) -> String {
    format!("{}%", signed_tenths(points))
}

/// "+" before a rise and nothing otherwise: a fall already prints its own minus.
pub fn plus_sign(value: f64) -> &'static str {
    if value > 0.0 {
        "+"
    } else {
        ""
    }
}

/// "+", U+2212 minus, or nothing for zero: the sign of a change printed as a magnitude.
pub fn sign_of(value: f64) -> &'static str {
    if value < 0.0 {
        "\u{2212}"
    } else {
        plus_sign(value)
    }
}

/// A percentage change with its sign and `decimals` places: "+4.4%", "−94%", "0%".
pub fn signed_percent_to(percent: f64, decimals: u32) -> String {
    format!("{}{}%", sign_of(percent), fixed(percent.abs(), decimals))
}

/// A percentage change as the summary and change columns print it: "+4.6%", "−24.5%",
/// "no change".
pub fn signed_percent(percent: f64) -> String {
    if percent == 0.0 {
        return "no change".into();
    }
    signed_percent_to(percent, 1)
}

/// A change in the metric's unit with "+" before a rise: "+6", "−£500", "0".
pub fn signed_value(value: f64, unit: Unit) -> String {
    format!("{}{}", plus_sign(value), format_value(value, unit))
}

/// How a published figure compares with a smaller or larger recomputed one.
pub fn more_or_fewer(difference: f64) -> &'static str {
    if difference > 0.0 {
        "more"
    } else {
        "fewer"
    }
}

/// The figure as a table cell shows it (raw values keep their decimals in `data-value`).
pub fn format_value(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Gbp if value < 0.0 => {
            format!("\u{2212}£{}", group_thousands(value.abs().round() as u64))
        }
        Unit::Gbp => format!("£{}", group_thousands(value.round() as u64)),
        Unit::Proportion => percent(value * 100.0),
        Unit::Percent => percent(value),
        Unit::Visits | Unit::Instances | Unit::Venues | Unit::Count | Unit::People => {
            signed_whole(value)
        }
    }
}

/// A figure with its published wording ("at least 900", "approx. 80%"). A figure the
/// source gave in millions ("over 18.4m", "4.6m") is printed as it was published: "at
/// least 18.4 million", "4.6 million"; downloads keep the exact stored value.
pub fn format_qualified(value: f64, unit: Unit, qualifier: Qualifier) -> String {
    match published_millions(value, unit, qualifier) {
        Some(millions) if qualifier == Qualifier::Rounded => millions,
        Some(millions) => qualifier.apply_to(millions),
        None => qualifier.apply_to(format_value(value, unit)),
    }
}

/// "18.4 million", "22 million": a figure of a million or more, stored as a whole number
/// of hundred thousands, that the source worded loosely (at least, approx., rounded), so
/// it was evidently published in millions. `None` for any other figure.
pub fn published_millions(value: f64, unit: Unit, qualifier: Qualifier) -> Option<String> {
    let counts_things = matches!(
        unit,
        Unit::Visits | Unit::Instances | Unit::Venues | Unit::Count | Unit::People
    );
    let tenths = value / 100_000.0;
    let in_millions = value.abs() >= 1_000_000.0 && tenths.fract() == 0.0;
    (qualifier != Qualifier::Exact && counts_things && in_millions)
        .then(|| format!("{} million", signed_tenths(tenths / 10.0)))
}

/// What a table cell says: the figure with its wording, the reason there is none, or
/// "no figure" when the source has no row for it.
pub fn cell_text(fact: Option<Fact>, unit: Unit) -> String {
    match fact {
        Some(Fact {
            value: Some(value),
            qualifier,
            ..
        }) => format_qualified(value, unit, qualifier),
        Some(fact) => fact.status.words().to_string(),
        None => NO_FIGURE.to_string(),
    }
}

/// Words for a museum and year the data has no row for.
pub const NO_FIGURE: &str = "no figure";

/// What a column of this unit counts; the same as [`Unit::words`], kept for the metric
/// picker.
pub fn unit_words(unit: Unit) -> &'static str {
    unit.words()
}

/// Most decimal places [`push_fixed`] writes: 10^9 still leaves room in a `u64` for
/// values up to ten billion.
const MAX_FIXED_DECIMALS: u32 = 9;

/// Appends `value` to `out` with `decimals` places (at most 9), rounded half away from
/// zero; with `trim`, trailing zeros and a bare point are dropped ("12.5", "80"). Written
/// from integers, so the SVG never goes through Rust's float formatting (issue 12: its
/// tables are kilobytes of Wasm). A value that rounds to zero prints without a sign; a
/// value too large for the integers saturates; NaN and infinities print as "0", which
/// keeps the markup valid.
pub fn push_fixed(out: &mut String, value: f64, decimals: u32, trim: bool) {
    let decimals = decimals.min(MAX_FIXED_DECIMALS);
    let scale = 10u64.pow(decimals);
    let magnitude = if value.is_finite() { value.abs() } else { 0.0 };
    // `as` saturates: a huge value is clamped rather than wrapped.
    let units = (magnitude * scale as f64).round() as u64;
    if value < 0.0 && units != 0 {
        out.push('-');
    }
    push_digits(out, units / scale, 1);
    let mut fraction = units % scale;
    let mut places = decimals;
    while trim && places > 0 && fraction.is_multiple_of(10) {
        fraction /= 10;
        places -= 1;
    }
    if places > 0 {
        out.push('.');
        push_digits(out, fraction, places);
    }
}

/// Appends `number` in decimal, padded with leading zeros to at least `width` digits.
fn push_digits(out: &mut String, number: u64, width: u32) {
    let mut digits = [b'0'; 20];
    let (mut rest, mut count) = (number, 0usize);
    while rest > 0 || count < width as usize {
        digits[19 - count] = b'0' + (rest % 10) as u8;
        rest /= 10;
        count += 1;
    }
    for &digit in &digits[20 - count..] {
        out.push(char::from(digit));
    }
}

/// `value` with exactly `decimals` places, rounded half away from zero: `fixed(12.5, 2)`
/// is "12.50" (see [`push_fixed`]).
pub fn fixed(value: f64, decimals: u32) -> String {
    let mut out = String::new();
    push_fixed(&mut out, value, decimals, false);
    out
}

/// `value` with at most `decimals` places, trailing zeros dropped: `fixed_trimmed(80.0, 2)`
/// is "80", `fixed_trimmed(12.25, 1)` is "12.3" (see [`push_fixed`]).
pub fn fixed_trimmed(value: f64, decimals: u32) -> String {
    let mut out = String::new();
    push_fixed(&mut out, value, decimals, true);
    out
}

/// Decimal places [`number_text`] keeps: more than any figure in the data has (6), few
/// enough to drop the binary noise of sums and ratios ("0.30000000000000004" is "0.3").
const NUMBER_TEXT_DECIMALS: u32 = 9;

/// A number for machines (data attributes, CSV cells): plain digits, ASCII minus, no
/// thousands separators, at most 9 decimals with trailing zeros dropped ("1279", "-0.25",
/// "33.333333333"). Written by [`push_fixed`], not Rust's float formatting, which would add
/// its kilobytes of tables to the Wasm.
pub fn number_text(value: f64) -> String {
    fixed_trimmed(value, NUMBER_TEXT_DECIMALS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Status;

    #[test]
    fn groups_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1_336), "1,336");
        assert_eq!(group_thousands(116_384_000), "116,384,000");
        assert_eq!(group_thousands(1_000_001), "1,000,001");
    }

    #[test]
    fn formats_each_unit() {
        assert_eq!(format_value(1279.0, Unit::Venues), "1,279");
        assert_eq!(format_value(4_312_668.102_7, Unit::Visits), "4,312,668");
        assert_eq!(format_value(2_500_000.0, Unit::Gbp), "£2,500,000");
        assert_eq!(format_value(-123_456.0, Unit::Gbp), "\u{2212}£123,456");
        assert_eq!(format_value(0.95, Unit::Proportion), "95%");
        assert_eq!(format_value(0.935, Unit::Proportion), "93.5%");
        assert_eq!(format_value(80.0, Unit::Percent), "80%");
        assert_eq!(format_value(0.0, Unit::Count), "0");
    }

    #[test]
    fn qualifiers_are_words() {
        assert_eq!(
            format_qualified(900.0, Unit::Count, Qualifier::AtLeast),
            "at least 900"
        );
        assert_eq!(
            format_qualified(80.0, Unit::Percent, Qualifier::Approx),
            "approx. 80%"
        );
        assert_eq!(format_qualified(66.0, Unit::Count, Qualifier::Exact), "66");
        assert_eq!(
            format_qualified(10_500_000.0, Unit::Visits, Qualifier::Rounded),
            "10.5 million"
        );
        assert_eq!(
            format_qualified(75.0, Unit::Percent, Qualifier::Rounded),
            "75% (rounded)"
        );
    }

    #[test]
    fn figures_published_in_millions_read_as_published() {
        assert_eq!(
            format_qualified(18_400_000.0, Unit::People, Qualifier::AtLeast),
            "at least 18.4 million"
        );
        assert_eq!(
            format_qualified(1_300_000.0, Unit::People, Qualifier::AtLeast),
            "at least 1.3 million"
        );
        assert_eq!(
            format_qualified(22_000_000.0, Unit::People, Qualifier::AtLeast),
            "at least 22 million"
        );
        assert_eq!(
            format_qualified(4_600_000.0, Unit::People, Qualifier::Rounded),
            "4.6 million"
        );
        // Exact figures and figures not in whole hundred thousands keep every digit.
        assert_eq!(
            format_qualified(22_000_000.0, Unit::Visits, Qualifier::Exact),
            "22,000,000"
        );
        assert_eq!(
            format_qualified(1_234_567.0, Unit::People, Qualifier::AtLeast),
            "at least 1,234,567"
        );
        assert_eq!(
            format_qualified(900_000.0, Unit::People, Qualifier::AtLeast),
            "at least 900,000"
        );
        assert_eq!(
            published_millions(2_000_000.0, Unit::Gbp, Qualifier::Approx),
            None
        );
        assert_eq!(Status::NotPublished.words(), "not published");
    }

    #[test]
    fn number_text_is_plain_and_drops_binary_noise() {
        assert_eq!(number_text(1279.0), "1279");
        assert_eq!(number_text(-0.25), "-0.25");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(100.0 / 3.0), "33.333333333");
        assert_eq!(number_text(1_336_000.5), "1336000.5");
        assert_eq!(number_text(0.000001), "0.000001");
    }
}
