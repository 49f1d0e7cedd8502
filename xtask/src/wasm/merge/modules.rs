//! Merging wasm modules into one.
//!
//! The splitter's chunks are modules that import the same memory, table and
//! global from `__wasm_split`, export nothing, and reach code elsewhere only
//! through the shared table: each puts its functions into the table, and its
//! data into memory, with active segments at absolute offsets the splitter
//! assigned. Instantiating one module that holds several chunks' functions
//! and segments therefore has the same effect as instantiating each chunk.
//!
//! The merged module has each distinct function type once, each distinct
//! import once, then every module's functions, tables, memories, globals,
//! exports, element and data segments in input order, with every index in
//! code, segments and constant expressions moved to its new place. Custom
//! sections (names, producers) are dropped: the release build strips them
//! anyway and they would need index rewriting too.

use std::collections::HashMap;

use wasm_encoder::reencode::{Error as ReencodeError, Reencode};
use wasmparser::{
    CompositeInnerType, Data, Element, Encoding, Export, ExternalKind, FunctionBody, Global,
    Import, MemoryType, Parser, Payload, Table, TypeRef, Validator, WasmFeatures,
};

/// The proposals rustc uses for the app (`WASM_FEATURES` in `wasm.rs`,
/// which wasm-opt is given): inputs and output are validated against these,
/// so a chunk that needs anything else is reported instead of merged.
pub fn features() -> WasmFeatures {
    WasmFeatures::WASM1
        | WasmFeatures::BULK_MEMORY
        | WasmFeatures::REFERENCE_TYPES
        | WasmFeatures::MULTI_VALUE
        | WasmFeatures::SIGN_EXTENSION
        | WasmFeatures::SATURATING_FLOAT_TO_INT
}

pub fn validate(bytes: &[u8]) -> Result<(), String> {
    Validator::new_with_features(features())
        .validate_all(bytes)
        .map(|_| ())
        .map_err(|e| format!("invalid module: {e}"))
}

