// Builds the semantic document of a report, once, in reading order: sections with their
// numbers and heading levels, author text as inline nodes (abbreviations and their first
// use decided by the phraser), status badges, tables with formatted figures, keys to
// symbols, and charts with their text alternative. Every writer serialises this tree.
// The report is read in one walk (the model's walkReport); what each kind of section shows
// is one table keyed by every section kind (CONTENT), so a new kind fails to compile here.
import type {
  Report, ReportVisitor, Section, Area, Goal, PerspectiveSection, ReportPath, SectionHandlers, Commitment, Indicator, DataTable, RichText, TableBlock as MarkdownTable, Unit, IndicatorValue,
} from '@kommunrapport/model';
import { dispatchSection, walkReport, inlineText, withRuleStatus, indicatorRuleStatus, cellNumbers, isAbsent, isInterval, noteAnchor, periodSpan, type CellValue } from '@kommunrapport/model';
import type { Formatter } from '../format.js';
import { decimalsOf } from '../format.js';
import type { Vocabulary, Badge, ScaleName } from '../vocabulary.js';
import { capitalise } from '../vocabulary.js';
import { createPhraser, type Phraser } from './inline.js';
import { describeReport } from './description.js';
import { ownerFacts, reportOwner } from './owner.js';
import type { ChartModel, DocBlock, DocSection, DocumentModel, Fact, LegendModel, TableCell, TableModel, TableRowModel, ColumnGroupModel, TextBlock } from './types.js';
import type { ImageFiles } from '../images.js';
import type { ImageModel } from './types.js';
import { captionWithUnit } from './caption.js';
import { joinPhrases } from './shared.js';
import { absentCell, intervalCell, missingCell, wordTargetCell } from './values.js';
import { valueCell, attainmentBlocks, comparisonRows, correctionBlocks, goalBadges, goalFacts, goalsByParentTable, provenanceFact, titlesById } from './goal-blocks.js';
import { unusedName } from './names.js';

interface Ctx {
  report: Report;
  v: Vocabulary;
  f: Formatter;
  p: Phraser;
  titles: ReadonlyMap<string, string>;
  /** The number of every note by its id, wherever its notes section stands. */
  notes: ReadonlyMap<string, number>;
  /** Markdown tables so far, for their ids. */
  tables: number;
  /** The image files read by the build. */
  images: ImageFiles;
  /** Images so far, for their ids. */
  imageCount: number;
}

/** A section before numbering: its heading comes from the title. */
type Draft = Omit<DocSection, 'number' | 'heading'>;

const sub = (section: Draft): DocBlock => ({ kind: 'section', section: section as DocSection });

/**
 * Rich text as blocks of a section: its paragraphs and lists as rich text, each Markdown
 * table between them as a table of the document (the first column as row headers, the
 * header row as column headers), which every writer already shows as a data table, and each
 * image as an image of the document with the bytes the build read.
 */
function rich(c: Ctx, blocks: RichText | undefined): DocBlock[] {
  const out: DocBlock[] = [];
  let run: RichText = [];
  for (const b of blocks ?? []) {
    if (b.type === 'table') {
      addText(c, run, out);
      run = [];
      out.push({ kind: 'table', table: markdownTable(c, b) });
    } else if (b.type === 'image') {
      addText(c, run, out);
      run = [];
      const image = imageModel(c, b);
      if (image) out.push({ kind: 'image', image });
      else if (!b.decorative) out.push({ kind: 'richText', blocks: [{ type: 'paragraph', children: c.p.running(imageWords(c, b)) }] });
    } else run.push(b);
  }
  addText(c, run, out);
  return out;
}

/**
 * Adds the blocks of running text gathered so far as one rich-text block. At module level, not
 * a closure made per call, whose optimised code V8 would drop at each full collection of a batch.
 */
function addText(c: Ctx, run: RichText, out: DocBlock[]): void {
  if (run.length > 0) out.push({ kind: 'richText', blocks: c.p.rich(run) });
}

type ImageBlock = Extract<RichText[number], { type: 'image' }>;

/** What is said for an image: the vocabulary's word for it and its alt text, then its caption ("Bild: Karta över området. Kjula 2022"). */
const imageWords = (c: Ctx, b: ImageBlock): string => (b.decorative ? '' : `${c.v.term('image')}: ${b.alt}${/[.!?]$/.test(b.alt) ? '' : '.'}${b.caption ? ` ${b.caption}` : ''}`);

/** An image of the text with the file the build read; undefined without its file (outside a build). */
function imageModel(c: Ctx, b: ImageBlock): ImageModel | undefined {
  const file = c.images.get(b.src);
  if (!file) return undefined;
  const n = ++c.imageCount;
  const spoken = imageWords(c, b);
  return {
    id: `image-${n}`,
    src: b.src,
    alt: b.alt,
    decorative: b.decorative === true,
    ...(b.caption ? { caption: b.caption } : {}),
    spoken,
    mediaType: file.mediaType,
    width: file.width,
    height: file.height,
    bytes: file.bytes,
  };
}

