//! Comments and indentation taken out of the release build's stylesheet and
//! index.html. Every first visit downloads both before anything paints, and
//! their comments (written for the people who maintain them) were about a
//! fifth of their compressed size.
//!
//! Deliberately conservative, so it cannot change what either file means:
//! the CSS keeps every token and only loses comments and the whitespace
//! that no CSS grammar reads (around `{`, `}`, `;` and after `,` and `:`);
//! index.html loses its HTML comments, its scripts' whole-line `//`
//! comments and each line's indentation. Text in quotes is never touched.

/// `css` without comments and without whitespace that carries no meaning.
pub fn css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // Whitespace seen and not yet written: written as one space unless the
    // characters on either side make it meaningless.
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                // A comment between two tokens separates them like a space.
                pending_space = true;
            }
            '"' | '\'' => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if escaped {
                        escaped = false;
                    } else if s == '\\' {
                        escaped = true;
                    } else if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => pending_space = true,
            c => {
                flush_space(&mut out, &mut pending_space, c);
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
        }
    }
    out.push('\n');
    out
}

/// Writes a pending space before `next` unless no CSS reads it there.
fn flush_space(out: &mut String, pending: &mut bool, next: char) {
    if std::mem::take(pending) {
        let before = out.chars().last();
        let after_punctuation = matches!(before, None | Some('{' | '}' | ';' | ',' | ':'));
        // Not before ':' (a space there is a descendant combinator in a
        // selector: `nav :focus` is not `nav:focus`).
        let before_punctuation = matches!(next, '{' | '}' | ';' | ',');
        if !after_punctuation && !before_punctuation {
            out.push(' ');
        }
    }
}

/// `html` without HTML comments, its inline scripts' whole-line `//`
/// comments, indentation and blank lines. A script with a template literal
/// that spans lines is left as it is: its lines are text, not code.
pub fn html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_script = false;
    let mut keep_script = false;
    let mut in_comment = false;
    for line in html.lines() {
        let mut text = line.trim_start();
        if in_comment {
            match text.find("-->") {
                Some(end) => {
                    in_comment = false;
                    text = text[end + 3..].trim_start();
                }
                None => continue,
            }
        }
        let mut kept = String::new();
        if in_script {
            if text.contains("</script>") {
                in_script = false;
            } else if keep_script {
                out.push_str(line);
                out.push('\n');
                continue;
            } else if text.starts_with("//") || text.is_empty() {
                continue;
            }
            kept.push_str(text);
        } else {
            // HTML comments, possibly several on a line or one left open.
            let mut rest = text;
            while let Some(start) = rest.find("<!--") {
                kept.push_str(&rest[..start]);
                match rest[start..].find("-->") {
                    Some(end) => rest = &rest[start + end + 3..],
                    None => {
                        in_comment = true;
                        rest = "";
                    }
                }
            }
            kept.push_str(rest);
        }
        if !in_script && script_opened(&kept) {
            in_script = true;
            keep_script = spans_lines_in_backticks(&html[offset_of(html, line) + line.len()..]);
        }
        let kept = kept.trim_end();
        if !kept.is_empty() {
            out.push_str(kept);
            out.push('\n');
        }
    }
    out
}

/// Whether a `<script>` opens on this line and is not closed on it.
fn script_opened(text: &str) -> bool {
    text.rfind("<script")
        .and_then(|start| text[start..].find('>').map(|end| start + end + 1))
        .is_some_and(|body| !text[body..].contains("</script>"))
}

/// The byte offset of `line` (a slice of `html`) in `html`.
fn offset_of(html: &str, line: &str) -> usize {
    line.as_ptr() as usize - html.as_ptr() as usize
}

/// Whether the script starting at `body` (up to its `</script>`) has a
/// template literal running over a line end: an odd number of backticks
/// on any of its lines.
fn spans_lines_in_backticks(body: &str) -> bool {
    let end = body.find("</script>").unwrap_or(body.len());
    body[..end].lines().any(|l| l.matches('`').count() % 2 == 1)
}

