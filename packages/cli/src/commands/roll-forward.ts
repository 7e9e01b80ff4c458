// `kommunrapport init <folder> --from <last report>`: next period's report from this one. The
// same structure, ids and vocabulary; years moved on by one; in every table the outcome columns
// shift (this period's outcome becomes last year's) and every other figure is emptied for the
// new period; assessments, trends, statuses and completion reset to unknown (null); targets and
// indicator history kept; every text kept but listed under `revise:` so validate warns about
// it until the author has revised it. Edited with the yaml Document API, so comments stay.
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { checkSize, decodeSource, formatDiagnostic, hasErrors, loadReport } from '@kommunrapport/model';
import { refuseToWrite, writeOwnFile } from '../write-own-file.js';
import { EXIT, type CommandContext } from '../io.js';
import { isMap, isScalar, isSeq, parseDocument, Scalar, visit, YAMLMap, type Document } from 'yaml';

/** What rolling a report forward gave: the new text, or the reason it could not be done. */
export type RollResult = { text: string; year: number; revise: string[] } | { error: string };

const STATUS_KEYS = new Set(['assessment', 'trend', 'status', 'completion']);

/** Moves every year from `year − 10` to `year + 1` in a text on by one: "Utfall Aug 2021" → "Utfall Aug 2022". */
export function shiftYears(text: string, year: number): string {
  return text.replace(/(?<![0-9])(19|20)\d{2}(?![0-9])/g, (y) => (Number(y) >= year - 10 && Number(y) <= year + 1 ? String(Number(y) + 1) : y));
}

function setScalar(map: YAMLMap, key: string, value: unknown): void {
  const node = map.get(key, true);
  if (isScalar(node)) node.value = value;
  else map.set(key, value);
}

/** Rolls the report text forward one year. */
export function rollForward(src: string): RollResult {
  const doc = parseDocument(src) as Document.Parsed;
  if (doc.errors.length > 0) return { error: `the report cannot be parsed: ${doc.errors[0]!.message}` };
  const root = doc.contents;
  if (!isMap(root)) return { error: 'the report is not a mapping of keys' };
  const year = root.getIn(['period', 'year']);
  if (typeof year !== 'number') return { error: 'the report has no period.year' };
  const shift = (s: unknown) => (typeof s === 'string' ? shiftYears(s, year) : s);

  // The report's own id, title and period.
  for (const key of ['id', 'title']) setScalar(root, key, shift(root.get(key)));
  const period = root.get('period', true);
  if (isMap(period)) {
    setScalar(period, 'year', year + 1);
    for (const key of ['label', 'start', 'end']) if (period.has(key)) setScalar(period, key, shift(String(period.get(key))));
  }
  // A new period has a new case number and date; they are the author's to fill in.
  root.delete('caseNumber');
  root.delete('date');

  const revise: string[] = [];
  if (root.has('summary')) revise.push('summary');
  if (root.has('decision')) revise.push('decision');
  const events = root.get('significantEvents', true);
  if (isSeq(events)) for (const e of events.items) if (isMap(e) && typeof e.get('id') === 'string') revise.push(String(e.get('id')));

  const sections = root.get('sections', true);
  visit(sections as never, {
    Pair(_key, pair) {
      // Assessments, trends, statuses and completion: unknown until judged for the new period.
      if (isScalar(pair.key) && STATUS_KEYS.has(String(pair.key.value)) && isScalar(pair.value)) {
        pair.value.value = null;
        pair.value.comment = undefined; // the comment said where last period's value came from
      }
    },
    Map(_key, node) {
      const id = node.get('id');
      if (typeof id !== 'string') return;
      if (isSeq(node.get('columns', true)) && isSeq(node.get('rows', true))) {
        rollTable(node, year);
        if (node.has('note')) revise.push(id);
        return;
      }
      if (node.has('body') || node.has('intro') || node.has('items')) revise.push(id);
      // A deviation explanation's reference moves with the table's column keys.
      if (node.has('sameAs') && typeof node.get('sameAs') === 'string') setScalar(node, 'sameAs', shift(node.get('sameAs')));
    },
  });

  const list = doc.createNode(revise) as unknown as { flow: boolean };
  list.flow = false;
  root.delete('revise');
  const pair = doc.createPair('revise', list);
  (root.items as unknown[]).push(pair);
  if (isScalar(pair.key)) {
    pair.key.commentBefore =
      ` Texts carried over from the ${year} report by \`kommunrapport init --from\`: validate warns about each\n until it is revised. Revise the text (or confirm it as it is), then remove its id here.`;
    pair.key.spaceBefore = true;
  }
  return { text: doc.toString({ lineWidth: 0 }), year: year + 1, revise };
}

