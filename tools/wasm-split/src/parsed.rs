//! Reading a module: `Parsed`, the parts of a module the splitter uses,
//! borrowed from its bytes, and what it refuses (a module it could not split
//! correctly: a component, tags, an imported table, no function table).

use std::collections::HashMap;

use wasm_encoder as enc;
use wasm_encoder::reencode::{Error as ReencodeError, Reencode, RoundtripReencoder};
use wasmparser as wp;

use crate::profile::stable;
use crate::reencode::Reencoded;

/// The parts of a module this tool reads, borrowed from its bytes.
pub struct Parsed<'a> {
    /// The whole module, for the sections copied as they are.
    pub bytes: &'a [u8],
    /// Every type, in order: function types only.
    pub types: Vec<wp::FuncType>,
    /// The type section, to copy.
    pub type_section: Option<wp::TypeSectionReader<'a>>,
    /// Every import, in order.
    pub imports: Vec<wp::Import<'a>>,
    /// How many functions are imported: local function n is function
    /// `imported_functions + n`.
    pub imported_functions: u32,
    /// How many tables are imported (none, or the module is refused).
    pub imported_tables: u32,
    /// How many globals are imported.
    pub imported_globals: u32,
    /// The type of each local function.
    pub functions: Vec<u32>,
    /// The tables the module defines; table 0 is the function table.
    pub tables: Vec<wp::Table<'a>>,
    /// Where the memory section is in `bytes`.
    pub memory_section: Option<std::ops::Range<usize>>,
    /// The globals the module defines.
    pub globals: Vec<wp::Global<'a>>,
    /// Every global's type, imported ones first.
    pub global_types: Vec<wp::GlobalType>,
    /// Every export, in order.
    pub exports: Vec<wp::Export<'a>>,
    /// The start function, if there is one.
    pub start: Option<u32>,
    /// The element section: what the tables hold.
    pub element_section: Option<wp::ElementSectionReader<'a>>,
    /// The data count section's count, if there is one.
    pub data_count: Option<u32>,
    /// The body of each local function.
    pub bodies: Vec<wp::FunctionBody<'a>>,
    /// Where the data section is in `bytes`.
    pub data_section: Option<std::ops::Range<usize>>,
    /// Local function index to name.
    pub names: HashMap<u32, &'a str>,
}

fn unsupported(what: &str) -> String {
    format!("{what} is not supported by the splitter")
}

impl<'a> Parsed<'a> {
    /// Reads `bytes`, or says what the splitter cannot handle in it.
    pub fn new(bytes: &'a [u8]) -> Result<Self, String> {
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

    /// Local function `local`'s name as a profile lists it (see `stable`).
    pub fn stable_name(&self, local: u32) -> Option<String> {
        self.names.get(&local).map(|name| stable(name))
    }

    /// The type of the memory the module defines, which the rest imports.
    pub fn memory_type(&self) -> Reencoded<enc::MemoryType> {
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
}

/// What a section the splitter does not handle is, for its message.
fn payload_name(payload: &wp::Payload<'_>) -> &'static str {
    match payload {
        wp::Payload::ModuleSection { .. } | wp::Payload::ComponentSection { .. } => "a component",
        _ => "an unknown section",
    }
}
