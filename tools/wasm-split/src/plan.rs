//! Planning a split: which functions move to the rest (`Plan`), which of
//! them the main module still names and so keeps a stub for, and which of
//! the main module's functions the moved ones call; then `Parsed::split`,
//! which writes both modules by that plan.

use std::collections::{BTreeSet, HashSet};

use wasmparser as wp;

use crate::data::{Chunk, DataPlan};
use crate::parsed::Parsed;

/// A stub costs about this many bytes, so a smaller function stays put.
const STUB_BYTES: usize = 16;

/// What moves, in local function indices.
pub struct Plan {
    /// The functions that move to the rest, in order.
    pub moved: Vec<u32>,
    /// `moved`, to look up.
    pub moved_set: HashSet<u32>,
    /// Those of `moved` that the main module still names, each keeping a
    /// stub that calls table slot `base` + its position here.
    pub stubbed: Vec<u32>,
    /// The main module's functions that moved ones call (as function, not
    /// local function, indices: imported ones too).
    pub called: BTreeSet<u32>,
    /// The first table slot after those the module had.
    pub base: u32,
    /// The data that moves with the functions, when the link map is given.
    pub data: Option<DataPlan>,
}

/// The two modules a split writes, and what stayed.
pub struct Split {
    /// The main module, which replaces the module as built.
    pub main: Vec<u8>,
    /// The rest module.
    pub rest: Vec<u8>,
    /// How many functions stay in the main module.
    pub kept: usize,
    /// How many of the module's functions the profile names.
    pub profiled: usize,
    /// How many bytes of data moved to the rest.
    pub moved_data: usize,
}

impl Parsed<'_> {
    /// Splits the module: every named function that `keep` does not list
    /// and that can live in another module moves to the rest, and with
    /// them, given the data chunks of the link map, the data that only they
    /// reach (`data`).
    pub fn split(&self, keep: &HashSet<String>, chunks: Option<&[Chunk]>) -> Result<Split, String> {
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
        let data = chunks
            .map(|chunks| self.plan_data(chunks, &kept, &moved))
            .transpose()
            .map_err(|e| format!("cannot split the data: {e}"))?;
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
            data,
        };
        let main = self.main_module(&plan).map_err(|e| e.to_string())?;
        let rest = self.rest_module(&plan).map_err(|e| e.to_string())?;
        Ok(Split {
            main,
            rest,
            kept: kept.len(),
            profiled,
            moved_data: plan.data.as_ref().map_or(0, DataPlan::moved_bytes),
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
}