/// Merges `modules` into one module, validated before it is returned.
pub fn merge(modules: &[&[u8]]) -> Result<Vec<u8>, String> {
    let parsed = modules
        .iter()
        .enumerate()
        .map(|(i, bytes)| {
            validate(bytes).map_err(|e| format!("input module {i}: {e}"))?;
            Parsed::read(bytes).map_err(|e| format!("input module {i}: {e}"))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let out = Merger::default().merge(&parsed)?;
    validate(&out).map_err(|e| format!("the merged module is {e}"))?;
    Ok(out)
}

/// The parts of one input module, in its own index spaces.
#[derive(Default)]
struct Parsed<'a> {
    types: Vec<wasmparser::FuncType>,
    imports: Vec<Import<'a>>,
    /// The type of each defined function.
    functions: Vec<u32>,
    tables: Vec<Table<'a>>,
    memories: Vec<MemoryType>,
    globals: Vec<Global<'a>>,
    exports: Vec<Export<'a>>,
    start: Option<u32>,
    elements: Vec<Element<'a>>,
    data: Vec<Data<'a>>,
    bodies: Vec<FunctionBody<'a>>,
}

impl<'a> Parsed<'a> {
    fn read(bytes: &'a [u8]) -> Result<Self, String> {
        let mut m = Parsed::default();
        for payload in Parser::new(0).parse_all(bytes) {
            match payload.map_err(|e| e.to_string())? {
                Payload::Version { encoding, .. } => {
                    if encoding != Encoding::Module {
                        return Err("a component, not a core module".into());
                    }
                }
                Payload::TypeSection(reader) => {
                    for group in reader {
                        let group = group.map_err(|e| e.to_string())?;
                        if group.is_explicit_rec_group() {
                            return Err("has a GC recursion group".into());
                        }
                        for sub in group.into_types() {
                            let plain = sub.is_final
                                && sub.supertype_idxs.is_empty()
                                && !sub.composite_type.shared
                                && sub.composite_type.descriptor_idx.is_none()
                                && sub.composite_type.describes_idx.is_none();
                            match sub.composite_type.inner {
                                CompositeInnerType::Func(ty) if plain => m.types.push(ty),
                                _ => return Err("has a type other than a function type".into()),
                            }
                        }
                    }
                }
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        let import = import.map_err(|e| e.to_string())?;
                        if matches!(import.ty, TypeRef::Tag(_) | TypeRef::FuncExact(_)) {
                            return Err(format!(
                                "imports a tag or exact function ({})",
                                import.name
                            ));
                        }
                        m.imports.push(import);
                    }
                }
                Payload::FunctionSection(reader) => {
                    m.functions = reader
                        .into_iter()
                        .collect::<Result<_, _>>()
                        .map_err(|e| e.to_string())?;
                }
                Payload::TableSection(reader) => {
                    m.tables = reader
                        .into_iter()
                        .collect::<Result<_, _>>()
                        .map_err(|e| e.to_string())?;
                }
                Payload::MemorySection(reader) => {
                    m.memories = reader
                        .into_iter()
                        .collect::<Result<_, _>>()
                        .map_err(|e| e.to_string())?;
                }
                Payload::GlobalSection(reader) => {
                    m.globals = reader
                        .into_iter()
                        .collect::<Result<_, _>>()
                        .map_err(|e| e.to_string())?;
                }
                Payload::ExportSection(reader) => {
                    m.exports = reader
                        .into_iter()
                        .collect::<Result<_, _>>()
                        .map_err(|e| e.to_string())?;
                }
                Payload::StartSection { func, .. } => m.start = Some(func),
                Payload::ElementSection(reader) => {
                    m.elements = reader
                        .into_iter()
                        .collect::<Result<_, _>>()
                        .map_err(|e| e.to_string())?;
                }
                Payload::DataSection(reader) => {
                    m.data = reader
                        .into_iter()
                        .collect::<Result<_, _>>()
                        .map_err(|e| e.to_string())?;
                }
                Payload::CodeSectionEntry(body) => m.bodies.push(body),
                // The data count is recomputed for the merged module; the
                // code section's start carries nothing the entries do not;
                // custom sections are dropped (see the module comment).
                Payload::DataCountSection { .. }
                | Payload::CodeSectionStart { .. }
                | Payload::CustomSection(_)
                | Payload::End(_) => {}
                other => {
                    return Err(format!(
                        "has a section the merge does not handle ({:?})",
                        other.as_section().map(|(id, _)| id)
                    ))
                }
            }
        }
        Ok(m)
    }
}

/// One kind of index (functions, say) of one input module: its imports map
/// to the merged imports, its definitions to a run starting at `base`.
#[derive(Default)]
struct Space {
    imported: Vec<u32>,
    base: u32,
    defined: u32,
}

impl Space {
    fn map(&self, old: u32, what: &str) -> Result<u32, ReencodeError<String>> {
        let imports = self.imported.len() as u32;
        match self.imported.get(old as usize) {
            Some(&new) => Ok(new),
            None if old - imports < self.defined => Ok(self.base + (old - imports)),
            None => Err(ReencodeError::UserError(format!(
                "{what} index {old} is out of range"
            ))),
        }
    }
}

/// Where one input module's indices go in the merged module.
#[derive(Default)]
struct Remap {
    types: Vec<u32>,
    funcs: Space,
    tables: Space,
    memories: Space,
    globals: Space,
    data_base: u32,
    data_count: u32,
    elem_base: u32,
    elem_count: u32,
}

fn in_run(base: u32, count: u32, old: u32, what: &str) -> Result<u32, ReencodeError<String>> {
    if old < count {
        Ok(base + old)
    } else {
        Err(ReencodeError::UserError(format!(
            "{what} index {old} is out of range"
        )))
    }
}

impl Reencode for Remap {
    type Error = String;

