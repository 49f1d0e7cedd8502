//! Short names for the main module's JS imports (release only).
//!
//! wasm-bindgen names each function the main module imports from its glue
//! `__wbg_<name>_<16 hex digits>`, and the name is written twice in every
//! first visit: in the module's import section and as a key of the glue's
//! imports object. There are about 250 of them, and the hex digits do not
//! compress, so they cost about 4 KB of gzip on every page. The module is
//! bound to its own glue (nothing else imports or calls these names), so
//! both are rewritten together with names of one or two letters.
//!
//! Nothing is changed unless every import's name is found in the glue as
//! a whole word, so a glue of another shape is left as it was.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasmparser::{Parser, Payload};

/// What `shorten` did.
pub struct Shortened {
    pub renamed: usize,
    pub bytes_before: usize,
    pub bytes_after: usize,
}

/// Renames the imports that `wasm` takes from `glue`'s module, in both
/// files. Returns `None` (and writes nothing) when the glue does not name
/// every import as a word of its own.
pub fn shorten(wasm: &Path, glue: &Path) -> Result<Option<Shortened>, String> {
    let bytes = fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let js =
        fs::read_to_string(glue).map_err(|e| format!("cannot read {}: {e}", glue.display()))?;
    let glue_module = format!(
        "./{}",
        glue.file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.replace(".js", "_bg.js"))
            .ok_or_else(|| format!("{} has no file name", glue.display()))?
    );
    let Some((module, js_out, names)) = rename(&bytes, &js, &glue_module)? else {
        return Ok(None);
    };
    super::merge::validate(&module)
        .map_err(|e| format!("{} with short import names is invalid: {e}", wasm.display()))?;
    let before = bytes.len() + js.len();
    let after = module.len() + js_out.len();
    fs::write(wasm, &module).map_err(|e| format!("cannot write {}: {e}", wasm.display()))?;
    fs::write(glue, &js_out).map_err(|e| format!("cannot write {}: {e}", glue.display()))?;
    Ok(Some(Shortened {
        renamed: names,
        bytes_before: before,
        bytes_after: after,
    }))
}

/// The module and glue with short names, and how many were renamed; `None`
/// if some import of `glue_module` is not a word of `js`.
fn rename(
    bytes: &[u8],
    js: &str,
    glue_module: &str,
) -> Result<Option<(Vec<u8>, String, usize)>, String> {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut module = wasm_encoder::Module::new();
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| e.to_string())?;
        match payload {
            Payload::ImportSection(reader) => {
                let mut section = wasm_encoder::ImportSection::new();
                for import in reader.into_imports() {
                    let import = import.map_err(|e| e.to_string())?;
                    let ty = RoundtripReencoder
                        .entity_type(import.ty)
                        .map_err(|e| format!("import {}: {e}", import.name))?;
                    let name = if import.module == glue_module {
                        let next = short_name(names.len());
                        names.entry(import.name.to_owned()).or_insert(next).clone()
                    } else {
                        import.name.to_owned()
                    };
                    section.import(import.module, &name, ty);
                }
                module.section(&section);
            }
            other => {
                if let Some((id, range)) = other.as_section() {
                    let data = usize::try_from(range.start)
                        .ok()
                        .zip(usize::try_from(range.end).ok())
                        .and_then(|(start, end)| bytes.get(start..end))
                        .ok_or("a section runs past the end of the module")?;
                    module.section(&wasm_encoder::RawSection { id, data });
                }
            }
        }
    }
    let (js_out, found) = replace_words(js, &names);
    if found.len() != names.len() {
        return Ok(None);
    }
    Ok(Some((module.finish(), js_out, names.len())))
}

/// A JS identifier for the `index`th name: `a` to `Z`, then `aa`, `ab`...
fn short_name(index: usize) -> String {
    const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const REST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    let mut name = String::new();
    let mut rest = index;
    name.push(char::from(FIRST[rest % FIRST.len()]));
    rest /= FIRST.len();
    while rest > 0 {
        rest -= 1;
        name.push(char::from(REST[rest % REST.len()]));
        rest /= REST.len();
    }
    // `_` never starts a short name and wasm-bindgen's start with `__wbg`
    // or `__wbindgen`, so a renamed key never meets an old one.
    name
}

