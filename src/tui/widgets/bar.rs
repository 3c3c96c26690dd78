//! Bars drawn with characters, so they read the same with or without colour and over vt100.

/// A bar of `cols` cells, `ratio` of it filled. Full blocks only (no eighths): a partial glyph is
/// one more way a 16-colour or vt100 terminal can draw something odd.
pub fn bar(ratio: f64, cols: usize) -> String {
    let ratio = if ratio.is_finite() {
        ratio.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let filled = (ratio * cols as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(cols - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_proportion() {
        assert_eq!(bar(0.0, 4), "░░░░");
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(7.0, 2), "██");
        assert_eq!(bar(f64::NAN, 2), "░░");
    }
}
