//! Words laid out on a display's grid: whole words, never cut mid-word when a shorter wording
//! fits. Each part of a screen comes with its wordings, longest first; the first that fits
//! its lines is used.

/// Lines of at most `width` characters, broken between words. A word longer than a line is
/// cut (the only cut there is), and then `false` says it was.
pub fn wrap(text: &str, width: usize) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut whole = true;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        let used = line.chars().count();
        if used > 0 && used + 1 + word.len() <= width {
            line.push(' ');
            line.extend(word.iter());
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
        }
        while word.len() > width {
            whole = false;
            lines.push(word.drain(..width).collect());
        }
        line = word.into_iter().collect();
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    (lines, whole)
}

/// The screen's `rows` lines of `width` characters from its parts. Parts share the rows (two
/// parts on two rows: a row each; one part: both); each part takes its first wording that
/// fits its rows in whole words, else the last wording cut to fit.
pub fn lay_out(parts: &[Vec<String>], width: usize, rows: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(rows);
    let count = parts.len().clamp(1, rows);
    for (i, wordings) in parts.iter().take(count).enumerate() {
        let left = rows - out.len();
        let mine = if i + 1 == count {
            left
        } else {
            (left / (count - i)).max(1)
        };
        let fitting = wordings.iter().find_map(|w| {
            let (lines, whole) = wrap(w, width);
            (whole && lines.len() <= mine).then_some(lines)
        });
        let lines = fitting.unwrap_or_else(|| {
            let last = wordings.last().map(String::as_str).unwrap_or("");
            wrap(last, width).0.into_iter().take(mine).collect()
        });
        out.extend(lines);
    }
    out.resize(rows, String::new());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words() {
        let (lines, whole) = wrap("Scan the receipt to collect 4 points", 20);
        assert_eq!(lines, ["Scan the receipt to", "collect 4 points"]);
        assert!(whole);
        let (lines, whole) = wrap("Supercalifragilisticexpialidocious", 20);
        assert_eq!(lines, ["Supercalifragilistic", "expialidocious"]);
        assert!(!whole);
    }

    #[test]
    fn the_first_wording_that_fits() {
        let parts = vec![
            vec!["Welcome back, Bartholomew".into(), "Hi, Bartholomew".into()],
            vec![
                "45 points, 5 more to Free coffee".into(),
                "45 pts, 5 to coffee".into(),
            ],
        ];
        assert_eq!(
            lay_out(&parts, 20, 2),
            ["Hi, Bartholomew", "45 pts, 5 to coffee"]
        );
        let one = vec![vec!["Scan the receipt to collect 4 points".into()]];
        assert_eq!(
            lay_out(&one, 20, 2),
            ["Scan the receipt to", "collect 4 points"]
        );
        let none_fits = vec![vec![
            "a b c d e f g h i j k l m n o p q r s t u v w x y z".into(),
        ]];
        let lines = lay_out(&none_fits, 20, 2);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.len(), 2);
    }
}
