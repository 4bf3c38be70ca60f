//! Writing the instrumented build that `cargo xtask profile` runs: every
//! local function n starts with a call to `tandem.ran(n)`, which the loader
//! (tools/split/loader.js) records, so the profile lists the functions that
//! ran.

use wasm_encoder as enc;
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};

use crate::parsed::Parsed;
use crate::reencode::{Reencoded, Renumber};

impl Parsed<'_> {
    /// The module with a call to `tandem.ran(n)` at the start of local
    /// function n.
    pub fn instrument(&self) -> Result<Vec<u8>, String> {
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
        module.section(&self.imports_with("ran", self.types.len() as u32, false)?);
        module.section(&self.function_section());
        module.section(&self.table_section(0)?);
        self.raw(
            enc::SectionId::Memory as u8,
            &self.memory_section,
            &mut module,
        );
        module.section(&self.global_section(None)?);
        module.section(&self.exports(&mut shift)?);
        self.start_elements_and_data_count(&mut shift, &mut module, None)?;
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
