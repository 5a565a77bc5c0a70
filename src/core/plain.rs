//! Reader's text from the curators' text. The data's free text (fact comments, source
//! notes, total-check explanations, notes on statements) was written for the data's own
//! READMEs and sometimes names internal files, columns, scripts or ids ("cause in
//! totals_check.csv", "see discrepancies", "natural-history-museum"). The raw text stays in
//! the data files; what the app shows goes through [`reader_text`] (applied once, when the
//! data is loaded, by [`for_reader`]).

use super::model::DataFile;
use super::order::sort_small_by_key;

/// Phrases that only mean something to the curators: a parenthesis, clause or sentence
/// holding one is left out of the reader's text.
const INTERNAL: &[&str] = &[
    ".csv",
    ".md",
    "_id",
    "note_ids",
    "high trust",
    "medium trust",
    "low trust",
    "discrepancies",
    "this script",
    "facts notes",
    "research notes",
    "shared/",
    "data/",
];

/// A word with an underscore is a column name or code (`uk_loan_venues`).
fn has_code_word(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || "(),;:.'\"".contains(c))
        .any(|word| word.contains('_'))
}

/// Whether `text` names something internal to the data.
pub fn is_internal(text: &str) -> bool {
    let lower = text.to_lowercase();
    INTERNAL.iter().any(|phrase| lower.contains(phrase)) || has_code_word(text)
}

/// `text` without the parentheses that name something internal (and the space before).
fn without_internal_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        if is_internal(inner) {
            out.push_str(rest[..open].trim_end_matches(' '));
        } else {
            out.push_str(&rest[..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// One sentence without its internal clauses (`; `-separated); empty if none is left.
fn reader_sentence(sentence: &str) -> String {
    sentence
        .split("; ")
        .filter(|clause| !is_internal(clause))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The curators' text as a reader sees it: internal parentheses, clauses and sentences
/// left out, the first letter a capital, the final full stop kept.
pub fn reader_text(raw: &str) -> String {
    let cleaned = without_internal_parentheses(raw.trim());
    let ends_with_stop = cleaned.ends_with('.');
    let body = cleaned.strip_suffix('.').unwrap_or(&cleaned);
    let sentences: Vec<String> = body
        .split(". ")
        .map(reader_sentence)
        .filter(|s| !s.trim().is_empty())
        .collect();
    let mut text = sentences.join(". ");
    if text.is_empty() {
        return text;
    }
    if ends_with_stop || sentences.len() < body.split(". ").count() {
        text.push('.');
    }
    capitalise(&text)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Museum and metric ids in the text replaced by their names ("natural-history-museum" →
/// "Natural History Museum", "uk_loan_venues" → "UK loan venues"); longer ids first, so
/// `loans_display_uk` is not read as `loans_display`.
fn with_names(file: &DataFile, text: &str) -> String {
    let mut names: Vec<(&str, &str)> = file
        .museums
        .iter()
        .filter(|m| m.id.contains('-'))
        .map(|m| (m.id.as_str(), m.name.as_str()))
        .chain(
            file.metrics
                .iter()
                .filter(|m| m.id.contains('_'))
                .map(|m| (m.id.as_str(), m.label.as_str())),
        )
        .collect();
    sort_small_by_key(&mut names, |(id, _)| std::cmp::Reverse(id.len()));
    names
        .into_iter()
        .fold(text.to_string(), |text, (id, name)| text.replace(id, name))
}

/// The file with every free text the app shows rewritten by [`reader_text`]: fact
/// comments, source notes, total-check explanations, notes on statements, museum notes,
/// metric definitions and caveats, and flag meanings. Figures, ids and codes are untouched.
pub fn for_reader(mut file: DataFile) -> DataFile {
    let clean = |file: &DataFile, text: &str| reader_text(&with_names(file, text));
    let comments: Vec<String> = file
        .fact_details
        .iter()
        .map(|d| clean(&file, &d.comment))
        .collect();
    for (detail, comment) in file.fact_details.iter_mut().zip(comments) {
        detail.comment = comment;
    }
    let explanations: Vec<String> = file
        .total_checks
        .iter()
        .map(|c| clean(&file, &c.explanation))
        .collect();
    for (check, text) in file.total_checks.iter_mut().zip(explanations) {
        check.explanation = text;
    }
    for source in &mut file.sources {
        source.note = reader_text(&source.note);
    }
    for claim in &mut file.stated_changes {
        claim.note = reader_text(&claim.note);
    }
    for museum in &mut file.museums {
        museum.notes = reader_text(&museum.notes);
    }
    let metric_texts: Vec<(String, String)> = file
        .metrics
        .iter()
        .map(|m| (clean(&file, &m.definition), clean(&file, &m.caveat)))
        .collect();
    for (metric, (definition, caveat)) in file.metrics.iter_mut().zip(metric_texts) {
        metric.definition = definition;
        metric.caveat = caveat;
    }
    for flag in &mut file.flags {
        flag.meaning = reader_text(&flag.meaning);
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_references_are_left_out() {
        assert_eq!(
            reader_text("Recomputed value differs from the stated 4.4% (see discrepancies)."),
            "Recomputed value differs from the stated 4.4%."
        );
        assert_eq!(
            reader_text("Third-party commentary; used only in discrepancies."),
            "Third-party commentary."
        );
        assert_eq!(reader_text("Used only in discrepancies."), "");
        assert_eq!(
            reader_text("Read from shared/data/tidy/dcms_kpi.csv (uk_loan_venues); URL is the statistics collection named in shared/data/raw/dcms_kpi_2023_24_official/SOURCE.md."),
            ""
        );
        assert_eq!(
            reader_text("unexplained; no single museum row accounts for the gap. Not listed in REPORT.md section 4 (found by this script)."),
            "Unexplained; no single museum row accounts for the gap."
        );
        assert_eq!(
            reader_text("The value differs from the 2018/19 release (third-party copy, medium-low trust) by more than 0.5; old value in comment and revisions.csv."),
            "The value differs from the 2018/19 release by more than 0.5."
        );
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        for text in [
            "1st edition, 17 national museums.",
            "Derived: 2,110 - 1,474; Returning Heritage reports 638 loan arrangements.",
            "\"Nearly 80%\" of survey respondents; respondent group not stated on the page.",
            "Nominal GBP; some museums round to GBP 100,000 (note 11).",
            "approx. 80 venues",
            "",
        ] {
            assert_eq!(reader_text(text), capitalise(text), "{text}");
        }
    }
}