    fn type_index(&mut self, ty: u32) -> Result<u32, ReencodeError<String>> {
        self.types
            .get(ty as usize)
            .copied()
            .ok_or_else(|| ReencodeError::UserError(format!("type index {ty} is out of range")))
    }
    fn function_index(&mut self, func: u32) -> Result<u32, ReencodeError<String>> {
        self.funcs.map(func, "function")
    }
    fn table_index(&mut self, table: u32) -> Result<u32, ReencodeError<String>> {
        self.tables.map(table, "table")
    }
    fn memory_index(&mut self, memory: u32) -> Result<u32, ReencodeError<String>> {
        self.memories.map(memory, "memory")
    }
    fn global_index(&mut self, global: u32) -> Result<u32, ReencodeError<String>> {
        self.globals.map(global, "global")
    }
    fn data_index(&mut self, data: u32) -> Result<u32, ReencodeError<String>> {
        in_run(self.data_base, self.data_count, data, "data segment")
    }
    fn element_index(&mut self, element: u32) -> Result<u32, ReencodeError<String>> {
        in_run(self.elem_base, self.elem_count, element, "element segment")
    }
    fn tag_index(&mut self, tag: u32) -> Result<u32, ReencodeError<String>> {
        Err(ReencodeError::UserError(format!(
            "tag {tag}: exceptions are not merged"
        )))
    }
}

fn reencode_error(e: ReencodeError<String>) -> String {
    match e {
        ReencodeError::ParseError(e) => e.to_string(),
        other => other.to_string(),
    }
}

/// The merged module's type and import lists as they are built.
#[derive(Default)]
struct Merger {
    types: Vec<wasm_encoder::FuncType>,
    type_index: HashMap<wasm_encoder::FuncType, u32>,
    /// Merged imports by (module, name): the type, and the index the import
    /// has in its kind's index space.
    imports: Vec<(String, String, wasm_encoder::EntityType)>,
    import_index: HashMap<(String, String), (wasm_encoder::EntityType, u32)>,
    /// How many imports of each kind: function, table, memory, global.
    import_counts: [u32; 4],
}

impl Merger {
    fn intern_type(&mut self, ty: wasm_encoder::FuncType) -> u32 {
        if let Some(&i) = self.type_index.get(&ty) {
            return i;
        }
        let i = self.types.len() as u32;
        self.types.push(ty.clone());
        self.type_index.insert(ty, i);
        i
    }

