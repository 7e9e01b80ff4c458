// One typed walk over a report's section tree, in document order, after unist-util-visit:
// a visitor names the kinds of node it cares about and the walk calls it with each node,
// its path in the report and the node that holds it. How the walk descends into each kind
// of section is one table keyed by every section kind, so adding a kind to `Section`
// fails to compile until the walk knows its children: no kind is ever skipped silently.
import type { Report, Section, Area, IndicatorGroup, ControlItem, PerspectiveSection, IndicatorsSection, FinanceSection, TableSection, DeviationSection, InternalControlSection, NotesSection } from './report.js';
import type { Goal, Commitment } from './content.js';
import type { Indicator } from './indicator.js';
import type { DataTable, DeviationExplanation } from './table.js';

/** A path of keys and indexes from the report's root, e.g. `['sections', 1, 'areas', 0]`. */
export type ReportPath = readonly (string | number)[];

/** The kind (`type`) of a section. */
export type SectionType = Section['type'];

/** The section of one kind. */
export type SectionOf<K extends SectionType> = Extract<Section, { type: K }>;

/**
 * One function per section kind, every kind required: a record of this type fails to
 * compile when a kind is added to `Section` and not handled. Use it with {@link dispatchSection}.
 */
export type SectionHandlers<R, A extends unknown[] = []> = { [K in SectionType]: (section: SectionOf<K>, ...args: A) => R };

/** Calls the handler for the section's kind. */
export function dispatchSection<R, A extends unknown[]>(handlers: SectionHandlers<R, A>, section: Section, ...args: A): R {
  return (handlers[section.type] as (s: Section, ...a: A) => R)(section, ...args);
}

/** Where an indicator stands: under a goal, or in a titled group of an indicators section. */
export type IndicatorParent = { goal: Goal; area: Area } | { section: IndicatorsSection; group: IndicatorGroup };

/**
 * What to do at each kind of node; every entry is optional. Sections are visited before
 * their children; an area's children come in document order: its sections, its goals
 * (each followed by its indicators), its commitments, its end sections.
 */
export interface ReportVisitor {
  /** Every section, of any kind, before the handler for its kind. */
  section?(section: Section, path: ReportPath): void;
  /** Sections of one kind. */
  sections?: Partial<SectionHandlers<void, [path: ReportPath]>>;
  area?(area: Area, path: ReportPath, parent: { perspective: PerspectiveSection }): void;
  goal?(goal: Goal, path: ReportPath, parent: { area: Area }): void;
  commitment?(commitment: Commitment, path: ReportPath, parent: { area: Area }): void;
  indicatorGroup?(group: IndicatorGroup, path: ReportPath, parent: { section: IndicatorsSection }): void;
  indicator?(indicator: Indicator, path: ReportPath, parent: IndicatorParent): void;
  table?(table: DataTable, path: ReportPath, parent: { section: FinanceSection | TableSection | NotesSection }): void;
  deviation?(explanation: DeviationExplanation, path: ReportPath, parent: { section: DeviationSection }): void;
  controlItem?(item: ControlItem, path: ReportPath, parent: { section: InternalControlSection }): void;
}

type Descend = SectionHandlers<void, [path: ReportPath, visitor: ReportVisitor]>;

// Plain loops and module-level functions rather than arrows passed to forEach: V8 drops the
// optimised code of closures made per call at each full collection, so a batch would compile
// the walk again every few reports.
function sectionList(sections: readonly Section[] | undefined, path: ReportPath, key: string, visitor: ReportVisitor): void {
  if (!sections) return;
  for (let i = 0; i < sections.length; i++) visitSection(sections[i]!, [...path, key, i], visitor);
}

function visitArea(area: Area, path: ReportPath, perspective: PerspectiveSection, visitor: ReportVisitor): void {
  visitor.area?.(area, path, { perspective });
  sectionList(area.sections, path, 'sections', visitor);
  const goals = area.goals ?? [];
  for (let i = 0; i < goals.length; i++) {
    const goal = goals[i]!;
    const gp = [...path, 'goals', i];
    visitor.goal?.(goal, gp, { area });
    const indicators = goal.indicators ?? [];
    for (let k = 0; k < indicators.length; k++) visitor.indicator?.(indicators[k]!, [...gp, 'indicators', k], { goal, area });
  }
  const commitments = area.commitments ?? [];
  for (let i = 0; i < commitments.length; i++) visitor.commitment?.(commitments[i]!, [...path, 'commitments', i], { area });
  sectionList(area.endSections, path, 'endSections', visitor);
}

