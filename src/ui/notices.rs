//! Tells the reader what in the link was dropped or corrected, and what was used instead.
//! Text echoed from the link is cut short in core and isolated here in `<bdi>`, so a
//! right-to-left character in a link cannot reorder the app's own sentence.

use crate::core::notice::{Notice, NoticeSegment};
use crate::ui::store::ViewStore;
use leptos::prelude::*;

fn notice_item(store: ViewStore, notice: Notice) -> impl IntoView {
    let pieces = notice
        .segments(store.dataset)
        .into_iter()
        .map(|segment| match segment {
            NoticeSegment::Words(words) => words.into_any(),
            NoticeSegment::Echo(echo) => view! { <bdi class="echo">{echo}</bdi> }.into_any(),
        })
        .collect_view();
    view! { <li>{pieces}</li> }
}

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
                            .map(|notice| notice_item(store, notice))
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
