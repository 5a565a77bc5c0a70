// Runs before the app (a plain script, allowed by the page's Content-Security-Policy as a
// same-origin file; inline scripts are not). Two jobs:
//  1. When the app cannot start (no WebAssembly, a file failed to download) or stops (a Rust
//     panic: src/main.rs calls window.showExplorerFailure), replace the page with a plain
//     message: what happened, where the data files are, and a link to retry this view.
//     Without this the reader would see "Loading…" forever or a page that no longer responds.
//  2. Register the offline service worker (sw.js) when the release build has enabled it.
(function () {
  'use strict';

  var FAILURE_ID = 'app-failure';

  /** True once the app has mounted (src/main.rs marks "app-ready"). */
  function appReady() {
    return !!(window.performance && performance.getEntriesByName &&
      performance.getEntriesByName('app-ready').length);
  }

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var anchor = element('a', text);
    anchor.href = href;
    return anchor;
  }

  /** A paragraph made of text and links, e.g. paragraph(['See ', link(...), '.']). */
  function paragraph(parts) {
    var p = element('p');
    parts.forEach(function (part) {
      p.appendChild(typeof part === 'string' ? document.createTextNode(part) : part);
    });
    return p;
  }

  var WHAT_HAPPENED = {
    // The Wasm module could not be fetched, compiled or instantiated.
    'no-start': typeof WebAssembly === 'undefined'
      ? 'This browser does not run WebAssembly (it may have been switched off), and the explorer needs it to compute its tables.'
      : 'Part of the explorer could not be downloaded or started in this browser.',
    // A Rust panic: the app's own code hit an error it could not recover from.
    'stopped': 'The explorer stopped because of an error in its own code. Nothing you did caused it, and the figures are not affected.',
  };

  /**
   * Replaces the page with the failure message. `kind` is 'no-start' or 'stopped'. The first
   * call wins: a panic is followed by the Wasm trap it causes, which must not replace the
   * more precise message.
   */
  function showFailure(kind) {
    if (document.getElementById(FAILURE_ID) || !document.body) return;
    var box = element('div');
    box.id = FAILURE_ID;
    box.className = 'failure';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-failure', kind);
    box.appendChild(element('h1', 'UK national museums: lending and partnerships'));
    box.appendChild(element('p', WHAT_HAPPENED[kind] || WHAT_HAPPENED['no-start']));
    box.appendChild(paragraph(['Try again: ', link(location.href, 'reload this view'),
      kind === 'stopped' ? '.' : ' (if it keeps happening, a newer browser may be needed).']));
    box.appendChild(paragraph(['The same figures are available as files: ',
      link('data/explorer-data.json', 'explorer-data.json'), ', ',
      link('data/dcms_kpi/values.csv', 'DCMS performance indicators (CSV)'), ' and ',
      link('data/partnership/facts.csv', 'Museum Partnership Report figures (CSV)'),
      ', each described in ', link('data/README.md', 'data/README.md'), '.']));
    // The app (or "Loading…") no longer works: take it off the page, keep <noscript>.
    Array.prototype.slice.call(document.body.children).forEach(function (child) {
      if (child.tagName !== 'NOSCRIPT' && child.tagName !== 'SCRIPT') child.remove();
    });
    document.body.insertBefore(box, document.body.firstChild);
  }

  window.showExplorerFailure = showFailure;

  /** A failure of the app, not of something else on the page (an extension, say). */
  function isAppFailure(event) {
    if (!appReady()) return true;  // nothing else runs before the app is up
    var error = event && (event.error || event.reason);
    return typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError;
  }

  // Capture phase: also sees failed <script>/<link> loads, which do not bubble.
  window.addEventListener('error', function (event) {
    if (isAppFailure(event)) showFailure(appReady() ? 'stopped' : 'no-start');
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    if (isAppFailure(event)) showFailure(appReady() ? 'stopped' : 'no-start');
  });

  // Offline revisits: scripts/postprocess-dist.mjs adds <meta name="service-worker"> to the
  // release build only, so `trunk serve` never installs a worker that would cache dev builds.
  var worker = document.querySelector('meta[name="service-worker"]');
  if (worker && 'serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register(worker.content).catch(function (error) {
        console.warn('Offline copy not available:', error);
      });
    });
  }
})();
