//! `cargo run --bin gen-data` rewrites data/explorer-data.json from the curated CSVs;
//! `cargo run --bin gen-data -- --check` fails if the committed file is out of date.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use museum_lending_explorer::datagen;
    use std::process::ExitCode;

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let check_only = std::env::args().any(|a| a == "--check");
    let file = match datagen::generate(&root.join("data")) {
        Ok(file) => file,
        Err(error) => {
            eprintln!("gen-data: {error}");
            return ExitCode::FAILURE;
        }
    };
    let json = datagen::to_json(&file);
    let output = root.join(datagen::OUTPUT_PATH);
    if check_only {
        let committed = std::fs::read_to_string(&output).unwrap_or_default();
        if committed != json {
            eprintln!(
                "gen-data: {} is out of date; run `cargo run --bin gen-data`",
                datagen::OUTPUT_PATH
            );
            return ExitCode::FAILURE;
        }
        return ExitCode::SUCCESS;
    }
    if let Err(error) = std::fs::write(&output, json) {
        eprintln!("gen-data: cannot write {}: {error}", output.display());
        return ExitCode::FAILURE;
    }
    println!(
        "gen-data: wrote {} ({} facts, {} metrics, {} museums)",
        datagen::OUTPUT_PATH,
        file.facts.len(),
        file.metrics.len(),
        file.museums.len()
    );
    ExitCode::SUCCESS
}

// The generator reads files, which a browser cannot; the wasm build needs a `main` all the same.
#[cfg(target_arch = "wasm32")]
fn main() {}
