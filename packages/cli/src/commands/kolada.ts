// `kommunrapport kolada [report] [--config file] [--cache dir] [--base-url url] [--offline] [--force] [--dry-run] [--json] [-q] [-v]`:
// fills the outcome values of every indicator that names a Kolada KPI (`kolada: { id }`) for the
// report's kommun and the years the indicator shows, with the split by gender (T/K/M), and the
// comparison series the config's `kolada.comparisons` asks for (riket, the län, a group of
// kommuner, named kommuner) under the indicator's `comparisons:`, each value recording its
// source and day of retrieval. A value the author typed is kept unless --force.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { isMap, isSeq, LineCounter, parseDocument, stringify, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { IsoDate, formatDiagnostic, hasErrors, loadReport, type Diagnostic, type Severity } from '@kommunrapport/model';
import { EXIT, type CommandContext } from '../io.js';
import { placeInOriginal, readText, showPath, writeAtomic } from '../import/run.js';
import { findConfig, loadConfigFor } from '../config.js';
import { cacheName, getAll, KOLADA_BASE_URL, unreachable, type KoladaDataPoint, type KoladaKpi } from '../kolada/client.js';
import { resolveComparisons, targetValues, type ComparisonTarget } from '../kolada/comparisons.js';

/** Options of the kolada command. */
export interface KoladaOptions {
  config?: string;
  cache?: string;
  baseUrl?: string;
  offline?: boolean;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  date?: string;
  /** Print only problems (errors and warnings), not the values changed. */
  quiet?: boolean;
  /** Also print what was read (the config file, every answer of Kolada, from the cache or the network) and written. */
  verbose?: boolean;
}

