// axe-core (npm, dev only) injected into a page of the app; not a test file itself.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let source;

/**
 * Runs axe-core on the page as it is now and returns its violations, each as
 * "rule-id: help (n nodes: selector, …)" so a failing assertion says what to fix. The
 * script is evaluated through the DevTools protocol, so a Content-Security-Policy that
 * forbids inline scripts does not stop it.
 */
export async function axeViolations(page) {
  source ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(v => ({ id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
  });
  return violations.map(v => `${v.id}: ${v.help} (${v.targets.length} nodes: ${v.targets.slice(0, 5).join(', ')})`);
}