    fn merge(mut self, modules: &[Parsed<'_>]) -> Result<Vec<u8>, String> {
        // First pass: types and imports, which come before every definition.
        let mut remaps = Vec::with_capacity(modules.len());
        for m in modules {
            let mut remap = Remap::default();
            for ty in &m.types {
                let ty = remap.func_type(ty.clone()).map_err(reencode_error)?;
                remap.types.push(self.intern_type(ty));
            }
            for import in &m.imports {
                let ty = remap.entity_type(import.ty).map_err(reencode_error)?;
                let index = self.import(import, ty)?;
                match import.ty {
                    TypeRef::Func(_) => remap.funcs.imported.push(index),
                    TypeRef::Table(_) => remap.tables.imported.push(index),
                    TypeRef::Memory(_) => remap.memories.imported.push(index),
                    TypeRef::Global(_) => remap.globals.imported.push(index),
                    TypeRef::Tag(_) | TypeRef::FuncExact(_) => {
                        return Err("tag imports are not merged".into())
                    }
                }
            }
            remaps.push(remap);
        }

        // Second pass: each module's definitions follow the previous one's.
        let [mut funcs, mut tables, mut memories, mut globals] = self.import_counts;
        let (mut data, mut elems) = (0u32, 0u32);
        for (m, remap) in modules.iter().zip(&mut remaps) {
            remap.funcs.base = funcs;
            remap.funcs.defined = m.functions.len() as u32;
            funcs += remap.funcs.defined;
            remap.tables.base = tables;
            remap.tables.defined = m.tables.len() as u32;
            tables += remap.tables.defined;
            remap.memories.base = memories;
            remap.memories.defined = m.memories.len() as u32;
            memories += remap.memories.defined;
            remap.globals.base = globals;
            remap.globals.defined = m.globals.len() as u32;
            globals += remap.globals.defined;
            remap.data_base = data;
            remap.data_count = m.data.len() as u32;
            data += remap.data_count;
            remap.elem_base = elems;
            remap.elem_count = m.elements.len() as u32;
            elems += remap.elem_count;
        }

        let starts = modules
            .iter()
            .zip(&mut remaps)
            .filter_map(|(m, remap)| m.start.map(|s| remap.function_index(s)))
            .collect::<Result<Vec<u32>, _>>()
            .map_err(reencode_error)?;
        // Several starts run in input order from one new function, the last
        // one defined; a single start is kept as it is.
        let start_type =
            (starts.len() > 1).then(|| self.intern_type(wasm_encoder::FuncType::new([], [])));
        let start = match starts.as_slice() {
            [] => None,
            [only] => Some(*only),
            _ => Some(funcs),
        };

        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        for ty in &self.types {
            types.ty().func_type(ty);
        }
        module.section(&types);

        let mut imports = wasm_encoder::ImportSection::new();
        for (module_name, name, ty) in &self.imports {
            imports.import(module_name, name, *ty);
        }
        if !imports.is_empty() {
            module.section(&imports);
        }

        let mut functions = wasm_encoder::FunctionSection::new();
        let mut table_section = wasm_encoder::TableSection::new();
        let mut memory_section = wasm_encoder::MemorySection::new();
        let mut global_section = wasm_encoder::GlobalSection::new();
        let mut exports = wasm_encoder::ExportSection::new();
        let mut export_names = std::collections::HashSet::new();
        let mut elements = wasm_encoder::ElementSection::new();
        let mut code = wasm_encoder::CodeSection::new();
        let mut data_section = wasm_encoder::DataSection::new();
        for (m, remap) in modules.iter().zip(&mut remaps) {
            for &ty in &m.functions {
                functions.function(remap.type_index(ty).map_err(reencode_error)?);
            }
            for table in &m.tables {
                remap
                    .parse_table(&mut table_section, table.clone())
                    .map_err(reencode_error)?;
            }
            for memory in &m.memories {
                memory_section.memory(remap.memory_type(*memory).map_err(reencode_error)?);
            }
            for global in &m.globals {
                remap
                    .parse_global(&mut global_section, global.clone())
                    .map_err(reencode_error)?;
            }
            for export in &m.exports {
                if !export_names.insert(export.name) {
                    return Err(format!("two modules export \"{}\"", export.name));
                }
                if export.kind == ExternalKind::Tag {
                    return Err("tag exports are not merged".into());
                }
                remap
                    .parse_export(&mut exports, *export)
                    .map_err(reencode_error)?;
            }
            for element in &m.elements {
                remap
                    .parse_element(&mut elements, element.clone())
                    .map_err(reencode_error)?;
            }
            for body in &m.bodies {
                remap
                    .parse_function_body(&mut code, body.clone())
                    .map_err(reencode_error)?;
            }
            for datum in &m.data {
                remap
                    .parse_data(&mut data_section, datum.clone())
                    .map_err(reencode_error)?;
            }
        }
        if let Some(ty) = start_type {
            functions.function(ty);
            let mut body = wasm_encoder::Function::new([]);
            for &s in &starts {
                body.instruction(&wasm_encoder::Instruction::Call(s));
            }
            body.instruction(&wasm_encoder::Instruction::End);
            code.function(&body);
        }

        // Sections go in the order the spec requires; empty ones are left out.
        if !functions.is_empty() {
            module.section(&functions);
        }
        if !table_section.is_empty() {
            module.section(&table_section);
        }
        if !memory_section.is_empty() {
            module.section(&memory_section);
        }
        if !global_section.is_empty() {
            module.section(&global_section);
        }
        if !exports.is_empty() {
            module.section(&exports);
        }
        if let Some(function_index) = start {
            module.section(&wasm_encoder::StartSection { function_index });
        }
        if !elements.is_empty() {
            module.section(&elements);
        }
        // `memory.init` and `data.drop` need the count before the code; it
        // is always allowed with bulk memory, so it is written whenever
        // there is data.
        if data > 0 {
            module.section(&wasm_encoder::DataCountSection { count: data });
        }
        if !code.is_empty() {
            module.section(&code);
        }
        if !data_section.is_empty() {
            module.section(&data_section);
        }
        Ok(module.finish())
    }

    /// The merged index of `import`, added if no module imported it before.
    fn import(&mut self, import: &Import<'_>, ty: wasm_encoder::EntityType) -> Result<u32, String> {
        let key = (import.module.to_owned(), import.name.to_owned());
        if let Some(&(known, index)) = self.import_index.get(&key) {
            if known != ty {
                return Err(format!(
                    "modules import {}.{} with different types",
                    import.module, import.name
                ));
            }
            return Ok(index);
        }
        let kind = match import.ty {
            TypeRef::Func(_) => 0,
            TypeRef::Table(_) => 1,
            TypeRef::Memory(_) => 2,
            TypeRef::Global(_) => 3,
            TypeRef::Tag(_) | TypeRef::FuncExact(_) => {
                return Err(format!(
                    "{}.{}: tag imports are not merged",
                    import.module, import.name
                ))
            }
        };
        let index = self.import_counts[kind];
        self.import_counts[kind] += 1;
        self.import_index.insert(key, (ty, index));
        self.imports
            .push((import.module.to_owned(), import.name.to_owned(), ty));
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        ConstExpr, DataSection, DataSegment, DataSegmentMode, ElementSection, Elements, EntityType,
        Function, FunctionSection, GlobalSection, GlobalType, ImportSection, Instruction as I,
        MemoryType as Mem, Module, RefType, StartSection, TableType, TypeSection, ValType,
    };
    use wasmparser::{DataKind, ElementItems, ElementKind, Operator};

    /// The three imports every chunk has, in the splitter's order.
    fn imports() -> ImportSection {
        let mut imports = ImportSection::new();
        imports.import(
            "__wasm_split",
            "memory",
            EntityType::Memory(Mem {
                minimum: 17,
                maximum: None,
                memory64: false,
                shared: false,
                page_size_log2: None,
            }),
        );
        imports.import(
            "__wasm_split",
            "__indirect_function_table",
            EntityType::Table(TableType {
                element_type: RefType::FUNCREF,
                table64: false,
                minimum: 64,
                maximum: None,
                shared: false,
            }),
        );
        imports.import(
            "__wasm_split",
            "__wasm_split_shared0",
            EntityType::Global(GlobalType {
                val_type: ValType::I32,
                mutable: true,
                shared: false,
            }),
        );
        imports
    }

    fn i32_global(value: i32) -> GlobalSection {
        let mut globals = GlobalSection::new();
        globals.global(
            GlobalType {
                val_type: ValType::I32,
                mutable: false,
                shared: false,
            },
            &ConstExpr::i32_const(value),
        );
        globals
    }

    /// A chunk: `add(x) = x + shared0 + own global`, and `init()`, its start,
    /// which calls `add`, copies its passive data and drops it. Its table
    /// slots are 10 and 11; it writes "AB" at 100.
    fn chunk_a() -> Vec<u8> {
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], [ValType::I32]);
        types.ty().function([], []);
        let mut functions = FunctionSection::new();
        functions.function(0);
        functions.function(1);
        let mut elements = ElementSection::new();
        elements.active(
            Some(0),
            &ConstExpr::i32_const(10),
            Elements::Functions([0, 1][..].into()),
        );
        let mut add = Function::new([]);
        add.instruction(&I::LocalGet(0))
            .instruction(&I::GlobalGet(0))
            .instruction(&I::I32Add)
            .instruction(&I::GlobalGet(1))
            .instruction(&I::I32Add)
            .instruction(&I::End);
        let mut init = Function::new([]);
        init.instruction(&I::I32Const(1))
            .instruction(&I::Call(0))
            .instruction(&I::Drop)
            .instruction(&I::I32Const(300))
            .instruction(&I::I32Const(0))
            .instruction(&I::I32Const(2))
            .instruction(&I::MemoryInit {
                mem: 0,
                data_index: 1,
            })
            .instruction(&I::DataDrop(1))
            .instruction(&I::End);
        let mut code = wasm_encoder::CodeSection::new();
        code.function(&add);
        code.function(&init);
        let mut data = DataSection::new();
        data.active(0, &ConstExpr::i32_const(100), b"AB".iter().copied());
        data.passive(b"xy".iter().copied());
        let mut module = Module::new();
        module
            .section(&types)
            .section(&imports())
            .section(&functions)
            .section(&i32_global(5))
            .section(&StartSection { function_index: 1 })
            .section(&elements)
            .section(&wasm_encoder::DataCountSection { count: 2 })
            .section(&code)
            .section(&data);
        module.finish()
    }

    /// Another chunk, with its types in the other order: `run()`, its start,
    /// calls table slot 10 through `call_indirect`, reads its own global and
    /// copies a passive element segment into the table. Its table slot is
    /// 20; it writes "CD" at 200.
    fn chunk_b() -> Vec<u8> {
        let mut types = TypeSection::new();
        types.ty().function([], []);
        types.ty().function([ValType::I32], [ValType::I32]);
        let mut functions = FunctionSection::new();
        functions.function(0);
        let mut elements = ElementSection::new();
        elements.active(
            Some(0),
            &ConstExpr::i32_const(20),
            Elements::Functions([0][..].into()),
        );
        elements.passive(Elements::Functions([0][..].into()));
        let mut run = Function::new([]);
        run.instruction(&I::GlobalGet(1))
            .instruction(&I::I32Const(10))
            .instruction(&I::CallIndirect {
                type_index: 1,
                table_index: 0,
            })
            .instruction(&I::Drop)
            .instruction(&I::I32Const(30))
            .instruction(&I::I32Const(0))
            .instruction(&I::I32Const(1))
            .instruction(&I::TableInit {
                elem_index: 1,
                table: 0,
            })
            .instruction(&I::ElemDrop(1))
            .instruction(&I::End);
        let mut code = wasm_encoder::CodeSection::new();
        code.function(&run);
        let mut data = DataSection::new();
        data.segment(DataSegment {
            mode: DataSegmentMode::Active {
                memory_index: 0,
                offset: &ConstExpr::i32_const(200),
            },
            data: b"CD".iter().copied(),
        });
        let mut module = Module::new();
        module
            .section(&types)
            .section(&imports())
            .section(&functions)
            .section(&i32_global(7))
            .section(&StartSection { function_index: 0 })
            .section(&elements)
            .section(&code)
            .section(&data);
        module.finish()
    }

    /// What a merged module holds, read back.
    #[derive(Default)]
    struct Contents {
        types: usize,
        imports: Vec<String>,
        functions: usize,
        globals: usize,
        start: Option<u32>,
        /// Active element segments: (offset, functions); passive ones: (-1, functions).
        elements: Vec<(i32, Vec<u32>)>,
        /// Data segments: (offset or -1 for passive, bytes).
        data: Vec<(i32, Vec<u8>)>,
        /// Each function's index-carrying instructions, as text.
        code: Vec<Vec<String>>,
    }

    fn offset(expr: &wasmparser::ConstExpr<'_>) -> i32 {
        match expr.get_operators_reader().read().unwrap() {
            Operator::I32Const { value } => value,
            other => panic!("offset {other:?}"),
        }
    }

    fn read(bytes: &[u8]) -> Contents {
        let mut c = Contents::default();
        for payload in Parser::new(0).parse_all(bytes) {
            match payload.unwrap() {
                Payload::TypeSection(r) => c.types = r.count() as usize,
                Payload::ImportSection(r) => {
                    c.imports = r
                        .into_imports()
                        .map(|i| i.unwrap().name.to_owned())
                        .collect()
                }
                Payload::FunctionSection(r) => c.functions = r.count() as usize,
                Payload::GlobalSection(r) => c.globals = r.count() as usize,
                Payload::StartSection { func, .. } => c.start = Some(func),
                Payload::ElementSection(r) => {
                    for e in r {
                        let e = e.unwrap();
                        let at = match e.kind {
                            ElementKind::Active { offset_expr, .. } => offset(&offset_expr),
                            _ => -1,
                        };
                        let ElementItems::Functions(f) = e.items else {
                            panic!("expressions")
                        };
                        c.elements
                            .push((at, f.into_iter().map(Result::unwrap).collect()));
                    }
                }
                Payload::DataSection(r) => {
                    for d in r {
                        let d = d.unwrap();
                        let at = match d.kind {
                            DataKind::Active { offset_expr, .. } => offset(&offset_expr),
                            DataKind::Passive => -1,
                        };
                        c.data.push((at, d.data.to_vec()));
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    let mut ops = Vec::new();
                    let mut reader = body.get_operators_reader().unwrap();
                    while !reader.eof() {
                        let op = reader.read().unwrap();
                        let text = format!("{op:?}");
                        if ["Call", "Global", "Memory", "Data", "Table", "Elem"]
                            .iter()
                            .any(|k| text.starts_with(k))
                        {
                            ops.push(text);
                        }
                    }
                    c.code.push(ops);
                }
                _ => {}
            }
        }
        c
    }

    #[test]
    fn merged_chunks_share_imports_and_keep_their_parts_in_order() {
        let (a, b) = (chunk_a(), chunk_b());
        let merged = merge(&[&a, &b]).unwrap();
        let c = read(&merged);
        assert_eq!(c.types, 2, "the two function types, once each");
        assert_eq!(
            c.imports,
            [
                "memory",
                "__indirect_function_table",
                "__wasm_split_shared0"
            ]
        );
        // a's two functions, b's one, then the start that runs both starts.
        assert_eq!(c.functions, 4);
        assert_eq!(
            c.globals, 2,
            "each chunk's own global after the imported one"
        );
        assert_eq!(c.start, Some(3));
        assert_eq!(c.elements, [(10, vec![0, 1]), (20, vec![2]), (-1, vec![2])]);
        assert_eq!(
            c.data,
            [
                (100, b"AB".to_vec()),
                (-1, b"xy".to_vec()),
                (200, b"CD".to_vec())
            ]
        );
        // a's code reads the shared global and its own (1); b's reads its
        // own (2), its passive element segment is now 2, and its
        // call_indirect names the merged (i32)->i32 type.
        assert_eq!(
            c.code[0],
            [
                "GlobalGet { global_index: 0 }",
                "GlobalGet { global_index: 1 }"
            ]
        );
        assert_eq!(
            c.code[1],
            [
                "Call { function_index: 0 }",
                "MemoryInit { data_index: 1, mem: 0 }",
                "DataDrop { data_index: 1 }"
            ]
        );
        assert_eq!(
            c.code[2],
            [
                "GlobalGet { global_index: 2 }",
                "CallIndirect { type_index: 0, table_index: 0 }",
                "TableInit { elem_index: 2, table: 0 }",
                "ElemDrop { elem_index: 2 }"
            ]
        );
        assert_eq!(
            c.code[3],
            ["Call { function_index: 1 }", "Call { function_index: 2 }"]
        );
    }

    #[test]
    fn one_start_is_kept_and_one_module_merges_to_itself() {
        let a = chunk_a();
        let c = read(&merge(&[&a]).unwrap());
        assert_eq!((c.functions, c.start), (2, Some(1)));
        assert_eq!(c.elements, [(10, vec![0, 1])]);
    }

    #[test]
    fn an_import_of_another_type_is_refused() {
        let a = chunk_a();
        let mut imports = ImportSection::new();
        imports.import(
            "__wasm_split",
            "__wasm_split_shared0",
            EntityType::Global(GlobalType {
                val_type: ValType::I64,
                mutable: true,
                shared: false,
            }),
        );
        let mut other = Module::new();
        other.section(&TypeSection::new()).section(&imports);
        let err = merge(&[&a, &other.finish()]).unwrap_err();
        assert!(err.contains("__wasm_split.__wasm_split_shared0"), "{err}");
    }

    #[test]
    fn an_invalid_input_is_reported_with_its_position() {
        let a = chunk_a();
        let err = merge(&[&a, b"\0asm\x01\0\0\0\x01"]).unwrap_err();
        assert!(err.starts_with("input module 1: invalid module"), "{err}");
    }
}
