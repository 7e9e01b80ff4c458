// The report (rapport) as a whole: metadata, the cover decision, the governance vocabulary
// in use, the organisation registry, and the sections in the order of the document.
import * as t from 'io-ts';
import { strict, NonEmptyString, taggedUnion } from './codec.js';
import { EmailAddress, Id, IsoDate, Kommunkod, WebIri, Year } from './ids.js';
import { RichText } from './rich-text.js';
import { Governance, LevelName, ScaleStep, CompletionStep, UnitWords, Terms, TERM_KEYS } from './governance.js';
import { presets, type PresetName } from './presets.js';
import { Organisations } from './organisation.js';
import { Goal, Commitment, ScaleKey } from './content.js';
import { Indicator } from './indicator.js';
import { AssessmentDimension, Correction, Provenance, StatusRule } from './goal-model.js';
import { VocabularyScope } from './vocabulary-scope.js';
import { DataTable, DeviationExplanation, Note } from './table.js';
import { Headcount, SickLeaveYear } from './workforce.js';

// --- sections -------------------------------------------------------------

interface SectionBase {
  id: string;
  title?: string;
  body?: RichText;
  /** Corrections of the source made in this section, shown to readers. */
  corrections?: Correction[];
  /** Words that hold only inside this section. */
  vocabulary?: VocabularyScope;
}
/** Free text with optional subsections (e.g. "Förvaltningschefens bedömning"). */
export interface TextSection extends SectionBase { type: 'text'; sections?: Section[] }
/** The report's summary and significant events, where the author places them; a report without a summary section shows them first (after the cover decision). */
export interface SummarySection extends SectionBase { type: 'summary' }
/** The overview tables: every area's assessment and trend per perspective. */
export interface OverviewSection extends SectionBase {
  type: 'overview';
  /** areas (default): every area's assessment per perspective; goals: each upper goal or area with the goals serving it and their assessments. */
  show?: 'areas' | 'goals';
}
/** The key to the symbols of the governance vocabulary. */
export interface LegendSection extends SectionBase { type: 'legend' }
/** A perspective (perspektiv) with its areas. */
export interface PerspectiveSection extends SectionBase { type: 'perspective'; title: string; areas: Area[] }
/** Workforce figures: headcount and sick leave. */
export interface WorkforceSection extends SectionBase {
  type: 'workforce';
  headcount?: Headcount;
  sickLeaveTitle?: string;
  sickLeave?: SickLeaveYear[];
}
/** Financial tables (ekonomisk redovisning). */
export interface FinanceSection extends SectionBase { type: 'finance'; tables: DataTable[] }
/** One table of figures with its text. */
export interface TableSection extends SectionBase { type: 'table'; table: DataTable }
/** Explanations of a deviation with amounts. */
export interface DeviationSection extends SectionBase { type: 'deviation'; explanation: DeviationExplanation }
/** Indicators gathered in groups, e.g. an appendix per målområde. */
export interface IndicatorsSection extends SectionBase { type: 'indicators'; groups: IndicatorGroup[] }
/** The notes (noter) to the statements; rows refer to a note by its id. */
export interface NotesSection extends SectionBase { type: 'notes'; notes: Note[] }
/** Internal control (intern styrning och kontroll). */
export interface InternalControlSection extends SectionBase { type: 'internalControl'; items?: ControlItem[] }

/** A section of the document, chosen by `type`. */
export type Section =
  | TextSection
  | SummarySection
  | OverviewSection
  | LegendSection
  | PerspectiveSection
  | WorkforceSection
  | FinanceSection
  | TableSection
  | DeviationSection
  | IndicatorsSection
  | NotesSection
  | InternalControlSection;

/** An area (processområde, målområde, fokusområde): the level that is assessed. */
export interface Area {
  id: string;
  title: string;
  assessment?: string | null;
  provenance?: Provenance;
  trend?: string | null;
  body?: RichText;
  vocabulary?: VocabularyScope;
  sections?: Section[];
  goals?: Goal[];
  commitments?: Commitment[];
  endSections?: Section[];
}
/** A titled group of indicators. */
export interface IndicatorGroup { title: string; body?: RichText; indicators: Indicator[] }
/** One point of internal control with its result. */
export interface ControlItem { title: string; body?: RichText; assessment?: string | null }

const base = { id: Id };
const baseOptional = { title: NonEmptyString, body: RichText, corrections: t.array(Correction), vocabulary: VocabularyScope };
const literal = <V extends string>(v: V) => t.literal(v);

