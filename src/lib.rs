//! disclosure-report: checks the statistics tables of government information disclosure annual
//! reports (政府信息公开工作年度报告) and renders a preview of the finished report.
//!
//! The core knows nothing of the browser; the browser binding lives in `wasm` and is compiled only
//! for `wasm32`.

#[cfg(feature = "reports")]
pub mod accept;
#[cfg(feature = "reports")]
pub mod checks;
#[cfg(feature = "reports")]
pub mod coverage;
pub mod diagnostic;
pub mod engine;
pub mod form;
#[cfg(feature = "reports")]
pub mod import;
pub mod invisible;
pub mod messages;
#[cfg(feature = "reports")]
pub mod render;
pub mod report;
#[cfg(feature = "reports")]
pub mod validate;
pub mod value;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
