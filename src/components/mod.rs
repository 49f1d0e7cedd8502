//! Building blocks shared by pages.

pub mod content_banner;
pub mod nav;
pub mod notice_list;
pub mod skip_link;
