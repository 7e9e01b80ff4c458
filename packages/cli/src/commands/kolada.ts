// `kommunrapport kolada [report] [--cache dir] [--base-url url] [--offline] [--force] [--dry-run] [--json]`:
// fills the outcome values of every indicator that names a Kolada KPI (`kolada: { id }`) for the
// report's kommun and the years the indicator shows, with the split by gender (T/K/M), each value
// recording its source and day of retrieval. A value the author typed is kept unless --force.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { formatDiagnostic, hasErrors, loadReport, type Diagnostic, type Severity } from '@kommunrapport/model';
import { EXIT, type CommandContext } from '../io.js';
import { readText, showPath, writeAtomic } from '../import/run.js';
import { getAll, KOLADA_BASE_URL, type KoladaDataPoint, type KoladaKpi } from '../kolada/client.js';

/** Options of the kolada command. */
export interface KoladaOptions {
  cache?: string;
  baseUrl?: string;
  offline?: boolean;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  date?: string;
}

/** One value written, or kept because the author typed it. */
export interface KoladaChange {
  indicator: string;
  kpi: string;
  year: number;
  action: 'added' | 'updated' | 'kept-typed';
  old?: { total?: number; women?: number; men?: number; missing?: string };
  new: { total: number; women?: number; men?: number };
}

interface Value {
  total: number;
  women?: number;
  men?: number;
}

const fmt = (v: { total?: number; women?: number; men?: number; missing?: string } | undefined): string => {
  if (!v) return '(none)';
  if (v.total === undefined) return v.missing !== undefined ? `missing (${v.missing})` : '(none)';
  const parts = [v.women !== undefined ? `kvinnor ${v.women}` : '', v.men !== undefined ? `män ${v.men}` : ''].filter(Boolean);
  return `${v.total}${parts.length ? ` (${parts.join(', ')})` : ''}`;
};

/** The day of retrieval: --date, else SOURCE_DATE_EPOCH's day, else the day Kolada's answer states. */
function retrievalDay(options: KoladaOptions, env: Record<string, string | undefined>): string | undefined {
  if (options.date) return options.date;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return undefined;
}

