//! Small document helpers.

/// The page frame in index.html; `mount_to_body` appends, so the frame is
/// removed by hand, and until then the app stays hidden behind it
/// (style/main.css). Called once the app has drawn the route's page (the
/// last of its start-up stages, `DrawInStages` in src/app.rs): a plain
/// frame (a heading and "Loading") goes then. A frame the build
/// prerendered a page into (`data-prerendered`,
/// xtask/src/pwa/prerender.rs) stays until that page has drawn the same
/// content and calls `release_loading_shell`: the page never flashes back
/// to "Loading".
pub fn start_loading_shell() {
    if let Some(shell) = loading_shell() {
        if !shell.has_attribute("data-prerendered") {
            remove_frame(&shell);
        }
    }
}

/// Removes the page frame, prerendered or not, showing the app. Called by
/// the prerendered page once drawn, and by the page loader when the page's
/// code cannot be had (the app's message and "Try again" must show).
pub fn release_loading_shell() {
    if let Some(shell) = loading_shell() {
        remove_frame(&shell);
    }
}

/// Removes the frame without losing the keyboard user's place: whoever
/// had tabbed into it (its links work before the app starts) finds focus
/// on the app's link to the same address, or on the main region, not
/// thrown back to the top of the page.
fn remove_frame(shell: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let focused = document()
        .and_then(|d| d.active_element())
        .filter(|el| shell.contains(Some(el)));
    let href = focused
        .as_ref()
        .and_then(|el| el.dyn_ref::<web_sys::HtmlAnchorElement>())
        .map(|a| a.href());
    shell.remove();
    if focused.is_none() {
        return;
    }
    match href.and_then(|href| link_to(&href)) {
        Some(link) => {
            let _ = link.focus();
        }
        None => focus_main(),
    }
}

/// The first link in the page to `href` (an absolute address); or else the
/// same but for its `seed` (a scenario card's play links, whose seed the
/// app draws afresh: "Practise this call" finds its own link, not the
/// card's title); or else a link to the same page.
fn link_to(href: &str) -> Option<web_sys::HtmlAnchorElement> {
    use wasm_bindgen::JsCast;
    let nodes = document()?.query_selector_all("a[href]").ok()?;
    let links: Vec<web_sys::HtmlAnchorElement> = (0..nodes.length())
        .filter_map(|i| nodes.get(i))
        .filter_map(|node| node.dyn_into().ok())
        .collect();
    let find = |same: &dyn Fn(&str) -> bool| links.iter().find(|a| same(&a.href())).cloned();
    find(&|a| a == href)
        .or_else(|| find(&|a| same_but_seed(a, href)))
        .or_else(|| find(&|a| page_of(a) == page_of(href)))
}

/// An address without its query and fragment.
fn page_of(href: &str) -> &str {
    href.split(['?', '#']).next().unwrap_or(href)
}

/// Whether two addresses differ at most in their `seed` parameter.
fn same_but_seed(a: &str, b: &str) -> bool {
    page_of(a) == page_of(b) && params_but_seed(a).eq(params_but_seed(b))
}

/// An address's query parameters, in order, but for `seed`.
fn params_but_seed(href: &str) -> impl Iterator<Item = &str> {
    let query = href.split('#').next().unwrap_or("");
    let query = query.split_once('?').map_or("", |(_, q)| q);
    query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("seed="))
}

fn loading_shell() -> Option<web_sys::Element> {
    document().and_then(|d| d.get_element_by_id("loading-shell"))
}

/// Sets the tab title as `<page> · FirstLine`.
pub fn set_title(page: &str) {
    if let Some(doc) = document() {
        doc.set_title(&format!("{page} · FirstLine"));
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Moves keyboard focus to the page's main region.
pub fn focus_main() {
    focus_id("main");
}

/// Moves keyboard focus to the element with this id (it needs a tabindex
/// unless it is a control), such as a heading of content that just appeared.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Prints only the element with this id: the print style sheet hides the
/// rest of the page while `<html data-print-only>` names it, so the page
/// needs no separate printable copy. The mark goes when printing ends.
pub fn print_only(id: &str) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let root = document().and_then(|d| d.document_element());
    let Some(root) = root else {
        let _ = window.print();
        return;
    };
    let _ = root.set_attribute("data-print-only", id);
    let clear = {
        let root = root.clone();
        Closure::once_into_js(move || {
            let _ = root.remove_attribute("data-print-only");
            if let Some(w) = web_sys::window() {
                w.set_onafterprint(None);
            }
        })
    };
    window.set_onafterprint(Some(clear.unchecked_ref()));
    if window.print().is_err() {
        let _ = root.remove_attribute("data-print-only");
        window.set_onafterprint(None);
    }
}
