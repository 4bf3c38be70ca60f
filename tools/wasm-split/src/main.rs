//! Splits Tandem's release wasm in two, so that a first visit downloads only
//! the code its first screen runs.
//!
//! `tandem-split split APP.wasm PROFILE REST.wasm` rewrites APP.wasm into
//! the *main* module, which keeps every function named in PROFILE (the
//! functions the first screen ran, recorded by `cargo xtask profile`), and
//! writes every other function into REST.wasm. In the main module each moved
//! function becomes a stub that loads the rest if it has not arrived yet,
//! then calls the real function through the function table:
//!
//! ```text
//! global.get $rest_loaded  i32.eqz  if  call $tandem.load  end
//! local.get 0 .. local.get n  i32.const SLOT  call_indirect
//! ```
//!
//! The rest module imports the main module's memory, tables, globals and the
//! functions it calls, and on instantiation writes its functions into the
//! table slots the stubs call and over the table entries (trait objects,
//! closures) that named moved functions, then sets `$rest_loaded`. The page
//! code that loads it is tools/split/loader.js.
//!
//! `tandem-split instrument APP.wasm NAMES` adds a call to `tandem.ran(n)`
//! at the start of local function n and writes each function's name, one a
//! line, to NAMES: what `cargo xtask profile` runs to record the profile.
//!
//! Both read the names that `wasm-opt -g` keeps and write modules without
//! them. Names are compared without the crate hashes rustc puts in them
//! (`yew[dee37bcb31318540]::html`), so that a profile outlives a compiler
//! update; a function missing from a stale profile still works, loaded on
//! demand.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::convert::Infallible;
use std::process::ExitCode;

use wasm_encoder as enc;
use wasm_encoder::reencode::{Error as ReencodeError, Reencode, RoundtripReencoder};
use wasmparser as wp;

/// Where the main module imports `load` and `ran` from; the loader
/// (tools/split/loader.js) provides both.
const HOST_MODULE: &str = "tandem";
/// Where the rest module imports the main module's exports from.
const MAIN_MODULE: &str = "main";
/// The prefix of what the main module exports for the rest module.
const EXPORT_PREFIX: char = '~';
/// The main module's global that says whether the rest is linked (0 or 1).
const LOADED: enc::GlobalType = enc::GlobalType {
    val_type: enc::ValType::I32,
    mutable: true,
    shared: false,
};
/// A stub costs about this many bytes, so a smaller function stays put.
const STUB_BYTES: usize = 16;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["split", app, profile, rest] => split_files(app, profile, rest),
        ["instrument", app, names] => instrument_files(app, names),
        _ => Err(
            "usage: tandem-split split APP.wasm PROFILE REST.wasm\n       \
                  tandem-split instrument APP.wasm NAMES"
                .to_string(),
        ),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tandem-split: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The name under which the main module exports its `kind` ('f'unction,
/// 't'able, 'g'lobal, 'm'emory) number `index` to the rest: short, because
/// both modules carry one for every function the rest calls.
fn shared(kind: char, index: u32) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut digits = Vec::new();
    let mut n = index;
    loop {
        digits.push(DIGITS[(n % 62) as usize] as char);
        n /= 62;
        if n == 0 {
            break;
        }
    }
    std::iter::once(EXPORT_PREFIX)
        .chain(std::iter::once(kind))
        .chain(digits.into_iter().rev())
        .collect()
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn write(path: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}"))
}

fn split_files(app: &str, profile: &str, rest: &str) -> Result<(), String> {
    let bytes = read(app)?;
    let profile_text =
        std::fs::read_to_string(profile).map_err(|e| format!("cannot read {profile}: {e}"))?;
    let keep = parse_profile(&profile_text);
    let module = Parsed::new(&bytes).map_err(|e| format!("{app}: {e}"))?;
    let split = module.split(&keep).map_err(|e| format!("{app}: {e}"))?;
    validate(&split.main).map_err(|e| format!("the main module is not valid wasm: {e}"))?;
    validate(&split.rest).map_err(|e| format!("the rest module is not valid wasm: {e}"))?;
    write(app, &split.main)?;
    write(rest, &split.rest)?;
    println!(
        "tandem-split: {} of {} functions stay in the main module ({} from the profile of {} \
         names); main {} bytes, rest {} bytes",
        split.kept,
        module.bodies.len(),
        split.profiled,
        keep.len(),
        split.main.len(),
        split.rest.len(),
    );
    Ok(())
}