/** Figures in a cell align to the end, words to the start. */
const FIGURE = /^[−+-]?\d[\d\s\u00a0]*(?:[.,]\d+)?\s*%?$/;

function markdownTable(c: Ctx, b: MarkdownTable): TableModel {
  const n = ++c.tables;
  const [corner = '', ...labels] = b.header.map(inlineText);
  const rows = b.rows.map((r) => r.map(inlineText));
  // Cells go through the inline rules of running text (abbreviations marked, explained at their first use), in reading order.
  const phrase = (cell: MarkdownTable['header'][number]) => {
    const [p] = c.p.rich([{ type: 'paragraph', children: cell }]);
    return p?.type === 'paragraph' ? p.children : [];
  };
  const align = (i: number): 'start' | 'end' => (rows.every((r) => r[i] === '' || FIGURE.test(r[i]!)) && rows.some((r) => r[i] !== '') ? 'end' : 'start');
  return {
    id: `tabell-${n}`,
    caption: b.caption ?? [corner, ...labels].filter((l) => l !== '').join(', '),
    corner,
    columns: labels.map((label, i) => ({ label, align: align(i + 1) })),
    rows: rows.map(([header = '', ...cells], k) => {
      const [headerContent = [], ...contents] = b.rows[k]!.map(phrase);
      return { header, headerContent, cells: cells.map((text, i) => ({ text, spoken: text, speech: text, align: align(i + 1), content: contents[i]! })) };
    }),
  };
}
const fact = (c: Ctx, term: string, value: string): Fact => ({ term, value, content: c.p.running(value) });

/** The number of every note of the report by its id. */
function noteNumbers(report: Report): Map<string, number> {
  const notes = new Map<string, number>();
  walkReport(report, { sections: { notes: (s) => s.notes.forEach((n) => notes.set(n.id, n.number)) } });
  return notes;
}

/**
 * Lays out a report for every writer. Pure: same report (and image files), same tree. The
 * images of its text are read by the build with core's `loadImages`; without their files
 * (code outside a build) an image stands as its text alternative.
 */
export function buildDocument(report: Report, vocabulary: Vocabulary, format: Formatter, images: ImageFiles = new Map()): DocumentModel {
  const c: Ctx = { report, v: vocabulary, f: format, p: createPhraser(vocabulary), titles: titlesById(report), notes: noteNumbers(report), tables: 0, images, imageCount: 0 };
  const v = vocabulary;
  // The title of the document: its abbreviations are never explained and do not count as a use.
  c.p.title(report.title);
  const cover: Fact[] = ownerFacts(report, v).map((f) => fact(c, f.term, f.value));
  if (report.office) cover.push(fact(c, v.term('office'), report.office.name));
  cover.push(fact(c, v.term('period'), report.period.label));
  // The case number is an identifier ("SON 2024/117"): its letters are not an abbreviation.
  if (report.caseNumber) cover.push({ term: v.term('caseNumber'), value: report.caseNumber, content: c.p.identifier(report.caseNumber) });
  if (report.date) cover.push({ term: v.term('date'), value: format.date(report.date), content: c.p.identifier(format.date(report.date)) });
  // Where readers can ask about the report: name, e-mail, phone and web address as written.
  if (report.contact) {
    const { name, email, phone, url } = report.contact;
    const value = [name, email, phone, url].filter((x) => x !== undefined).join(', ');
    cover.push({ term: v.term('contact'), value, content: c.p.identifier(value) });
  }

  const drafts: Draft[] = [];
  // Each top-level section starts afresh for speech, which says again what an abbreviation stands for.
  if (report.decision) {
    c.p.section();
    drafts.push(decisionSection(c));
  }
  // The summary is required of every report: without a summary section to place it, it
  // stands first (after the cover decision), so no output loses the author's summary.
  const placed = sectionIds(report);
  if (!placed.summary) {
    c.p.section();
    drafts.push(summaryDraft(c, placed.ids));
  }
  drafts.push(...sectionDrafts(c));
  return { title: report.title, language: report.language, description: describeReport(report, v), owner: reportOwner(report), cover, sections: number(c, drafts, '') };
}

/**
 * Numbers the sections (`1`, `1.2`, `1.2.3` …) and gives each its heading. Runs after the
 * blocks were built, in reading order, so headings and body text take turns as they are read.
 */
function number(c: Ctx, drafts: readonly Draft[], prefix: string): DocSection[] {
  const out: DocSection[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const s = drafts[i] as DocSection;
    s.number = `${prefix}${i + 1}`;
    s.heading = c.p.title(s.title);
    const children: Draft[] = [];
    for (const b of s.blocks) if (b.kind === 'section') children.push(b.section);
    number(c, children, `${s.number}.`);
    out.push(s);
  }
  return out;
}

/** The ids of the report's sections at any depth, and whether one of them places the summary: one walk. */
function sectionIds(report: Report): { ids: Set<string>; summary: boolean } {
  const ids = new Set<string>();
  let summary = false;
  walkReport(report, { section: (s) => void ids.add(s.id), sections: { summary: () => void (summary = true) } });
  return { ids, summary };
}

