//! Why a result code or a file a person brought to Tandem could not be used
//! ([`Reason`]), kept as what went wrong rather than as a sentence, so that
//! each screen words it in its reader's language ([`Reason::words`]).

use super::code::CodeError;
use super::export::ImportError;
use super::untrusted::Why;

/// Why a code, a result link or an exported file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The code or link did not read.
    Code(CodeError),
    /// The file was read but is not an export this Tandem can import.
    Import(ImportError),
    /// The file could not be read at all: too large to try, or refused by
    /// the browser.
    Unread(Why),
}

impl From<CodeError> for Reason {
    fn from(error: CodeError) -> Reason {
        Reason::Code(error)
    }
}

impl From<ImportError> for Reason {
    fn from(error: ImportError) -> Reason {
        Reason::Import(error)
    }
}

impl From<Why> for Reason {
    fn from(why: Why) -> Reason {
        Reason::Unread(why)
    }
}
