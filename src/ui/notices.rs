//! Tells the reader what in the link was dropped or corrected, and what was used instead.

use crate::ui::store::ViewStore;
use leptos::prelude::*;

#[component]
pub fn Notices(store: ViewStore) -> impl IntoView {
    view! {
        <Show when=move || !store.notices.get().is_empty()>
            <div class="notice" role="status" id="url-notices">
                <h2 class="notice-title">"Some of the link could not be used"</h2>
                <ul>
                    {move || {
                        store
                            .notices
                            .get()
                            .into_iter()
                            .map(|notice| view! { <li>{notice.text(store.dataset)}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
