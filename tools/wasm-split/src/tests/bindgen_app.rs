//! A split of a real wasm-bindgen build: tools/wasm-split/fixture/app.wasm
//! (its `build.sh` makes it again), by the profile recorded from it. No wasm
//! runtime is at hand natively, so the tests check what instantiating the
//! two modules relies on: every import of the rest is an export of the main
//! module of the same kind and type; every moved function the main module
//! names is a stub that loads the rest, then calls a slot the rest fills;
//! once the rest's segments are written, every slot of the function table
//! holds a function of the type it held before the split, and no stub; and
//! the rest's start marks it loaded. (build.sh also runs both modules in
//! Node, through wasm-bindgen's own JavaScript.)

use wasmparser as wp;

use super::imports_of;
use crate::link::{shared, short_import};
use crate::parsed::Parsed;
use crate::plan::Split;
use crate::profile::parse_profile;
use crate::validate;

const APP: &[u8] = include_bytes!("../../fixture/app.wasm");
const PROFILE: &str = include_str!("../../fixture/profile.txt");

/// What a module declares, read without the splitter's own reader.
struct Shape<'a> {
    types: Vec<wp::FuncType>,
    /// The type of every function, imported ones first.
    functions: Vec<u32>,
    imports: Vec<wp::Import<'a>>,
    exports: Vec<wp::Export<'a>>,
    /// Table 0's size.
    table_size: u32,
    /// Every global's type, imported ones first.
    globals: Vec<wp::GlobalType>,
    /// Every active segment of table 0: its offset and functions.
    elements: Vec<(u32, Vec<u32>)>,
    start: Option<u32>,
    /// The operators of each local function.
    bodies: Vec<Vec<wp::Operator<'a>>>,
}

