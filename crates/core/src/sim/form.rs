//! A settings page: each rule checks one field's value (or, for a range,
//! two fields).

use super::{capped, ipv4, same_text, SimScore, StepResult, MAX_VALUE_CHARS};
use crate::content::model::sim::{Check, Form, Input};

/// The values the page opens with.
pub fn start(form: &Form) -> Vec<String> {
    form.fields.iter().map(|f| f.value.clone()).collect()
}

/// A field's value as the engine reads it: capped, and for a select or a
/// checkbox only one of its choices (anything else reads as empty).
pub fn value_of(form: &Form, values: &[String], field: &str) -> Option<String> {
    let index = form.fields.iter().position(|f| f.id == field)?;
    let field = form.fields.get(index)?;
    let raw = capped(
        values.get(index).map_or("", String::as_str),
        MAX_VALUE_CHARS,
    );
    let allowed = match field.input {
        Input::Text => true,
        Input::Select => field.options.iter().any(|o| o == &raw),
        Input::Checkbox => raw == "on" || raw == "off",
    };
    Some(if allowed { raw } else { String::new() })
}

/// Whether one rule holds for these values.
pub fn holds(form: &Form, values: &[String], field: &str, check: &Check) -> bool {
    let Some(value) = value_of(form, values, field) else {
        return false;
    };
    match check {
        Check::OneOf(list) => list.iter().any(|v| same_text(v, &value)),
        Check::NoneOf(list) => {
            !value.trim().is_empty() && !list.iter().any(|v| same_text(v, &value))
        }
        Check::MinLength(n) => value.chars().count() >= *n,
        Check::Ipv4Between(bounds) => {
            let (Some(low), Some(high), Some(v)) = (
                bounds.first().and_then(|b| ipv4::parse(b)),
                bounds.get(1).and_then(|b| ipv4::parse(b)),
                ipv4::parse(&value),
            ) else {
                return false;
            };
            low <= v && v <= high
        }
        Check::RangeExcludes { end, address } => {
            let end = value_of(form, values, end).unwrap_or_default();
            let (Some(first), Some(last), Some(address)) =
                (ipv4::parse(&value), ipv4::parse(&end), ipv4::parse(address))
            else {
                return false;
            };
            first <= last && !(first <= address && address <= last)
        }
    }
}

/// A mark per rule met.
pub fn score(form: &Form, values: &[String]) -> SimScore {
    let steps: Vec<StepResult> = form
        .rules
        .iter()
        .map(|r| StepResult {
            text: r.text.clone(),
            done: holds(form, values, &r.field, &r.check),
            why: r.why.clone(),
        })
        .collect();
    let wrong = steps
        .iter()
        .filter(|s| !s.done)
        .map(|s| format!("Not met: {}", s.text))
        .collect();
    SimScore {
        steps,
        penalties: Vec::new(),
        wrong,
    }
}
