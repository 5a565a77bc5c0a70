//! A link to another view that stays in the app (no reload) when clicked, opens it at the
//! top of the page, and still works as a plain link (new tab, copy address).

use crate::core::url_state::parse_query;
use crate::ui::store::ViewStore;
use leptos::prelude::*;

/// `<a href=query>` whose click navigates inside the app; `text` is the link's words.
pub fn view_link(store: ViewStore, query: String, text: String) -> impl IntoView {
    let target = query.clone();
    view! {
        <a
            href=query
            on:click=move |ev| {
                ev.prevent_default();
                store.navigate(parse_query(store.dataset, &target).state);
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        >
            {text}
        </a>
    }
}
