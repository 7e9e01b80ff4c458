// Measures `kommunrapport preview` from the outside, as an author sees it: starts the
// preview of a copy of a report in its own process, listens to the page's reload events
// and saves an edit to the report again and again. Each edit is timed from the moment the
// file is written to the moment the page fetched after the reload event holds the new text.
// Use: node bench/preview.mjs <report.yaml> [edits]   (prints JSON)
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/kommunrapport.js');
const EVENTS = '/__kommunrapport/events';

/** The body of a GET, as text. */
function fetchText(url) {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

/** Starts the preview of `file`; resolves with its URL and the process. */
function start(file) {
  const child = spawn(process.execPath, [CLI, 'preview', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /at (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`preview stopped (exit ${code}):\n${err}`)));
  });
}

/** Opens the reload event stream; `next()` resolves at the next reload event. */
function events(url) {
  let waiting;
  return new Promise((resolve, reject) => {
    get(url + EVENTS.slice(1), (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        if (chunk.includes('event: reload') && waiting) {
          const w = waiting;
          waiting = undefined;
          w();
        }
      });
      resolve({ res, next: () => new Promise((r) => (waiting = r)) });
    }).on('error', reject);
  });
}

/** Edits the report's title `edits` times and returns each saved → new page time in ms. */
export async function measurePreview(example, edits = 20) {
  const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-bench-preview-'));
  const file = join(dir, 'rapport.yaml');
  copyFileSync(example, file);
  const original = readFileSync(file, 'utf8');
  const title = /^title:\s*(.+)$/m.exec(original);
  if (!title) throw new Error(`${example} has no top-level title: line to edit`);
  const { child, url } = await start(file);
  const times = [];
  try {
    const stream = await events(url);
    for (let i = 0; i < edits; i++) {
      const marker = `Bench ${i + 1}`;
      const text = original.replace(title[0], `title: ${JSON.stringify(`${marker} ${title[1].replace(/^"(.*)"$/, '$1')}`)}`);
      const reloaded = stream.next();
      const t0 = performance.now();
      writeFileSync(file, text);
      let timer;
      const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`edit ${i + 1}: no reload event within 10 s of saving`)), 10_000);
      });
      await Promise.race([reloaded, late]).finally(() => clearTimeout(timer));
      const page = await fetchText(url);
      const ms = performance.now() - t0;
      if (!page.includes(marker)) throw new Error(`edit ${i + 1}: the page after the reload does not show the edit`);
      times.push(ms);
      // Authors do not save several times a second; let the preview settle as it would.
      await new Promise((r) => setTimeout(r, 150));
    }
    stream.res.destroy();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file = join(ROOT, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml'), edits = '20'] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(await measurePreview(file, Number(edits)))}\n`);
}