/** The summary and significant events as a section of their own, where no summary section places them; `taken` holds the report's section ids. */
function summaryDraft(c: Ctx, taken: ReadonlySet<string>): Draft {
  const node: Open = { c, level: 2, blocks: [] };
  const title = CONTENT.summary({ id: 'summary', type: 'summary' }, node);
  return { id: unusedName('summary', taken), level: 2, title, role: 'summary', blocks: node.blocks };
}

function decisionSection(c: Ctx): Draft {
  const d = c.report.decision!;
  const v = c.v;
  const blocks: DocBlock[] = [
    sub({ id: 'decision-proposal', level: 3, title: v.term('proposal'), role: 'proposal', blocks: rich(c, d.proposal) }),
    sub({ id: 'decision-description', level: 3, title: v.term('description'), role: 'description', blocks: rich(c, d.description) }),
  ];
  const facts: Fact[] = [];
  if (d.office) facts.push(fact(c, v.term('office'), d.office));
  for (const s of d.signatories ?? []) facts.push(fact(c, v.term('signatories'), `${s.name}, ${s.role}`));
  if (facts.length) blocks.push({ kind: 'facts', items: facts });
  // Attachments are titles of documents: their abbreviations are never explained.
  if (d.attachments?.length) {
    const value = joinPhrases(d.attachments);
    blocks.push({ kind: 'facts', items: [{ term: v.term('attachments'), value, content: c.p.title(value) }] });
  }
  if (d.recipients?.length) blocks.push({ kind: 'facts', items: [fact(c, v.term('recipients'), d.recipients.join(', '))] });
  return { id: 'decision', level: 2, title: v.term('decision'), role: 'decision', blocks };
}

/** The context with a part's own vocabulary (`vocabulary:` on a section, area or goal) laid over the report's. */
const scoped = (outer: Ctx, own: Parameters<Vocabulary['scoped']>[0] | undefined): Ctx => (own ? { ...outer, v: outer.v.scoped(own) } : outer);

/** A part of the tree being built: its context, heading level and blocks, which its children join. */
interface Open { c: Ctx; level: number; blocks: DocBlock[]; goals?: DocBlock[]; commitments?: DocBlock[] }

/**
 * The report's sections as drafts, in one walk of the report (the model's walkReport), in
 * reading order. Every node joins the blocks of the node that holds it, found by its path
 * (a child's path is its parent's plus a key and an index). What a section holds besides
 * the nodes the walk visits comes from {@link CONTENT}, one entry per section kind.
 */
function sectionDrafts(c: Ctx): Draft[] {
  const walk = new DraftWalk(c);
  walkReport(c.report, walk);
  return walk.root.blocks.map((b) => (b as Extract<DocBlock, { kind: 'section' }>).section);
}

// The walk's visitor as a class rather than an object of closures made per report: V8 drops
// the optimised code of such closures at each full collection, and a batch would compile
// them again for the next report.
class DraftWalk implements ReportVisitor {
  readonly root: Open;
  private readonly open: Map<string, Open>;

  constructor(private readonly c: Ctx) {
    this.root = { c, level: 1, blocks: [] };
    this.open = new Map([['', this.root]]);
  }

  section(s: Section, path: ReportPath): void {
    const parent = this.parentOf(path);
    // Each top-level section starts afresh for speech, which says again what an abbreviation stands for.
    if (path.length === 2) this.c.p.section();
    const sc = scoped(parent.c, s.vocabulary);
    const node: Open = { c: sc, level: parent.level + 1, blocks: [...correctionBlocks(sc.v, sc.p, s.corrections), ...rich(sc, s.body)] };
    const title = dispatchSection(CONTENT, s, node);
    this.enter(path, parent.blocks, node, { id: s.id, title: s.title ?? title, role: s.type });
  }

  area(a: Area, path: ReportPath): void {
    const parent = this.parentOf(path);
    const ac = scoped(parent.c, a.vocabulary);
    const node: Open = { c: ac, level: parent.level + 1, blocks: areaBlocks(ac, a) };
    this.enter(path, parent.blocks, node, { id: a.id, title: a.title, role: 'area' });
  }

  goal(g: Goal, path: ReportPath, { area }: { area: Area }): void {
    const a = this.parentOf(path);
    listOf(a, 'goals', area).push(sub(goalSection(a.c, g, a.level + 2)));
  }

  commitment(k: Commitment, path: ReportPath, { area }: { area: Area }): void {
    const a = this.parentOf(path);
    listOf(a, 'commitments', area).push(sub(commitmentSection(a.c, k, a.level + 2)));
  }

  private parentOf(path: ReportPath): Open {
    return this.open.get(path.slice(0, -2).join('/'))!;
  }

  private enter(path: ReportPath, into: DocBlock[], node: Open, draft: Omit<Draft, 'level' | 'blocks'>): void {
    into.push(sub({ ...draft, level: node.level, blocks: node.blocks }));
    this.open.set(path.join('/'), node);
  }
}

