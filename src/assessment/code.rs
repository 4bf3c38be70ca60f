//! Result codes: a short, checksummed text that carries one respondent's answers.
