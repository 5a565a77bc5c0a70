// Finishes a release build in dist/ (run by scripts/build-release.sh after trunk):
//  1. the Content-Security-Policy, as a <meta http-equiv> (GitHub Pages cannot send headers),
//     allowing Trunk's inline loader by the SHA-256 of its exact text;
//  2. the stylesheet without its comments (they explain the rules to us, not to the
//     browser: 755 B of the first load, brotli), re-signed for the page's integrity check;
//  3. the offline service worker: dist/sw.js gets the list of this deploy's files and a version
//     made from their contents, and the page gets <meta name="service-worker"> so boot.js
//     registers it (only release builds do).
// Usage: node scripts/postprocess-dist.mjs [dist]      prints the CSP it wrote.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const sha256 = data => createHash('sha256').update(data).digest();

/** Every inline <script> of the page, as the exact text the browser hashes. */
function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs]) => !/\bsrc\s*=/.test(attrs))
    .map(([, , body]) => body);
}

/** The policy: only this site's own files; the loader by hash; no inline styles or eval. */
function contentSecurityPolicy(html) {
  const hashes = inlineScripts(html).map(body => `'sha256-${sha256(body).toString('base64')}'`);
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Every file under `dir`, relative to it, with '/' separators, sorted. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter(path => statSync(join(dir, path)).isFile())
    .map(path => relative(dir, join(dir, path)).split('\\').join('/'))
    .sort();
}

/** The files the service worker caches: everything but itself and the Pages helpers. */
function offlineFiles() {
  const skip = new Set(['sw.js', '404.html', '.nojekyll']);
  return filesUnder(dist).filter(path => !skip.has(path));
}

function writeServiceWorker() {
  const files = offlineFiles();
  const digest = createHash('sha256');
  for (const file of files) digest.update(file).update('\0').update(readFileSync(join(dist, file)));
  const version = digest.digest('hex').slice(0, 16);
  const path = join(dist, 'sw.js');
  const source = readFileSync(path, 'utf8');
  if (!source.includes("'__EXPLORER_FILES__'")) throw new Error(`${path}: already processed, or not the app's sw.js`);
  // './' is the page at the base path itself (any ?view query), served as index.html.
  writeFileSync(path, source
    .replace("'__EXPLORER_VERSION__'", JSON.stringify(version))
    .replace("'__EXPLORER_FILES__'", JSON.stringify(['./', ...files])));
  return { version, count: files.length };
}

/** Drops every comment from each stylesheet Trunk wrote, and gives the page's `<link>` to
 * it the new file's SHA-384 (Trunk signed the file as it wrote it). The rules themselves
 * are left exactly as written (Trunk's minifier, which rewrites them, broke the layout). */
function stripStylesheetComments(html) {
  for (const name of readdirSync(dist).filter(name => name.endsWith('.css'))) {
    const path = join(dist, name);
    const css = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    writeFileSync(path, css);
    const signed = new RegExp(`(href="[^"]*/${name.replace(/[.]/g, '\\.')}" integrity=")sha384-[^"]+"`);
    if (!signed.test(html)) throw new Error(`index.html: no signed <link> to ${name}`);
    const digest = createHash('sha384').update(css).digest('base64');
    html = html.replace(signed, `$1sha384-${digest}"`);
  }
  return html;
}

function writePage() {
  const path = join(dist, 'index.html');
  let html = stripStylesheetComments(readFileSync(path, 'utf8'));
  if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error(`${path}: already has a CSP`);
  const csp = contentSecurityPolicy(html);
  const charset = '<meta charset="utf-8" />';
  if (!html.includes(charset)) throw new Error(`${path}: no ${charset} to put the CSP after`);
  // First in <head>: the policy only covers what comes after it.
  html = html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />` +
    '\n    <meta name="service-worker" content="sw.js" />');
  writeFileSync(path, html);
  return csp;
}

const csp = writePage();   // first: the worker's version covers the page's final bytes
const { version, count } = writeServiceWorker();
console.log(`CSP: ${csp}`);
console.log(`service worker: ${count} files, version ${version}`);