/** An area's goals (and its commitments) under one heading, made at the first of them. */
function listOf(a: Open, which: 'goals' | 'commitments', area: Area): DocBlock[] {
  let list = a[which];
  if (!list) {
    list = a[which] = [];
    const words = a.c.v.governance.levels[which === 'goals' ? 'goal' : 'commitment'];
    a.blocks.push(sub({ id: `${area.id}-${which}`, level: a.level + 1, title: capitalise(words.plural), role: which, blocks: list }));
  }
  return list;
}

/**
 * What each kind of section holds besides its text and the nodes the walk visits (subsections,
 * areas with their goals and commitments): pushed to the section's blocks; returns the title
 * of a section without one. Every kind is named, so a kind added to the model does not compile
 * until the document knows how to show it.
 */
const CONTENT: SectionHandlers<string, [node: Open]> = {
  // Subsections join through the walk.
  text: (s) => s.id,
  summary: (_s, { c, level, blocks }) => {
    blocks.push(...rich(c, c.report.summary));
    for (const g of c.report.significantEvents ?? []) blocks.push(sub({ id: g.id, level: level + 1, title: g.title, role: 'events', blocks: rich(c, g.body) }));
    return c.v.term('summary');
  },
  overview: (s, { c, blocks }) => {
    if (s.show === 'goals') blocks.push({ kind: 'table', table: goalsByParentTable(c.report, c.v, `${s.id}-goals`) });
    else for (const p of perspectives(c.report)) blocks.push({ kind: 'table', table: overviewTable(c, p) });
    return c.v.term('overview');
  },
  legend: (_s, { c, blocks }) => {
    blocks.push(...legends(c).map((legend): DocBlock => ({ kind: 'legend', legend })));
    return c.v.term('legend');
  },
  // Areas join through the walk.
  perspective: (s) => s.title,
  workforce: (s, { c, blocks }) => {
    if (s.headcount) blocks.push({ kind: 'table', table: headcountTable(c, s.id, s.headcount) });
    if (s.sickLeave?.length) blocks.push({ kind: 'table', table: sickLeaveTable(c, s.id, s.sickLeaveTitle ?? c.v.term('sickLeave'), s.sickLeave) });
    return c.v.term('workforce');
  },
  finance: (s, { c, blocks }) => {
    for (const t of s.tables) blocks.push({ kind: 'table', table: dataTable(c, t) }, ...correctionBlocks(c.v, c.p, t.corrections));
    return c.v.term('finance');
  },
  table: (s, { c, blocks }) => {
    blocks.push({ kind: 'table', table: dataTable(c, s.table) }, ...correctionBlocks(c.v, c.p, s.table.corrections));
    return s.table.title;
  },
  deviation: (s, { c, blocks }) => {
    const v = c.v;
    const e = s.explanation;
    blocks.push(...rich(c, e.intro));
    const d = decimalsOf([e.deviation, ...e.items.map((i) => i.amount)]);
    const cell = (n: number) => numberCell(c, n, e.unit, d, true);
    blocks.push({
      kind: 'table',
      table: {
        id: `${s.id}-table`,
        caption: captionWithUnit(v, c.report.language, s.title ?? v.term('deviationExplanation'), e.unit),
        unit: e.unit,
        corner: v.term('deviationExplanation'),
        columns: [{ label: v.term('amount'), align: 'end' }],
        rows: [
          ...e.items.map((i) => ({ header: i.label, cells: [cell(i.amount)] })),
          { header: v.term('total'), cells: [cell(e.deviation)], emphasis: 'total' as const },
        ],
      },
    });
    return v.term('deviationExplanation');
  },
  indicators: (s, { c, level, blocks }) => {
    s.groups.forEach((g, i) => {
      const id = `${s.id}-${i + 1}`;
      blocks.push(sub({ id, level: level + 1, title: g.title, role: 'indicator-group', blocks: [...rich(c, g.body), ...indicatorBlocks(c, id, g.title, g.indicators)] }));
    });
    return c.v.term('indicators');
  },
  notes: (s, { c, level, blocks }) => {
    for (const n of s.notes)
      blocks.push(sub({ id: noteAnchor(n.id), level: level + 1, title: `${c.v.term('note')} ${n.number} ${n.title}`, role: 'note', blocks: [...rich(c, n.body), ...(n.tables ?? []).map((t): DocBlock => ({ kind: 'table', table: dataTable(c, t) }))] }));
    return c.v.term('notes');
  },
  internalControl: (s, { c, level, blocks }) => {
    const v = c.v;
    (s.items ?? []).forEach((item, i) => {
      const itemBlocks: DocBlock[] = [];
      if (item.assessment !== undefined) itemBlocks.push({ kind: 'badges', items: [{ term: v.term('assessment'), badge: v.badge('assessment', item.assessment) }] });
      itemBlocks.push(...rich(c, item.body));
      blocks.push(sub({ id: `${s.id}-${i + 1}`, level: level + 1, title: item.title, role: 'control-item', blocks: itemBlocks }));
    });
    return v.term('internalControl');
  },
};