impl<'a> Shape<'a> {
    fn of(bytes: &'a [u8]) -> Self {
        let mut shape = Shape {
            types: Vec::new(),
            functions: Vec::new(),
            imports: Vec::new(),
            exports: Vec::new(),
            table_size: 0,
            globals: Vec::new(),
            elements: Vec::new(),
            start: None,
            bodies: Vec::new(),
        };
        for payload in wp::Parser::new(0).parse_all(bytes) {
            match payload.unwrap() {
                wp::Payload::TypeSection(reader) => {
                    for ty in reader.into_iter_err_on_gc_types() {
                        shape.types.push(ty.unwrap());
                    }
                }
                wp::Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        let import = import.unwrap();
                        match import.ty {
                            wp::TypeRef::Func(ty) => shape.functions.push(ty),
                            wp::TypeRef::Global(ty) => shape.globals.push(ty),
                            wp::TypeRef::Table(ty) if shape.table_size == 0 => {
                                shape.table_size = ty.initial as u32;
                            }
                            _ => {}
                        }
                        shape.imports.push(import);
                    }
                }
                wp::Payload::FunctionSection(reader) => {
                    shape
                        .functions
                        .extend(reader.into_iter().map(Result::unwrap));
                }
                wp::Payload::TableSection(reader) => {
                    let first = reader.into_iter().next().unwrap().unwrap();
                    shape.table_size = first.ty.initial as u32;
                }
                wp::Payload::GlobalSection(reader) => {
                    shape
                        .globals
                        .extend(reader.into_iter().map(|g| g.unwrap().ty));
                }
                wp::Payload::ExportSection(reader) => {
                    shape.exports.extend(reader.into_iter().map(Result::unwrap));
                }
                wp::Payload::StartSection { func, .. } => shape.start = Some(func),
                wp::Payload::ElementSection(reader) => {
                    for element in reader {
                        shape.elements.push(table_segment(element.unwrap()));
                    }
                }
                wp::Payload::CodeSectionEntry(body) => {
                    let ops = body.get_operators_reader().unwrap();
                    shape
                        .bodies
                        .push(ops.into_iter().map(Result::unwrap).collect());
                }
                _ => {}
            }
        }
        shape
    }

    fn imported_functions(&self) -> u32 {
        (self.functions.len() - self.bodies.len()) as u32
    }

    fn type_of(&self, function: u32) -> &wp::FuncType {
        &self.types[self.functions[function as usize] as usize]
    }

    fn export(&self, name: &str) -> &wp::Export<'a> {
        let found = self.exports.iter().find(|export| export.name == name);
        found.unwrap_or_else(|| panic!("no export {name}"))
    }

    /// The slot and the dispatcher that function `function` calls, if it is
    /// a stub: `local.get` each parameter, `i32.const SLOT`, `call`.
    fn stub(&self, function: u32) -> Option<(u32, u32)> {
        let local = function.checked_sub(self.imported_functions())?;
        let params = self.type_of(function).params().len();
        let ops = &self.bodies[local as usize];
        if ops.len() != params + 3 || !passes_its_parameters(&ops[..params]) {
            return None;
        }
        match ops[params..] {
            [wp::Operator::I32Const { value }, wp::Operator::Call { function_index }, wp::Operator::End]
                if self.dispatcher(function_index).is_some() =>
            {
                Some((value as u32, function_index))
            }
            _ => None,
        }
    }

    /// The global that function `function` reads, if it is a dispatcher: it
    /// calls `tandem.load` (the last import) while that global is 0, then
    /// the slot it is given with the stub's arguments.
    fn dispatcher(&self, function: u32) -> Option<u32> {
        let local = function.checked_sub(self.imported_functions())?;
        let params = self.type_of(function).params().len();
        let ops = &self.bodies[local as usize];
        if ops.len() != params + 7 || !passes_its_parameters(&ops[5..5 + params]) {
            return None;
        }
        let load = self.imported_functions() - 1;
        match (&ops[..5], &ops[5 + params..]) {
            (
                [wp::Operator::GlobalGet { global_index }, wp::Operator::I32Eqz, wp::Operator::If { .. }, wp::Operator::Call { function_index }, wp::Operator::End],
                [wp::Operator::CallIndirect { table_index: 0, .. }, wp::Operator::End],
            ) if *function_index == load => Some(*global_index),
            _ => None,
        }
    }

    /// Every stub: its function and the slot it calls.
    fn stubs(&self) -> Vec<(u32, u32)> {
        (self.imported_functions()..self.functions.len() as u32)
            .filter_map(|function| self.stub(function).map(|(slot, _)| (function, slot)))
            .collect()
    }

    /// Every dispatcher's function.
    fn dispatchers(&self) -> Vec<u32> {
        (self.imported_functions()..self.functions.len() as u32)
            .filter(|&function| self.dispatcher(function).is_some())
            .collect()
    }
}

