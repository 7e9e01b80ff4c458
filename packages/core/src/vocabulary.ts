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

/** Builds the vocabulary of a report. */
export function createVocabulary(report: Report): Vocabulary {
  return vocabularyOf(report, report.governance);
}

/** Replaces level names and assessment labels of a vocabulary by those of a scope. */
function applyScope(g: Governance, scope: VocabularyScope): Governance {
  const labels = scope.assessmentLabels ?? {};
  return {
    ...g,
    levels: { ...g.levels, ...scope.levels },
    assessment: g.assessment.map((step) => (labels[step.key] ? { ...step, label: labels[step.key]! } : step)),
  };
}

function vocabularyOf(report: Report, g: Governance): Vocabulary {
  const names = new Map<string, string>();
  for (const o of report.organisations.bodies) names.set(o.abbreviation, o.name);
  const groups = new Map<string, string>();
  for (const grp of report.organisations.groups ?? []) groups.set(grp.name, grp.description);
  const abbrs = [...names.keys()].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const abbrRe = abbrs.length ? new RegExp(`(?<![\\p{L}\\p{N}])(${abbrs.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  const steps = (scale: ScaleName) => (scale === 'completion' ? g.completion : g[scale]);
  const term = (key: TermKey, vars: Record<string, string> = {}) =>
    g.terms[key].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
  return {
    governance: g,
    term,
    badge(scale, key) {
      const step = key == null ? undefined : (steps(scale) as readonly (ScaleStep | CompletionStep)[]).find((s) => s.key === key);
      if (!step) return { scale, key: null, label: term('notStated'), textAlternative: term('notStated').toLowerCase() };
      return { scale, key: step.key, label: step.label, textAlternative: step.textAlternative, symbol: step.symbol, colour: step.colour };
    },
    steps,
    unit: (unit) => g.units[unit],
    expand: (abbreviation) => names.get(abbreviation) ?? groups.get(abbreviation),
    segments(text) {
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
    },
    reportKind: () => term(REPORT_KIND_TERM[report.kind]),
    bodyTerm: () => term(BODY_TERM[report.level ?? 'namnd']),
    scoped(scope) {
      return scope ? vocabularyOf(report, applyScope(g, scope)) : this;
    },
  };
}
