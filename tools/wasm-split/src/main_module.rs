//! Writing the main module: the module as built, less the bodies of the
//! functions that moved. A moved function that the main module still names
//! (it is called, exported or in a table) becomes a stub that passes its
//! arguments and its table slot to the dispatcher of its type; the
//! dispatcher calls `tandem.load` until the rest is linked, then calls the
//! slot. The main module also exports its memory, tables, globals and the
//! functions the rest calls, under the names in `link`, and imports the
//! glue's functions under the short names there too.

use std::collections::{BTreeSet, HashMap};

use wasm_encoder as enc;
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};

use crate::data::data_section;
use crate::link::{shared, LOADED};
use crate::parsed::Parsed;
use crate::plan::Plan;
use crate::reencode::{Reencoded, Renumber};

impl Parsed<'_> {
    /// The main module of the split that `plan` describes.
    pub fn main_module(&self, plan: &Plan) -> Reencoded<Vec<u8>> {
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
        module.section(&self.imports_with("load", void, true)?);
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
        self.start_elements_and_data_count(
            &mut renumber,
            &mut module,
            plan.data.as_ref().map(|data| data.main.len() as u32),
        )?;

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
        match &plan.data {
            Some(data) => {
                module.section(&data_section(&data.main));
            }
            None => self.raw(enc::SectionId::Data as u8, &self.data_section, &mut module),
        }
        Ok(module.finish())
    }
}