/** One value written, or kept because the author typed it: the kommun's own, or a comparison's (with its label and kind). */
export interface KoladaChange {
  indicator: string;
  kpi: string;
  year: number;
  comparison?: { of: string; label: string; koladaGroupId?: string };
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

/** What to do with a fetched value beside the one the report has for its year: a typed value (no source) is kept unless forced, an equal one left alone. */
function decide(old: { total?: number; source?: unknown } | undefined, same: boolean, sameTotal: boolean, force: boolean | undefined): 'none' | 'kept-typed' | 'added' | 'updated' {
  if (old && same) return 'none';
  const typed = old !== undefined && old.total !== undefined && old.source === undefined;
  // A typed total that Kolada agrees with stays as the author wrote it.
  if (typed && !force) return sameTotal ? 'none' : 'kept-typed';
  return old ? 'updated' : 'added';
}

/** A source of a value as YAML flow text, the day left as a marker filled in when it is known. */
const sourceText = (url: string, retrieved = '\0DAY\0') => `source: { name: Kolada, retrieved: ${retrieved}, url: ${JSON.stringify(url)} }`;

/** A comparison series as the lines of a block map; the first line has no indent (it follows "- "). */
function seriesText(s: { of: string; label: string; source: string; koladaGroupId?: string; municipalities?: readonly string[]; values: readonly { year: number; total: number; source?: { name?: string; retrieved?: string; url?: string } }[] }, indent: string): string {
  const lines = [
    `of: ${s.of}`,
    `label: ${stringify(s.label, { lineWidth: 0 }).trimEnd()}`,
    `source: ${stringify(s.source, { lineWidth: 0 }).trimEnd()}`,
    ...(s.koladaGroupId ? [`koladaGroupId: ${s.koladaGroupId}`] : []),
    ...(s.municipalities ? [`municipalities: [${s.municipalities.map((m) => JSON.stringify(m)).join(', ')}]`] : []),
    'values:',
    ...s.values.map((v) => `  - { year: ${v.year}, total: ${v.total}${v.source ? `, source: { name: ${stringify(v.source.name ?? 'Kolada').trimEnd()}, retrieved: ${v.source.retrieved}${v.source.url ? `, url: ${JSON.stringify(v.source.url)}` : ''} }` : ''} }`),
  ];
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join('\n');
}

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
  // The report's own date codec: a day that exists (not 2023-02-30), or every value would
  // carry it and the report would be refused at a line the user never wrote.
  if (options.date !== undefined && !IsoDate.is(options.date)) {
    io.stderr(`kommunrapport kolada: --date must be a day that exists, written YYYY-MM-DD, such as 2023-09-12; found "${options.date}".\n`);
    return EXIT.usage;
  }
  // The cache is a folder (made when missing): a file there would fail every answer as "damaged".
  if (options.cache !== undefined && existsSync(resolve(io.cwd, options.cache)) && !statSync(resolve(io.cwd, options.cache)).isDirectory()) {
    io.stderr(`kommunrapport kolada: --cache ${options.cache} is a file; give a folder (made when missing) to keep Kolada's answers in, e.g. --cache kolada-svar.\n`);
    return EXIT.usage;
  }
  const file = resolve(io.cwd, reportArg ?? 'rapport.yaml');
  const shown = showPath(io.cwd, file);
  // Verbose lines go to standard error, as build's, so standard output stays the result.
  const verbose = (text: string) => (options.verbose === true && options.quiet !== true ? io.stderr(`${text}\n`) : undefined);
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
  verbose(`read ${shown}: ${indicators.length} indicator${indicators.length === 1 ? '' : 's'} with a Kolada KPI id`);
  const client = {
    baseUrl: options.baseUrl ?? env.KOMMUNRAPPORT_KOLADA_URL ?? KOLADA_BASE_URL,
    ...(options.cache ? { cache: resolve(io.cwd, options.cache) } : {}),
    ...(options.offline ? { offline: true } : {}),
    onRead: (r: { url: string; cached: boolean; cacheFile?: string; values: number }) =>
      verbose(`read ${r.url} (${r.values} value${r.values === 1 ? '' : 's'}, ${r.cached ? `from the cache ${showPath(io.cwd, r.cacheFile!)}` : `from the network${r.cacheFile ? `, kept in ${showPath(io.cwd, r.cacheFile)}` : ''}`})`),
  };
  // The comparisons the config asks for: --config, else kommunrapport.config.* next to the report.
  const configFile = options.config !== undefined ? resolve(io.cwd, options.config) : findConfig(dirname(file));
  const config = await loadConfigFor(file, (f) => showPath(io.cwd, f), configFile);
  verbose(config.file ? `config ${showPath(io.cwd, config.file)}` : `no config file next to ${shown}`);
  if (config.diagnostics.length > 0) {
    diagnostics.push(...config.diagnostics);
    return report(config.diagnostics.some((d) => d.code === 'file-unreadable' || d.code === 'not-a-file') ? EXIT.usage : EXIT.invalid);
  }
  let targets: ComparisonTarget[] = [];
  const requests = config.config.kolada?.comparisons ?? [];
  if (requests.length > 0) {
    const configShown = config.file ? showPath(io.cwd, config.file) : undefined;
    const requestPlace = (i: number, key?: string) => {
      const path = ['kolada', 'comparisons', i, ...(key ? [key] : [])];
      return { ...(configShown ? { file: configShown } : {}), path: `kolada.comparisons[${i}]${key ? `.${key}` : ''}`, ...(config.locate?.(path) ?? {}) };
    };
    // An indicator named under indicators: that has no Kolada KPI id gets nothing: say so.
    const known = new Set(indicators.map((i) => i.id));
    requests.forEach((r, i) => {
      const unknown = (r.indicators ?? []).filter((id) => !known.has(id));
      if (unknown.length > 0)
        diagnostics.push({ code: 'kolada-comparison-indicator-unknown', severity: 'warning', ...requestPlace(i, 'indicators'), message: `No indicator with a Kolada KPI id has the id ${unknown.map((u) => `"${u}"`).join(', ')}; the comparison is not fetched for it.`, hint: 'Correct the id under indicators:, or give the indicator kolada: { id: … } in the report.' });
    });
    const resolved = await resolveComparisons(requests, kommun, client, requestPlace);
    diagnostics.push(...resolved.diagnostics);
    if (resolved.diagnostics.some((d) => d.severity === 'error')) return report(resolved.unreachable ? EXIT.usage : EXIT.invalid);
    targets = resolved.targets;
  }
  let day = retrievalDay(options, env);
  const changes: KoladaChange[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  /** Inserts a line after the one `node` ends on, in the indentation `prefix`. */
  const insertAfter = (node: { range?: [number, number, number] | null }, prefix: string, text: string) => {
    let p = node.range![1];
    while (p > 0 && /\s/.test(src[p - 1]!)) p--;
    const end = src.indexOf('\n', p) < 0 ? src.length : src.indexOf('\n', p);
    edits.push({ start: end, end, text: `\n${prefix}${text}` });
  };
  /** The text before a node on its line (the indentation, with "- " for a list item). */
  const linePrefix = (node: { range?: [number, number, number] | null }) => src.slice(src.lastIndexOf('\n', node.range![0] - 1) + 1, node.range![0]);
  let ioProblem = false;
  const meta = new Map<string, KoladaKpi | null>();
  for (const ind of indicators) {
    const place = { file: shown, path: `indicator ${ind.id}`, ...at(ind.kpiNode) };
    if (!meta.has(ind.kpi)) {
      const m = await getAll<KoladaKpi>(`kpi/${encodeURIComponent(ind.kpi)}`, client);
      if (!m.ok) {
        diagnostics.push(unreachable(place, `KPI ${ind.kpi}`, m));
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
      diagnostics.push(unreachable(place, `${ind.kpi} for ${kommun}`, data));
      ioProblem = true;
      continue;
    }
    // A value must be of one of the years asked for: a period missing or of another year
    // (a damaged or edited cached answer) would be written as `year: NaN` or a year never asked for.
    const stray = data.values.find((point) => point.municipality === kommun && point.kpi === ind.kpi && !years.includes(Number(point.period)));
    if (stray) {
      const where = data.cached ? `the cached answer (${cacheName(`data/kpi/${ind.kpi}/municipality/${kommun}/year/${years.join(',')}`)} in ${showPath(io.cwd, client.cache!)})` : 'Kolada\'s answer';
      diagnostics.push(
        unreachable(place, `${ind.kpi} for ${kommun}`, {
          url: data.url,
          problem: `${where} holds a value whose period is ${stray.period === undefined ? 'missing' : JSON.stringify(stray.period)}, not one of the years asked for (${years.join(', ')})`,
          hint: data.cached ? 'The cached answer is damaged or edited: delete it and run again without --offline to fetch it anew, or put back the recorded answer.' : 'Kolada answered in an unexpected form; run the command again later.',
        }),
      );
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
    }
    for (const [year, value] of [...byYear].sort((a, b) => a[0] - b[0])) {
      const existing = items.find((v) => v.get('kind') === 'outcome' && Number(v.get('year')) === year);
      const old = existing ? (existing.toJSON() as { total?: number; women?: number; men?: number; missing?: string; source?: { name?: string } }) : undefined;
      const action = decide(old, old?.total === value.total && old.women === value.women && old.men === value.men, old?.total === value.total, options.force);
      if (action === 'none') continue;
      changes.push({ indicator: ind.id, kpi: ind.kpi, year, action, ...(old ? { old } : {}), new: value });
      if (action === 'kept-typed') continue;
      const text = `{ year: ${year}, kind: outcome, total: ${value.total}${value.women !== undefined ? `, women: ${value.women}` : ''}${value.men !== undefined ? `, men: ${value.men}` : ''}, ${sourceText(data.url)} }`;
      if (existing?.range) edits.push({ start: existing.range[0], end: existing.range[1], text });
      else {
        // After the last value of an earlier year, in the list's own indentation.
        const before = [...items].reverse().find((v) => Number(v.get('year')) <= year) ?? items[items.length - 1];
        if (before?.range) insertAfter(before, linePrefix(before), text);
      }
    }
    // Comparison series: one request for every Kolada id the indicator's series are made of.
    const mine = targets.filter((t) => t.indicators === undefined || t.indicators.includes(ind.id));
    if (mine.length === 0) continue;
    const ids = [...new Set(mine.flatMap((t) => t.ids))].sort();
    const cmp = await getAll<KoladaDataPoint>(`data/kpi/${encodeURIComponent(ind.kpi)}/municipality/${ids.join(',')}/year/${years.join(',')}`, client);
    if (!cmp.ok) {
      diagnostics.push(unreachable(place, `the comparison values of ${ind.kpi}`, cmp));
      ioProblem = true;
      continue;
    }
    day ??= cmp.date;
    // The years the kommun has a value for (fetched or typed): a comparison lacking one of them is worth a warning.
    const ownYears = new Set([...byYear.keys(), ...items.filter((v) => v.get('kind') === 'outcome' && typeof v.get('total') === 'number').map((v) => Number(v.get('year')))]);
    const compNode = ind.node.get('comparisons', true);
    if (compNode != null && !(isSeq(compNode) && (!compNode.flow || compNode.items.length === 0))) {
      diagnostics.push({ code: 'kolada-comparisons-flow', severity: 'warning', ...place, message: `The comparisons of indicator ${ind.id} are written as a flow list ([...]); the command does not edit it.`, hint: 'Write comparisons: as a block list (one "- of: …" per series) and run the command again.' });
      continue;
    }
    const series = isSeq(compNode) ? (compNode.items.filter(isMap) as YAMLMap[]) : [];
    const added: ((indent: string) => string)[] = [];
    for (const target of mine) {
      const { values, lacking } = targetValues(target, ind.kpi, cmp.values, years);
      const name = `${target.label}${target.koladaGroupId ? ` (${target.koladaGroupId})` : ''}`;
      if (values.size === 0) {
        diagnostics.push({ code: 'kolada-comparison-missing', severity: 'warning', ...place, message: `Kolada has no values of ${ind.kpi} for ${name} in ${years.join(', ')} (indicator ${ind.id}); no comparison is written.`, hint: 'Kolada may not publish this KPI for riket, the län or groups, or not yet for these years; choose another comparison or remove it for this indicator (indicators: in the config).' });
      } else {
        const gaps = [...lacking].filter(([y]) => ownYears.has(y));
        for (const [y, who] of gaps)
          diagnostics.push({ code: 'kolada-comparison-year-missing', severity: 'warning', ...place, message: `Kolada has no value of ${ind.kpi} for ${target.ids.length > 1 ? `${who.map((id) => target.municipalities?.[target.ids.indexOf(id)] ?? id).join(', ')} (of ${name})` : name} in ${y}, a year the kommun has a value for (indicator ${ind.id}).`, hint: target.ids.length > 1 ? 'The mean is written only for years every named kommun has a value; the year stays empty until then.' : 'Kolada publishes most KPIs in the spring after the year; run the command again later.' });
      }
      if (values.size === 0) continue;
      // The series already in the report: the same kind, and the same group or the same kommuner.
      const same = (m: YAMLMap) => {
        const j = m.toJSON() as { of?: string; koladaGroupId?: string; municipalities?: string[] };
        if (j.of !== target.of) return false;
        if (target.of === 'group') return j.koladaGroupId === target.koladaGroupId;
        if (target.of === 'municipalities') return JSON.stringify([...(j.municipalities ?? [])].sort()) === JSON.stringify([...target.municipalities!].sort());
        return true;
      };
      const node = series.find(same);
      type Stored = { year: number; total: number; source?: { name?: string; retrieved?: string; url?: string } };
      const existing = node ? (node.toJSON() as { label: string; source: string; values?: Stored[] }) : undefined;
      // Values of other years stay as they are (typed, or fetched on an earlier day).
      const merged = new Map<number, Stored>((existing?.values ?? []).map((v) => [v.year, v]));
      let changed = false;
      const comparison = { of: target.of, label: existing?.label ?? target.label, ...(target.koladaGroupId ? { koladaGroupId: target.koladaGroupId } : {}) };
      const seriesSource = existing?.source ?? 'Kolada';
      for (const [year, total] of [...values].sort((a, b) => a[0] - b[0])) {
        const old = existing?.values?.find((v) => v.year === year);
        const action = decide(old, old?.total === total, old?.total === total, options.force);
        if (action === 'none') continue;
        changes.push({ indicator: ind.id, kpi: ind.kpi, year, comparison, action, ...(old ? { old: { total: old.total } } : {}), new: { total } });
        if (action === 'kept-typed') continue;
        merged.set(year, { year, total, source: { name: 'Kolada', retrieved: '\0DAY\0', url: cmp.url } });
        changed = true;
      }
      if (!changed) continue;
      const all = [...merged.values()].sort((a, b) => a.year - b.year);
      const text = (indent: string) => seriesText({ ...comparison, source: seriesSource, ...(target.municipalities ? { municipalities: target.municipalities } : {}), values: all }, indent);
      if (node?.range) {
        // The series rewritten in place: its keys at the column its first key has.
        let end = node.range[1];
        while (end > 0 && /\s/.test(src[end - 1]!)) end--;
        edits.push({ start: node.range[0], end, text: text(' '.repeat(linePrefix(node).length)) });
      } else added.push(text);
    }
    if (added.length === 0) continue;
    const keyIndent = ' '.repeat(linePrefix(ind.node).length);
    const newItems = added.map((t) => `${keyIndent}  - ${t(`${keyIndent}    `)}`).join('\n');
    if (isSeq(compNode) && compNode.items.length > 0) {
      // New series after the last one, as items of the same list.
      const last = compNode.items[compNode.items.length - 1] as YAMLMap;
      const prefix = linePrefix(last);
      for (const t of added) insertAfter(last, prefix, t(' '.repeat(prefix.length)));
    } else if (isSeq(compNode) && compNode.range) {
      // `comparisons: []` becomes a block list.
      let start = compNode.range[0];
      while (src[start - 1] === ' ') start--;
      edits.push({ start, end: compNode.range[1], text: `\n${newItems}` });
    } else {
      // A new comparisons: key after the indicator's last line, at its keys' column.
      insertAfter(ind.node, '', `${keyIndent}comparisons:\n${newItems}`);
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return report(ioProblem ? EXIT.usage : EXIT.invalid);
  const writes = changes.filter((c) => c.action !== 'kept-typed').length;
  if (writes > 0 && day === undefined) {
    diagnostics.push({ code: 'kolada-no-date', severity: 'error', path: '', file: shown, message: 'The day of retrieval is not known: the answers came from the cache, and neither --date nor SOURCE_DATE_EPOCH is set.', hint: 'Give --date YYYY-MM-DD (the day the answers were recorded) or set SOURCE_DATE_EPOCH.' });
    return report(EXIT.usage);
  }
  // From the end, so each edit's offsets still hold; edits at one place keep their order.
  const order = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let text = src;
  for (const e of order) text = text.slice(0, e.start) + e.text.replaceAll('\0DAY\0', day ?? '') + text.slice(e.end);
  const after = loadReport(text, shown);
  if (hasErrors(after.diagnostics)) {
    diagnostics.push(...placeInOriginal(src, text, after.diagnostics.filter((d) => d.severity === 'error')));
    return report(EXIT.invalid);
  }
  let written = false;
  if (!options.dryRun && text !== src) {
    try {
      await writeAtomic(file, text);
      written = true;
      verbose(`wrote ${shown}`);
    } catch (e) {
      diagnostics.push({ code: 'file-unwritable', severity: 'error', path: '', file: shown, message: `Cannot write ${shown}: ${(e as Error).message}.`, hint: 'Check that the folder is writable.' });
      return report(EXIT.usage);
    }
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok: true, report: shown, written, retrieved: day ?? null, changes, diagnostics }, null, 2)}\n`);
  } else {
    const out = changes.map((c) => {
      const what = `${c.indicator} ${c.year}${c.comparison ? ` ${c.comparison.label}` : ''}`;
      return c.action === 'kept-typed'
        ? `  ${what}: kept the typed ${fmt(c.old)}; Kolada ${c.kpi} has ${fmt(c.new)} (--force replaces it)`
        : `  ${what}: ${fmt(c.old)} → ${fmt(c.new)}  (Kolada ${c.kpi})`;
    });
    if (diagnostics.length > 0) io.stderr(`${diagnostics.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n')}\n`);
    // Quiet: only the problems above, not the values changed.
    if (options.quiet === true) return EXIT.ok;
    out.push(`${shown}: ${writes} value${writes === 1 ? '' : 's'} from Kolada${day ? ` (retrieved ${day})` : ''}${written ? '; written' : options.dryRun && writes > 0 ? ' (dry run: nothing written)' : writes === 0 ? '; no change' : ''}`);
    io.stdout(`${out.join('\n')}\n`);
  }
  return EXIT.ok;
}

/** Adds `kolada` to the program. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('kolada')
    .description('fill indicator outcomes (total, women, men) from Kolada for every indicator with a kolada: KPI id, and the comparison series (riket, län, kommungrupp, named kommuner) listed under kolada.comparisons in kommunrapport.config.yaml')
    .argument('[report]', 'the report to fill (default: rapport.yaml)')
    .option('--config <file>', 'the config file whose kolada.comparisons lists the comparison series (default: kommunrapport.config.yaml next to the report)')
    .option('--cache <folder>', 'read answers from this folder when there, and keep new ones in it (runs offline with recorded answers)')
    .option('--offline', 'never use the network: only answers in --cache')
    .option('--base-url <url>', `the API's address (default: KOMMUNRAPPORT_KOLADA_URL or ${KOLADA_BASE_URL})`)
    .option('--date <YYYY-MM-DD>', 'the day of retrieval recorded on each value (default: SOURCE_DATE_EPOCH, else the day in Kolada\'s answer)')
    .option('--force', 'replace values the author typed')
    .option('--dry-run', 'print what would change and write nothing')
    .option('--json', 'print the changes and findings as JSON')
    .option('-q, --quiet', 'print only problems (errors and warnings), not the values changed')
    .option('-v, --verbose', 'also print what was read (the config file, each answer of Kolada, from the cache or the network) and the file written')
    .addHelpText(
      'after',
      [
        '',
        'Comparisons (kommunrapport.config.yaml):',
        '  kolada:',
        '    comparisons:',
        '      - of: country                        # riket (Kolada id 0000)',
        '      - of: county                         # the kommun\'s län (Kolada id 00 + the län\'s two digits)',
        '      - { of: group, group: G124026 }      # a Kolada group of kommuner (its unweighted mean)',
        '      - { of: municipalities, municipalities: ["0480", "0580"] }          # their unweighted mean',
        '      - { of: municipalities, municipalities: ["0480", "0580"], each: true } # one series per kommun',
        'Each may have label: (default: Kolada\'s name) and indicators: [ids] (default: every indicator with a KPI id).',
        '',
        'Exit codes: 0 filled (or nothing to change; warnings for values Kolada lacks), 1 errors in the report or the config, an unknown KPI, group or kommun, 2 usage problem, Kolada unreachable or I/O problem.',
      ].join('\n'),
    )
    .action(async (report: string | undefined, options: KoladaOptions) => {
      ctx.exit(await runKolada(report, options, ctx));
    });
}
