// The findings of a batch build, printed for people without saying the same thing forty
// times: every finding of every report is listed, but a hint is printed only the first time
// the run meets it; under --quiet a warning already shown for an earlier report is not listed
// again for a report that built, and a closing line counts the reports that had it. One
// report's output is not touched.
import { formatDiagnostic, type Diagnostic, type FormatOptions } from '@kommunrapport/model';

/** What a warning is known by across reports: its plugin and code. */
const kindOf = (d: Diagnostic) => (d.plugin !== undefined ? `[plugin ${d.plugin}] ${d.code}` : d.code);

/** Formats the findings of the reports of one batch as they finish. */
export class RepeatedFindings {
  /** Hints already printed, each with the plugin and code it was printed for. */
  private readonly hints = new Set<string>();
  /** Warnings listed in full under --quiet: the kind, the report it was shown for, and how many later reports had it. */
  private readonly shown = new Map<string, { file: string; more: number }>();

  constructor(private readonly options: { quiet: boolean; format?: FormatOptions }) {}

  /**
   * The lines for one report's findings (each finding's lines, indented by the caller).
   * `built`: whether the report was built; under --quiet only a built report's repeated
   * warnings are left out.
   */
  report(file: string, diagnostics: readonly Diagnostic[], built: boolean): string[] {
    const out: string[] = [];
    const counted = new Set<string>();
    for (const d of diagnostics) {
      const kind = kindOf(d);
      if (this.options.quiet && built && d.severity === 'warning') {
        const seen = this.shown.get(kind);
        if (seen !== undefined && seen.file !== file) {
          // One report with the same warning twice counts once.
          if (!counted.has(kind)) seen.more++;
          counted.add(kind);
          continue;
        }
        if (seen === undefined) this.shown.set(kind, { file, more: 0 });
      }
      const hint = d.hint === undefined ? undefined : `${kind}\0${d.hint}`;
      const repeat = hint !== undefined && this.hints.has(hint);
      if (hint !== undefined) this.hints.add(hint);
      const { hint: _hint, ...withoutHint } = d;
      out.push(formatDiagnostic(repeat ? withoutHint : d, this.options.format));
    }
    return out;
  }

  /** The closing lines under --quiet: "39 more reports had the warning …", one per warning left out. */
  closing(): string[] {
    return [...this.shown]
      .filter(([, s]) => s.more > 0)
      .map(([kind, s]) => `${s.more} more report${s.more === 1 ? '' : 's'} had the warning ${kind} (shown above for ${s.file}).`);
  }
}
