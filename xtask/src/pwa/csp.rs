//! The Content-Security-Policy written into the release build's
//! index.html. The page runs only its own files, plus its two inline
//! scripts (the loader and the page frame's heading) by their hashes,
//! which are computed here from the built file, so editing a script can
//! never silently leave a stale hash. No inline styles, no eval other than
//! compiling WebAssembly, nothing from other origins.
//!
//! Release builds only: the development server injects its own reload
//! script, which the policy would block.

use base64::Engine;
use sha2::{Digest, Sha256};

/// Where the policy goes: first in <head>, before any script it governs.
const ANCHOR: &str = "<meta charset=\"utf-8\" />";
const MARK: &str = "<meta http-equiv=\"Content-Security-Policy\"";
const INDENT: &str = "\n    ";

/// The policy for a page whose inline scripts are `scripts`.
pub fn policy(scripts: &[&str]) -> String {
    let hashes: String = scripts
        .iter()
        .map(|s| {
            let digest = Sha256::digest(s.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
         base-uri 'self'; form-action 'none'"
    )
}

/// The text of each inline script (a `<script>` without `src`), exactly as
/// the browser hashes it.
pub fn inline_scripts(html: &str) -> Result<Vec<&str>, String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let open_end = after
            .find('>')
            .ok_or("a <script> tag in index.html is not closed")?;
        let tag = &after[..open_end];
        let body_and_rest = &after[open_end + 1..];
        let close = body_and_rest
            .find("</script>")
            .ok_or("a <script> in index.html has no </script>")?;
        if !tag.contains(" src=") {
            found.push(&body_and_rest[..close]);
        }
        rest = &body_and_rest[close..];
    }
    Ok(found)
}

/// index.html with the policy in place (replacing one already there).
pub fn apply(html: &str) -> Result<String, String> {
    let without = match html.find(MARK) {
        Some(start) => {
            let end = html[start..]
                .find('>')
                .ok_or("index.html has an unclosed Content-Security-Policy meta tag")?;
            // With the line break `apply` put before it.
            let from = html[..start].strip_suffix(INDENT).unwrap_or(&html[..start]);
            format!("{from}{}", &html[start + end + 1..])
        }
        None => html.to_owned(),
    };
    let scripts = inline_scripts(&without)?;
    let meta = format!("{MARK} content=\"{}\" />", policy(&scripts));
    let at = without.find(ANCHOR).ok_or(format!(
        "index.html has no `{ANCHOR}` to put the Content-Security-Policy after; keep it first in <head>"
    ))?;
    let split = at + ANCHOR.len();
    Ok(format!(
        "{}{INDENT}{meta}{}",
        &without[..split],
        &without[split..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head>\n    <meta charset=\"utf-8\" />\n<script type=\"module\">boot();</script>\n<script src=\"/x.js\" defer></script></head><body><script>\n  title();\n</script></body></html>";

    #[test]
    fn hashes_each_inline_script_exactly_and_skips_external_ones() {
        assert_eq!(inline_scripts(PAGE).unwrap(), ["boot();", "\n  title();\n"]);
        let p = policy(&["boot();"]);
        // sha256("boot();"), base64: as a browser computes it.
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"boot();"));
        assert!(p.contains(&format!("'sha256-{expected}'")), "{p}");
        assert!(p.starts_with("default-src 'none';"));
        assert!(!p.contains("unsafe-inline"));
    }

    #[test]
    fn puts_the_policy_first_in_head_once_even_when_run_twice() {
        let once = apply(PAGE).unwrap();
        let twice = apply(&once).unwrap();
        assert_eq!(once, twice);
        assert_eq!(once.matches(MARK).count(), 1);
        let meta = once.find(MARK).unwrap();
        assert!(meta < once.find("<script").unwrap());
    }

    #[test]
    fn a_changed_script_changes_its_hash() {
        let changed = apply(&PAGE.replace("boot();", "boot(1);")).unwrap();
        assert_ne!(apply(PAGE).unwrap(), changed);
    }

    #[test]
    fn a_page_without_the_charset_anchor_is_an_error_saying_what_to_do() {
        let err = apply("<html><head></head></html>").unwrap_err();
        assert!(err.contains("meta charset"), "{err}");
    }
}
