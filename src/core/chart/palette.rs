//! Series colours: a fixed colour per museum (so a museum keeps its colour in every view),
//! ink for the totals and the sector figure, and grey for museums drawn behind. Every colour
//! keeps at least 3:1 contrast against the white background (WCAG 2.2, non-text contrast).

/// The chart's background.
pub const BACKGROUND: &str = "#ffffff";
/// The totals and the sector figure: the page's text colour (DCMS's published total is
/// drawn dashed, so it and the recomputed total count as one colour).
pub const INK: &str = "#0b0c0c";
/// Museums drawn behind the highlighted ones: the lightest grey that still has 3:1.
pub const BACKGROUND_GREY: &str = "#949494";

/// Museum colours, darkened from colour-blind-safe hues until each has 3:1 on white.
pub const MUSEUM_PALETTE: [&str; 12] = [
    "#0072B2", // blue
    "#C24E00", // vermillion
    "#00785A", // bluish green
    "#A8327F", // reddish purple
    "#7A5C00", // ochre
    "#5B4BB7", // violet
    "#B3261E", // red
    "#00758F", // teal
    "#5E6B00", // olive
    "#8E4B2E", // brown
    "#3D5A99", // slate blue
    "#8B2FA0", // purple
];

/// Museums that most often lead a view get a colour of their own; the rest share by a
/// stable hash of their id, so a colour never depends on what else is selected.
const ASSIGNED: [(&str, usize); 12] = [
    ("british-museum", 0),
    ("victoria-and-albert-museum", 1),
    ("science-museum-group", 2),
    ("tate-gallery-group", 3),
    ("natural-history-museum", 4),
    ("imperial-war-museums", 5),
    ("national-gallery", 6),
    ("national-museums-liverpool", 7),
    ("royal-museums-greenwich", 8),
    ("national-portrait-gallery", 9),
    ("royal-armouries", 10),
    ("national-museums-scotland", 11),
];

/// FNV-1a of the id: stable across builds and platforms.
fn stable_hash(id: &str) -> usize {
    let hash = id.bytes().fold(0x811c_9dc5u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    hash as usize
}

/// The colour of museum `id`, the same in every view.
pub fn museum_colour(id: &str) -> &'static str {
    let index = ASSIGNED
        .iter()
        .find(|(assigned, _)| *assigned == id)
        .map_or_else(|| stable_hash(id) % MUSEUM_PALETTE.len(), |(_, i)| *i);
    MUSEUM_PALETTE[index]
}

/// `#rrggbb` as three channels from 0 to 1; `None` for anything else.
fn channels(hex: &str) -> Option<[f64; 3]> {
    let digits = hex.strip_prefix('#').filter(|d| d.len() == 6)?;
    let channel = |at: usize| {
        u8::from_str_radix(digits.get(at..at + 2)?, 16)
            .ok()
            .map(|v| f64::from(v) / 255.0)
    };
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// WCAG relative luminance of an sRGB colour.
pub fn relative_luminance(hex: &str) -> Option<f64> {
    let linear = |c: f64| {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = channels(hex)?;
    Some(0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b))
}

/// WCAG contrast ratio of two `#rrggbb` colours (1 to 21).
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (relative_luminance(a)?, relative_luminance(b)?);
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    Some((light + 0.05) / (dark + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_pairs() {
        let black_on_white = contrast_ratio("#000000", "#ffffff").unwrap();
        assert!((black_on_white - 21.0).abs() < 1e-9);
        assert!((contrast_ratio("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
        assert_eq!(contrast_ratio("#12345", "#ffffff"), None);
    }

    #[test]
    fn assigned_museums_have_different_colours() {
        let mut colours: Vec<&str> = ASSIGNED.iter().map(|(id, _)| museum_colour(id)).collect();
        colours.sort_unstable();
        colours.dedup();
        assert_eq!(colours.len(), ASSIGNED.len());
    }
}
