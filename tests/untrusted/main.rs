//! Files people write: a corpus of hostile and mistaken configurations and
//! question banks, each refused with its own location and reason (or, for
//! markup, accepted as the literal text it is), and arbitrary input that
//! never panics the readers. One test binary; a file for each part.

#[path = "../common/mod.rs"]
mod common;

mod accepted;
mod never_panics;
mod refused;

use common::mini_bank_json;
use proptest::prelude::*;
use serde_json::{json, Value};
use tandem::assessment::config::{self, Draft, Scheme, MAX_CONFIG_BYTES, MAX_LINK_CHARS};
use tandem::assessment::{Bank, Config, HostMessages, Logo, Mode};
