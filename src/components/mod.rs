//! Building blocks shared by pages.

pub mod chart;
pub mod confidence;
pub mod content_banner;
pub mod generated_problem;
pub mod lazy_part;
pub mod nav;
pub mod notice_list;
pub mod number_field;
pub mod on_demand;
pub mod page_code;
pub mod question;
pub mod resuming;
pub mod retry_alert;
pub mod shortcuts;
pub mod skip_link;
pub mod sub_nav;
