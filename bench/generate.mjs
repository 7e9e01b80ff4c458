// Generates a batch of varied reports from the Eskilstuna example for the batch benchmark:
// another kommun (name, code, id) per report, indicator values and headcounts varied
// (women + men = total), texts shortened or lengthened, and every fifth report about twice
// as long (its areas repeated under new ids). A seeded generator: the same count gives the
// same files. Use: node bench/generate.mjs <count> [folder]
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const EXAMPLE = fileURLToPath(new URL('../examples/eskilstuna-ks-2022-delar2/rapport.yaml', import.meta.url));
const NAMES = ['Solberga', 'Norrvik', 'Ekby', 'Västerås', 'Lindö', 'Åby', 'Hällefors', 'Strömsund', 'Björkö', 'Mälarby', 'Skogsås', 'Öresby'];

/** A small seeded generator (mulberry32): numbers in [0, 1). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Calls `fn` on every object in `value`, depth first. */
function visit(value, fn) {
  if (Array.isArray(value)) for (const v of value) visit(v, fn);
  else if (value && typeof value === 'object') {
    fn(value);
    for (const v of Object.values(value)) visit(v, fn);
  }
}

/** Shortens or lengthens running text: drops trailing paragraphs or repeats the first. */
function vary(text, rnd) {
  const paragraphs = text.split('\n\n');
  const r = rnd();
  if (r < 0.3 && paragraphs.length > 1) return paragraphs.slice(0, Math.max(1, Math.ceil(paragraphs.length / 2))).join('\n\n');
  if (r > 0.7) return [...paragraphs, paragraphs[0]].join('\n\n');
  return text;
}

/**
 * One varied report (a plain value) from the example, number `i`, with every perspective's
 * areas `factor` times (default: every fifth report twice, the others once).
 */
export function variant(example, i, factor = i % 5 === 4 ? 2 : 1) {
  const rnd = random(0x5eed + i);
  const report = structuredClone(example);
  const code = String(1000 + ((i * 37) % 8999)).padStart(4, '0');
  const name = `${NAMES[i % NAMES.length]} ${i}`;
  report.id = `${code}-ks-2022-d2-${String(i).padStart(4, '0')}`;
  report.municipality = { ...report.municipality, name, code };
  const decimalsOf = (n) => (Number.isInteger(n) ? 0 : String(n).split('.')[1].length);
  visit(report, (o) => {
    if (Array.isArray(o.values) && typeof o.unit === 'string') {
      for (const v of o.values) {
        if (typeof v.total !== 'number' || 'women' in v || 'men' in v) continue;
        const d = o.decimals ?? decimalsOf(v.total);
        let x = Number((v.total * (0.8 + 0.4 * rnd())).toFixed(d));
        if (o.unit === 'percent') x = Math.min(100, x);
        v.total = x;
      }
    }
    if (o.headcount && typeof o.headcount.total === 'number') {
      const total = o.headcount.total + Math.floor(rnd() * 40) - 20;
      const women = Math.round(total * (0.4 + 0.3 * rnd()));
      o.headcount = { ...o.headcount, total, women, men: total - women };
    }
    for (const key of ['body', 'comment']) if (typeof o[key] === 'string' && o[key].length > 200) o[key] = vary(o[key], rnd);
  });
  // Longer reports: every perspective's areas again, with new ids throughout.
  for (const section of report.sections) {
    if (section.type !== 'perspective' || !Array.isArray(section.areas)) continue;
    const original = section.areas;
    for (let copy = 2; copy <= factor; copy++) {
      const copies = structuredClone(original);
      // Row and column ids are scoped to their table and stay, and so do Kolada KPI ids (not
      // ids of the report); references to a table follow it.
      const rename = (value) => {
        if (Array.isArray(value)) for (const v of value) rename(v);
        else if (value && typeof value === 'object') {
          if (typeof value.id === 'string') value.id = `${value.id}-del-${copy}`;
          if (typeof value.sameAs === 'string') value.sameAs = value.sameAs.replace(/^[^.]+/, (t) => `${t}-del-${copy}`);
          for (const [k, v] of Object.entries(value)) if (k !== 'rows' && k !== 'columns' && k !== 'kolada') rename(v);
        }
      };
      rename(copies);
      section.areas = [...section.areas, ...copies];
    }
  }
  return report;
}

/**
 * Writes `count` reports into `folder` (emptied first) as r0000.yaml, r0001.yaml …, each
 * `factor` times as long as the example when given.
 */
export function generate(count, folder, factor) {
  const example = parse(readFileSync(EXAMPLE, 'utf8'));
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(folder, `r${String(i).padStart(4, '0')}.yaml`), stringify(variant(example, i, factor), { lineWidth: 0 }));
  return readdirSync(folder).length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 1000);
  const folder = process.argv[3] ?? fileURLToPath(new URL('./reports/', import.meta.url));
  console.log(`${generate(count, folder)} reports in ${folder}`);
}
