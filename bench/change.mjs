// The page-side half of a filter change, shared by bench/run.mjs and bench/profile.mjs:
//   await page.evaluate(change({ kind, i }))
// `change` returns the source of one expression that the page evaluates. Its parts are
// functions written here but run in the page (their source is sent), so they must use
// nothing from this module's scope, only what they are handed.

/**
 * The expression that makes change `i` of `kind` as a reader's control would (the control's
 * own event) and resolves with the time from just before it to the next frame (a task
 * queued from that frame's requestAnimationFrame runs after it is rendered; this one is
 * queued first) and the DOM mutation records seen in between.
 *
 * `ms` includes waiting for the display's next frame (0 to 16.7 ms at 60 Hz: a change that
 * does nothing, kind `noop`, measures that floor). `busyMs` leaves the wait out: the script
 * (the event and the updates it queues, up to a task posted right after it) plus the
 * frame's rendering (from its requestAnimationFrame to the task after it). A change with
 * `busyMs` under one frame (16.7 ms) is drawn in the first frame after the input.
 * `handler` is the event's own time, `raf` the time to the frame's requestAnimationFrame.
 * `laterBusyMs` and `laterMutations` are the work the app leaves until just after that
 * frame, measured apart (see `afterFrame`).
 * With `tally`, mutation records are also counted by the id of their nearest element with
 * one, in `window.__where` (this costs time, so the latency bench leaves it off).
 */
export function change({ kind, i, tally = false }) {
  return `(${measure})((${readerAction})(${JSON.stringify(kind)}, ${Number(i)}), ` +
    `(${mutationTally})(${Boolean(tally)}), ${afterFrame})`;
}

/** In the page: the function that makes change `i` of `kind` (chosen before it is timed). */
function readerAction(kind, i) {
  const select = (css, pick) => {
    const element = document.querySelector(css);
    const options = [...element.options].map(o => o.value);
    return () => { element.value = pick(options); element.dispatchEvent(new Event('change', { bubbles: true })); };
  };
  const actions = {
    metric: () => select('#metric', options => options[(options.indexOf(document.querySelector('#metric').value) + 1) % options.length]),
    museum: () => {
      const boxes = [...document.querySelectorAll('input[type=checkbox][id^="museum-"]:not(:disabled)')];
      const box = boxes[Math.floor(i / 2) % boxes.length];   // off, then on again, then the next
      return () => box.click();
    },
    year: () => select('#year-from', options => options[i % 2 ? 0 : 1]),
    chart: () => {
      const button = document.querySelector(`[data-view="${['table', 'bar', 'line'][i % 3]}"]`);
      return () => button.click();
    },
    noop: () => () => {},
  };
  return actions[kind]();
}

/** In the page: counts mutation records by where they land, in `window.__where`, if `on`. */
function mutationTally(on) {
  const where = window.__where ??= {};
  return records => {
    if (!on) return;
    for (const r of records) {
      let n = r.target;
      while (n && !(n.id && n.id !== 'page-content')) n = n.parentNode;
      const k = n ? n.id : '(none)';
      where[k] = (where[k] ?? 0) + 1;
    }
  };
}

/** In the page: times `act` to the next frame (see `change`), then hands on to `later`. */
function measure(act, count, later) {
  return new Promise(done => {
    let mutations = 0;
    const observer = new MutationObserver(records => { mutations += records.length; count(records); });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    let settled, frame;
    const afterScript = new MessageChannel();
    afterScript.port1.onmessage = () => { settled = performance.now(); };
    const finish = () => {
      const end = performance.now();
      const ms = end - start;
      // The script ended before the frame began: count the wait for the frame out.
      const busyMs = settled !== undefined && settled < frame ? (settled - start) + (end - frame) : ms;
      const rest = observer.takeRecords();
      count(rest);
      mutations += rest.length;
      const inFrame = { ms, busyMs, handler, raf: frame - start, mutations, url: location.search };
      later({ end, observer, count, inFrame, done, total: () => mutations });
    };
    // Asked for before the change, so this is the frame's first callback and its timer the
    // first task queued after the frame: what the app itself queues from that frame (work
    // it leaves until the frame is drawn, such as the history entry) runs after the end is
    // taken, since timers with the same delay run in the order they were set.
    requestAnimationFrame(() => {
      frame = performance.now();
      setTimeout(finish, 0);
    });
    const start = performance.now();
    act();
    const handler = performance.now() - start;
    afterScript.port2.postMessage(null);
  });
}

/**
 * In the page: what the app left until after the frame (the history entry; the chart and
 * table when out of view), queued from that frame before this timer: `laterBusyMs` is its
 * script (up to a timer queued after it) plus the rendering of the frame that shows it.
 */
function afterFrame({ end, observer, count, inFrame, done, total }) {
  setTimeout(() => {
    const scriptEnd = performance.now();
    requestAnimationFrame(() => {
      const frame2 = performance.now();
      setTimeout(() => {
        const rest = observer.takeRecords();
        count(rest);
        observer.disconnect();
        const laterMutations = total() + rest.length - inFrame.mutations;
        done({ ...inFrame, laterBusyMs: (scriptEnd - end) + (performance.now() - frame2), laterMutations });
      }, 0);
    });
  }, 0);
}