/** Runs the kolada command; resolves to the exit code. */
export async function runKolada(reportArg: string | undefined, options: KoladaOptions, ctx: CommandContext, env: Record<string, string | undefined> = process.env): Promise<number> {
  const { io } = ctx;
  const colour = pc.createColors(io.isTTY);
  const paint = (s: Severity, text: string) => (s === 'error' ? colour.red(text) : s === 'warning' ? colour.yellow(text) : colour.cyan(text));
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    io.stderr(`kommunrapport kolada: --date must be a day such as 2023-09-12; found "${options.date}".\n`);
    return EXIT.usage;
  }
  const file = resolve(io.cwd, reportArg ?? 'rapport.yaml');
  const shown = showPath(io.cwd, file);
  const read = await readText(file, shown);
  const diagnostics: Diagnostic[] = [];
  const report = (code: number) => {
    if (options.json) io.stdout(`${JSON.stringify({ ok: code === 0, report: shown, written: false, changes: [], diagnostics }, null, 2)}\n`);
    else io.stderr(`${diagnostics.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n')}\n`);
    return code;
  };
  if (read.text === undefined) {
    diagnostics.push(...read.diagnostics);
    return report(read.io ? EXIT.usage : EXIT.invalid);
  }
  const src = read.text;
  const loaded = loadReport(src, shown);
  if (!loaded.report || hasErrors(loaded.diagnostics)) {
    diagnostics.push(...loaded.diagnostics.filter((d) => d.severity === 'error'));
    return report(EXIT.invalid);
  }
  const kommun = loaded.report.municipality.code;
  const periodYear = loaded.report.period.year;
  const lines = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lines });
  const indicators: { node: YAMLMap; id: string; kpi: string; kpiNode: unknown; values: YAMLSeq }[] = [];
  visit(doc, {
    Map(_key, node) {
      const kolada = node.get('kolada', true);
      const values = node.get('values', true);
      if (isMap(kolada) && typeof kolada.get('id') === 'string' && isSeq(values) && typeof node.get('id') === 'string') {
        indicators.push({ node, id: String(node.get('id')), kpi: String(kolada.get('id')), kpiNode: kolada.get('id', true), values: values as YAMLSeq });
      }
    },
  });
  const at = (node: unknown) => {
    const range = (node as { range?: [number, number, number] }).range;
    if (!range) return {};
    const p = lines.linePos(range[0]);
    return { line: p.line, column: p.col };
  };
  const client = { baseUrl: options.baseUrl ?? env.KOMMUNRAPPORT_KOLADA_URL ?? KOLADA_BASE_URL, ...(options.cache ? { cache: resolve(io.cwd, options.cache) } : {}), ...(options.offline ? { offline: true } : {}) };
  let day = retrievalDay(options, env);
  const changes: KoladaChange[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  let ioProblem = false;
  const meta = new Map<string, KoladaKpi | null>();
  for (const ind of indicators) {
    const place = { file: shown, path: `indicator ${ind.id}`, ...at(ind.kpiNode) };
    if (!meta.has(ind.kpi)) {
      const m = await getAll<KoladaKpi>(`kpi/${encodeURIComponent(ind.kpi)}`, client);
      if (!m.ok) {
        diagnostics.push({ code: 'kolada-unreachable', severity: 'error', ...place, message: `Cannot get KPI ${ind.kpi} from Kolada: ${m.problem}.`, found: m.url, hint: 'Check the network and --base-url, or run with --cache <folder> holding recorded answers.' });
        ioProblem = true;
        meta.set(ind.kpi, null);
        continue;
      }
      meta.set(ind.kpi, m.values.find((k) => k.id === ind.kpi) ?? null);
      if (!meta.get(ind.kpi)) {
        diagnostics.push({ code: 'kolada-unknown-kpi', severity: 'error', ...place, message: `Kolada has no KPI "${ind.kpi}" (indicator ${ind.id}).`, expected: 'a Kolada KPI id such as N00090', found: JSON.stringify(ind.kpi), hint: 'Look the KPI up on kolada.se and correct kolada.id, or remove kolada: from the indicator.' });
        continue;
      }
    }
    const kpi = meta.get(ind.kpi);
    if (!kpi) continue;
    const items = ind.values.items.filter(isMap) as YAMLMap[];
    const outcomeYears = items.filter((v) => v.get('kind') === 'outcome').map((v) => Number(v.get('year')));
    const years = [...new Set([...outcomeYears, periodYear])].sort((a, b) => a - b);
    const data = await getAll<KoladaDataPoint>(`data/kpi/${encodeURIComponent(ind.kpi)}/municipality/${kommun}/year/${years.join(',')}`, client);
    if (!data.ok) {
      diagnostics.push({ code: 'kolada-unreachable', severity: 'error', ...place, message: `Cannot get ${ind.kpi} for ${kommun} from Kolada: ${data.problem}.`, found: data.url, hint: 'Check the network and --base-url, or run with --cache <folder> holding recorded answers.' });
      ioProblem = true;
      continue;
    }
    day ??= data.date;
    const byYear = new Map<number, Value>();
    for (const point of data.values) {
      if (point.municipality !== kommun || point.kpi !== ind.kpi) continue;
      const g = (gender: string) => point.values.find((v) => v.gender === gender)?.value ?? undefined;
      const total = g('T');
      if (typeof total !== 'number') continue;
      const women = g('K');
      const men = g('M');
      byYear.set(Number(point.period), { total, ...(typeof women === 'number' ? { women } : {}), ...(typeof men === 'number' ? { men } : {}) });
    }
    if (byYear.size === 0) {
      diagnostics.push({ code: 'kolada-no-data', severity: 'warning', ...place, message: `Kolada has no values of ${ind.kpi} for kommun ${kommun} in ${years.join(', ')} (indicator ${ind.id}).`, hint: 'Kolada publishes most KPIs in the spring after the year; run the command again later.' });
      continue;
    }
    for (const [year, value] of [...byYear].sort((a, b) => a[0] - b[0])) {
      const existing = items.find((v) => v.get('kind') === 'outcome' && Number(v.get('year')) === year);
      const old = existing ? (existing.toJSON() as { total?: number; women?: number; men?: number; missing?: string; source?: { name?: string } }) : undefined;
      if (old && old.total === value.total && old.women === value.women && old.men === value.men) continue;
      const typed = old !== undefined && old.total !== undefined && old.source === undefined;
      // A typed total that Kolada agrees with stays as the author wrote it.
      if (typed && old.total === value.total && !options.force) continue;
      if (typed && !options.force) {
        changes.push({ indicator: ind.id, kpi: ind.kpi, year, action: 'kept-typed', old, new: value });
        continue;
      }
      changes.push({ indicator: ind.id, kpi: ind.kpi, year, action: old ? 'updated' : 'added', ...(old ? { old } : {}), new: value });
      const text = (d: string) =>
        `{ year: ${year}, kind: outcome, total: ${value.total}${value.women !== undefined ? `, women: ${value.women}` : ''}${value.men !== undefined ? `, men: ${value.men}` : ''}, source: { name: Kolada, retrieved: ${d}, url: "${data.url}" } }`;
      if (existing?.range) edits.push({ start: existing.range[0], end: existing.range[1], text: text('\0DAY\0') });
      else {
        // After the last value of an earlier year, in the list's own indentation.
        const before = [...items].reverse().find((v) => Number(v.get('year')) <= year) ?? items[items.length - 1];
        if (!before?.range) continue;
        const lineStart = src.lastIndexOf('\n', before.range[0] - 1) + 1;
        const prefix = src.slice(lineStart, before.range[0]);
        let p = before.range[1];
        while (p > 0 && /\s/.test(src[p - 1]!)) p--;
        const end = src.indexOf('\n', p) < 0 ? src.length : src.indexOf('\n', p);
        edits.push({ start: end, end, text: `\n${prefix}${text('\0DAY\0')}` });
      }
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return report(ioProblem ? EXIT.usage : EXIT.invalid);
  const writes = changes.filter((c) => c.action !== 'kept-typed').length;
  if (writes > 0 && day === undefined) {
    diagnostics.push({ code: 'kolada-no-date', severity: 'error', path: '', file: shown, message: 'The day of retrieval is not known: the answers came from the cache, and neither --date nor SOURCE_DATE_EPOCH is set.', hint: 'Give --date YYYY-MM-DD (the day the answers were recorded) or set SOURCE_DATE_EPOCH.' });
    return report(EXIT.usage);
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let text = src;
  for (const e of edits) text = text.slice(0, e.start) + e.text.replaceAll('\0DAY\0', day ?? '') + text.slice(e.end);
  const after = loadReport(text, shown);
  if (hasErrors(after.diagnostics)) {
    diagnostics.push(...after.diagnostics.filter((d) => d.severity === 'error'));
    return report(EXIT.invalid);
  }
  let written = false;
  if (!options.dryRun && text !== src) {
    try {
      await writeAtomic(file, text);
      written = true;
    } catch (e) {
      diagnostics.push({ code: 'file-unwritable', severity: 'error', path: '', file: shown, message: `Cannot write ${shown}: ${(e as Error).message}.`, hint: 'Check that the folder is writable.' });
      return report(EXIT.usage);
    }
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok: true, report: shown, written, retrieved: day ?? null, changes, diagnostics }, null, 2)}\n`);
  } else {
    const out = changes.map((c) =>
      c.action === 'kept-typed'
        ? `  ${c.indicator} ${c.year}: kept the typed ${fmt(c.old)}; Kolada ${c.kpi} has ${fmt(c.new)} (--force replaces it)`
        : `  ${c.indicator} ${c.year}: ${fmt(c.old)} → ${fmt(c.new)}  (Kolada ${c.kpi})`,
    );
    if (diagnostics.length > 0) io.stderr(`${diagnostics.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n')}\n`);
    out.push(`${shown}: ${writes} value${writes === 1 ? '' : 's'} from Kolada${day ? ` (retrieved ${day})` : ''}${written ? '; written' : options.dryRun && writes > 0 ? ' (dry run: nothing written)' : writes === 0 ? '; no change' : ''}`);
    io.stdout(`${out.join('\n')}\n`);
  }
  return EXIT.ok;
}

/** Adds `kolada` to the program. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('kolada')
    .description('fill indicator outcomes (total, women, men) from Kolada for every indicator with a kolada: KPI id')
    .argument('[report]', 'the report to fill (default: rapport.yaml)')
    .option('--cache <folder>', 'read answers from this folder when there, and keep new ones in it (runs offline with recorded answers)')
    .option('--offline', 'never use the network: only answers in --cache')
    .option('--base-url <url>', `the API's address (default: KOMMUNRAPPORT_KOLADA_URL or ${KOLADA_BASE_URL})`)
    .option('--date <YYYY-MM-DD>', 'the day of retrieval recorded on each value (default: SOURCE_DATE_EPOCH, else the day in Kolada\'s answer)')
    .option('--force', 'replace values the author typed')
    .option('--dry-run', 'print what would change and write nothing')
    .option('--json', 'print the changes and findings as JSON')
    .addHelpText('after', '\nExit codes: 0 filled (or nothing to change), 1 errors in the report or an unknown KPI, 2 usage problem, Kolada unreachable or I/O problem.')
    .action(async (report: string | undefined, options: KoladaOptions) => {
      ctx.exit(await runKolada(report, options, ctx));
    });
}