/** Every perspective section of the report, in order, wherever it stands. */
export function perspectives(report: Report): PerspectiveSection[] {
  const out: PerspectiveSection[] = [];
  walkReport(report, { sections: { perspective: (s) => out.push(s) } });
  return out;
}

/** An area's own blocks; its sections, goals, commitments and end sections join through the walk, in that order. */
function areaBlocks(c: Ctx, a: Area): DocBlock[] {
  const v = c.v;
  const blocks: DocBlock[] = [];
  if (a.assessment !== undefined || a.trend !== undefined)
    blocks.push({
      kind: 'badges',
      items: [
        { term: v.term('assessment'), badge: v.badge('assessment', a.assessment) },
        ...(a.trend !== undefined || v.governance.trend.length > 0 ? [{ term: v.term('trend'), badge: v.badge('trend', a.trend) }] : []),
      ],
    });
  const areaBasis = provenanceFact(v, c.p, a.provenance);
  if (areaBasis) blocks.push({ kind: 'facts', items: [areaBasis] });
  blocks.push(...rich(c, a.body));
  return blocks;
}

function goalSection(outer: Ctx, typed: Goal, level: number): Draft {
  const c = scoped(outer, typed.vocabulary);
  // A status the governance's rule gives is filled in once here, marked inferred with the rule.
  const g = withRuleStatus(typed, c.v.governance, c.report.period.year);
  const v = c.v;
  const blocks: DocBlock[] = [];
  const badges = goalBadges(v, g);
  if (badges.length) blocks.push({ kind: 'badges', items: badges });
  const facts = goalFacts(v, c.p, g, c.titles);
  if (facts.length) blocks.push({ kind: 'facts', items: facts });
  blocks.push(...rich(c, g.body));
  if (g.indicators?.length) blocks.push(...indicatorBlocks(c, g.id, g.title, g.indicators));
  return { id: g.id, level, title: g.title, role: 'goal', blocks };
}

function commitmentSection(c: Ctx, k: Commitment, level: number): Draft {
  const v = c.v;
  const blocks: DocBlock[] = [{ kind: 'facts', items: [{ term: v.term('responsible'), value: k.responsible.join(', '), content: c.p.names(k.responsible, ', ') }] }];
  const badges = [{ term: v.term('status'), badge: v.badge('commitmentStatus', k.status) }];
  if (v.governance.completion.length > 0 || k.completion != null) badges.push({ term: v.term('completion'), badge: v.badge('completion', k.completion) });
  blocks.push({ kind: 'badges', items: badges });
  const basis = provenanceFact(v, c.p, k.provenance);
  if (basis) blocks.push({ kind: 'facts', items: [basis] });
  blocks.push(...rich(c, k.body));
  return { id: k.id, level, title: k.title, role: 'commitment', blocks };
}

// --- tables ---------------------------------------------------------------

function numberCell(c: Ctx, n: number | null | undefined, unit: Unit, decimals: number, signed = false): TableCell {
  if (n == null) return missingCell(c.v);
  return { text: c.f.number(n, { decimals, signed }), spoken: c.f.spoken(n, unit, { decimals, signed }), speech: c.f.speech(n, unit, { decimals, signed }), value: n, align: 'end' };
}
const wordCell = (spoken: string, text = spoken, align: 'start' | 'end' = 'start'): TableCell => ({ text, spoken, speech: spoken, align });
const badgeCell = (badge: Badge): TableCell => ({ ...wordCell(badge.textAlternative, badge.label), badge });

