// The report laid out once for every renderer: sections with heading levels in reading
// order, text blocks, status badges, table models with captions, headers and units, and
// chart models with their text alternative. HTML, PDF and text serialise this same tree,
// so they say the same things in the same order.
import type {
  Report, Section, Area, Goal, Commitment, Indicator, DataTable, RichText, Unit, IndicatorValue,
} from '@kommunrapport/model';
import { noteAnchor, periodSpan } from '@kommunrapport/model';
import type { Formatter } from './format.js';
import { decimalsOf } from './format.js';
import type { Vocabulary, Badge } from './vocabulary.js';
import { capitalise } from './vocabulary.js';

/** A table cell: its text as shown, its spoken form, and a number or badge when it has one. */
export interface TableCell {
  /** As shown in a table, e.g. `−71,5` or `1,7 %`. */
  text: string;
  /** Written out with unit words for running text and speech, e.g. `−71,5 miljoner kronor`. */
  spoken: string;
  /** The number behind the text, when there is one. */
  value?: number;
  /** A scale value shown with symbol and words. */
  badge?: Badge;
  /** Numbers align to the end, words to the start. */
  align: 'start' | 'end';
}

/** A row: its header cell (the row's label) and its cells. */
export interface TableRowModel {
  header: string;
  cells: TableCell[];
  /** Sums and results are shown with emphasis. */
  emphasis?: 'subtotal' | 'total';
  /** A heading of the rows that follow (e.g. "Anläggningstillgångar"): no cells; writers start a row group with it. */
  heading?: true;
  /** The note the row refers to: the id of the note's section and its label, e.g. "Not 1". */
  note?: { target: string; label: string };
}

/** A header over several adjacent columns, e.g. "Kommunen" over its years; `label` is empty over columns without a group. */
export interface ColumnGroupModel {
  label: string;
  /** How many columns it spans, in column order. */
  span: number;
}

/** A table ready to render: caption stating the unit, column headers, row headers. */
export interface TableModel {
  id: string;
  caption: string;
  /** The table's unit, when all cells share one. */
  unit?: Unit;
  /** Header of the row-header column, e.g. "Konto". */
  corner: string;
  columns: { label: string; align: 'start' | 'end' }[];
  /** Headers over groups of columns, spanning every column in order; absent when the table has none. */
  columnGroups?: ColumnGroupModel[];
  rows: TableRowModel[];
  note?: RichText;
}

/** A small chart of an indicator's values over years, with its text alternative. */
export interface ChartModel {
  id: string;
  title: string;
  unit: Unit;
  series: { kind: 'outcome' | 'target'; label: string; points: { year: number; value: number; text: string }[] }[];
  /** States every value in words: the text alternative of the chart. */
  description: string;
}

/** A labelled value, e.g. "Ansvariga: KS, SBN". `abbreviations` lists what the value's abbreviations stand for. */
export interface Fact {
  term: string;
  value: string;
}

