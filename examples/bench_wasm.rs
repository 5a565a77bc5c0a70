//! The engine's side of the browser benchmark (`scripts/bench.sh`, page in `bench/`): built
//! for wasm32 with the app's release profile and bound with wasm-bindgen, it makes the
//! synthetic tables of `engine_bench`, hands their columns to the page (for Arquero,
//! DuckDB-Wasm and the plain-JS floor, so every engine reads the same facts) and answers
//! the timed view with the app's own `build_table`.
//!
//! Memory per fact is counted, not estimated: a counting allocator gives the live heap bytes
//! the dataset (columns and indexes) holds once it is built.

#[cfg(target_arch = "wasm32")]
#[path = "synthetic/mod.rs"]
mod synthetic;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::synthetic::{fact_count, synthetic, timed_metric, timed_view, timed_years};
    use museum_lending_explorer::core::load_embedded;
    use museum_lending_explorer::core::model::{DataFile, Dataset};
    use museum_lending_explorer::core::query::build_table;
    use museum_lending_explorer::core::view_state::ViewState;
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::RefCell;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use wasm_bindgen::prelude::*;

    /// The system allocator, counting the bytes live at any moment.
    struct Counting;

    static LIVE: AtomicUsize = AtomicUsize::new(0);

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    /// The table the page is timing, and what it cost to hold.
    struct Loaded {
        dataset: Dataset,
        view: ViewState,
        bytes: usize,
    }

    thread_local! {
        static TEMPLATE: DataFile = load_embedded().expect("the embedded data loads").file;
        static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
    }

    fn with_loaded<T>(f: impl FnOnce(&Loaded) -> T) -> T {
        LOADED.with_borrow(|loaded| f(loaded.as_ref().expect("generate() first")))
    }

    /// Replaces the table with one of `years` years; returns its number of facts.
    #[wasm_bindgen]
    pub fn generate(years: u16) -> Result<u32, JsError> {
        LOADED.with_borrow_mut(|loaded| *loaded = None);
        TEMPLATE.with(|_| ()); // parsed once, before counting
                               // From before the columns exist: the columns (exact capacity), the lookup tables and
                               // the indexes, all that the dataset holds.
        let before = LIVE.load(Ordering::Relaxed);
        let file = TEMPLATE.with(|template| synthetic(template, years));
        let dataset = Dataset::from_file(file).map_err(|e| JsError::new(&e.to_string()))?;
        let after = LIVE.load(Ordering::Relaxed);
        let bytes = after.saturating_sub(before);
        LOADED.with_borrow_mut(|loaded| {
            *loaded = Some(Loaded {
                dataset,
                view: timed_view(years),
                bytes,
            })
        });
        Ok(fact_count(years) as u32)
    }

    /// `[metric, first year, last year]` of the timed view.
    #[wasm_bindgen]
    pub fn timed_query(years: u16) -> Vec<u16> {
        let (from, to) = timed_years(years);
        vec![timed_metric(), from, to]
    }

    /// Live heap bytes of the dataset per fact.
    #[wasm_bindgen]
    pub fn bytes_per_fact() -> f64 {
        with_loaded(|l| l.bytes as f64 / l.dataset.file.facts.len() as f64)
    }

    /// The timed view, as the app builds it; returns the number of museum cells.
    #[wasm_bindgen]
    pub fn engine_query() -> u32 {
        with_loaded(|l| {
            let table = build_table(&l.dataset, &l.view);
            table
                .museum_rows
                .iter()
                .map(|r| r.cells.len())
                .sum::<usize>() as u32
        })
    }

    /// The timed view's museum cells as `[museum, year, value, …]` (for the check).
    #[wasm_bindgen]
    pub fn engine_answer() -> Vec<f64> {
        with_loaded(|l| {
            let table = build_table(&l.dataset, &l.view);
            table
                .museum_rows
                .iter()
                .flat_map(|row| {
                    row.cells.iter().filter_map(move |cell| {
                        let value = cell.value()?;
                        Some([f64::from(row.museum), f64::from(cell.year.0), value])
                    })
                })
                .flatten()
                .collect()
        })
    }

    #[wasm_bindgen]
    pub fn column_metric() -> Vec<u16> {
        with_loaded(|l| l.dataset.file.facts.metric.clone())
    }

    #[wasm_bindgen]
    pub fn column_museum() -> Vec<u16> {
        with_loaded(|l| l.dataset.file.facts.museum.clone())
    }

    #[wasm_bindgen]
    pub fn column_year() -> Vec<u16> {
        with_loaded(|l| l.dataset.file.facts.year.clone())
    }

    /// Values, NaN where there is none (the synthetic tables have a value in every fact).
    #[wasm_bindgen]
    pub fn column_value() -> Vec<f64> {
        with_loaded(|l| {
            let values = &l.dataset.file.facts.value;
            values.iter().map(|v| v.unwrap_or(f64::NAN)).collect()
        })
    }
}

fn main() {}