/// `js` without its comment lines, indentation and blank lines, or `None`
/// when a line is not plainly code: a template literal or a string running
/// over a line end, whose lines are text. Line ends stay, so automatic
/// semicolon insertion reads the code as before.
pub fn js(js: &str) -> Option<String> {
    if js
        .lines()
        .any(|l| l.matches('`').count() % 2 == 1 || l.trim_end().ends_with('\\'))
    {
        return None;
    }
    let mut out = String::with_capacity(js.len());
    let mut in_comment = false;
    for line in js.lines() {
        let text = line.trim();
        if in_comment {
            // Code after the comment's end on the same line is kept.
            if let Some(end) = text.find("*/") {
                in_comment = false;
                let rest = text[end + 2..].trim_start();
                if !rest.is_empty() {
                    out.push_str(rest);
                    out.push('\n');
                }
            }
            continue;
        }
        if text.starts_with("/*") && !text.contains("*/") {
            in_comment = true;
            continue;
        }
        let whole_comment = text.starts_with("//")
            || (text.starts_with("/*") && text.ends_with("*/") && text.matches("*/").count() == 1);
        if text.is_empty() || whole_comment {
            continue;
        }
        out.push_str(text);
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_loses_comments_and_spacing_but_no_token() {
        let input = "/* The frame. */\nbody {\n  margin: 0;\n  font: 1rem/1.5 system-ui, sans-serif;\n}\n\nnav :focus-visible,\na:hover > span {\n  outline: 2px solid rgb(0, 0, 0);  /* why */\n}\n@media (min-width: 40rem) {\n  .grid { grid-template-columns: repeat(2, 1fr); }\n}\n";
        assert_eq!(
            css(input),
            "body{margin:0;font:1rem/1.5 system-ui,sans-serif}nav :focus-visible,a:hover > span{outline:2px solid rgb(0,0,0)}@media (min-width:40rem){.grid{grid-template-columns:repeat(2,1fr)}}\n"
        );
    }

    #[test]
    fn css_keeps_quoted_text_and_calc_spacing() {
        let input = ".a::before { content: \"a  /* not a comment */ ; }\"; }\n.b { width: calc(100% - 2rem); }\n.c { content: 'it\\'s  here'; }";
        assert_eq!(
            css(input),
            ".a::before{content:\"a  /* not a comment */ ; }\"}.b{width:calc(100% - 2rem)}.c{content:'it\\'s  here'}\n"
        );
    }

    #[test]
    fn css_comment_between_tokens_still_separates_them() {
        assert_eq!(css("a/* x */b{}"), "a b{}\n");
    }

    #[test]
    fn html_loses_comments_and_indentation_but_not_script_code() {
        let input = "<!doctype html>\n<html>\n  <head>\n    <!-- one\n         two -->\n    <title>T</title> <!-- end -->\n    <script type=\"module\">\n      // why\n      const a = /* __KEEP__ */ {};\n\n      const url = \"http://x\"; // trailing stays\n    </script>\n  </head>\n  <body><p>Hello</p></body>\n</html>\n";
        assert_eq!(
            html(input),
            "<!doctype html>\n<html>\n<head>\n<title>T</title>\n<script type=\"module\">\nconst a = /* __KEEP__ */ {};\nconst url = \"http://x\"; // trailing stays\n</script>\n</head>\n<body><p>Hello</p></body>\n</html>\n"
        );
    }

    #[test]
    fn html_leaves_a_script_with_a_multiline_template_literal_alone() {
        let input = "<script>\n  const t = `line one\n  // line two is text`;\n</script>\n";
        assert_eq!(
            html(input),
            "<script>\n  const t = `line one\n  // line two is text`;\n</script>\n"
        );
    }

    #[test]
    fn js_loses_comment_lines_and_indentation_and_keeps_line_ends() {
        let input = "/**\n * Docs.\n * @param {number} a\n */\nexport function f(a) {\n    // why\n    const s = \"// not a comment\";\n    /* inline */ return a\n        + 1; // trailing\n}\n\n/* one line */\nlet r = /a*/g;\n";
        assert_eq!(
            js(input).unwrap(),
            "export function f(a) {\nconst s = \"// not a comment\";\n/* inline */ return a\n+ 1; // trailing\n}\nlet r = /a*/g;\n"
        );
    }

    #[test]
    fn js_with_text_over_a_line_end_is_left_alone() {
        assert_eq!(js("const t = `one\n  two`;\n"), None);
        assert_eq!(js("const s = 'one \\\n  two';\n"), None);
    }

    #[test]
    fn js_keeps_code_after_a_comment_closes() {
        assert_eq!(js("/* a\n b */ x();\ny();\n").unwrap(), "x();\ny();\n");
    }

    #[test]
    fn the_repository_index_keeps_its_scripts_and_placeholder() {
        let source = std::fs::read_to_string(crate::project::root().join("index.html")).unwrap();
        let small = html(&source);
        assert!(small.len() < source.len() * 9 / 10, "{}", small.len());
        assert!(!small.contains("<!--"));
        assert!(small.contains(crate::pwa::preload::PLACEHOLDER));
        assert_eq!(
            crate::pwa::csp::inline_scripts(&small).unwrap().len(),
            crate::pwa::csp::inline_scripts(&source).unwrap().len()
        );
    }

    #[test]
    fn the_repository_stylesheet_shrinks_and_keeps_every_rule() {
        let source =
            std::fs::read_to_string(crate::project::root().join("style/main.css")).unwrap();
        let small = css(&source);
        assert!(small.len() < source.len() * 9 / 10, "{}", small.len());
        assert_eq!(
            small.matches('{').count(),
            source.matches('{').count() - comment_braces(&source)
        );
        assert!(!small.contains("/*"));
    }

    /// Braces inside the stylesheet's comments (none expected, but a
    /// comment quoting a rule must not fail the count above).
    fn comment_braces(css: &str) -> usize {
        css.split("/*")
            .skip(1)
            .filter_map(|c| c.split("*/").next())
            .map(|c| c.matches('{').count())
            .sum()
    }
}
