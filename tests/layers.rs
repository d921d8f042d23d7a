//! The layers of `src/` import each other one way only: no top-level module reaches, through
//! any chain of `crate::` paths, back to itself. Test code (`tests.rs`, `*_tests.rs`, files
//! under a `tests/` directory) may use anything and is not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The top-level modules of the library, by name.
fn top_level_modules(src: &Path) -> BTreeSet<String> {
    let mut modules = BTreeSet::new();
    for entry in fs::read_dir(src).expect("src/ is readable") {
        let path = entry.expect("an entry of src/").path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() || path.extension().is_some_and(|extension| extension == "rs") {
            modules.insert(name);
        }
    }
    for not_a_layer in ["lib", "main", "bin"] {
        modules.remove(not_a_layer);
    }
    modules
}

fn is_test_code(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    name == "tests.rs"
        || name == "test_data.rs"
        || name.ends_with("_tests.rs")
        || path.components().any(|part| {
            part.as_os_str() == "tests" || part.as_os_str().to_string_lossy().ends_with("_tests")
        })
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a directory of src/ is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            into.push(path);
        }
    }
}

/// The code of a file before its first inline test module (`#[cfg(test)] mod … {`): what is
/// compiled into the product.
fn product_code(text: &str) -> &str {
    let mut searched = 0;
    while let Some(at) = text[searched..].find("#[cfg(test)]") {
        let start = searched + at;
        let after = text[start + "#[cfg(test)]".len()..].trim_start();
        let inline_module = after.strip_prefix("mod ").is_some_and(|rest| {
            let line = rest.lines().next().unwrap_or("");
            line.trim_end().ends_with('{')
        });
        if inline_module {
            return &text[..start];
        }
        searched = start + 1;
    }
    text
}

/// Every top-level module named after `crate::` in `code`, including those in a braced group
/// (`use crate::{a::X, b};`).
fn crate_paths(code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if modules.contains(&name) {
                    used.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if modules.contains(&name) {
                used.insert(name);
            }
        }
    }
    used
}

fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let modules = top_level_modules(src);
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        if is_test_code(relative) {
            continue;
        }
        let first = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if !modules.contains(&module) {
            continue;
        }
        let text = fs::read_to_string(&file).expect("a source file is readable");
        let mut used = crate_paths(product_code(&text), &modules);
        used.remove(&module);
        imports.entry(module).or_default().extend(used);
    }
    imports
}

/// A chain of imports from `from` back to itself, if there is one.
fn cycle_through(from: &str, imports: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    let mut paths = vec![vec![from.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = paths.pop() {
        let last = path.last().unwrap();
        for next in imports.get(last).into_iter().flatten() {
            if next == from {
                let mut cycle = path.clone();
                cycle.push(next.clone());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                paths.push(longer);
            }
        }
    }
    None
}

#[test]
fn no_layer_of_src_imports_itself_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let imports = imports(&src);
    assert!(imports.len() > 10, "the modules of src/ were not found");
    let cycles: Vec<String> = imports
        .keys()
        .filter_map(|module| cycle_through(module, &imports))
        .map(|cycle| cycle.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let modules: BTreeSet<String> = ["api", "cli", "domain"].map(String::from).into();
    let mut imports = BTreeMap::new();
    imports.insert(
        "api".to_string(),
        crate_paths("use crate::cli::Options;", &modules),
    );
    imports.insert(
        "cli".to_string(),
        crate_paths("use crate::{api::execute, domain::role::Role};", &modules),
    );
    imports.insert("domain".to_string(), BTreeSet::new());
    assert_eq!(
        cycle_through("api", &imports),
        Some(vec!["api".into(), "cli".into(), "api".into()])
    );
    assert_eq!(cycle_through("domain", &imports), None);
}
