// The findings of several reports (build, site, validate), printed for people without saying
// the same thing forty times: every finding of every report is listed, at its own file, line
// and path (with --quiet too: a warning in the next report may be about another figure), but
// a hint is printed only the first time the run meets it. One report's output is not touched.
import { formatDiagnostic, type Diagnostic, type FormatOptions } from '@kommunrapport/model';

/** What a hint is known by across reports: its plugin, code and words. */
const hintOf = (d: Diagnostic) => `${d.plugin ?? ''}\0${d.code}\0${d.hint}`;

/** Formats the findings of the reports of one run as they finish. */
export class RepeatedFindings {
  /** Hints already printed. */
  private readonly hints = new Set<string>();

  constructor(private readonly options: { format?: FormatOptions } = {}) {}

  /** The lines of one report's findings (each finding's lines, indented by the caller), a hint printed before left out. */
  report(diagnostics: readonly Diagnostic[], format: FormatOptions | undefined = this.options.format): string[] {
    const out: string[] = [];
    for (const d of diagnostics) {
      const repeat = d.hint !== undefined && this.hints.has(hintOf(d));
      if (d.hint !== undefined) this.hints.add(hintOf(d));
      const { hint: _hint, ...withoutHint } = d;
      out.push(formatDiagnostic(repeat ? withoutHint : d, format));
    }
    return out;
  }
}