export const Section: t.Type<Section, unknown, unknown> = t.recursion('Section', () =>
  taggedUnion<Section, unknown>('Section', 'type', {
    text: strict('TextSection', 'Free text with optional subsections.', { ...base, type: literal('text') }, { ...baseOptional, sections: t.array(Section) }),
    summary: strict('SummarySection', "Places the report's summary and significant events.", { ...base, type: literal('summary') }, baseOptional),
    overview: strict(
      'OverviewSection',
      'The overview tables: every area per perspective (show: areas, the default), or each goal or area that other goals serve with those goals and their assessments (show: goals, "Kommungemensamt mål | Nämndens mål | Måluppfyllelse").',
      { ...base, type: literal('overview') },
      { ...baseOptional, show: t.keyof({ areas: null, goals: null }, 'overview kind (areas or goals)') },
    ),
    legend: strict('LegendSection', 'The key to the symbols of the governance vocabulary.', { ...base, type: literal('legend') }, baseOptional),
    perspective: strict(
      'PerspectiveSection',
      'A perspective (perspektiv) and its areas.',
      { ...base, type: literal('perspective'), title: NonEmptyString, areas: t.array(Area) },
      { body: RichText, corrections: t.array(Correction), vocabulary: VocabularyScope },
    ),
    workforce: strict(
      'WorkforceSection',
      'Workforce figures: headcount by gender and sick leave per year.',
      { ...base, type: literal('workforce') },
      { ...baseOptional, headcount: Headcount, sickLeaveTitle: NonEmptyString, sickLeave: t.array(SickLeaveYear) },
    ),
    finance: strict('FinanceSection', 'Financial tables (ekonomisk redovisning).', { ...base, type: literal('finance'), tables: t.array(DataTable) }, baseOptional),
    table: strict('TableSection', 'One table of figures with its text.', { ...base, type: literal('table'), table: DataTable }, baseOptional),
    deviation: strict(
      'DeviationSection',
      'Explanations of a deviation from budget with amounts.',
      { ...base, type: literal('deviation'), explanation: DeviationExplanation },
      baseOptional,
    ),
    indicators: strict(
      'IndicatorsSection',
      'Indicators gathered in titled groups, e.g. an appendix per målområde.',
      { ...base, type: literal('indicators'), groups: t.array(IndicatorGroup) },
      baseOptional,
    ),
    notes: strict('NotesSection', 'The notes (noter) to the statements, each with its number; rows refer to a note by its id.', { ...base, type: literal('notes'), notes: t.array(Note) }, baseOptional),
    internalControl: strict(
      'InternalControlSection',
      'Internal control (intern styrning och kontroll) and its points.',
      { ...base, type: literal('internalControl') },
      { ...baseOptional, items: t.array(ControlItem) },
    ),
  }),
);

export const Area: t.Type<Area, unknown, unknown> = t.recursion('Area', () =>
  strict(
    'Area',
    'An area (processområde, målområde): assessment and trend, text, goals, commitments and any sections before the goals (sections) or after the commitments (endSections).',
    { id: Id, title: NonEmptyString },
    {
      assessment: ScaleKey,
      provenance: Provenance,
      trend: ScaleKey,
      body: RichText,
      vocabulary: VocabularyScope,
      sections: t.array(Section),
      goals: t.array(Goal),
      commitments: t.array(Commitment),
      endSections: t.array(Section),
    },
  ),
);

export const IndicatorGroup: t.Type<IndicatorGroup, unknown, unknown> = strict(
  'IndicatorGroup',
  'A titled group of indicators.',
  { title: NonEmptyString, indicators: t.array(Indicator) },
  { body: RichText },
);

export const ControlItem: t.Type<ControlItem, unknown, unknown> = strict(
  'ControlItem',
  'One point of internal control and its result.',
  { title: NonEmptyString },
  { body: RichText, assessment: ScaleKey },
);

// --- governance as written in a report -------------------------------------

const PresetName = t.keyof({ eskilstuna: null, generic: null, 'generic-en': null }, 'preset name (eskilstuna, generic or generic-en)');

/** A governance vocabulary as written in a report: a preset and the parts replaced. */
export const GovernanceOverrides = strict(
  'GovernanceInput',
  'A governance vocabulary: a preset to start from and any part of it replaced. Terms are merged word by word.',
  {},
  {
    preset: PresetName,
    name: NonEmptyString,
    language: NonEmptyString,
    levels: strict('LevelsInput', 'Level names to replace.', {}, {
      perspective: LevelName, area: LevelName, goal: LevelName, commitment: LevelName, indicator: LevelName,
    }),
    assessment: t.array(ScaleStep),
    trend: t.array(ScaleStep),
    commitmentStatus: t.array(ScaleStep),
    completion: t.array(CompletionStep),
    dimensions: t.array(AssessmentDimension),
    statusRule: StatusRule,
    units: strict('UnitsInput', 'Unit words to replace.', {}, {
      percent: UnitWords, index: UnitWords, count: UnitWords, score: UnitWords, days: UnitWords, kr: UnitWords, tkr: UnitWords, mnkr: UnitWords,
    }),
    terms: strict('TermsInput', 'Renderer words to replace.', {}, Object.fromEntries(TERM_KEYS.map((k) => [k, t.string])) as Record<(typeof TERM_KEYS)[number], t.StringC>),
  },
);

