//! Exporting a result as JSON or CSV, and importing a JSON export again.
