//! Pieces the screens share. Each has one root CSS class named after it.

mod progress_bar;
pub mod radar_chart;
mod restart;
mod saving_notice;
mod statement_item;

pub use progress_bar::ProgressBar;
pub use radar_chart::{RadarChart, RadarSeries};
pub use restart::Restart;
pub use saving_notice::SavingNotice;
pub use statement_item::StatementItem;
