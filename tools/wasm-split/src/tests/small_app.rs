//! A split and an instrumented build of a small module built here, shaped
//! like a Yew app's.

use std::borrow::Cow;

use wasm_encoder as enc;
use wasmparser as wp;

use super::{exports_of, imports_of};
use crate::data::read_map;
use crate::parsed::Parsed;
use crate::profile::parse_profile;
use crate::validate;

/// A small module shaped like a Yew app's: `entry` (exported) calls
/// `screen`, which is also in the function table and calls `helper`;
/// `helper` also reads the stack pointer and calls the imported `log`.
/// Its data: `entry` reads 2048, which points to 12288, and stores the
/// address 16384 as half of an `i64`; `helper` reads 4096, 12288 and
/// 16384; nothing names 8192.
fn app_module() -> Vec<u8> {
    let mut module = enc::Module::new();
    let mut types = enc::TypeSection::new();
    types
        .ty()
        .function([enc::ValType::I32], [enc::ValType::I32]);
    types.ty().function([enc::ValType::I32], []);
    module.section(&types);
    let mut imports = enc::ImportSection::new();
    imports.import("env", "log", enc::EntityType::Function(1));
    module.section(&imports);
    let mut functions = enc::FunctionSection::new();
    for _ in 0..3 {
        functions.function(0);
    }
    module.section(&functions);
    let mut tables = enc::TableSection::new();
    tables.table(enc::TableType {
        element_type: enc::RefType::FUNCREF,
        table64: false,
        minimum: 2,
        maximum: Some(2),
        shared: false,
    });
    module.section(&tables);
    let mut memories = enc::MemorySection::new();
    memories.memory(enc::MemoryType {
        minimum: 1,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    module.section(&memories);
    let mut globals = enc::GlobalSection::new();
    globals.global(
        enc::GlobalType {
            val_type: enc::ValType::I32,
            mutable: true,
            shared: false,
        },
        &enc::ConstExpr::i32_const(1024),
    );
    module.section(&globals);
    let mut exports = enc::ExportSection::new();
    exports.export("entry", enc::ExportKind::Func, 1);
    exports.export("memory", enc::ExportKind::Memory, 0);
    module.section(&exports);
    let mut elements = enc::ElementSection::new();
    elements.active(
        None,
        &enc::ConstExpr::i32_const(1),
        enc::Elements::Functions(Cow::Borrowed(&[2])),
    );
    module.section(&elements);
    let mut code = enc::CodeSection::new();
    let mut entry = enc::Function::new([]);
    entry
        .instructions()
        .local_get(0)
        .call(2)
        .i32_const(2048)
        .i32_load(memarg())
        .i32_add()
        .i32_const(0)
        .i64_const((9 << 32) | 16384)
        .i64_store(enc::MemArg {
            align: 3,
            ..memarg()
        })
        .end();
    code.function(&entry);
    let mut screen = enc::Function::new([]);
    screen.instructions().local_get(0);
    for n in 1..8 {
        screen.instructions().i32_const(n).i32_mul();
    }
    screen.instructions().call(3).end();
    code.function(&screen);
    let mut helper = enc::Function::new([]);
    helper
        .instructions()
        .local_get(0)
        .call(0)
        .global_get(0)
        .local_get(0)
        .i32_add();
    for n in 1..8 {
        helper.instructions().i32_const(n).i32_add();
    }
    helper
        .instructions()
        .i32_const(4096)
        .i32_load(memarg())
        .i32_add()
        .i32_const(0)
        .i32_load(enc::MemArg {
            offset: 12288,
            ..memarg()
        })
        .i32_add()
        .i32_const(16384)
        .i32_load(memarg())
        .i32_add()
        .end();
    code.function(&helper);
    module.section(&code);
    let mut data = enc::DataSection::new();
    for (at, bytes) in data_segments() {
        data.active(0, &enc::ConstExpr::i32_const(at as i32), bytes);
    }
    module.section(&data);
    let mut names = enc::NameMap::new();
    names.append(1, "app[0123abcd]::entry");
    names.append(2, "app[0123abcd]::screen");
    names.append(3, "app[0123abcd]::helper");
    let mut section = enc::NameSection::new();
    section.functions(&names);
    module.section(&section);
    module.finish()
}

fn memarg() -> enc::MemArg {
    enc::MemArg {
        offset: 0,
        align: 2,
        memory_index: 0,
    }
}

/// The module's data: four chunks of 8 bytes.
fn data_segments() -> Vec<(u32, Vec<u8>)> {
    vec![
        (2048, vec![1, 0, 0, 0, 0x00, 0x30, 0, 0]),
        (4096, vec![2; 8]),
        (8192, vec![3; 8]),
        (12288, vec![4; 8]),
        (16384, vec![5; 8]),
    ]
}

/// The module's link map, as wasm-ld writes it.
const LINK_MAP: &str = "    Addr      Off     Size Out     In      Symbol
       -      100        8 DATA
     800      100        8 .rodata
     800      100        8         app.o:(.rodata..Lanon.1)
    1000      108        8         app.o:(.rodata..Lanon.2)
    2000      110        8         app.o:(.rodata._ZN3app13LATER_ENGLISH)
    3000      118        8         app.o:(.rodata..Lanon.3)
    4000      120        8         app.o:(.rodata..Lanon.4)
";

/// The active segments a module writes, by address.
fn data_of(bytes: &[u8]) -> Vec<(u32, Vec<u8>)> {
    let mut segments = Vec::new();
    for payload in wp::Parser::new(0).parse_all(bytes) {
        if let wp::Payload::DataSection(reader) = payload.unwrap() {
            for data in reader {
                let data = data.unwrap();
                let wp::DataKind::Active { offset_expr, .. } = data.kind else {
                    panic!("a passive segment");
                };
                let Ok(wp::Operator::I32Const { value }) =
                    offset_expr.get_operators_reader().read()
                else {
                    panic!("an address that is not a constant");
                };
                segments.push((value as u32, data.data.to_vec()));
            }
        }
    }
    segments
}

#[test]
fn data_that_only_moved_functions_reach_moves_with_them() {
    let bytes = app_module();
    let module = Parsed::new(&bytes).unwrap();
    let chunks = read_map(LINK_MAP).unwrap();
    let split = module
        .split(&parse_profile("app::entry\n"), Some(&chunks))
        .unwrap();
    validate(&split.main).unwrap();
    validate(&split.rest).unwrap();
    let [named_by_entry, named_by_helper, named_by_none, pointed_to, stored] =
        data_segments().try_into().unwrap();
    // 12288 stays: `helper` names it, but so does a word that `entry`
    // reaches; 16384 stays, since `entry` stores its address; 8192 stays,
    // since nothing is seen to reach it.
    assert_eq!(
        data_of(&split.main),
        [named_by_entry, named_by_none, pointed_to, stored]
    );
    assert_eq!(data_of(&split.rest), [named_by_helper]);
    assert_eq!(split.moved_data, 8);
    // Without the map, every byte stays.
    let whole = module.split(&parse_profile("app::entry\n"), None).unwrap();
    assert_eq!(data_of(&whole.main), data_segments());
    assert!(data_of(&whole.rest).is_empty());
}

#[test]
fn a_split_keeps_the_profile_and_moves_the_rest() {
    let bytes = app_module();
    validate(&bytes).unwrap();
    let module = Parsed::new(&bytes).unwrap();
    let keep = parse_profile("app::entry\n");
    let split = module.split(&keep, None).unwrap();
    validate(&split.main).unwrap();
    validate(&split.rest).unwrap();
    assert_eq!((split.kept, split.profiled), (1, 1));

    // The main module: its own exports, then what the rest imports;
    // `screen` keeps a stub (exported and in the table), `helper` is
    // only in the rest.
    let main = Parsed::new(&split.main).unwrap();
    assert_eq!(
        main.bodies.len(),
        3,
        "entry, the stub of screen, one dispatcher"
    );
    assert_eq!(
        exports_of(&split.main),
        ["entry", "memory", "~m0", "~t0", "~g0", "~g1", "~f0"],
    );
    assert_eq!(imports_of(&split.main), ["env.a", "tandem.load"]);
    assert_eq!(main.tables[0].ty.initial, 3, "one slot for the one stub");

    // The rest: the main module's `log` (which helper calls), memory,
    // table and globals; screen, helper and the function that marks it
    // loaded.
    assert_eq!(
        imports_of(&split.rest),
        ["main.~f0", "main.~m0", "main.~t0", "main.~g0", "main.~g1"]
    );
    let (mut bodies, mut start) = (0, None);
    for payload in wp::Parser::new(0).parse_all(&split.rest) {
        match payload.unwrap() {
            wp::Payload::CodeSectionEntry(_) => bodies += 1,
            wp::Payload::StartSection { func, .. } => start = Some(func),
            _ => {}
        }
    }
    assert_eq!((bodies, start), (3, Some(3)));
}

#[test]
fn an_instrumented_module_reports_each_function() {
    let bytes = app_module();
    let module = Parsed::new(&bytes).unwrap();
    let instrumented = module.instrument().unwrap();
    validate(&instrumented).unwrap();
    assert_eq!(imports_of(&instrumented), ["env.log", "tandem.ran"]);
    assert_eq!(module.stable_name(1).as_deref(), Some("app::screen"));
}