/** Shifts a table's columns one year on and keeps only the outcomes that become last year's. */
function rollTable(table: YAMLMap, year: number): void {
  const columns = (table.get('columns', true) as unknown as { items: unknown[] }).items.filter(isMap) as YAMLMap[];
  const old = columns.map((c) => ({ key: String(c.get('key')), label: String(c.get('label')), kind: c.get('kind') as string | undefined, year: c.get('year') as number | undefined }));
  const renamed = new Map<string, string>();
  const source = new Map<string, string>();
  columns.forEach((c, i) => {
    const o = old[i]!;
    const key = shiftYears(o.key, year);
    const label = shiftYears(o.label, year);
    const newYear = o.year === undefined ? undefined : o.year + 1;
    renamed.set(o.key, key);
    setScalar(c, 'key', key);
    setScalar(c, 'label', label);
    if (newYear !== undefined) setScalar(c, 'year', newYear);
    const diff = c.get('differenceOf', true);
    if (isSeq(diff)) for (const item of diff.items) if (isScalar(item)) item.value = shiftYears(String(item.value), year);
    // This column's figures for the new period come from last period's column with the same
    // label, kind and year: only an outcome carries over (it becomes last year's outcome).
    const from = old.find((p) => p.kind === 'outcome' && o.kind === 'outcome' && p.label === label && p.year === newYear);
    if (from) source.set(key, from.key);
  });
  for (const row of (table.get('rows', true) as unknown as { items: unknown[] }).items) {
    if (!isMap(row)) continue;
    const values = row.get('values', true);
    if (isMap(values)) {
      const before = new Map(values.items.map((p) => [String(isScalar(p.key) ? p.key.value : p.key), isScalar(p.value) ? p.value.value : null]));
      const flow = values.flow;
      const next = new YAMLMap();
      next.flow = flow;
      for (const [key, value] of before) {
        const to = renamed.get(key) ?? key;
        const from = source.get(to);
        next.set(to, new Scalar(from === undefined ? null : (before.get(from) ?? null)));
        void value;
      }
      row.set('values', next);
    }
    const sameAs = row.get('sameAs', true);
    if (isMap(sameAs)) {
      for (const p of sameAs.items) {
        if (isScalar(p.key)) p.key.value = renamed.get(String(p.key.value)) ?? p.key.value;
        if (isScalar(p.value)) p.value.value = shiftYears(String(p.value.value), year);
      }
    }
  }
}



/** Writes `<folder>/rapport.yaml` rolled forward from `from`; resolves to the exit code. */
export function runInitFrom(folder: string, from: string, options: { force: boolean; json: boolean }, ctx: CommandContext): number {
  const { force } = options;
  const { io } = ctx;
  const usage = (message: string) => {
    io.stderr(`kommunrapport init: ${message}\n`);
    return EXIT.usage;
  };
  const source = resolve(io.cwd, from);
  let bytes: Buffer;
  try {
    const stats = statSync(source);
    // Only a regular file is read: a named pipe or a device could block for ever or never end.
    if (!stats.isFile() && !stats.isDirectory()) return usage(`cannot read ${from}: it is not a regular file (a named pipe, device or socket); reading it could block for ever or never end.`);
    const tooLarge = checkSize(stats.size, from);
    if (tooLarge) return usage(tooLarge.message);
    bytes = readFileSync(source);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return usage(`cannot read ${from}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}.`);
  }
  const decoded = decodeSource(bytes, from);
  if (decoded.text === undefined) {
    io.stderr(`${decoded.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}\n`);
    return EXIT.invalid;
  }
  // Last period's report must itself be valid: its structure is what the new one inherits.
  const last = loadReport(decoded.text, from);
  if (hasErrors(last.diagnostics)) {
    io.stderr(`${last.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)).join('\n\n')}\n\nkommunrapport init: ${from} has errors; fix them (kommunrapport validate ${from}) before rolling it forward.\n`);
    return EXIT.invalid;
  }
  const rolled = rollForward(decoded.text);
  if ('error' in rolled) return usage(`cannot roll ${from} forward: ${rolled.error}.`);
  const dir = resolve(io.cwd, folder);
  const file = join(dir, 'rapport.yaml');
  const shown = relative(io.cwd, file).split(sep).join('/');
  if (file === source) return usage(`${shown} is the report rolled forward from; write the new one into another folder.`);
  // Never through a symbolic link, dangling or not: it could point anywhere outside the folder.
  const refused = refuseToWrite(file, shown, force);
  if (refused !== undefined) return usage(refused);
  const loaded = loadReport(rolled.text, shown);
  if (hasErrors(loaded.diagnostics)) {
    io.stderr(`kommunrapport init: internal error, the rolled-forward report does not validate:\n${loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)).join('\n')}\n`);
    return EXIT.invalid;
  }
  try {
    writeOwnFile(file, rolled.text, force);
  } catch (error) {
    return usage(`cannot write ${shown}: ${(error as Error).message}`);
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok: true, file: shown, from, year: rolled.year, revise: rolled.revise }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(
    `Wrote ${shown}: ${rolled.year}, rolled forward from ${from}.\n` +
      `  Outcome columns shifted one year; other figures, assessments, trends and statuses emptied.\n` +
      `  ${rolled.revise.length} texts kept from last period and listed under revise: (validate warns about each until revised).\n` +
      `Next: kommunrapport import, kommunrapport kolada, then kommunrapport validate ${shown}\n`,
  );
  return EXIT.ok;
}
