// The words, symbols and colours of a report's governance vocabulary, and the
// organisation registry for writing out abbreviations. Every renderer reads labels here.
import { REPORT_KIND_TERM, BODY_TERM } from '@kommunrapport/model';
import type { Governance, Report, ScaleStep, CompletionStep, TermKey, Unit, UnitWords, VocabularyScope } from '@kommunrapport/model';

/** Which scale of the vocabulary a key belongs to. */
export type ScaleName = 'assessment' | 'trend' | 'commitmentStatus' | 'completion';

/** A scale value ready to show: symbol and words, or "not stated" when the source does not say. */
export interface Badge {
  scale: ScaleName;
  /** The scale key, or null when not stated. */
  key: string | null;
  /** The short label, e.g. "Delvis". */
  label: string;
  /** Words that stand for the symbol, e.g. "delvis uppnår resultatmålen". */
  textAlternative: string;
  /** The symbol, e.g. "◐"; absent when not stated. */
  symbol?: string;
  /** The colour #rrggbb; absent when not stated. */
  colour?: string;
}

/** A piece of running text: plain, or an abbreviation with its full name. */
export type TextSegment = { text: string } | { abbreviation: string; name: string };

/** Vocabulary access for renderers. */
export interface Vocabulary {
  readonly governance: Governance;
  /** A renderer word; `{name}` placeholders are filled from `vars`. */
  term(key: TermKey, vars?: Record<string, string>): string;
  /** The badge for a scale key (null/undefined = not stated). */
  badge(scale: ScaleName, key: string | null | undefined): Badge;
  /** The steps of a scale, in the order of the vocabulary. */
  steps(scale: ScaleName): readonly (ScaleStep | CompletionStep)[];
  /** Words for a unit. */
  unit(unit: Unit): UnitWords;
  /** The full name of an abbreviation or group ("SBN" → "Stadsbyggnadsnämnden"), or undefined. */
  expand(abbreviation: string): string | undefined;
  /** Splits running text into plain parts and known abbreviations (whole words only). */
  segments(text: string): TextSegment[];
  /** The label of the report's kind, e.g. "Delårsrapport". */
  reportKind(): string;
  /** The word for the owning body on the cover, by the report's level: "Nämnd", "Fullmäktige", "Bolag" … */
  bodyTerm(): string;
  /**
   * The vocabulary inside a section, area or goal with its own words: level names and
   * assessment labels replaced, everything else as here. The one place scoped words are
   * resolved; without a scope, this vocabulary itself.
   */
  scoped(scope: VocabularyScope | undefined): Vocabulary;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export { capitalise };

/** Replaces level names and assessment labels of a vocabulary by those of a scope. */
function applyScope(g: Governance, scope: VocabularyScope): Governance {
  const labels = scope.assessmentLabels ?? {};
  return {
    ...g,
    levels: { ...g.levels, ...scope.levels },
    assessment: g.assessment.map((step) => (labels[step.key] ? { ...step, label: labels[step.key]! } : step)),
  };
}

/** Builds the vocabulary of a report. */
export function createVocabulary(report: Report): Vocabulary {
  return new ReportVocabulary(report, report.governance, registryOf(report));
}

/** The organisation registry of a report, for writing out abbreviations; shared by its scoped vocabularies. */
interface Registry {
  names: Map<string, string>;
  groups: Map<string, string>;
  /** The registry's abbreviations as whole words, longest first; null when there are none. */
  abbrRe: RegExp | null;
}

const longestFirst = (a: string, b: string) => b.length - a.length;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function registryOf(report: Report): Registry {
  const names = new Map<string, string>();
  for (const o of report.organisations.bodies) names.set(o.abbreviation, o.name);
  const groups = new Map<string, string>();
  for (const grp of report.organisations.groups ?? []) groups.set(grp.name, grp.description);
  const abbrs = [...names.keys()].sort(longestFirst).map(escapeRegExp);
  const abbrRe = abbrs.length ? new RegExp(`(?<![\\p{L}\\p{N}])(${abbrs.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  return { names, groups, abbrRe };
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** A term with its `{name}` placeholders filled from `vars`; unknown ones are left as written. */
function fillTerm(template: string, vars: Record<string, string>): string {
  let out = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out += template.slice(last, m.index) + (vars[m[1]!] ?? m[0]);
    last = m.index + m[0].length;
  }
  return last === 0 ? template : out + template.slice(last);
}

function stepOf(steps: readonly (ScaleStep | CompletionStep)[], key: string): ScaleStep | CompletionStep | undefined {
  for (const s of steps) if (s.key === key) return s;
  return undefined;
}

// A class with prototype methods rather than an object of closures: a batch makes vocabularies
// for every report, and V8 drops the optimised code of closures made per report at each full
// collection, so the next report would compile them again.
class ReportVocabulary implements Vocabulary {
  constructor(
    private readonly report: Report,
    readonly governance: Governance,
    private readonly registry: Registry,
  ) {}

  term(key: TermKey, vars: Record<string, string> = {}): string {
    return fillTerm(this.governance.terms[key], vars);
  }

  badge(scale: ScaleName, key: string | null | undefined): Badge {
    const step = key == null ? undefined : stepOf(this.steps(scale), key);
    if (!step) return { scale, key: null, label: this.term('notStated'), textAlternative: this.term('notStated').toLowerCase() };
    return { scale, key: step.key, label: step.label, textAlternative: step.textAlternative, symbol: step.symbol, colour: step.colour };
  }

  steps(scale: ScaleName): readonly (ScaleStep | CompletionStep)[] {
    return scale === 'completion' ? this.governance.completion : this.governance[scale];
  }

  unit(unit: Unit): UnitWords {
    return this.governance.units[unit];
  }

  expand(abbreviation: string): string | undefined {
    return this.registry.names.get(abbreviation) ?? this.registry.groups.get(abbreviation);
  }

  segments(text: string): TextSegment[] {
    const { abbrRe, names } = this.registry;
    if (!abbrRe) return [{ text }];
    const out: TextSegment[] = [];
    let last = 0;
    for (const m of text.matchAll(abbrRe)) {
      if (m.index > last) out.push({ text: text.slice(last, m.index) });
      out.push({ abbreviation: m[0], name: names.get(m[0])! });
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last) });
    return out;
  }

  reportKind(): string {
    return this.term(REPORT_KIND_TERM[this.report.kind]);
  }

  bodyTerm(): string {
    return this.term(BODY_TERM[this.report.level ?? 'namnd']);
  }

  scoped(scope: VocabularyScope | undefined): Vocabulary {
    return scope ? new ReportVocabulary(this.report, applyScope(this.governance, scope), this.registry) : this;
  }
}