/// `js` with every whole word that is a key of `names` replaced, and the
/// keys that were found.
fn replace_words<'a>(
    js: &str,
    names: &'a HashMap<String, String>,
) -> (String, std::collections::HashSet<&'a str>) {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(js.len());
    let mut found = std::collections::HashSet::new();
    let mut rest = js;
    while let Some(start) = rest.find(is_word) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c: char| !is_word(c))
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        match names.get_key_value(word) {
            Some((key, short)) => {
                found.insert(key.as_str());
                out.push_str(short);
            }
            None => out.push_str(word),
        }
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    (out, found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
        ImportSection, Instruction, TypeSection,
    };

    fn module() -> Vec<u8> {
        let mut types = TypeSection::new();
        types.ty().function([], []);
        let mut imports = ImportSection::new();
        imports.import(
            "./app_bg.js",
            "__wbg_alert_0123456789abcdef",
            EntityType::Function(0),
        );
        imports.import(
            "./app_bg.js",
            "__wbindgen_throw_fedcba9876543210",
            EntityType::Function(0),
        );
        imports.import("__wasm_split", "memory_stays", EntityType::Function(0));
        let mut functions = FunctionSection::new();
        functions.function(0);
        let mut exports = ExportSection::new();
        exports.export("run", ExportKind::Func, 3);
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instruction(&Instruction::Call(0));
        body.instruction(&Instruction::Call(1));
        body.instruction(&Instruction::End);
        code.function(&body);
        let mut m = wasm_encoder::Module::new();
        m.section(&types)
            .section(&imports)
            .section(&functions)
            .section(&exports)
            .section(&code);
        m.finish()
    }

    fn import_names(bytes: &[u8]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for payload in Parser::new(0).parse_all(bytes) {
            if let Ok(Payload::ImportSection(reader)) = payload {
                for import in reader.into_imports().flatten() {
                    out.push((import.module.to_owned(), import.name.to_owned()));
                }
            }
        }
        out
    }

    const GLUE: &str = "const import0 = {\n__wbg_alert_0123456789abcdef: function(a) { alert(a); },\n__wbindgen_throw_fedcba9876543210: function() { throw new Error('__wbg_alert_0123456789abcdefX'); },\n};\nconst imports = { \"./app_bg.js\": import0 };\n";

    #[test]
    fn the_glue_imports_get_short_names_in_both_files_and_nothing_else_changes() {
        let Ok(Some((wasm, js, renamed))) = rename(&module(), GLUE, "./app_bg.js") else {
            panic!("not renamed");
        };
        assert_eq!(renamed, 2);
        assert_eq!(
            import_names(&wasm),
            [
                ("./app_bg.js".to_owned(), "a".to_owned()),
                ("./app_bg.js".to_owned(), "b".to_owned()),
                ("__wasm_split".to_owned(), "memory_stays".to_owned()),
            ]
        );
        super::super::merge::validate(&wasm).unwrap();
        assert!(
            js.contains("\na: function(a) { alert(a); },\nb: function()"),
            "{js}"
        );
        // A longer word that only starts with a name is not a name.
        assert!(js.contains("'__wbg_alert_0123456789abcdefX'"), "{js}");
        assert!(js.contains("\"./app_bg.js\": import0"), "{js}");
    }

    #[test]
    fn a_glue_that_does_not_name_every_import_is_left_alone() {
        let glue = GLUE.replace(
            "__wbindgen_throw_fedcba9876543210",
            "__wbindgen_throw_other",
        );
        assert!(matches!(rename(&module(), &glue, "./app_bg.js"), Ok(None)));
    }

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: std::collections::HashSet<String> = (0..5000).map(short_name).collect();
        assert_eq!(names.len(), 5000);
        assert!(names
            .iter()
            .all(|n| n.starts_with(|c: char| c.is_ascii_alphabetic())));
        assert_eq!(
            (short_name(0), short_name(51), short_name(52)),
            ("a".into(), "Z".into(), "aa".into())
        );
    }
}
