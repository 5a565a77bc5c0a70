//! The code's own shape: no function in `src/` is longer than one can hold in one's head.
//! Views count too (split them into named sub-views). Relies on `cargo fmt` layout: a
//! function's closing brace is the first line at its indentation that is exactly `}`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// Longest function allowed, in lines from `fn` to its closing brace.
const MAX_FUNCTION_LINES: usize = 60;

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The indentation of a line that starts a function with a body, if it does.
fn function_start(line: &str) -> Option<&str> {
    let code = line.trim_start();
    let indent = &line[..line.len() - code.len()];
    let mut rest = code;
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    (rest.starts_with("fn ") && !code.ends_with(';')).then_some(indent)
}

/// `(first line number, length)` of every function in `text`.
fn function_lengths(text: &str) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(indent) = function_start(line) else {
            continue;
        };
        let closing = format!("{indent}}}");
        if let Some(offset) = lines[start..].iter().position(|l| *l == closing) {
            found.push((start + 1, offset + 1));
        }
    }
    found
}

#[test]
fn the_length_counter_counts_from_fn_to_its_brace() {
    let text = "fn a() {\n    let x = 1;\n}\n\npub fn b() -> u8 {\n    2\n}\n    fn c();\n";
    assert_eq!(function_lengths(text), vec![(1, 3), (5, 3)]);
}

#[test]
fn no_function_is_longer_than_sixty_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut too_long = Vec::new();
    for file in rust_files(&root) {
        let text = fs::read_to_string(&file).unwrap();
        for (line, length) in function_lengths(&text) {
            if length > MAX_FUNCTION_LINES {
                let name = file.strip_prefix(&root).unwrap().display();
                too_long.push(format!("src/{name}:{line} is {length} lines"));
            }
        }
    }
    assert!(
        too_long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines (split them into named pieces):\n{}",
        too_long.join("\n")
    );
}
