//! The scenario list, prerendered: `scenarios.html`, the release build's
//! index.html with the list's cards written into its page frame from the
//! scenario catalog.
//!
//! Every other list page's largest text is its first paragraph, which the
//! frame already paints with the HTML. The scenario list's is its first
//! card, which the app could draw only once its code and the catalog had
//! arrived: Lighthouse measured its LCP at 2.55 s against 1.2 s for the
//! other pages. Static hosts (and the test server) answer `/scenarios`
//! with `scenarios.html` when it exists; a host that does not, or the
//! offline worker, answers with index.html and the app draws the list as
//! before.
//!
//! The frame is marked `data-prerendered`, so the app keeps it on screen
//! until the page has drawn the same cards (`src/adapters/dom.rs`): the
//! list never flashes back to "Loading". The cards are the app's markup
//! (`src/pages/scenarios/list.rs`); `e2e/tests/shell.spec.ts` checks that
//! the two agree in text and place.

/// The page written beside index.html.
pub const PAGE: &str = "scenarios.html";

/// Where the catalog is, under the built site.
pub const CATALOG: &str = "content/catalog/scenarios.json";

/// index.html's empty element the cards replace, and the frame's opening
/// tag, which gains the mark. Each must appear exactly once.
const SLOT: &str = "<div id=\"shell-page\"></div>";
const FRAME: &str = "<div id=\"loading-shell\">";
const MARKED: &str = "<div id=\"loading-shell\" data-prerendered>";

/// scenarios.html: `index` with the cards of `catalog` (the catalog's JSON)
/// in its frame.
pub fn scenario_page(index: &str, catalog: &str) -> Result<String, String> {
    for anchor in [SLOT, FRAME] {
        let count = index.matches(anchor).count();
        if count != 1 {
            return Err(format!(
                "index.html must contain `{anchor}` exactly once to prerender the scenario \
                 list (found {count}); put it back in the page frame"
            ));
        }
    }
    let cards = scenario_cards(catalog)?;
    Ok(index.replacen(SLOT, &cards, 1).replacen(FRAME, MARKED, 1))
}

