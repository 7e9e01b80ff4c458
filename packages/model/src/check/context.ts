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

/** The rounding tolerance for a figure computed from `terms` shown figures with `decimals` decimals. */
export function tolerance(decimals: number, terms: number): number {
  return 0.5 * 10 ** -decimals * Math.max(1, terms) + 1e-9;
}

/** A computed figure as it is shown in a message: rounded to six decimals. */
export const shown = (n: number): string => String(Math.round(n * 1e6) / 1e6);
