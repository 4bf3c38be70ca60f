//! The split's tests on whole modules: `small_app`, a module built here in
//! the shape of a Yew app's, and `bindgen_app`, a real wasm-bindgen build
//! (tools/wasm-split/fixture). The stages' own rules are tested in their
//! files.

mod bindgen_app;
mod small_app;

use wasmparser as wp;

/// The names `bytes` exports, in order.
pub fn exports_of(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for payload in wp::Parser::new(0).parse_all(bytes) {
        if let wp::Payload::ExportSection(reader) = payload.unwrap() {
            found.extend(reader.into_iter().map(|e| e.unwrap().name.to_string()));
        }
    }
    found
}

/// The `module.name` of each import of `bytes`, in order.
pub fn imports_of(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for payload in wp::Parser::new(0).parse_all(bytes) {
        if let wp::Payload::ImportSection(reader) = payload.unwrap() {
            found.extend(reader.into_imports().map(|i| {
                let i = i.unwrap();
                format!("{}.{}", i.module, i.name)
            }));
        }
    }
    found
}
