// What every rule family of the check shares: the report, a way to report a finding by
// code and data, and the rounding helpers the figure rules use.
import type { Report } from '../report.js';
import type { Governance } from '../governance.js';
import type { DIAGNOSTIC_CODES, DiagnosticCode, DiagnosticData } from '../diagnostics.js';
import type { ReportPath, ReportVisitor } from '../walk.js';

/** A finding's details besides its code and data. */
export interface FindingDetails {
  expected?: string;
  found?: string;
  hint?: string;
}

/** What a rule family gets: the report and a way to report findings. */
export interface CheckContext {
  /** The report being checked. */
  input: Report;
  governance: Governance;
  periodYear: number;
  /** Reports a finding of `code` at `path`; the message comes from the catalogue. */
  report<C extends DiagnosticCode>(code: C, data: DiagnosticData<(typeof DIAGNOSTIC_CODES)[C]>, path: ReportPath, details?: FindingDetails): void;
}

/** A family of rules: a visitor over the report and, optionally, work after the walk. */
export interface Rules extends ReportVisitor {
  /** Called once the whole report has been walked, in the order of the families. */
  done?(): void;
}

/** Makes the rules of a family for one report. */
export type RuleFamily = (ctx: CheckContext) => Rules;

/** The number of decimals a number is written with. */
export function decimalsOf(n: number): number {
  const s = String(Math.abs(n));
  if (s.includes('e')) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * The largest difference rounding explains between figures printed with `decimals` decimals,
 * when `figures` of them were rounded independently (the terms and the result they should
 * give). Each rounding moves a figure by at most half a unit of the last decimal, so the worst
 * case is half a unit per figure; but independent roundings cancel, and their sum stays within
 * three standard deviations (a unit × √(0.75 × figures), 99.7 %) in practice. The tolerance is
 * the smaller of the two and never less than one unit, so two figures may differ by one unit:
 * an error of 0,4 in a total of eight rows with one decimal is found (tolerance 0,26), where
 * half a unit per row (0,4) let it pass.
 */
export function tolerance(decimals: number, figures: number): number {
  const unit = 10 ** -decimals;
  const n = Math.max(2, figures);
  return Math.min(0.5 * unit * n, Math.max(unit, unit * Math.sqrt(0.75 * n))) + 1e-9 * unit;
}

/** A computed figure as it is shown in a message: rounded to six decimals. */
export const shown = (n: number): string => String(Math.round(n * 1e6) / 1e6);
