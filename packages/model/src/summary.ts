// Counting the content of a report: areas, goals, commitments and indicators, wherever in
// the section tree they stand. Used by `kommunrapport validate` and by renderers' metadata.
import type { Report, Section, Area } from './report.js';

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
  const area = (a: Area) => {
    counts.areas += 1;
    for (const g of a.goals ?? []) {
      counts.goals += 1;
      counts.indicators += g.indicators?.length ?? 0;
    }
    counts.commitments += a.commitments?.length ?? 0;
    for (const s of [...(a.sections ?? []), ...(a.endSections ?? [])]) section(s);
  };
  const section = (s: Section) => {
    switch (s.type) {
      case 'perspective':
        counts.perspectives += 1;
        s.areas.forEach(area);
        break;
      case 'text':
        s.sections?.forEach(section);
        break;
      case 'indicators':
        for (const g of s.groups) counts.indicators += g.indicators.length;
        break;
      case 'finance':
        counts.tables += s.tables.length;
        break;
      case 'table':
        counts.tables += 1;
        break;
      default:
        break;
    }
  };
  report.sections.forEach(section);
  return counts;
}