/// Whether `ops` is `local.get 0`, `local.get 1` and so on.
fn passes_its_parameters(ops: &[wp::Operator<'_>]) -> bool {
    ops.iter().enumerate().all(|(n, op)| {
        *op == wp::Operator::LocalGet {
            local_index: n as u32,
        }
    })
}

/// An active segment of table 0 that lists functions, as the fixture's are.
fn table_segment(element: wp::Element<'_>) -> (u32, Vec<u32>) {
    let wp::ElementKind::Active {
        table_index,
        offset_expr,
    } = element.kind
    else {
        panic!("only active segments are expected");
    };
    assert_eq!(table_index.unwrap_or(0), 0, "segments of table 0 only");
    let Ok(wp::Operator::I32Const { value }) = offset_expr.get_operators_reader().read() else {
        panic!("segments at constant offsets only");
    };
    let wp::ElementItems::Functions(items) = element.items else {
        panic!("segments of function indices only");
    };
    (
        value as u32,
        items.into_iter().map(Result::unwrap).collect(),
    )
}

/// A function in the table after linking: the main module's or the rest's.
#[derive(Clone, Copy, Debug)]
enum Entry {
    Main(u32),
    Rest(u32),
}

/// Writes `segments` into `table`, each function as `entry` names it.
fn write(table: &mut [Option<Entry>], segments: &[(u32, Vec<u32>)], entry: fn(u32) -> Entry) {
    for (offset, functions) in segments {
        for (n, &function) in functions.iter().enumerate() {
            table[*offset as usize + n] = Some(entry(function));
        }
    }
}

/// The fixture split by its profile into two valid modules.
fn split() -> Split {
    validate(APP).unwrap();
    let keep = parse_profile(PROFILE);
    let split = Parsed::new(APP).unwrap().split(&keep, None).unwrap();
    validate(&split.main).unwrap();
    validate(&split.rest).unwrap();
    assert!(
        split.profiled >= keep.len(),
        "every name the profile lists is found"
    );
    split
}

#[test]
fn the_main_module_imports_and_exports_what_the_app_did() {
    let split = split();
    let (app, main) = (Shape::of(APP), Shape::of(&split.main));
    // The glue's imports, in order and from the same module, under short
    // names; then the loader's.
    let mut imports: Vec<String> = imports_of(APP)
        .iter()
        .enumerate()
        .map(|(n, import)| {
            let (module, _) = import.rsplit_once('.').unwrap();
            format!("{module}.{}", short_import(n as u32))
        })
        .collect();
    imports.push("tandem.load".to_string());
    assert_eq!(imports_of(&split.main), imports);
    assert!(
        imports_of(APP)[0].contains("__wbg"),
        "the glue's names as built"
    );
    assert_eq!(main.type_of(main.imported_functions() - 1).params(), []);
    assert!(main.exports.len() > app.exports.len());
    for (before, after) in app.exports.iter().zip(&main.exports) {
        assert_eq!((before.name, before.kind), (after.name, after.kind));
        if before.kind == wp::ExternalKind::Func {
            assert_eq!(app.type_of(before.index), main.type_of(after.index));
        }
    }
}

#[test]
fn the_rest_imports_only_what_the_main_module_exports_for_it() {
    let split = split();
    let (main, rest) = (Shape::of(&split.main), Shape::of(&split.rest));
    // Of the same kinds and types; tables and globals keep their indices.
    let (mut tables, mut globals) = (0, 0);
    for import in &rest.imports {
        assert_eq!(import.module, "main");
        let export = main.export(import.name);
        match import.ty {
            wp::TypeRef::Func(ty) => {
                assert_eq!(export.kind, wp::ExternalKind::Func);
                assert_eq!(&rest.types[ty as usize], main.type_of(export.index));
            }
            wp::TypeRef::Table(ty) => {
                assert_eq!(import.name, shared('t', tables));
                assert_eq!(
                    (export.kind, export.index),
                    (wp::ExternalKind::Table, tables)
                );
                if tables == 0 {
                    assert!(ty.initial <= u64::from(main.table_size));
                }
                tables += 1;
            }
            wp::TypeRef::Global(ty) => {
                assert_eq!(import.name, shared('g', globals));
                assert_eq!(
                    (export.kind, export.index),
                    (wp::ExternalKind::Global, globals)
                );
                assert_eq!(ty, main.globals[globals as usize]);
                globals += 1;
            }
            wp::TypeRef::Memory(_) => assert_eq!(export.kind, wp::ExternalKind::Memory),
            other => panic!("the rest imports {other:?}"),
        }
    }
    assert_eq!(
        tables, 2,
        "the function table and wasm-bindgen's externrefs"
    );
    assert_eq!(
        globals as usize,
        main.globals.len(),
        "every global, `loaded` too"
    );
}

#[test]
fn moved_functions_the_main_module_names_are_stubs_of_slots_of_their_own() {
    let split = split();
    let (app, main, rest) = (
        Shape::of(APP),
        Shape::of(&split.main),
        Shape::of(&split.rest),
    );
    let stubs = main.stubs();
    let mut slots: Vec<u32> = stubs.iter().map(|&(_, slot)| slot).collect();
    slots.sort();
    assert_eq!(slots, (app.table_size..main.table_size).collect::<Vec<_>>());
    assert_eq!(
        main.bodies.len(),
        split.kept + stubs.len() + main.dispatchers().len()
    );
    assert_eq!(
        rest.bodies.len(),
        app.bodies.len() - split.kept + 1,
        "and `start`"
    );
    // The first screen's function stays; the tally's are stubs.
    assert!(main.stub(main.export("greet").index).is_none());
    for moved in ["tally_new", "tally_answer", "tally_total", "tally_weigh_by"] {
        assert!(main.stub(main.export(moved).index).is_some(), "{moved}");
    }
}

#[test]
fn linked_the_table_holds_functions_of_the_types_it_held_and_no_stub() {
    let split = split();
    let (app, main, rest) = (
        Shape::of(APP),
        Shape::of(&split.main),
        Shape::of(&split.rest),
    );
    let mut before = vec![None; app.table_size as usize];
    write(&mut before, &app.elements, Entry::Main);
    let mut linked = vec![None; main.table_size as usize];
    write(&mut linked, &main.elements, Entry::Main);
    write(&mut linked, &rest.elements, Entry::Rest);
    let type_of = |entry: Entry| match entry {
        Entry::Main(function) => main.type_of(function),
        Entry::Rest(function) => rest.type_of(function),
    };
    for (slot, (was, is)) in before.iter().zip(&linked).enumerate() {
        let was = was.map(|entry| match entry {
            Entry::Main(function) | Entry::Rest(function) => app.type_of(function),
        });
        assert_eq!(was, is.map(type_of), "slot {slot}");
    }
    for entry in linked.iter().flatten() {
        if let Entry::Main(function) = *entry {
            assert!(main.stub(function).is_none(), "{function} is a stub");
        }
    }
    // The rest writes its own over the entries that named moved functions
    // (a trait object's method, the closure) and into every stub's slot.
    let overwritten = linked[..app.table_size as usize]
        .iter()
        .filter(|entry| matches!(entry, Some(Entry::Rest(_))))
        .count();
    assert!(overwritten >= 2, "the moved trait method and closure");
    for (stub, slot) in main.stubs() {
        let Some(Entry::Rest(function)) = linked[slot as usize] else {
            panic!("slot {slot} of a stub is not the rest's");
        };
        assert_eq!(rest.type_of(function), main.type_of(stub));
    }
}

#[test]
fn the_rest_marks_itself_loaded_where_the_dispatchers_look() {
    let split = split();
    let (main, rest) = (Shape::of(&split.main), Shape::of(&split.rest));
    let dispatchers = main.dispatchers();
    let loaded = main.dispatcher(dispatchers[0]).unwrap();
    assert!(dispatchers
        .iter()
        .all(|&d| main.dispatcher(d) == Some(loaded)));
    // Its start sets that global, which it imports under the same index.
    let start = rest.start.unwrap() - rest.imported_functions();
    assert_eq!(
        rest.bodies[start as usize],
        [
            wp::Operator::I32Const { value: 1 },
            wp::Operator::GlobalSet {
                global_index: loaded
            },
            wp::Operator::End
        ]
    );
}

#[test]
fn an_instrumented_wasm_bindgen_build_reports_each_function() {
    let module = Parsed::new(APP).unwrap();
    let instrumented = module.instrument().unwrap();
    validate(&instrumented).unwrap();
    let shape = Shape::of(&instrumented);
    let ran = shape.imported_functions() - 1;
    assert_eq!(imports_of(&instrumented).last().unwrap(), "tandem.ran");
    for (local, body) in shape.bodies.iter().enumerate() {
        assert_eq!(
            body[..2],
            [
                wp::Operator::I32Const {
                    value: local as i32
                },
                wp::Operator::Call {
                    function_index: ran
                }
            ]
        );
    }
    assert_eq!(shape.bodies.len(), module.bodies.len());
    let locals = module.bodies.len() as u32;
    assert!(
        (0..locals).all(|local| module.stable_name(local).is_some()),
        "a profile can name every function"
    );
}
