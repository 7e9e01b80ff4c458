// The alternative to a kommunrapport batch for the PDF alone: one Chromium (Debian's, driven
// by playwright-core) printing the index.html of every report folder in <dir> to PDF, one page
// after another in one tab, as a user scripting a browser would. bench/run.mjs measures this
// whole process tree. Use: node bench/chromium-batch.mjs <dir with <id>/index.html> <out dir>
import { mkdirSync, mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [dir, out] = process.argv.slice(2);
const pages = readdirSync(dir).map((id) => join(dir, id, 'index.html')).filter((f) => existsSync(f)).sort();
mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'kommunrapport-bench-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  env: { ...process.env, TMPDIR: profile },
});
const page = await context.newPage();
for (const [i, file] of pages.entries()) {
  await page.goto(pathToFileURL(file).href);
  await page.pdf({ path: join(out, `${i}.pdf`), format: 'A4', tagged: true, outline: true });
}
await context.close();
rmSync(profile, { recursive: true, force: true });
process.stdout.write(`${pages.length} pages printed\n`);
