// The governance vocabulary (styrmodell): names of levels, the scales with their words,
// colours and symbols, and every other word a renderer shows. Renderers take every word
// and symbol from here, so a kommun changes them in data, never in code.
import * as t from 'io-ts';
import { strict, NonEmptyString, FiniteNumber } from './codec.js';
import { Id, HexColour } from './ids.js';
import { AssessmentDimension, StatusRule } from './goal-model.js';

/** A level's name (nivå), e.g. processområde / processområden. */
export const LevelName = strict('LevelName', 'The name of one level of the content tree, in singular and plural.', {
  singular: NonEmptyString,
  plural: NonEmptyString,
});
export type LevelName = t.TypeOf<typeof LevelName>;

/** One step of a scale (skalsteg): uppnår, delvis, ej uppnår; bättre, oförändrad, sämre … */
export const ScaleStep = strict(
  'ScaleStep',
  'One step of a scale: its key (used in the report), its label and long text, its colour, its symbol and the words that stand for the symbol.',
  {
    key: Id,
    label: NonEmptyString,
    colour: HexColour,
    symbol: NonEmptyString,
    textAlternative: NonEmptyString,
  },
  { description: NonEmptyString },
);
export type ScaleStep = t.TypeOf<typeof ScaleStep>;

/** A step of completion (färdiggrad) with its share done in percent. */
export const CompletionStep = strict(
  'CompletionStep',
  'One step of completion (färdiggrad): the share done in percent, with label, colour, symbol and text alternative.',
  {
    key: Id,
    label: NonEmptyString,
    percent: FiniteNumber,
    colour: HexColour,
    symbol: NonEmptyString,
    textAlternative: NonEmptyString,
  },
  { description: NonEmptyString },
);
export type CompletionStep = t.TypeOf<typeof CompletionStep>;

/** The unit words (enheter) for each unit key, short and spoken. */
export const UnitWords = strict('UnitWords', 'How a unit is written in tables (short) and in running text or speech (long).', {
  short: t.string,
  long: t.string,
});
export type UnitWords = t.TypeOf<typeof UnitWords>;

/** Units the model knows. Amounts in SEK carry their scale: kr, tkr (1 000) and mnkr (1 000 000). */
export const Unit = t.keyof({ percent: null, index: null, count: null, score: null, days: null, kr: null, tkr: null, mnkr: null }, 'unit');
export type Unit = t.TypeOf<typeof Unit>;

/** The keys of every word a renderer may show besides the report's own text. */
export const TERM_KEYS = [
  'contents', 'skipToContent', 'municipality', 'body', 'office', 'caseNumber', 'period', 'date', 'reportKindInterim',
  'reportKindTertial', 'reportKindAnnual', 'decision', 'proposal', 'description', 'signatories', 'recipients', 'attachments',
  'summary', 'significantEvents', 'overview', 'legend', 'symbol', 'meaning', 'assessment', 'trend', 'status', 'completion',
  'responsible', 'comment', 'indicators', 'indicator', 'outcome', 'target', 'year', 'total', 'women', 'men', 'notStated',
  'missingValue', 'workforce', 'headcount', 'sickLeave', 'finance', 'amountsIn', 'deviationExplanation', 'internalControl',
  'chart', 'chartOfValues', 'valuesInTable', 'continued', 'page', 'of', 'minus', 'plus', 'higherIsBetter', 'lowerIsBetter', 'source', 'koladaId', 'abbreviations',
  'appendix', 'and', 'documentLanguage', 'generatedBy', 'amount', 'reportKindOther', 'bodyKommun', 'bodyBolag', 'bodyForbund', 'bodySammanstalld',
  'notes', 'note', 'statusBasis', 'statusInferred', 'statusUnknown', 'correction',
  'correctionText', 'serves', 'origin', 'targetAttainment', 'comparisonOf', 'upperGoal', 'atLeast', 'atMost',
  'interval', 'increase', 'decrease', 'noAmount', 'notApplicable', 'statusByRule', 'image', 'notInChart',
  'otherFormats', 'formatPdf', 'formatText', 'formatDocx', 'formatOpenData', 'downloadTableCsv', 'contact',
  'seat', 'members', 'valuesIn',
] as const;
export type TermKey = (typeof TERM_KEYS)[number];

/** Words shown by renderers: headings, column names, connecting words. */
export const Terms = strict(
  'Terms',
  'Every word a renderer shows besides the report text. "{unit}", "{indicator}" and similar placeholders are filled in by renderers.',
  Object.fromEntries(TERM_KEYS.map((k) => [k, t.string])) as Record<TermKey, t.StringC>,
);
export type Terms = t.TypeOf<typeof Terms>;

/** The five levels of the content tree and what they are called in this styrmodell. */
export const Levels = strict('Levels', 'What this styrmodell calls each level of the content tree.', {
  perspective: LevelName,
  area: LevelName,
  goal: LevelName,
  commitment: LevelName,
  indicator: LevelName,
});
export type Levels = t.TypeOf<typeof Levels>;

/** A governance vocabulary (styrmodell) in full, as renderers see it. */
export const Governance = strict(
  'Governance',
  'The governance vocabulary (styrmodell): level names, scales with words, colours and symbols, and renderer words.',
  {
    name: NonEmptyString,
    language: NonEmptyString,
    levels: Levels,
    assessment: t.array(ScaleStep),
    trend: t.array(ScaleStep),
    commitmentStatus: t.array(ScaleStep),
    completion: t.array(CompletionStep),
    units: strict('UnitVocabulary', 'Words for every unit.', {
      percent: UnitWords, index: UnitWords, count: UnitWords, score: UnitWords, days: UnitWords, kr: UnitWords, tkr: UnitWords, mnkr: UnitWords,
    }),
    terms: Terms,
  },
  { dimensions: t.array(AssessmentDimension), statusRule: StatusRule },
);
export type Governance = t.TypeOf<typeof Governance>;

/** The multiplier of an amount unit to kronor; 1 for units that are not amounts. */
export const UNIT_FACTOR: Record<Unit, number> = { percent: 1, index: 1, count: 1, score: 1, days: 1, kr: 1, tkr: 1000, mnkr: 1_000_000 };

/** Units that are amounts of money (SEK). */
export const isAmountUnit = (unit: Unit): boolean => unit === 'kr' || unit === 'tkr' || unit === 'mnkr';

/** The word for each report kind. */
export const REPORT_KIND_TERM = { interim: 'reportKindInterim', tertial: 'reportKindTertial', annual: 'reportKindAnnual', other: 'reportKindOther' } as const satisfies Record<string, TermKey>;

/** The word for the owning body on the cover, per report level: no "Nämnd" on a kommunfullmäktige report. */
export const BODY_TERM = { kommun: 'bodyKommun', namnd: 'body', bolag: 'bodyBolag', forbund: 'bodyForbund', sammanstalld: 'bodySammanstalld' } as const satisfies Record<string, TermKey>;