function visitTables(tables: readonly DataTable[], path: ReportPath, section: FinanceSection | NotesSection, v: ReportVisitor): void {
  for (let i = 0; i < tables.length; i++) v.table?.(tables[i]!, [...path, i], { section });
}

/** How the walk descends into each kind of section: every kind is named, also those without children. */
const DESCEND: Descend = {
  text: (s, path, v) => sectionList(s.sections, path, 'sections', v),
  summary: () => {},
  overview: () => {},
  legend: () => {},
  perspective: (s, path, v) => {
    for (let i = 0; i < s.areas.length; i++) visitArea(s.areas[i]!, [...path, 'areas', i], s, v);
  },
  workforce: () => {},
  finance: (s, path, v) => visitTables(s.tables, [...path, 'tables'], s, v),
  table: (s, path, v) => v.table?.(s.table, [...path, 'table'], { section: s }),
  deviation: (s, path, v) => v.deviation?.(s.explanation, [...path, 'explanation'], { section: s }),
  indicators: (s, path, v) => {
    for (let gi = 0; gi < s.groups.length; gi++) {
      const group = s.groups[gi]!;
      const gp = [...path, 'groups', gi];
      v.indicatorGroup?.(group, gp, { section: s });
      for (let i = 0; i < group.indicators.length; i++) v.indicator?.(group.indicators[i]!, [...gp, 'indicators', i], { section: s, group });
    }
  },
  notes: (s, path, v) => {
    for (let ni = 0; ni < s.notes.length; ni++) {
      const tables = s.notes[ni]!.tables;
      if (tables) visitTables(tables, [...path, 'notes', ni, 'tables'], s, v);
    }
  },
  internalControl: (s, path, v) => {
    const items = s.items ?? [];
    for (let i = 0; i < items.length; i++) v.controlItem?.(items[i]!, [...path, 'items', i], { section: s });
  },
};

/** Every section kind, in the order of the `Section` union. */
export const SECTION_TYPES = Object.keys(DESCEND) as SectionType[];

function visitSection(section: Section, path: ReportPath, visitor: ReportVisitor): void {
  visitor.section?.(section, path);
  (visitor.sections?.[section.type] as ((s: Section, p: ReportPath) => void) | undefined)?.(section, path);
  dispatchSection(DESCEND, section, path, visitor);
}

/** Walks the report's sections in document order, calling the visitor at every node it names. */
export function walkReport(report: Pick<Report, 'sections'>, visitor: ReportVisitor): void {
  sectionList(report.sections, [], 'sections', visitor);
}

/** Walks from one section (its path given), e.g. a subtree. */
export function walkSection(section: Section, path: ReportPath, visitor: ReportVisitor): void {
  visitSection(section, path, visitor);
}

const NODE_KEYS = ['section', 'area', 'goal', 'commitment', 'indicatorGroup', 'indicator', 'table', 'deviation', 'controlItem'] as const;

type Handler = (...a: unknown[]) => void;

/** One visitor that calls each of the given visitors in turn at every node, so several rule sets share one walk. */
export function combineVisitors(...visitors: readonly ReportVisitor[]): ReportVisitor {
  const combined: Record<string, unknown> = {};
  for (const key of NODE_KEYS) {
    const fns: Handler[] = [];
    for (const v of visitors) if (v[key] !== undefined) fns.push(v[key] as Handler);
    if (fns.length > 0) combined[key] = callEach.bind(undefined, fns);
  }
  const sections: Record<string, (s: Section, p: ReportPath) => void> = {};
  for (const type of SECTION_TYPES) {
    const fns: Handler[] = [];
    for (const v of visitors) if (v.sections?.[type] !== undefined) fns.push(v.sections[type] as Handler);
    if (fns.length > 0) sections[type] = callEach.bind(undefined, fns);
  }
  if (Object.keys(sections).length > 0) combined.sections = sections;
  return combined as ReportVisitor;
}

// Bound to each node's list rather than an arrow made per combination, whose optimised code V8
// would drop at each full collection (a batch combines the rule visitors for every report).
function callEach(fns: readonly Handler[], ...args: unknown[]): void {
  for (const f of fns) f(...args);
}