function overviewTable(c: Ctx, p: PerspectiveSection): TableModel {
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

/**
 * Whether only areas carry an assessment (as in a styrmodell where processområden are judged):
 * then the key to the assessment scale is named after them; where goals, indicators or points
 * of internal control are judged too, it is named "Bedömning" (the vocabulary's word).
 */
function onlyAreasAssessed(report: Report): boolean {
  let others = false;
  walkReport(report, {
    goal: (g) => void (others ||= (g.assessment ?? null) !== null || Object.values(g.assessments ?? {}).some((a) => a !== null) || g.assessmentRule !== undefined),
    indicator: (i) => void (others ||= (i.assessment ?? null) !== null || i.assessmentByRule === true),
    controlItem: (x) => void (others ||= (x.assessment ?? null) !== null),
  });
  return !others;
}

function legends(c: Ctx): LegendModel[] {
  const v = c.v;
  const lv = v.governance.levels;
  const scales: [string, ScaleName][] = [
    [onlyAreasAssessed(c.report) ? capitalise(lv.area.plural) : v.term('assessment'), 'assessment'],
    [capitalise(lv.commitment.plural), 'commitmentStatus'],
    [v.term('completion'), 'completion'],
    [v.term('trend'), 'trend'],
  ];
  return scales
    .filter(([, scale]) => v.steps(scale).length > 0)
    .map(([caption, scale]) => ({
      id: `legend-${scale}`,
      caption,
      symbolHeader: v.term('symbol'),
      meaningHeader: v.term('meaning'),
      entries: v.steps(scale).map((step) => {
        const meaning = step.description !== undefined && step.description !== step.label ? { meaning: step.description } : {};
        return { symbol: step.symbol, label: step.label, ...meaning, badge: v.badge(scale, step.key) };
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
  const cell = (n: number): TableCell => ({ ...numberCell(c, n, 'percent', d), text: c.f.value(n, 'percent', { decimals: d }) });
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
function dataTable(c: Ctx, t: DataTable): TableModel {
  const v = c.v;
  const d = t.decimals ?? decimalsOf(t.rows.filter((r) => r.unit === undefined || r.unit === t.unit).flatMap((r) => Object.values(r.values).flatMap(cellNumbers)));
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
  return {
    id: t.id,
    caption: captionWithUnit(v, c.report.language, t.title, t.unit),
    unit: t.unit,
    corner: t.rowHeader,
    columns: t.columns.map((col) => ({ label: col.label, align: 'end' as const })),
    ...(columnGroups.length ? { columnGroups } : {}),
    rows: t.rows.map((r): TableRowModel => {
      if (r.kind === 'heading') return { header: r.label, cells: [], heading: true };
      const unit = r.unit ?? t.unit;
      const rd = r.decimals ?? (r.unit !== undefined && r.unit !== t.unit ? decimalsOf(Object.values(r.values).flatMap(cellNumbers)) : d);
      // A loop, not an arrow per row: see dataCell.
      const cells: TableCell[] = [];
      for (const col of t.columns) cells.push(dataCell(c, t.unit, r.values[col.key], unit, rd));
      const noteNumber = r.note !== undefined ? c.notes.get(r.note) : undefined;
      return {
        header: r.label,
        cells,
        ...(r.kind === 'subtotal' ? { emphasis: 'subtotal' as const } : r.kind === 'total' || r.kind === 'result' ? { emphasis: 'total' as const } : {}),
        ...(r.note !== undefined && noteNumber !== undefined ? { note: { target: noteAnchor(r.note), label: `${v.term('note')} ${noteNumber}` } } : {}),
      };
    }),
    ...noteOf(c, t),
  };
}

/**
 * A data table's note: the author's note, then the reason the author gives for each cell
 * printed "–" ("VA, Prognos 2025: ej tillämpligt (prognostiseras inte separat)"), so no
 * reader loses it; the cell itself shows only the dash and its words.
 */
function noteOf(c: Ctx, t: DataTable): { note?: TextBlock[] } {
  const note: TextBlock[] = t.note ? c.p.rich(t.note) : [];
  for (const r of t.rows)
    for (const col of t.columns) {
      const x = r.values[col.key];
      if (isAbsent(x) && x.reason !== undefined) {
        note.push({ type: 'paragraph', children: c.p.running(`${r.label}, ${col.label}: ${c.v.term(x.absent)} (${x.reason})`) });
      }
    }
  return note.length ? { note } : {};
}

/**
 * A figure of a data table's row in `unit`. At module level, as the indicator table's
 * valueAt: V8 drops the optimised code of closures made per call at each full collection,
 * and a batch would compile them again every few reports.
 */
function dataCell(c: Ctx, tableUnit: Unit, n: CellValue | undefined, unit: Unit, rd: number): TableCell {
  if (isAbsent(n)) return absentCell(c.v, n);
  if (isInterval(n)) return intervalCell(c.v, c.f, n.low, n.high, unit, rd, unit !== tableUnit);
  const cell = numberCell(c, n, unit, rd);
  // A row in another unit than the table's says its unit in every cell (22,14 % in a table of mnkr).
  if (n != null && unit !== tableUnit) cell.text = c.f.value(n, unit, { decimals: rd });
  return cell;
}

// --- indicators -----------------------------------------------------------

/** An indicator's value for a column: its kind, year and period. */
function valueAt(values: readonly IndicatorValue[], k: Pick<IndicatorValue, 'kind' | 'year' | 'period'>): IndicatorValue | undefined {
  for (const y of values) if (y.kind === k.kind && y.year === k.year && y.period === k.period) return y;
  return undefined;
}

const valueKey = (x: Pick<IndicatorValue, 'kind' | 'year' | 'period'>) => `${x.kind}-${x.year}-${x.period ?? ''}`;

function indicatorBlocks(c: Ctx, id: string, title: string, indicators: readonly Indicator[]): DocBlock[] {
  const v = c.v;
  // A column per kind, year and period (a month, a tertial …): values shorter than a year have their own columns,
  // in the order their periods end, a longer period after the shorter ones ending the same day (april, then
  // januari–april), the whole year last.
  const keys = new Map<string, { kind: 'outcome' | 'target'; year: number; period?: string; start: string; end: string; label: string }>();
  for (const ind of indicators)
    for (const x of ind.values) {
      const span = x.period !== undefined ? periodSpan(x.period) : undefined;
      keys.set(valueKey(x), { kind: x.kind, year: x.year, ...(x.period !== undefined ? { period: x.period } : {}), start: span?.start ?? `${x.year}-01-01`, end: span?.end ?? `${x.year}-12-31`, label: span?.label ?? String(x.year) });
    }
  const cols = [...keys.values()].sort((a, b) =>
    a.kind === b.kind
      ? a.year - b.year || (a.period === undefined ? 1 : 0) - (b.period === undefined ? 1 : 0) || a.end.localeCompare(b.end) || b.start.localeCompare(a.start)
      : a.kind === 'outcome' ? -1 : 1,
  );
  // An indicator's own status, typed or given by the governance's rule (decided once here), in a last column;
  // a status the rule gives is marked inferred and said with the rule in the table's note.
  const year = c.report.period.year;
  const statuses = indicators.map((ind) => ({ typed: ind.assessment, ruled: ind.assessment == null ? indicatorRuleStatus(ind, v.governance, year) : undefined }));
  const hasStatus = indicators.some((ind) => ind.assessment !== undefined || ind.assessmentByRule);
  const statusCell = (i: number): TableCell[] => {
    if (!hasStatus) return [];
    const { typed, ruled } = statuses[i]!;
    // No status of its own (none typed, none the rule can give): a cell with no value, as a comparison row has.
    if (typed === undefined && !ruled) return [missingCell(v, 'start')];
    const badge = v.badge('assessment', typed ?? ruled?.status ?? null);
    const inferred = ruled ? ` (${v.term('statusInferred', { reason: ruled.words }).trim()})` : '';
    return [{ text: badge.label, spoken: `${badge.textAlternative}${inferred}`, speech: `${badge.textAlternative}${inferred}`, badge, align: 'start' }];
  };
  const notes: TextBlock[] = directionNotes(c, indicators);
  indicators.forEach((ind, i) => {
    const ruled = statuses[i]!.ruled;
    if (ruled) notes.push({ type: 'paragraph', children: c.p.running(`${ind.name}: ${v.badge('assessment', ruled.status).label}. ${v.term('statusBasis')}: ${v.term('statusInferred', { reason: ruled.words }).trim()}.`) });
  });
  const table: TableModel = {
    id: `${id}-indicators`,
    caption: `${capitalise(v.governance.levels.indicator.plural)}: ${title}`,
    corner: capitalise(v.governance.levels.indicator.singular),
    columns: [...cols.map((k) => ({ label: `${v.term(k.kind)} ${k.label}`, align: 'end' as const })), ...(hasStatus ? [{ label: v.term('assessment'), align: 'start' as const }] : [])],
    ...(notes.length ? { note: notes } : {}),
    rows: indicators.flatMap((ind, i) => {
      const d = indicatorDecimals(ind);
      const own = {
        header: indicatorHeader(c, ind),
        cells: cols.map((k): TableCell => {
          const x = valueAt(ind.values, k);
          if (!x) return missingCell(v);
          if (x.absent !== undefined) return absentCell(v, { absent: x.absent });
          if (x.low !== undefined && x.high !== undefined) return intervalCell(v, c.f, x.low, x.high, ind.unit, d, true);
          if (x.direction !== undefined || x.statement !== undefined) return wordTargetCell(v, x);
          if (x.total === undefined) return wordCell(x.missing ?? v.term('missingValue'));
          return valueCell(v, x, c.f.value(x.total, ind.unit, { decimals: d }), c.f.spoken(x.total, ind.unit, { decimals: d }), c.f.speech(x.total, ind.unit, { decimals: d }));
        }).concat(statusCell(i)),
      };
      const comparisonCell = (n: number): TableCell => ({ text: c.f.value(n, ind.unit, { decimals: d }), spoken: c.f.spoken(n, ind.unit, { decimals: d }), speech: c.f.speech(n, ind.unit, { decimals: d }), value: n, align: 'end' });
      const none: TableCell[] = hasStatus ? [missingCell(v, 'start')] : [];
      return [own, ...comparisonRows(v, ind, cols, comparisonCell).map((r) => ({ ...r, cells: [...r.cells, ...none] }))];
    }),
  };
  const blocks: DocBlock[] = [{ kind: 'table', table }, ...attainmentBlocks(v, c.p, indicators, c.report.period.year)];
  for (const ind of indicators) blocks.push(...correctionBlocks(v, c.p, ind.corrections));
  for (const ind of indicators) {
    const chart = indicatorChart(c, ind, table);
    if (chart) blocks.push({ kind: 'chart', chart });
  }
  return blocks;
}

/** Whether a higher or a lower value of an indicator is better, in the vocabulary's words ("Lägre värde är bättre"). */
const directionWords = (v: Vocabulary, ind: Indicator): string => v.term(ind.higherIsBetter ? 'higherIsBetter' : 'lowerIsBetter');

/**
 * Which way is better for each indicator of a table, said once in its note: a paragraph per
 * direction naming its indicators ("Lägre värde är bättre: Sjukfrånvaro; Väntetid …"), in the
 * order the directions first occur. Names are separated by semicolons, as a name may hold a comma.
 */
function directionNotes(c: Ctx, indicators: readonly Indicator[]): TextBlock[] {
  const byWords = new Map<string, string[]>();
  for (const ind of indicators) {
    const words = directionWords(c.v, ind);
    const names = byWords.get(words);
    if (names) names.push(ind.name);
    else byWords.set(words, [ind.name]);
  }
  return [...byWords].map(([words, names]): TextBlock => ({ type: 'paragraph', children: c.p.running(`${words}: ${joinPhrases(names)}${/[.!?]$/u.test(names[names.length - 1]!) ? '' : '.'}`) }));
}

/** The decimals of an indicator: its own `decimals`, else as many as its values are written with. */
const indicatorDecimals = (ind: Indicator): number => ind.decimals ?? decimalsOf(ind.values.flatMap((x) => [x.total, x.low, x.high]));

/**
 * The row header of an indicator: its name, with the unit in words unless the name already
 * states the unit in parentheses ("Andel (%)"), so the unit is never said twice.
 */
function indicatorHeader(c: Ctx, ind: Indicator): string {
  const words = c.v.unit(ind.unit);
  if (!words.long) return ind.name;
  const named = [words.short, words.long].some((w) => w !== '' && ind.name.toLowerCase().includes(`(${w.toLowerCase()})`));
  return named ? ind.name : `${ind.name} (${words.long})`;
}

/**
 * A chart for an indicator with outcomes in at least two years; undefined otherwise. Its
 * point labels use the indicator's decimals, as its table does. Its values stand in the
 * table right before it, so its text alternative names the chart and points to that table
 * instead of restating every value; without such a table it states every value.
 */
function indicatorChart(c: Ctx, ind: Indicator, table?: TableModel): ChartModel | undefined {
  const v = c.v;
  const d = indicatorDecimals(ind);
  const series = (['outcome', 'target'] as const)
    .map((kind) => ({
      kind,
      label: v.term(kind),
      points: ind.values
        .filter((x) => x.kind === kind && x.total !== undefined && x.period === undefined)
        .sort((a, b) => a.year - b.year)
        .map((x) => ({ year: x.year, value: x.total!, label: c.f.value(x.total!, ind.unit, { decimals: d }), spoken: c.f.spoken(x.total!, ind.unit, { decimals: d }) })),
    }))
    .filter((s) => s.points.length > 0);
  // The comparisons (riket, a kommungrupp …) drawn beside the kommun's own values, each its own series.
  const point = (year: number, value: number) => ({ year, value, label: c.f.value(value, ind.unit, { decimals: d }), spoken: c.f.spoken(value, ind.unit, { decimals: d }) });
  const comparisons = (ind.comparisons ?? [])
    .map((cmp) => ({ kind: 'comparison' as const, label: v.term('comparisonOf', { comparison: cmp.label }), points: [...cmp.values].sort((a, b) => a.year - b.year).map((x) => point(x.year, x.total)) }))
    .filter((s) => s.points.length > 0);
  if ((series.find((s) => s.kind === 'outcome')?.points.length ?? 0) < 2) return undefined;
  const all: ChartModel['series'] = [...series, ...comparisons];
  const name = v.term('chartOfValues', { indicator: ind.name });
  const chart = { id: `${ind.id}-chart`, title: ind.name, unit: ind.unit, series: all };
  // Values the source prints as "–" have no bar or mark: the text alternative says so.
  const skipped = ind.values
    .filter((x) => x.absent !== undefined && x.period === undefined)
    .sort((a, b) => (a.kind === b.kind ? a.year - b.year : a.kind === 'outcome' ? -1 : 1))
    .map((x) => ` ${v.term('notInChart', { kind: v.term(x.kind), year: String(x.year), value: v.term(x.absent!) })}.`)
    .join('');
  // Which way is better, as the table's note says it: a chart's reader needs it to read the bars.
  const better = ` ${directionWords(v, ind)}.`;
  if (table) {
    const description = `${name}.${better} ${v.term('valuesInTable')}.${skipped}`;
    return { ...chart, description, speech: description, valuesInTable: table.id };
  }
  const sentence = (say: (value: number) => string) =>
    `${name}.${better} ${all.map((s) => `${s.label}: ${s.points.map((p) => `${p.year} ${say(p.value)}`).join(', ')}`).join('. ')}.${skipped}`;
  return {
    ...chart,
    description: sentence((n) => c.f.spoken(n, ind.unit, { decimals: d })),
    speech: sentence((n) => c.f.speech(n, ind.unit, { decimals: d })),
  };
}

/** Walks every section of a document depth-first in reading order. */
export function* walkSections(sections: readonly DocSection[]): Generator<DocSection> {
  for (const s of sections) {
    yield s;
    // A loop, not a flatMap arrow made per section, whose optimised code V8 would drop at each full collection of a batch.
    const children: DocSection[] = [];
    for (const b of s.blocks) if (b.kind === 'section') children.push(b.section);
    yield* walkSections(children);
  }
}
