// Counting the content of a report: areas, goals, commitments and indicators, wherever in
// the section tree they stand. Used by `kommunrapport validate` and by renderers' metadata.
import type { Report } from './report.js';
import { walkReport } from './walk.js';

/** How much content a report holds. */
export interface ContentCounts {
  perspectives: number;
  areas: number;
  goals: number;
  commitments: number;
  indicators: number;
  tables: number;
}

/** Counts the perspectives, areas, goals, commitments, indicators and tables of a report. */
export function countContent(report: Report): ContentCounts {
  const counts: ContentCounts = { perspectives: 0, areas: 0, goals: 0, commitments: 0, indicators: 0, tables: 0 };
  walkReport(report, {
    sections: { perspective: () => (counts.perspectives += 1) },
    area: () => (counts.areas += 1),
    goal: () => (counts.goals += 1),
    commitment: () => (counts.commitments += 1),
    indicator: () => (counts.indicators += 1),
    table: () => (counts.tables += 1),
  });
  return counts;
}