/** A block of a section, in reading order. */
export type DocBlock =
  | { kind: 'richText'; blocks: RichText }
  | { kind: 'badges'; items: { term: string; badge: Badge }[] }
  | { kind: 'facts'; items: Fact[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; table: TableModel }
  | { kind: 'chart'; chart: ChartModel }
  | { kind: 'section'; section: DocSection };

/** A section with a heading. Level 2 is the top (level 1 is the document title). */
export interface DocSection {
  id: string;
  level: number;
  title: string;
  /** What the section is: a section type of the model, or area, goal, commitment, group, decision. */
  role: string;
  blocks: DocBlock[];
}

/** The whole document. */
export interface DocumentModel {
  title: string;
  language: string;
  /** Cover facts: kommun, nämnd, period, diarienummer … in order. */
  cover: Fact[];
  sections: DocSection[];
}

interface Ctx { report: Report; v: Vocabulary; f: Formatter }

const rich = (blocks: RichText | undefined): DocBlock[] => (blocks && blocks.length > 0 ? [{ kind: 'richText', blocks }] : []);
const sub = (section: DocSection): DocBlock => ({ kind: 'section', section });

/** Lays out a report for rendering. Pure: same report, same tree. */
export function buildDocument(report: Report, vocabulary: Vocabulary, format: Formatter): DocumentModel {
  const c: Ctx = { report, v: vocabulary, f: format };
  const v = vocabulary;
  const cover: Fact[] = [
    { term: v.term('municipality'), value: report.municipality.name },
    { term: v.bodyTerm(), value: report.body.name },
  ];
  if (report.office) cover.push({ term: v.term('office'), value: report.office.name });
  cover.push({ term: v.term('period'), value: report.period.label });
  if (report.caseNumber) cover.push({ term: v.term('caseNumber'), value: report.caseNumber });
  if (report.date) cover.push({ term: v.term('date'), value: format.date(report.date) });

  const sections: DocSection[] = [];
  if (report.decision) sections.push(decisionSection(c));
  for (const s of report.sections) sections.push(section(c, s, 2));
  return { title: report.title, language: report.language, cover, sections };
}

function decisionSection(c: Ctx): DocSection {
  const d = c.report.decision!;
  const v = c.v;
  const blocks: DocBlock[] = [
    sub({ id: 'decision-proposal', level: 3, title: v.term('proposal'), role: 'proposal', blocks: rich(d.proposal) }),
    sub({ id: 'decision-description', level: 3, title: v.term('description'), role: 'description', blocks: rich(d.description) }),
  ];
  const facts: Fact[] = [];
  if (d.office) facts.push({ term: v.term('office'), value: d.office });
  for (const s of d.signatories ?? []) facts.push({ term: v.term('signatories'), value: `${s.name}, ${s.role}` });
  if (facts.length) blocks.push({ kind: 'facts', items: facts });
  if (d.attachments?.length) blocks.push({ kind: 'facts', items: [{ term: v.term('attachments'), value: d.attachments.join('; ') }] });
  if (d.recipients?.length) blocks.push({ kind: 'facts', items: [{ term: v.term('recipients'), value: d.recipients.join(', ') }] });
  return { id: 'decision', level: 2, title: v.term('decision'), role: 'decision', blocks };
}

function section(c: Ctx, s: Section, level: number): DocSection {
  const v = c.v;
  const blocks: DocBlock[] = [...rich(s.body)];
  const out = (title: string): DocSection => ({ id: s.id, level, title: s.title ?? title, role: s.type, blocks });
  switch (s.type) {
    case 'text':
      for (const child of s.sections ?? []) blocks.push(sub(section(c, child, level + 1)));
      return out(s.id);
    case 'summary': {
      blocks.push(...rich(c.report.summary));
      for (const g of c.report.significantEvents ?? [])
        blocks.push(sub({ id: g.id, level: level + 1, title: g.title, role: 'events', blocks: rich(g.body) }));
      return out(v.term('summary'));
    }
    case 'overview':
      for (const p of perspectives(c.report)) blocks.push({ kind: 'table', table: overviewTable(c, p) });
      return out(v.term('overview'));
    case 'legend':
      blocks.push(...legendTables(c).map((table): DocBlock => ({ kind: 'table', table })));
      return out(v.term('legend'));
    case 'perspective':
      for (const a of s.areas) blocks.push(sub(areaSection(c, a, level + 1)));
      return out(s.title);
    case 'workforce':
      if (s.headcount) blocks.push({ kind: 'table', table: headcountTable(c, s.id, s.headcount) });
      if (s.sickLeave?.length) blocks.push({ kind: 'table', table: sickLeaveTable(c, s.id, s.sickLeaveTitle ?? v.term('sickLeave'), s.sickLeave) });
      return out(v.term('workforce'));
    case 'finance':
      for (const t of s.tables) blocks.push({ kind: 'table', table: dataTable(c, t) });
      return out(v.term('finance'));
    case 'table':
      blocks.push({ kind: 'table', table: dataTable(c, s.table) });
      return out(s.table.title);
    case 'deviation': {
      const e = s.explanation;
      blocks.push(...rich(e.intro));
      const d = decimalsOf([e.deviation, ...e.items.map((i) => i.amount)]);
      const cell = (n: number) => numberCell(c, n, e.unit, d, true);
      blocks.push({
        kind: 'table',
        table: {
          id: `${s.id}-table`,
          caption: `${s.title ?? v.term('deviationExplanation')}, ${v.term('amountsIn', { unit: v.unit(e.unit).long })}`,
          unit: e.unit,
          corner: v.term('deviationExplanation'),
          columns: [{ label: v.term('amount'), align: 'end' }],
          rows: [
            ...e.items.map((i) => ({ header: i.label, cells: [cell(i.amount)] })),
            { header: v.term('total'), cells: [cell(e.deviation)], emphasis: 'total' as const },
          ],
        },
      });
      return out(v.term('deviationExplanation'));
    }
    case 'indicators':
      s.groups.forEach((g, i) => {
        const id = `${s.id}-${i + 1}`;
        blocks.push(sub({ id, level: level + 1, title: g.title, role: 'indicator-group', blocks: [...rich(g.body), ...indicatorBlocks(c, id, g.title, g.indicators)] }));
      });
      return out(v.term('indicators'));
    case 'notes':
      for (const n of s.notes)
        blocks.push(sub({ id: noteAnchor(n.id), level: level + 1, title: `${v.term('note')} ${n.number} ${n.title}`, role: 'note', blocks: [...rich(n.body), ...(n.tables ?? []).map((t): DocBlock => ({ kind: 'table', table: dataTable(c, t) }))] }));
      return out(v.term('notes'));
    case 'internalControl':
      (s.items ?? []).forEach((item, i) => {
        const itemBlocks: DocBlock[] = [];
        if (item.assessment !== undefined) itemBlocks.push({ kind: 'badges', items: [{ term: v.term('assessment'), badge: v.badge('assessment', item.assessment) }] });
        itemBlocks.push(...rich(item.body));
        blocks.push(sub({ id: `${s.id}-${i + 1}`, level: level + 1, title: item.title, role: 'control-item', blocks: itemBlocks }));
      });
      return out(v.term('internalControl'));
  }
}

/** Every perspective section of the report, in order, wherever it stands. */
export function perspectives(report: Report): Extract<Section, { type: 'perspective' }>[] {
  const out: Extract<Section, { type: 'perspective' }>[] = [];
  const visit = (list: readonly Section[] | undefined) => {
    for (const s of list ?? []) {
      if (s.type === 'perspective') {
        out.push(s);
        for (const a of s.areas) {
          visit(a.sections);
          visit(a.endSections);
        }
      } else if (s.type === 'text') visit(s.sections);
    }
  };
  visit(report.sections);
  return out;
}

function areaSection(c: Ctx, a: Area, level: number): DocSection {
  const v = c.v;
  const lv = v.governance.levels;
  const blocks: DocBlock[] = [];
  if (a.assessment !== undefined || a.trend !== undefined)
    blocks.push({
      kind: 'badges',
      items: [
        { term: v.term('assessment'), badge: v.badge('assessment', a.assessment) },
        ...(a.trend !== undefined || v.governance.trend.length > 0 ? [{ term: v.term('trend'), badge: v.badge('trend', a.trend) }] : []),
      ],
    });
  blocks.push(...rich(a.body));
  for (const s of a.sections ?? []) blocks.push(sub(section(c, s, level + 1)));
  if (a.goals?.length)
    blocks.push(
      sub({
        id: `${a.id}-goals`,
        level: level + 1,
        title: capitalise(lv.goal.plural),
        role: 'goals',
        blocks: a.goals.map((g) => sub(goalSection(c, g, level + 2))),
      }),
    );
  if (a.commitments?.length)
    blocks.push(
      sub({
        id: `${a.id}-commitments`,
        level: level + 1,
        title: capitalise(lv.commitment.plural),
        role: 'commitments',
        blocks: a.commitments.map((k) => sub(commitmentSection(c, k, level + 2))),
      }),
    );
  for (const s of a.endSections ?? []) blocks.push(sub(section(c, s, level + 1)));
  return { id: a.id, level, title: a.title, role: 'area', blocks };
}

function goalSection(c: Ctx, g: Goal, level: number): DocSection {
  const v = c.v;
  const blocks: DocBlock[] = [];
  if (g.assessment !== undefined || g.trend !== undefined) {
    const items = [{ term: v.term('assessment'), badge: v.badge('assessment', g.assessment) }];
    if (g.trend !== undefined) items.push({ term: v.term('trend'), badge: v.badge('trend', g.trend) });
    blocks.push({ kind: 'badges', items });
  }
  blocks.push(...rich(g.body));
  if (g.indicators?.length) blocks.push(...indicatorBlocks(c, g.id, g.title, g.indicators));
  return { id: g.id, level, title: g.title, role: 'goal', blocks };
}

function commitmentSection(c: Ctx, k: Commitment, level: number): DocSection {
  const v = c.v;
  const blocks: DocBlock[] = [{ kind: 'facts', items: [{ term: v.term('responsible'), value: k.responsible.join(', ') }] }];
  const badges = [{ term: v.term('status'), badge: v.badge('commitmentStatus', k.status) }];
  if (v.governance.completion.length > 0 || k.completion != null) badges.push({ term: v.term('completion'), badge: v.badge('completion', k.completion) });
  blocks.push({ kind: 'badges', items: badges });
  blocks.push(...rich(k.body));
  return { id: k.id, level, title: k.title, role: 'commitment', blocks };
}

// --- tables ---------------------------------------------------------------

function numberCell(c: Ctx, n: number | null | undefined, unit: Unit, decimals: number, signed = false): TableCell {
  if (n == null) return { text: '', spoken: c.v.term('missingValue'), align: 'end' };
  return { text: c.f.number(n, { decimals, signed }), spoken: c.f.spoken(n, unit, { decimals, signed }), value: n, align: 'end' };
}
const badgeCell = (badge: Badge): TableCell => ({ text: badge.label, spoken: badge.textAlternative, badge, align: 'start' });

function overviewTable(c: Ctx, p: Extract<Section, { type: 'perspective' }>): TableModel {
  const v = c.v;
  const hasTrend = v.governance.trend.length > 0;
  return {
    id: `overview-${p.id}`,
    caption: p.title,
    corner: capitalise(v.governance.levels.area.singular),
    columns: [{ label: v.term('assessment'), align: 'start' }, ...(hasTrend ? [{ label: v.term('trend'), align: 'start' as const }] : [])],
    rows: p.areas.map((a) => ({
      header: a.title,
      cells: [badgeCell(v.badge('assessment', a.assessment)), ...(hasTrend ? [badgeCell(v.badge('trend', a.trend))] : [])],
    })),
  };
}

function legendTables(c: Ctx): TableModel[] {
  const v = c.v;
  const lv = v.governance.levels;
  const scales: [string, 'assessment' | 'commitmentStatus' | 'completion' | 'trend'][] = [
    [capitalise(lv.area.plural), 'assessment'],
    [capitalise(lv.commitment.plural), 'commitmentStatus'],
    [v.term('completion'), 'completion'],
    [v.term('trend'), 'trend'],
  ];
  return scales
    .filter(([, scale]) => v.steps(scale).length > 0)
    .map(([caption, scale]) => ({
      id: `legend-${scale}`,
      caption,
      corner: v.term('symbol'),
      columns: [{ label: v.term('meaning'), align: 'start' as const }],
      rows: v.steps(scale).map((step) => {
        const badge = v.badge(scale, step.key);
        return { header: step.symbol, cells: [{ text: step.description ?? step.label, spoken: step.description ?? step.label, badge, align: 'start' as const }] };
      }),
    }));
}

function headcountTable(c: Ctx, id: string, h: { asOf: string; total: number; women: number; men: number }): TableModel {
  const v = c.v;
  const cell = (n: number) => numberCell(c, n, 'count', 0);
  return {
    id: `${id}-headcount`,
    caption: `${v.term('headcount')}, ${h.asOf}`,
    unit: 'count',
    corner: v.term('headcount'),
    columns: [{ label: v.term('total'), align: 'end' }, { label: v.term('women'), align: 'end' }, { label: v.term('men'), align: 'end' }],
    rows: [{ header: h.asOf, cells: [cell(h.total), cell(h.women), cell(h.men)] }],
  };
}

function sickLeaveTable(c: Ctx, id: string, title: string, years: readonly { year: number; total: number; women: number; men: number }[]): TableModel {
  const v = c.v;
  const d = decimalsOf(years.flatMap((y) => [y.total, y.women, y.men]));
  const cell = (n: number) => { const x = numberCell(c, n, 'percent', d); x.text = c.f.value(n, 'percent', { decimals: d }); return x; };
  return {
    id: `${id}-sick-leave`,
    caption: `${title}, ${v.unit('percent').long}`,
    unit: 'percent',
    corner: v.term('year'),
    columns: years.map((y) => ({ label: String(y.year), align: 'end' as const })),
    rows: (['total', 'women', 'men'] as const).map((k) => ({ header: v.term(k), cells: years.map((y) => cell(y[k])) })),
  };
}

/** A table of figures as stated in the report, with its unit in the caption. */
export function dataTable(c: Ctx, t: DataTable): TableModel {
  const v = c.v;
  const d = t.decimals ?? decimalsOf(t.rows.filter((r) => r.unit === undefined || r.unit === t.unit).flatMap((r) => Object.values(r.values)));
  const groupOf = new Map<string, string>();
  for (const g of t.columnGroups ?? []) for (const key of g.columns) groupOf.set(key, g.label);
  const columnGroups: ColumnGroupModel[] = [];
  if (t.columnGroups?.length)
    for (const col of t.columns) {
      const label = groupOf.get(col.key) ?? '';
      const last = columnGroups[columnGroups.length - 1];
      if (last && last.label === label && label !== '') last.span += 1;
      else columnGroups.push({ label, span: 1 });
    }
  const notes = new Map<string, number>();
  const visit = (list: readonly Section[]) => {
    for (const s of list) {
      if (s.type === 'notes') for (const n of s.notes) notes.set(n.id, n.number);
      if (s.type === 'text') visit(s.sections ?? []);
    }
  };
  visit(c.report.sections);
  return {
    id: t.id,
    caption: `${t.title}, ${v.term('amountsIn', { unit: v.unit(t.unit).long })}`,
    unit: t.unit,
    corner: t.rowHeader,
    columns: t.columns.map((col) => ({ label: col.label, align: 'end' as const })),
    ...(columnGroups.length ? { columnGroups } : {}),
    rows: t.rows.map((r): TableRowModel => {
      if (r.kind === 'heading') return { header: r.label, cells: [], heading: true };
      const unit = r.unit ?? t.unit;
      const rd = r.decimals ?? (r.unit !== undefined && r.unit !== t.unit ? decimalsOf(Object.values(r.values)) : d);
      const number = (n: number | null | undefined): TableCell => {
        const cell = numberCell(c, n, unit, rd);
        // A row in another unit than the table's says its unit in every cell (22,14 % in a table of mnkr).
        if (n != null && unit !== t.unit) cell.text = c.f.value(n, unit, { decimals: rd });
        return cell;
      };
      const noteNumber = r.note !== undefined ? notes.get(r.note) : undefined;
      return {
        header: r.label,
        cells: t.columns.map((col) => number(r.values[col.key])),
        ...(r.kind === 'subtotal' ? { emphasis: 'subtotal' as const } : r.kind === 'total' || r.kind === 'result' ? { emphasis: 'total' as const } : {}),
        ...(r.note !== undefined && noteNumber !== undefined ? { note: { target: noteAnchor(r.note), label: `${v.term('note')} ${noteNumber}` } } : {}),
      };
    }),
    ...(t.note ? { note: t.note } : {}),
  };
}

// --- indicators -----------------------------------------------------------

const valueKey = (x: Pick<IndicatorValue, 'kind' | 'year' | 'period'>) => `${x.kind}-${x.year}-${x.period ?? ''}`;

function indicatorBlocks(c: Ctx, id: string, title: string, indicators: readonly Indicator[]): DocBlock[] {
  const v = c.v;
  // A column per kind, year and period (a month, a tertial …): values shorter than a year have their own columns.
  const keys = new Map<string, { kind: 'outcome' | 'target'; year: number; period?: string; start: string; label: string }>();
  for (const ind of indicators)
    for (const x of ind.values) {
      const span = x.period !== undefined ? periodSpan(x.period) : undefined;
      keys.set(valueKey(x), { kind: x.kind, year: x.year, ...(x.period !== undefined ? { period: x.period } : {}), start: span?.start ?? `${x.year}-01-01`, label: span?.label ?? String(x.year) });
    }
  const cols = [...keys.values()].sort((a, b) => (a.kind === b.kind ? (a.year - b.year || (a.period === undefined ? 1 : 0) - (b.period === undefined ? 1 : 0) || a.start.localeCompare(b.start)) : a.kind === 'outcome' ? -1 : 1));
  const table: TableModel = {
    id: `${id}-indicators`,
    caption: `${capitalise(v.governance.levels.indicator.plural)}: ${title}`,
    corner: capitalise(v.governance.levels.indicator.singular),
    columns: cols.map((k) => ({ label: `${v.term(k.kind)} ${k.label}`, align: 'end' as const })),
    rows: indicators.map((ind) => {
      const d = ind.decimals ?? decimalsOf(ind.values.map((x) => x.total));
      const unitWord = v.unit(ind.unit).long;
      return {
        header: unitWord ? `${ind.name} (${unitWord})` : ind.name,
        cells: cols.map((k): TableCell => {
          const x = ind.values.find((y) => y.kind === k.kind && y.year === k.year && y.period === k.period);
          if (!x) return { text: '', spoken: v.term('missingValue'), align: 'end' };
          if (x.total === undefined) return { text: x.missing ?? v.term('missingValue'), spoken: x.missing ?? v.term('missingValue'), align: 'start' };
          return { text: c.f.value(x.total, ind.unit, { decimals: d }), spoken: c.f.spoken(x.total, ind.unit, { decimals: d }), value: x.total, align: 'end' };
        }),
      };
    }),
  };
  const blocks: DocBlock[] = [{ kind: 'table', table }];
  for (const ind of indicators) {
    const chart = indicatorChart(c, ind);
    if (chart) blocks.push({ kind: 'chart', chart });
  }
  return blocks;
}

/** A chart for an indicator with outcomes in at least two years; undefined otherwise. */
export function indicatorChart(c: Ctx, ind: Indicator): ChartModel | undefined {
  const v = c.v;
  const d = ind.decimals ?? decimalsOf(ind.values.map((x) => x.total));
  const series = (['outcome', 'target'] as const)
    .map((kind) => ({
      kind,
      label: v.term(kind),
      points: ind.values
        .filter((x) => x.kind === kind && x.total !== undefined && x.period === undefined)
        .sort((a, b) => a.year - b.year)
        .map((x) => ({ year: x.year, value: x.total!, text: c.f.spoken(x.total!, ind.unit, { decimals: d }) })),
    }))
    .filter((s) => s.points.length > 0);
  if ((series.find((s) => s.kind === 'outcome')?.points.length ?? 0) < 2) return undefined;
  const description = `${v.term('chartOfValues', { indicator: ind.name })}. ${series
    .map((s) => `${s.label}: ${s.points.map((p) => `${p.year} ${p.text}`).join(', ')}`)
    .join('. ')}.`;
  return { id: `${ind.id}-chart`, title: ind.name, unit: ind.unit, series, description };
}

/** Walks every section of a document depth-first in reading order. */
export function* walkSections(sections: readonly DocSection[]): Generator<DocSection> {
  for (const s of sections) {
    yield s;
    yield* walkSections(s.blocks.flatMap((b) => (b.kind === 'section' ? [b.section] : [])));
  }
}