/// The list as the app draws it, with two differences the frame's script
/// fills in (index.html): the play links get their seed there, and a
/// learner with saved scores sees that they are coming instead of "Not
/// played yet".
fn scenario_cards(catalog: &str) -> Result<String, String> {
    let catalog: serde_json::Value =
        serde_json::from_str(catalog).map_err(|e| format!("{CATALOG}: {e}"))?;
    let scenarios = catalog
        .get("scenarios")
        .and_then(|s| s.as_array())
        .ok_or_else(|| format!("{CATALOG}: no \"scenarios\" list"))?;
    let mut out = String::from(
        "<ul class=\"cards scenario-cards\" aria-label=\"Scenarios\" id=\"shell-list\">",
    );
    for (index, card) in scenarios.iter().enumerate() {
        let text = |field: &str| {
            card.get(field).and_then(|v| v.as_str()).ok_or_else(|| {
                format!("{CATALOG}: scenario {index} has no text \"{field}\"; rebuild the catalog with `firstline manifest`")
            })
        };
        let id = text("id")?;
        let title = escape(text("title")?);
        let minutes = card
            .get("deadline_minutes")
            .and_then(|v| v.as_u64())
            .ok_or_else(|| format!("{CATALOG}: scenario {index} has no \"deadline_minutes\""))?;
        let duties: Vec<&str> = card
            .get("duties")
            .and_then(|d| d.as_array())
            .map(|d| d.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let href = format!("scenarios/{}", escape(id));
        out.push_str(&format!(
            "<li class=\"card\"><h2><a href=\"{href}\" data-play>{title}</a></h2>\
             <p>{summary}</p>\
             <p class=\"muted\">{channel} \u{b7} {category} \u{b7} deadline {minutes} min \u{b7} caller starts {mood} \u{b7} {difficulty}</p>\
             <p class=\"muted\">Practises: {duties}</p>\
             <p data-best>Not played yet</p>\
             <p><a href=\"{href}\" data-play data-practice aria-label=\"Practise this call: {title}\">Practise this call</a>\
             <span class=\"muted\"> (choices can be taken back; not counted)</span></p></li>",
            summary = escape(text("summary")?),
            channel = escape(text("channel")?),
            category = escape(text("category")?),
            mood = escape(text("mood")?),
            difficulty = escape(text("difficulty")?),
            duties = escape(&duties.join(", ")),
        ));
    }
    out.push_str("</ul>");
    Ok(out)
}

/// Text as HTML, safe in element text and in a quoted attribute alike.
fn escape(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<body><div id=\"loading-shell\"><main><h1>x</h1>\
        <div id=\"shell-page\"></div><p role=\"status\">Loading</p></main></div></body>";

    fn catalog(title: &str) -> String {
        serde_json::json!({
            "scenarios": [{
                "id": "printer-jam", "title": title,
                "summary": "Paper jams & worse", "channel": "phone",
                "category": "Hardware / Printer", "deadline_minutes": 20,
                "mood": "calm", "difficulty": "easy",
                "duties": ["printing", "documentation"]
            }],
            "shifts": []
        })
        .to_string()
    }

    #[test]
    fn writes_each_card_as_the_app_does_into_the_marked_frame() {
        let page = scenario_page(INDEX, &catalog("Jammed")).unwrap();
        assert!(page.contains("<div id=\"loading-shell\" data-prerendered>"));
        assert!(!page.contains("shell-page"));
        assert!(page.contains(
            "<h2><a href=\"scenarios/printer-jam\" data-play>Jammed</a></h2><p>Paper jams &amp; worse</p>"
        ));
        assert!(page.contains(
            "phone \u{b7} Hardware / Printer \u{b7} deadline 20 min \u{b7} caller starts calm \u{b7} easy"
        ));
        assert!(page.contains("Practises: printing, documentation"));
        assert!(page.contains("aria-label=\"Practise this call: Jammed\""));
        // The cards sit where the slot was: after the heading, before the status.
        let (h1, list, status) = (
            page.find("<h1>").unwrap(),
            page.find("id=\"shell-list\"").unwrap(),
            page.find("role=\"status\"").unwrap(),
        );
        assert!(h1 < list && list < status);
    }

    #[test]
    fn text_from_the_catalog_cannot_open_a_tag_or_leave_an_attribute() {
        let page = scenario_page(INDEX, &catalog("<script>\"x\"</script>")).unwrap();
        assert!(!page.contains("<script>"));
        assert!(page.contains("Practise this call: &lt;script&gt;&quot;x&quot;&lt;/script&gt;\""));
    }

    #[test]
    fn the_repository_index_html_takes_the_cards_after_the_script_that_sets_its_heading() {
        let path = crate::project::root().join("index.html");
        let index = std::fs::read_to_string(&path).unwrap();
        let page = scenario_page(&crate::minify::html(&index), &catalog("Jammed")).unwrap();
        // The heading and lead are set before the cards are parsed: a
        // browser paints a long page as it arrives, and a heading set after
        // the cards had painted would push them down (a layout shift).
        let (script, list) = (
            page.find("shell-title').textContent").unwrap(),
            page.find("id=\"shell-list\"").unwrap(),
        );
        assert!(script < list);
    }

    #[test]
    fn a_missing_anchor_or_field_is_an_error_naming_it() {
        let err = scenario_page("<body></body>", &catalog("x")).unwrap_err();
        assert!(
            err.contains("shell-page") && err.contains("found 0"),
            "{err}"
        );
        let twice = INDEX.replace("<h1>", "<div id=\"shell-page\"></div><h1>");
        assert!(scenario_page(&twice, &catalog("x"))
            .unwrap_err()
            .contains("found 2"));
        let err = scenario_page(INDEX, r#"{"scenarios":[{"id":"a"}]}"#).unwrap_err();
        assert!(err.contains("scenario 0 has no text \"title\""), "{err}");
        assert!(err.contains(CATALOG), "{err}");
        let err = scenario_page(INDEX, "{").unwrap_err();
        assert!(err.starts_with(CATALOG), "{err}");
    }
}
