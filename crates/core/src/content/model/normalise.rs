//! Tolerant comparison of typed answers: case, spacing, quotes, a trailing
//! full stop, thousands separators and a trailing unit word do not matter.

/// Lower case, single spaces, no surrounding quotes or trailing full stop,
/// plain dashes.
pub fn normalise(text: &str) -> String {
    let unified: String = text
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let collapsed = unified.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c| {
            matches!(
                c,
                '"' | '\'' | '`' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}'
            )
        })
        .trim_end_matches('.')
        .trim()
        .to_lowercase()
}

/// The number a typed answer gives, allowing `1,024`, `62 hosts`, `+5`.
pub fn number_in(text: &str) -> Option<f64> {
    let normal = normalise(text);
    let mut words = normal.split(' ');
    let first = words.next()?;
    if !words.all(|w| w.chars().all(char::is_alphabetic)) {
        return None;
    }
    let digits = without_thousands_separators(first)?;
    digits.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Removes commas only where they separate groups of three digits.
fn without_thousands_separators(token: &str) -> Option<String> {
    if !token.contains(',') {
        return Some(token.to_owned());
    }
    let mut groups = token.split(',');
    let head = groups.next()?;
    let head_digits = head.trim_start_matches(['+', '-']);
    if head_digits.is_empty()
        || head_digits.len() > 3
        || !head_digits.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let mut out = head.to_owned();
    for group in groups {
        let (int_part, rest) = group.split_at(group.find('.').unwrap_or(group.len()));
        if int_part.len() != 3 || !int_part.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        out.push_str(int_part);
        out.push_str(rest);
    }
    Some(out)
}

/// Whether a typed answer matches any accepted answer.
pub fn fill_matches(typed: &str, accept: &[String]) -> bool {
    let typed_normal = normalise(typed);
    if typed_normal.is_empty() {
        return false;
    }
    accept.iter().any(|a| {
        if normalise(a) == typed_normal {
            return true;
        }
        match (number_in(a), number_in(typed)) {
            (Some(want), Some(got)) => (want - got).abs() < 1e-9,
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn ignores_case_spacing_quotes_and_full_stop() {
        let key = accept(&["ipconfig /flushdns"]);
        assert!(fill_matches("  IPCONFIG   /flushdns. ", &key));
        assert!(fill_matches("\"ipconfig /flushdns\"", &key));
        assert!(!fill_matches("ipconfig /flush", &key));
        assert!(!fill_matches("   ", &key));
    }

    #[test]
    fn compares_numbers_by_value() {
        let key = accept(&["62"]);
        assert!(fill_matches("62", &key));
        assert!(fill_matches("62 hosts", &key));
        assert!(fill_matches("62.0", &key));
        assert!(!fill_matches("64", &key));
        assert!(!fill_matches("62 or 64", &key));
        assert!(fill_matches("1,024", &accept(&["1024"])));
        assert!(!fill_matches("1,02,4", &accept(&["1024"])));
    }

    #[test]
    fn addresses_are_not_numbers() {
        let key = accept(&["255.255.255.192"]);
        assert!(fill_matches("255.255.255.192", &key));
        assert!(!fill_matches("255.255.255.128", &key));
        assert_eq!(number_in("192.168.1.1"), None);
    }

    #[test]
    fn unicode_dashes_become_plain() {
        assert_eq!(normalise("Wi\u{2011}Fi"), "wi-fi");
    }
}
