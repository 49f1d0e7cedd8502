//! Messages for the user: storage problems, content problems, saves that
//! failed. Shown in a live region so screen readers announce them.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub level: Level,
    pub text: String,
    /// Where the user can act on it, as (address, link text).
    pub link: Option<(&'static str, &'static str)>,
}

#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u32>,
}

impl Notices {
    pub fn provide() -> Self {
        let notices = Notices {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        };
        provide_context(notices);
        notices
    }

    /// Adds a notice unless the same text is already shown.
    pub fn push(&self, level: Level, text: impl Into<String>) {
        self.push_linked(level, text, None);
    }

    /// Adds a notice with a link to where the user can act on it.
    pub fn push_linked(
        &self,
        level: Level,
        text: impl Into<String>,
        link: Option<(&'static str, &'static str)>,
    ) {
        let text = text.into();
        if self
            .list
            .with_untracked(|l| l.iter().any(|n| n.text == text))
        {
            return;
        }
        let id = self.next_id.get_value();
        self.next_id.set_value(id.wrapping_add(1));
        self.list.update(|l| {
            l.push(Notice {
                id,
                level,
                text,
                link,
            })
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.list.update(|l| l.retain(|n| n.id != id));
    }

    pub fn list(&self) -> Signal<Vec<Notice>> {
        self.list.into()
    }
}

pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}
