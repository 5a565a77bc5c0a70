//! Links to the full datasets, served beside the app.

use leptos::prelude::*;

#[component]
pub fn DataDownloads() -> impl IntoView {
    view! {
        <section class="downloads" aria-labelledby="downloads-title">
            <h2 id="downloads-title">"Download the data"</h2>
            <ul>
                <li>
                    <a href="data/explorer-data.json" download>"explorer-data.json"</a>
                    " – everything this page shows, column-wise (documented in the README)"
                </li>
                <li>
                    <a href="data/dcms_kpi/values.csv" download>"DCMS performance indicators (values.csv)"</a>
                    " with "<a href="data/dcms_kpi/README.md">"its README"</a>
                </li>
                <li>
                    <a href="data/partnership/facts.csv" download>"Museum Partnership Report figures (facts.csv)"</a>
                    " with "<a href="data/partnership/README.md">"its README"</a>
                </li>
            </ul>
        </section>
    }
}