/** Builds the full vocabulary from a preset name or a preset with overrides. */
export function resolveGovernance(input: string | t.TypeOf<typeof GovernanceOverrides>): Governance {
  if (typeof input === 'string') return presets[input as PresetName];
  const p = presets[input.preset ?? 'generic'];
  return {
    name: input.name ?? p.name,
    language: input.language ?? p.language,
    levels: { ...p.levels, ...input.levels },
    assessment: input.assessment ?? p.assessment,
    trend: input.trend ?? p.trend,
    commitmentStatus: input.commitmentStatus ?? p.commitmentStatus,
    completion: input.completion ?? p.completion,
    units: { ...p.units, ...input.units },
    terms: { ...p.terms, ...input.terms } as Terms,
    ...(input.dimensions ? { dimensions: input.dimensions } : p.dimensions ? { dimensions: p.dimensions } : {}),
    ...(input.statusRule ? { statusRule: input.statusRule } : p.statusRule ? { statusRule: p.statusRule } : {}),
  };
}

/** The governance vocabulary in a report: a preset name, or a preset with parts replaced. Decodes to the full vocabulary. */
export const GovernanceInput = new t.Type<Governance, Governance, unknown>(
  'governance (a preset name or an object)',
  Governance.is,
  (u, c) => {
    if (typeof u === 'string') {
      const r = PresetName.validate(u, c);
      return r._tag === 'Left' ? r : t.success(resolveGovernance(r.right));
    }
    const r = GovernanceOverrides.validate(u, c);
    return r._tag === 'Left' ? r : t.success(resolveGovernance(r.right));
  },
  t.identity,
);

// --- the report -------------------------------------------------------------

/** A signatory of the cover decision. */
export const Signatory = strict('Signatory', 'A person signing the cover document, with role.', { name: NonEmptyString, role: NonEmptyString });

/** The cover decision (tjänsteskrivelse): förslag till beslut, ärendebeskrivning, signatories, recipients. */
export const Decision = strict(
  'Decision',
  'The cover document (tjänsteskrivelse): the proposed decision, the description of the matter, who signs, decision documents and recipients.',
  { proposal: RichText, description: RichText },
  {
    office: NonEmptyString,
    signatories: t.array(Signatory),
    attachments: t.array(NonEmptyString),
    recipients: t.array(NonEmptyString),
  },
);
export type Decision = t.TypeOf<typeof Decision>;

/** A group of significant events (väsentliga händelser). */
export const EventGroup = strict('EventGroup', 'A titled group of significant events (väsentliga händelser).', { id: Id, title: NonEmptyString, body: RichText });
export type EventGroup = t.TypeOf<typeof EventGroup>;

/** The period (period) a report covers. */
export const Period = strict('Period', 'The period: year, label as written ("januari–augusti 2022"), first and last day.', {
  year: Year,
  label: NonEmptyString,
  start: IsoDate,
  end: IsoDate,
});
export type Period = t.TypeOf<typeof Period>;

/** Whose report it is: the kommun (kommunfullmäktige), a nämnd or styrelse, a bolag, a kommunalförbund, or the sammanställd redovisning. */
export const ReportLevel = t.keyof({ kommun: null, namnd: null, bolag: null, forbund: null, sammanstalld: null }, 'report level (kommun, namnd, bolag, forbund or sammanstalld)');
export type ReportLevel = t.TypeOf<typeof ReportLevel>;

/** A report (rapport): delårsrapport, tertialrapport, årsredovisning or another follow-up, of the kommun, a nämnd or a bolag. */
export const Report = strict(
  'Report',
  'A follow-up report (delårsrapport, tertialrapport, årsredovisning or another uppföljning) of the kommun (level kommun: to kommunfullmäktige), a nämnd or styrelse (level namnd, the default), a bolag, a kommunalförbund (level forbund) or the sammanställd redovisning.',
  {
    id: Id,
    kind: t.keyof({ interim: null, tertial: null, annual: null, other: null }, 'report kind (interim, tertial, annual or other)'),
    title: NonEmptyString,
    period: Period,
    municipality: strict('Municipality', 'The kommun and its kommunkod; for a kommunalförbund (level forbund), the kommun of its seat (säte).', { name: NonEmptyString, code: Kommunkod }),
    body: strict('Body', 'The body that owns the report: kommunfullmäktige for a kommun-level report, the nämnd, styrelse, bolag or kommunalförbund otherwise.', { name: NonEmptyString, abbreviation: NonEmptyString }),
    language: t.keyof({ sv: null, en: null }, 'language (sv or en)'),
    governance: GovernanceInput,
    organisations: Organisations,
    summary: RichText,
    sections: t.array(Section),
  },
  {
    $schema: t.string,
    schemaVersion: t.string,
    level: ReportLevel,
    office: strict('Office', 'The förvaltning or kontor that writes the report.', { name: NonEmptyString }, { abbreviation: NonEmptyString }),
    caseNumber: NonEmptyString,
    date: IsoDate,
    contact: strict('Contact', 'Where readers can ask about the report.', { name: NonEmptyString }, { email: EmailAddress, url: WebIri, phone: NonEmptyString }),
    decision: Decision,
    significantEvents: t.array(EventGroup),
    revise: t.array(NonEmptyString),
    members: t.array(
      strict('Member', 'A member kommun of a kommunalförbund: its name and kommunkod.', { name: NonEmptyString, code: Kommunkod }),
      'the member kommuner of a kommunalförbund (level forbund)',
    ),
  },
);
export type Report = t.TypeOf<typeof Report>;
