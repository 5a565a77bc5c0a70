//! `cargo run --bin gen-data` rewrites data/explorer-data.json from the curated CSVs;
//! `cargo run --bin gen-data -- --check` fails if the committed file is out of date.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let check_only = std::env::args().any(|a| a == "--check");
    match host::run(check_only) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("gen-data: {problem}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use museum_lending_explorer::datagen::{self, OUTPUT_PATH};
    use std::path::Path;

    /// Generates the data file, then checks it against the committed one or writes it.
    /// The error is the sentence to print after "gen-data: ".
    pub fn run(check_only: bool) -> Result<(), String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let file = datagen::generate(&root.join("data")).map_err(|e| e.to_string())?;
        let json = datagen::to_json(&file).map_err(|e| e.to_string())?;
        let output = root.join(OUTPUT_PATH);
        if check_only {
            return check(&output, &json);
        }
        std::fs::write(&output, json)
            .map_err(|error| format!("cannot write {}: {error}", output.display()))?;
        println!(
            "gen-data: wrote {} ({} facts, {} metrics, {} museums)",
            OUTPUT_PATH,
            file.facts.len(),
            file.metrics.len(),
            file.museums.len()
        );
        Ok(())
    }

    fn check(output: &Path, json: &str) -> Result<(), String> {
        let committed = std::fs::read_to_string(output)
            .map_err(|error| format!("cannot read {}: {error}", output.display()))?;
        if committed != json {
            return Err(format!(
                "{OUTPUT_PATH} is out of date; run `cargo run --bin gen-data`"
            ));
        }
        Ok(())
    }
}

// The generator reads files, which a browser cannot; the wasm build needs a `main` all the same.
#[cfg(target_arch = "wasm32")]
fn main() {}
