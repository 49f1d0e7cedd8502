//! Damaged content must never crash the loader: thousands of seeded random
//! edits (truncations, deleted, inserted and swapped characters) of real
//! content files, each loaded and located, and none may panic.

#[cfg(test)]
mod tests {
    use crate::content::library::{Library, Source};
    use crate::content::locate::{locate, offset_of, path_at};
    use crate::content::path::JsonPath;

    const SAMPLES: &[(&str, &str)] = &[
        (
            "exam.json",
            include_str!("../../../../../questions/exams/a-plus-core-1.json"),
        ),
        (
            "set.json",
            include_str!("../../../../../questions/220-1201/2-networking.json"),
        ),
        (
            "scenario.json",
            include_str!("../../../../../scenarios/account-locked-payroll.json"),
        ),
        (
            "interview.json",
            include_str!("../../../../../questions/interview/example.json"),
        ),
    ];

    const NOISE: &[char] = &[
        '{',
        '}',
        '[',
        ']',
        '"',
        ',',
        ':',
        '\\',
        '0',
        '-',
        'x',
        ' ',
        '\n',
        'é',
        '\u{1F600}',
    ];

    fn mutate(text: &str, rng: &mut fastrand::Rng) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        for _ in 0..rng.usize(1..6) {
            if chars.is_empty() {
                break;
            }
            let at = rng.usize(0..chars.len());
            match rng.u8(0..4) {
                0 => chars.truncate(at),
                1 => {
                    chars.remove(at);
                }
                2 => chars.insert(at, NOISE[rng.usize(0..NOISE.len())]),
                _ => chars[at] = NOISE[rng.usize(0..NOISE.len())],
            }
        }
        chars.into_iter().collect()
    }

    #[test]
    fn damaged_files_are_reported_never_panic() {
        let mut rng = fastrand::Rng::with_seed(2026);
        let mut reported = 0;
        for round in 0..600 {
            let sources: Vec<Source> = SAMPLES
                .iter()
                .map(|(name, text)| Source::new(*name, mutate(text, &mut rng)))
                .collect();
            let report = Library::load_for_authoring(sources.clone());
            reported += report.findings.len();
            for source in &sources {
                let text = &source.text;
                let _ = locate(
                    text,
                    &JsonPath::root()
                        .key("nodes")
                        .index(round % 5)
                        .key("choices"),
                );
                let _ = path_at(text, rng.usize(0..=text.len()));
                let _ = offset_of(text, rng.usize(0..200), rng.usize(0..200));
            }
        }
        assert!(
            reported > 500,
            "the damage was noticed ({reported} findings)"
        );
    }

    #[test]
    fn the_samples_themselves_load_cleanly() {
        let sources = SAMPLES.iter().map(|(n, t)| Source::new(*n, *t)).collect();
        let report = Library::load(sources);
        let errors: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| f.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}
