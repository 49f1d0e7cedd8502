//! Words a help-desk note or interview answer uses interchangeably. Each
//! group maps to its first word's stem.

use std::collections::HashMap;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

const GROUPS: &[&[&str]] = &[
    &["reboot", "restart"],
    &[
        "computer",
        "laptop",
        "pc",
        "desktop",
        "workstation",
        "machine",
        "notebook",
    ],
    &[
        "phone",
        "mobile",
        "smartphone",
        "handset",
        "cellphone",
        "iphone",
        "android",
    ],
    &["password", "passcode", "passphrase"],
    &["user", "caller", "customer", "requester", "client"],
    &["problem", "issue", "fault"],
    &["fix", "resolve", "solve", "repair"],
    &["verify", "confirm", "validate"],
    &["install", "deploy"],
    &["remove", "delete", "uninstall"],
    &["manager", "supervisor", "boss", "lead"],
    &["email", "mail", "outlook"],
    &["escalate", "escalation", "handoff"],
    &["quick", "fast", "rapid"],
    &["team", "colleague", "coworker"],
    &["document", "record", "log", "note"],
    &["check", "test", "inspect"],
    &["error", "message", "warning"],
    &["printer", "printing", "print"],
    &["ticket", "case", "incident"],
];

fn table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut map = HashMap::new();
        for group in GROUPS {
            let canonical = stemmer.stem(group[0]).into_owned();
            for word in group.iter() {
                map.entry(stemmer.stem(word).into_owned())
                    .or_insert_with(|| canonical.clone());
            }
        }
        map
    })
}

/// The group's shared key for a stem, if it belongs to a group.
pub fn canonical(stem: &str) -> Option<String> {
    table().get(stem).cloned()
}
