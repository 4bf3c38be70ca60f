//! Writing the rest module: the bodies of the functions that moved. It
//! imports the main module's functions that they call, then its memory,
//! tables and globals in the main module's order (so their indices stay the
//! same). Its element segments write its functions into the stubs' table
//! slots and over the table entries that named moved functions; its start
//! function then marks the rest loaded.

use std::borrow::Cow;
use std::collections::HashMap;

use wasm_encoder as enc;
use wasm_encoder::reencode::{Error as ReencodeError, Reencode, RoundtripReencoder};
use wasmparser as wp;

use crate::data::data_section;
use crate::link::{shared, LOADED, MAIN_MODULE};
use crate::parsed::Parsed;
use crate::plan::Plan;
use crate::reencode::{Reencoded, Remap};

impl Parsed<'_> {
    /// The rest module of the split that `plan` describes.
    pub fn rest_module(&self, plan: &Plan) -> Reencoded<Vec<u8>> {
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
        if let Some(data) = &plan.data {
            module.section(&data_section(&data.rest));
        }
        Ok(module.finish())
    }
}