fn instrument_files(app: &str, names: &str) -> Result<(), String> {
    let bytes = read(app)?;
    let module = Parsed::new(&bytes).map_err(|e| format!("{app}: {e}"))?;
    let instrumented = module.instrument().map_err(|e| format!("{app}: {e}"))?;
    validate(&instrumented).map_err(|e| format!("the instrumented module is not valid: {e}"))?;
    write(app, &instrumented)?;
    let list: String = (0..module.bodies.len() as u32)
        .map(|n| format!("{}\n", module.stable_name(n).unwrap_or_default()))
        .collect();
    write(names, list.as_bytes())
}

/// The names a profile lists: one a line, `#` comments and blank lines left out.
fn parse_profile(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// `name` without rustc's crate hashes (`[0123abcd]`), LLVM's `.llvm.NNN`
/// suffixes and the linker's `.NNN` (which tells apart local functions of
/// the same name), all of which change between builds of the same code.
/// Functions that then share a name are kept or moved together.
fn stable(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if close > 0 && after[..close].bytes().all(|b| b.is_ascii_hexdigit()) => {
                rest = &after[close + 1..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    if let Some(at) = out.find(".llvm.") {
        out.truncate(at);
    }
    match out.rsplit_once('.') {
        Some((base, number))
            if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            base.to_string()
        }
        _ => out,
    }
}

fn validate(bytes: &[u8]) -> Result<(), String> {
    wp::Validator::new_with_features(wp::WasmFeatures::all())
        .validate_all(bytes)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

type Reencoded<T> = Result<T, ReencodeError<Infallible>>;

/// The parts of a module this tool reads, borrowed from its bytes.
struct Parsed<'a> {
    bytes: &'a [u8],
    types: Vec<wp::FuncType>,
    type_section: Option<wp::TypeSectionReader<'a>>,
    imports: Vec<wp::Import<'a>>,
    imported_functions: u32,
    imported_tables: u32,
    imported_globals: u32,
    /// The type of each local function.
    functions: Vec<u32>,
    tables: Vec<wp::Table<'a>>,
    memory_section: Option<std::ops::Range<usize>>,
    globals: Vec<wp::Global<'a>>,
    /// Every global's type, imported ones first.
    global_types: Vec<wp::GlobalType>,
    exports: Vec<wp::Export<'a>>,
    start: Option<u32>,
    element_section: Option<wp::ElementSectionReader<'a>>,
    data_count: Option<u32>,
    bodies: Vec<wp::FunctionBody<'a>>,
    data_section: Option<std::ops::Range<usize>>,
    /// Local function index to name.
    names: HashMap<u32, &'a str>,
}

fn unsupported(what: &str) -> String {
    format!("{what} is not supported by the splitter")
}

impl<'a> Parsed<'a> {
    fn new(bytes: &'a [u8]) -> Result<Self, String> {
        let mut module = Parsed {
            bytes,
            types: Vec::new(),
            type_section: None,
            imports: Vec::new(),
            imported_functions: 0,
            imported_tables: 0,
            imported_globals: 0,
            functions: Vec::new(),
            tables: Vec::new(),
            memory_section: None,
            globals: Vec::new(),
            global_types: Vec::new(),
            exports: Vec::new(),
            start: None,
            element_section: None,
            data_count: None,
            bodies: Vec::new(),
            data_section: None,
            names: HashMap::new(),
        };
        let mut function_names = HashMap::new();
        for payload in wp::Parser::new(0).parse_all(bytes) {
            match payload.map_err(|e| e.to_string())? {
                wp::Payload::TypeSection(reader) => {
                    for group in reader.clone() {
                        for sub in group.map_err(|e| e.to_string())?.into_types() {
                            match &sub.composite_type.inner {
                                wp::CompositeInnerType::Func(f) => module.types.push(f.clone()),
                                _ => return Err(unsupported("a non-function type")),
                            }
                        }
                    }
                    module.type_section = Some(reader);
                }
                wp::Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        let import = import.map_err(|e| e.to_string())?;
                        match import.ty {
                            wp::TypeRef::Func(_) => module.imported_functions += 1,
                            wp::TypeRef::Table(_) => module.imported_tables += 1,
                            wp::TypeRef::Global(ty) => {
                                module.imported_globals += 1;
                                module.global_types.push(ty);
                            }
                            wp::TypeRef::Memory(_) => {}
                            _ => return Err(unsupported("this kind of import")),
                        }
                        module.imports.push(import);
                    }
                }
                wp::Payload::FunctionSection(reader) => {
                    for ty in reader {
                        module.functions.push(ty.map_err(|e| e.to_string())?);
                    }
                }
                wp::Payload::TableSection(reader) => {
                    for table in reader {
                        module.tables.push(table.map_err(|e| e.to_string())?);
                    }
                }
                wp::Payload::MemorySection(reader) => module.memory_section = Some(reader.range()),
                wp::Payload::GlobalSection(reader) => {
                    for global in reader {
                        let global = global.map_err(|e| e.to_string())?;
                        module.global_types.push(global.ty);
                        module.globals.push(global);
                    }
                }
                wp::Payload::ExportSection(reader) => {
                    for export in reader {
                        module.exports.push(export.map_err(|e| e.to_string())?);
                    }
                }
                wp::Payload::StartSection { func, .. } => module.start = Some(func),
                wp::Payload::ElementSection(reader) => module.element_section = Some(reader),
                wp::Payload::DataCountSection { count, .. } => module.data_count = Some(count),
                wp::Payload::CodeSectionEntry(body) => module.bodies.push(body),
                wp::Payload::DataSection(reader) => module.data_section = Some(reader.range()),
                wp::Payload::CustomSection(custom) => {
                    if let wp::KnownCustom::Name(reader) = custom.as_known() {
                        for name in reader {
                            if let wp::Name::Function(map) = name.map_err(|e| e.to_string())? {
                                for naming in map {
                                    let naming = naming.map_err(|e| e.to_string())?;
                                    function_names.insert(naming.index, naming.name);
                                }
                            }
                        }
                    }
                }
                wp::Payload::Version { .. }
                | wp::Payload::CodeSectionStart { .. }
                | wp::Payload::End(_) => {}
                wp::Payload::TagSection(_) => return Err(unsupported("a tag section")),
                other => {
                    return Err(unsupported(&format!(
                        "the section {:?}",
                        payload_name(&other)
                    )))
                }
            }
        }
        if module.imported_tables > 0 {
            return Err(unsupported("an imported table"));
        }
        if module.tables.is_empty() {
            return Err("the module has no function table".to_string());
        }
        if module.bodies.len() != module.functions.len() {
            return Err("the code and function sections disagree".to_string());
        }
        let first_local = module.imported_functions;
        module.names = function_names
            .into_iter()
            .filter(|(index, _)| *index >= first_local)
            .map(|(index, name)| (index - first_local, name))
            .collect();
        Ok(module)
    }

    fn stable_name(&self, local: u32) -> Option<String> {
        self.names.get(&local).map(|name| stable(name))
    }

    /// The type section, with a `[] -> []` type added if there is none;
    /// returns it and that type's index.
    fn type_section_with_void(&self) -> Reencoded<(enc::TypeSection, u32)> {
        let mut types = enc::TypeSection::new();
        if let Some(reader) = self.type_section.clone() {
            RoundtripReencoder.parse_type_section(&mut types, reader)?;
        }
        let void = match self
            .types
            .iter()
            .position(|t| t.params().is_empty() && t.results().is_empty())
        {
            Some(index) => index as u32,
            None => {
                types.ty().function([], []);
                self.types.len() as u32
            }
        };
        Ok((types, void))
    }

    /// The import section with one more function import from HOST_MODULE,
    /// which becomes function `self.imported_functions`.
    fn imports_with(&self, name: &str, ty: u32) -> Reencoded<enc::ImportSection> {
        let mut imports = enc::ImportSection::new();
        for import in &self.imports {
            imports.import(
                import.module,
                import.name,
                RoundtripReencoder.entity_type(import.ty)?,
            );
        }
        imports.import(HOST_MODULE, name, enc::EntityType::Function(ty));
        Ok(imports)
    }

    fn function_section(&self) -> enc::FunctionSection {
        let mut functions = enc::FunctionSection::new();
        for ty in &self.functions {
            functions.function(*ty);
        }
        functions
    }

    /// The table section, table 0 grown by `extra` slots.
    fn table_section(&self, extra: u64) -> Reencoded<enc::TableSection> {
        let mut tables = enc::TableSection::new();
        for (index, table) in self.tables.iter().enumerate() {
            let mut ty = RoundtripReencoder.table_type(table.ty)?;
            if index == 0 {
                ty.minimum += extra;
                ty.maximum = ty.maximum.map(|max| max.max(ty.minimum));
            }
            match &table.init {
                wp::TableInit::RefNull => tables.table(ty),
                wp::TableInit::Expr(expr) => {
                    tables.table_with_init(ty, &RoundtripReencoder.const_expr(expr.clone())?)
                }
            };
        }
        Ok(tables)
    }

    fn raw(&self, id: u8, range: &Option<std::ops::Range<usize>>, module: &mut enc::Module) {
        if let Some(range) = range {
            module.section(&enc::RawSection {
                id,
                data: &self.bytes[range.clone()],
            });
        }
    }

    fn global_section(&self, extra: Option<enc::GlobalType>) -> Reencoded<enc::GlobalSection> {
        let mut globals = enc::GlobalSection::new();
        for global in &self.globals {
            globals.global(
                RoundtripReencoder.global_type(global.ty)?,
                &RoundtripReencoder.const_expr(global.init_expr.clone())?,
            );
        }
        if let Some(ty) = extra {
            globals.global(ty, &enc::ConstExpr::i32_const(0));
        }
        Ok(globals)
    }

    /// The module's own exports, function indices renumbered.
    fn exports(&self, renumber: &mut Renumber) -> Reencoded<enc::ExportSection> {
        let mut exports = enc::ExportSection::new();
        for export in &self.exports {
            exports.export(
                export.name,
                RoundtripReencoder.export_kind(export.kind)?,
                renumber.external_index(export.kind, export.index)?,
            );
        }
        Ok(exports)
    }

    /// The start, element and data count sections, as they were, with
    /// function indices renumbered.
    fn start_elements_and_data_count(
        &self,
        renumber: &mut Renumber,
        module: &mut enc::Module,
    ) -> Reencoded<()> {
        if let Some(start) = self.start {
            module.section(&enc::StartSection {
                function_index: renumber.function_index(start)?,
            });
        }
        if let Some(reader) = self.element_section.clone() {
            let mut elements = enc::ElementSection::new();
            renumber.parse_element_section(&mut elements, reader)?;
            module.section(&elements);
        }
        if let Some(count) = self.data_count {
            module.section(&enc::DataCountSection { count });
        }
        Ok(())
    }

    /// Every local function that a body in `moved` calls and that stays.
    fn calls_out_of(
        &self,
        moved: &[u32],
        moved_set: &HashSet<u32>,
    ) -> Result<BTreeSet<u32>, String> {
        let mut called = BTreeSet::new();
        for &local in moved {
            let mut reader = self.bodies[local as usize]
                .get_operators_reader()
                .map_err(|e| e.to_string())?;
            while !reader.eof() {
                if let wp::Operator::Call { function_index }
                | wp::Operator::ReturnCall { function_index } =
                    reader.read().map_err(|e| e.to_string())?
                {
                    let is_moved = function_index >= self.imported_functions
                        && moved_set.contains(&(function_index - self.imported_functions));
                    if !is_moved {
                        called.insert(function_index);
                    }
                }
            }
        }
        Ok(called)
    }

    /// Whether a body can live in another module: it must not name data or
    /// element segments or take a function's reference, which only the main
    /// module has.
    fn movable(&self, local: u32) -> Result<bool, String> {
        let body = &self.bodies[local as usize];
        if body.range().len() <= STUB_BYTES {
            return Ok(false);
        }
        let mut reader = body.get_operators_reader().map_err(|e| e.to_string())?;
        while !reader.eof() {
            match reader.read().map_err(|e| e.to_string())? {
                wp::Operator::MemoryInit { .. }
                | wp::Operator::DataDrop { .. }
                | wp::Operator::TableInit { .. }
                | wp::Operator::ElemDrop { .. }
                | wp::Operator::RefFunc { .. } => return Ok(false),
                _ => {}
            }
        }
        Ok(true)
    }

    fn split(&self, keep: &HashSet<String>) -> Result<Split, String> {
        let locals = self.bodies.len() as u32;
        let mut moved = Vec::new();
        let mut profiled = 0;
        for local in 0..locals {
            let named = self.stable_name(local);
            let in_profile = named.as_ref().is_some_and(|name| keep.contains(name));
            profiled += usize::from(in_profile);
            let is_start = self.start == Some(local + self.imported_functions);
            if named.is_some() && !in_profile && !is_start && self.movable(local)? {
                moved.push(local);
            }
        }
        let moved_set: HashSet<u32> = moved.iter().copied().collect();
        let kept: Vec<u32> = (0..locals)
            .filter(|local| !moved_set.contains(local))
            .collect();
        let named_by_main = self.named_by_main(&kept, &moved_set)?;
        let plan = Plan {
            stubbed: moved
                .iter()
                .copied()
                .filter(|local| named_by_main.contains(local))
                .collect(),
            called: self.calls_out_of(&moved, &moved_set)?,
            base: self.tables[0].ty.initial as u32,
            moved,
            moved_set,
        };
        let main = self.main_module(&plan).map_err(|e| e.to_string())?;
        let rest = self.rest_module(&plan).map_err(|e| e.to_string())?;
        Ok(Split {
            main,
            rest,
            kept: kept.len(),
            profiled,
        })
    }

    /// The moved functions that the main module still names: called by a
    /// function that stays, in a table, exported. Those keep a stub; the
    /// others live in the rest alone.
    fn named_by_main(&self, kept: &[u32], moved: &HashSet<u32>) -> Result<HashSet<u32>, String> {
        let mut named = HashSet::new();
        let mut name = |function: u32| {
            if let Some(local) = function.checked_sub(self.imported_functions) {
                if moved.contains(&local) {
                    named.insert(local);
                }
            }
        };
        for &local in kept {
            let mut reader = self.bodies[local as usize]
                .get_operators_reader()
                .map_err(|e| e.to_string())?;
            while !reader.eof() {
                match reader.read().map_err(|e| e.to_string())? {
                    wp::Operator::Call { function_index }
                    | wp::Operator::ReturnCall { function_index }
                    | wp::Operator::RefFunc { function_index } => name(function_index),
                    _ => {}
                }
            }
        }
        for export in &self.exports {
            if export.kind == wp::ExternalKind::Func {
                name(export.index);
            }
        }
        if let Some(reader) = self.element_section.clone() {
            for element in reader {
                match element.map_err(|e| e.to_string())?.items {
                    wp::ElementItems::Functions(items) => {
                        for item in items {
                            name(item.map_err(|e| e.to_string())?);
                        }
                    }
                    wp::ElementItems::Expressions(_, exprs) => {
                        for expr in exprs {
                            let mut ops = expr.map_err(|e| e.to_string())?.get_operators_reader();
                            while let Ok(op) = ops.read() {
                                if let wp::Operator::RefFunc { function_index } = op {
                                    name(function_index);
                                }
                            }
                        }
                    }
                }
            }
        }
        Ok(named)
    }

    fn main_module(&self, plan: &Plan) -> Reencoded<Vec<u8>> {
        let load = self.imported_functions;
        let loaded = self.global_types.len() as u32;
        let stubbed: HashMap<u32, u32> = plan
            .stubbed
            .iter()
            .enumerate()
            .map(|(n, &local)| (local, plan.base + n as u32))
            .collect();
        let present: Vec<u32> = (0..self.bodies.len() as u32)
            .filter(|local| !plan.moved_set.contains(local) || stubbed.contains_key(local))
            .collect();
        // Old function index to new: imports stay, `load` follows them, then
        // the functions still present in order, then one dispatcher per type
        // of stub.
        let mut renumber = Renumber {
            map: vec![u32::MAX; self.imported_functions as usize + self.bodies.len()],
        };
        for function in 0..self.imported_functions {
            renumber.map[function as usize] = function;
        }
        for (n, &local) in present.iter().enumerate() {
            renumber.map[(local + self.imported_functions) as usize] =
                self.imported_functions + 1 + n as u32;
        }
        let first_dispatcher = self.imported_functions + 1 + present.len() as u32;
        let stub_types: BTreeSet<u32> = plan
            .stubbed
            .iter()
            .map(|&local| self.functions[local as usize])
            .collect();
        let dispatchers: HashMap<u32, u32> = stub_types
            .iter()
            .enumerate()
            .map(|(n, &ty)| (ty, n as u32))
            .collect();

        let mut module = enc::Module::new();
        let (mut types, void) = self.type_section_with_void()?;
        let first_dispatcher_type =
            self.types.len() as u32 + u32::from(void as usize == self.types.len());
        for &ty in &stub_types {
            let ty = &self.types[ty as usize];
            let params: Vec<enc::ValType> = ty
                .params()
                .iter()
                .map(|&p| RoundtripReencoder.val_type(p))
                .chain([Ok(enc::ValType::I32)])
                .collect::<Result<_, _>>()?;
            let results: Vec<enc::ValType> = ty
                .results()
                .iter()
                .map(|&r| RoundtripReencoder.val_type(r))
                .collect::<Result<_, _>>()?;
            types.ty().function(params, results);
        }
        module.section(&types);
        module.section(&self.imports_with("load", void)?);
        let mut functions = enc::FunctionSection::new();
        for &local in &present {
            functions.function(self.functions[local as usize]);
        }
        for n in 0..stub_types.len() as u32 {
            functions.function(first_dispatcher_type + n);
        }
        module.section(&functions);
        module.section(&self.table_section(plan.stubbed.len() as u64)?);
        self.raw(
            enc::SectionId::Memory as u8,
            &self.memory_section,
            &mut module,
        );
        module.section(&self.global_section(Some(LOADED))?);

        let mut exports = self.exports(&mut renumber)?;
        exports.export(&shared('m', 0), enc::ExportKind::Memory, 0);
        for table in 0..self.tables.len() as u32 {
            exports.export(&shared('t', table), enc::ExportKind::Table, table);
        }
        for global in 0..=loaded {
            exports.export(&shared('g', global), enc::ExportKind::Global, global);
        }
        for &function in &plan.called {
            exports.export(
                &shared('f', function),
                enc::ExportKind::Func,
                renumber.function_index(function)?,
            );
        }
        module.section(&exports);
        self.start_elements_and_data_count(&mut renumber, &mut module)?;

        let mut code = enc::CodeSection::new();
        for &local in &present {
            match stubbed.get(&local) {
                Some(&slot) => {
                    let ty = self.functions[local as usize];
                    let mut stub = enc::Function::new([]);
                    for param in 0..self.types[ty as usize].params().len() as u32 {
                        stub.instructions().local_get(param);
                    }
                    stub.instructions()
                        .i32_const(slot as i32)
                        .call(first_dispatcher + dispatchers[&ty])
                        .end();
                    code.function(&stub);
                }
                None => {
                    renumber.parse_function_body(&mut code, self.bodies[local as usize].clone())?
                }
            }
        }
        // A dispatcher loads the rest if need be, then calls the slot it is given.
        for &ty in &stub_types {
            let params = self.types[ty as usize].params().len() as u32;
            let mut dispatcher = enc::Function::new([]);
            dispatcher
                .instructions()
                .global_get(loaded)
                .i32_eqz()
                .if_(enc::BlockType::Empty)
                .call(load)
                .end();
            for param in 0..=params {
                dispatcher.instructions().local_get(param);
            }
            dispatcher.instructions().call_indirect(0, ty).end();
            code.function(&dispatcher);
        }
        module.section(&code);
        self.raw(enc::SectionId::Data as u8, &self.data_section, &mut module);
        Ok(module.finish())
    }

    fn rest_module(&self, plan: &Plan) -> Reencoded<Vec<u8>> {
        let (moved, moved_set, called, base) =
            (&plan.moved, &plan.moved_set, &plan.called, plan.base);
        let mut module = enc::Module::new();
        let (types, void) = self.type_section_with_void()?;
        module.section(&types);

        // Imports: the functions it calls in the main module, then the
        // memory, every table and every global, in the main module's order,
        // so that table, memory and global indices stay the same.
        let mut imports = enc::ImportSection::new();
        let mut functions: HashMap<u32, u32> = HashMap::new();
        for (n, &function) in called.iter().enumerate() {
            let ty = if function < self.imported_functions {
                match self
                    .imports
                    .iter()
                    .filter(|i| matches!(i.ty, wp::TypeRef::Func(_)))
                    .nth(function as usize)
                {
                    Some(wp::Import {
                        ty: wp::TypeRef::Func(ty),
                        ..
                    }) => *ty,
                    _ => unreachable!("function imports are counted from the import section"),
                }
            } else {
                self.functions[(function - self.imported_functions) as usize]
            };
            imports.import(
                MAIN_MODULE,
                &shared('f', function),
                enc::EntityType::Function(ty),
            );
            functions.insert(function, n as u32);
        }
        let first_local = called.len() as u32;
        for (n, &local) in moved.iter().enumerate() {
            functions.insert(local + self.imported_functions, first_local + n as u32);
        }
        let memory = self.memory_type()?;
        imports.import(
            MAIN_MODULE,
            &shared('m', 0),
            enc::EntityType::Memory(memory),
        );
        for (index, table) in self.tables.iter().enumerate() {
            let mut ty = RoundtripReencoder.table_type(table.ty)?;
            if index == 0 {
                ty.minimum += plan.stubbed.len() as u64;
                ty.maximum = ty.maximum.map(|max| max.max(ty.minimum));
            }
            imports.import(
                MAIN_MODULE,
                &shared('t', index as u32),
                enc::EntityType::Table(ty),
            );
        }
        let loaded = self.global_types.len() as u32;
        for (index, ty) in self.global_types.iter().enumerate() {
            imports.import(
                MAIN_MODULE,
                &shared('g', index as u32),
                enc::EntityType::Global(RoundtripReencoder.global_type(*ty)?),
            );
        }
        imports.import(
            MAIN_MODULE,
            &shared('g', loaded),
            enc::EntityType::Global(LOADED),
        );
        module.section(&imports);

        let mut function_section = enc::FunctionSection::new();
        for &local in moved {
            function_section.function(self.functions[local as usize]);
        }
        let start = first_local + moved.len() as u32;
        function_section.function(void);
        module.section(&function_section);
        module.section(&enc::StartSection {
            function_index: start,
        });

        // Its functions into the stubs' slots, and over every table entry
        // that named a moved function.
        let mut elements = enc::ElementSection::new();
        let own: Vec<u32> = plan
            .stubbed
            .iter()
            .map(|&local| functions[&(local + self.imported_functions)])
            .collect();
        elements.active(
            Some(0),
            &enc::ConstExpr::i32_const(base as i32),
            enc::Elements::Functions(Cow::Owned(own)),
        );
        if let Some(reader) = self.element_section.clone() {
            for element in reader {
                let element = element.map_err(ReencodeError::from)?;
                let (
                    wp::ElementKind::Active {
                        table_index,
                        offset_expr,
                    },
                    wp::ElementItems::Functions(items),
                ) = (element.kind, element.items)
                else {
                    continue;
                };
                if table_index.unwrap_or(0) != 0 {
                    continue;
                }
                let mut ops = offset_expr.get_operators_reader();
                let Ok(wp::Operator::I32Const { value: offset }) = ops.read() else {
                    continue;
                };
                let mut run: Option<(i32, Vec<u32>)> = None;
                for (position, item) in items.into_iter().enumerate() {
                    let item = item.map_err(ReencodeError::from)?;
                    let local = item.checked_sub(self.imported_functions);
                    let target = local
                        .filter(|l| moved_set.contains(l))
                        .map(|_| functions[&item]);
                    match (target, &mut run) {
                        (Some(target), Some((_, list))) => list.push(target),
                        (Some(target), None) => {
                            run = Some((offset + position as i32, vec![target]))
                        }
                        (None, _) => {
                            if let Some((at, list)) = run.take() {
                                elements.active(
                                    Some(0),
                                    &enc::ConstExpr::i32_const(at),
                                    enc::Elements::Functions(Cow::Owned(list)),
                                );
                            }
                        }
                    }
                }
                if let Some((at, list)) = run.take() {
                    elements.active(
                        Some(0),
                        &enc::ConstExpr::i32_const(at),
                        enc::Elements::Functions(Cow::Owned(list)),
                    );
                }
            }
        }
        module.section(&elements);

        let mut remap = Remap {
            functions: &functions,
        };
        let mut code = enc::CodeSection::new();
        for &local in moved {
            remap.parse_function_body(&mut code, self.bodies[local as usize].clone())?;
        }
        let mut mark = enc::Function::new([]);
        mark.instructions().i32_const(1).global_set(loaded).end();
        code.function(&mark);
        module.section(&code);
        Ok(module.finish())
    }

    fn memory_type(&self) -> Reencoded<enc::MemoryType> {
        let Some(range) = &self.memory_section else {
            return Err(ReencodeError::UnexpectedNonCoreModuleSection);
        };
        let reader = wp::MemorySectionReader::new(wp::BinaryReader::new(
            &self.bytes[range.clone()],
            range.start,
        ))?;
        let memory = reader
            .into_iter()
            .next()
            .ok_or(ReencodeError::UnexpectedNonCoreModuleSection)??;
        RoundtripReencoder.memory_type(memory)
    }

    fn instrument(&self) -> Result<Vec<u8>, String> {
        self.instrumented().map_err(|e| e.to_string())
    }

    fn instrumented(&self) -> Reencoded<Vec<u8>> {
        // `ran` is imported after the other functions, so each function
        // defined here moves up by one.
        let ran = self.imported_functions;
        let mut shift = Renumber {
            map: (0..ran + self.bodies.len() as u32)
                .map(|f| if f >= ran { f + 1 } else { f })
                .collect(),
        };
        let mut module = enc::Module::new();
        let mut types = enc::TypeSection::new();
        if let Some(reader) = self.type_section.clone() {
            RoundtripReencoder.parse_type_section(&mut types, reader)?;
        }
        types.ty().function([enc::ValType::I32], []);
        module.section(&types);
        module.section(&self.imports_with("ran", self.types.len() as u32)?);
        module.section(&self.function_section());
        module.section(&self.table_section(0)?);
        self.raw(
            enc::SectionId::Memory as u8,
            &self.memory_section,
            &mut module,
        );
        module.section(&self.global_section(None)?);
        module.section(&self.exports(&mut shift)?);
        self.start_elements_and_data_count(&mut shift, &mut module)?;
        let mut code = enc::CodeSection::new();
        for (local, body) in self.bodies.iter().enumerate() {
            let mut function = shift.new_function_with_parsed_locals(body)?;
            function.instructions().i32_const(local as i32).call(ran);
            let mut reader = body.get_operators_reader()?;
            while !reader.eof() {
                function.instruction(&shift.parse_instruction(&mut reader)?);
            }
            code.function(&function);
        }
        module.section(&code);
        self.raw(enc::SectionId::Data as u8, &self.data_section, &mut module);
        Ok(module.finish())
    }
}

