//! Copying a module's sections into the modules the splitter writes:
//! `Renumber` and `Remap`, which give a function of the module as built its
//! index in the module written, and the sections that every module written
//! copies from the module as built (types, imports, tables, memory, globals,
//! exports, start, elements), some with an addition.

use std::collections::HashMap;
use std::convert::Infallible;

use wasm_encoder as enc;
use wasm_encoder::reencode::{Error as ReencodeError, Reencode, RoundtripReencoder};
use wasmparser as wp;

use crate::link::{short_import, HOST_MODULE};
use crate::parsed::Parsed;

/// What re-encoding gives: it fails only where the module as built does.
pub type Reencoded<T> = Result<T, ReencodeError<Infallible>>;

/// Function indices of the module as built to those of the module written.
pub struct Renumber {
    /// Indexed by the function's index as built.
    pub map: Vec<u32>,
}

impl Reencode for Renumber {
    type Error = Infallible;

    fn function_index(&mut self, func: u32) -> Reencoded<u32> {
        Ok(self.map[func as usize])
    }
}

/// Function indices of the module as built to those of the rest module.
pub struct Remap<'m> {
    /// Keyed by the function's index as built.
    pub functions: &'m HashMap<u32, u32>,
}

impl Reencode for Remap<'_> {
    type Error = Infallible;

    fn function_index(&mut self, func: u32) -> Reencoded<u32> {
        Ok(self.functions[&func])
    }
}

impl Parsed<'_> {
    /// The type section, with a `[] -> []` type added if there is none;
    /// returns it and that type's index.
    pub fn type_section_with_void(&self) -> Reencoded<(enc::TypeSection, u32)> {
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
    /// which becomes function `self.imported_functions`; with `shortened`,
    /// every import named as [`Parsed::short_imports`] says.
    pub fn imports_with(
        &self,
        name: &str,
        ty: u32,
        shortened: bool,
    ) -> Reencoded<enc::ImportSection> {
        let mut imports = enc::ImportSection::new();
        for (n, import) in self.imports.iter().enumerate() {
            let short = short_import(n as u32);
            imports.import(
                import.module,
                if shortened { &short } else { import.name },
                RoundtripReencoder.entity_type(import.ty)?,
            );
        }
        imports.import(HOST_MODULE, name, enc::EntityType::Function(ty));
        Ok(imports)
    }

    /// What the split main module renames its imports to: each import's
    /// module, its name as built and its short name, in import order.
    pub fn short_imports(&self) -> Vec<(&str, &str, String)> {
        self.imports
            .iter()
            .enumerate()
            .map(|(n, import)| (import.module, import.name, short_import(n as u32)))
            .collect()
    }

    /// The function section as it was: each local function's type.
    pub fn function_section(&self) -> enc::FunctionSection {
        let mut functions = enc::FunctionSection::new();
        for ty in &self.functions {
            functions.function(*ty);
        }
        functions
    }

    /// The table section, table 0 grown by `extra` slots.
    pub fn table_section(&self, extra: u64) -> Reencoded<enc::TableSection> {
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

    /// The section `range` of the module as built, copied byte for byte
    /// under section `id` (the memory and data sections name no function).
    pub fn raw(&self, id: u8, range: &Option<std::ops::Range<usize>>, module: &mut enc::Module) {
        if let Some(range) = range {
            module.section(&enc::RawSection {
                id,
                data: &self.bytes[range.clone()],
            });
        }
    }

    /// The global section, with one more global of type `extra`, set to 0.
    pub fn global_section(&self, extra: Option<enc::GlobalType>) -> Reencoded<enc::GlobalSection> {
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
    pub fn exports(&self, renumber: &mut Renumber) -> Reencoded<enc::ExportSection> {
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
    pub fn start_elements_and_data_count(
        &self,
        renumber: &mut Renumber,
        module: &mut enc::Module,
        data_count: Option<u32>,
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
            let count = data_count.unwrap_or(count);
            module.section(&enc::DataCountSection { count });
        }
        Ok(())
    }
}