fn payload_name(payload: &wp::Payload<'_>) -> &'static str {
    match payload {
        wp::Payload::ModuleSection { .. } | wp::Payload::ComponentSection { .. } => "a component",
        _ => "an unknown section",
    }
}

/// What moves: `moved` in order; `stubbed`, those the main module still
/// names, each calling table slot `base` + its position; `called`, the main
/// module's functions that moved ones call.
struct Plan {
    moved: Vec<u32>,
    moved_set: HashSet<u32>,
    stubbed: Vec<u32>,
    called: BTreeSet<u32>,
    base: u32,
}

struct Split {
    main: Vec<u8>,
    rest: Vec<u8>,
    kept: usize,
    profiled: usize,
}

/// Function indices of the module as built to those of the module written.
struct Renumber {
    map: Vec<u32>,
}

impl Reencode for Renumber {
    type Error = Infallible;

    fn function_index(&mut self, func: u32) -> Reencoded<u32> {
        Ok(self.map[func as usize])
    }
}

/// Function indices of the module as built to those of the rest module.
struct Remap<'m> {
    functions: &'m HashMap<u32, u32>,
}

impl Reencode for Remap<'_> {
    type Error = Infallible;

    fn function_index(&mut self, func: u32) -> Reencoded<u32> {
        Ok(self.functions[&func])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_crate_hashes() {
        assert_eq!(
            stable("<yew[dee37bcb31318540]::html::Html as tandem[3bc7]::X>::f"),
            "<yew::html::Html as tandem::X>::f"
        );
        assert_eq!(stable("core::fmt::write.llvm.12345"), "core::fmt::write");
        assert_eq!(stable("alloc::fmt::format.480"), "alloc::fmt::format");
        assert_eq!(stable("f64::max.2"), "f64::max");
        assert_eq!(stable("a::b.c"), "a::b.c");
        assert_eq!(stable("a[i]::b[]"), "a[i]::b[]");
    }

    /// A small module shaped like a Yew app's: `entry` (exported) calls
    /// `screen`, which is also in the function table and calls `helper`;
    /// `helper` also reads the stack pointer and calls the imported `log`.
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
        entry.instructions().local_get(0).call(2).end();
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
        helper.instructions().end();
        code.function(&helper);
        module.section(&code);
        let mut names = enc::NameMap::new();
        names.append(1, "app[0123abcd]::entry");
        names.append(2, "app[0123abcd]::screen");
        names.append(3, "app[0123abcd]::helper");
        let mut section = enc::NameSection::new();
        section.functions(&names);
        module.section(&section);
        module.finish()
    }

    fn exports_of(bytes: &[u8]) -> Vec<String> {
        let mut found = Vec::new();
        for payload in wp::Parser::new(0).parse_all(bytes) {
            if let wp::Payload::ExportSection(reader) = payload.unwrap() {
                found.extend(reader.into_iter().map(|e| e.unwrap().name.to_string()));
            }
        }
        found
    }

    fn imports_of(bytes: &[u8]) -> Vec<String> {
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

    #[test]
    fn a_split_keeps_the_profile_and_moves_the_rest() {
        let bytes = app_module();
        validate(&bytes).unwrap();
        let module = Parsed::new(&bytes).unwrap();
        let keep = parse_profile("app::entry\n");
        let split = module.split(&keep).unwrap();
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
        assert_eq!(imports_of(&split.main), ["env.log", "tandem.load"]);
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

    #[test]
    fn shared_names_are_short_and_distinct() {
        assert_eq!(shared('f', 0), "~f0");
        assert_eq!(shared('f', 61), "~fZ");
        assert_eq!(shared('f', 62), "~f10");
        let names: HashSet<String> = (0..10_000).map(|n| shared('f', n)).collect();
        assert_eq!(names.len(), 10_000);
    }

    #[test]
    fn profiles_skip_comments_and_blank_lines() {
        let keep = parse_profile("# first screen\n\nmain\n  yew::html  \n");
        assert_eq!(
            keep,
            HashSet::from(["main".to_string(), "yew::html".to_string()])
        );
    }
}
