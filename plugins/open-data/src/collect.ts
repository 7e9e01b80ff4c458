// Walks a report once and gathers what the open data describes, in document order:
// perspectives with their areas, goals, commitments, indicators (under a goal or in a
// group), tables of figures, deviation explanations and workforce figures. Sections nest
// (areas hold sections, text sections hold subsections), so the walk is recursive.
import type { Report, Section, Area, Goal, Commitment, Indicator, DataTable, DeviationExplanation, Headcount, SickLeaveYear } from '@kommunrapport/model';

/** An area with the perspective it belongs to. */
export interface AreaFact { area: Area; perspectiveId: string; perspectiveTitle: string; position: number }
/** A goal with its area. */
export interface GoalFact { goal: Goal; areaId: string; position: number }
/** A commitment with its area. */
export interface CommitmentFact { commitment: Commitment; areaId: string; position: number }
/** An indicator with where it stands: under a goal, or in a titled group of an indicators section. */
export interface IndicatorFact { indicator: Indicator; goalId?: string; sectionId?: string; groupTitle?: string; position: number }
/** A table of figures with the section that holds it. */
export interface TableFact { table: DataTable; sectionId: string; sectionTitle?: string }
/** A deviation explanation with its section. */
export interface DeviationFact { explanation: DeviationExplanation; sectionId: string; title?: string }
/** Workforce figures of one workforce section. */
export interface WorkforceFact { sectionId: string; headcount?: Headcount; sickLeave: readonly SickLeaveYear[] }

/** Everything the open data holds, gathered from a report. */
export interface Facts {
  areas: AreaFact[];
  goals: GoalFact[];
  commitments: CommitmentFact[];
  indicators: IndicatorFact[];
  tables: TableFact[];
  deviations: DeviationFact[];
  workforce: WorkforceFact[];
}

/** Gathers the facts of a report in document order. */
export function collectFacts(report: Report): Facts {
  const facts: Facts = { areas: [], goals: [], commitments: [], indicators: [], tables: [], deviations: [], workforce: [] };
  let indicatorPosition = 0;

  const visitArea = (area: Area, perspectiveId: string, perspectiveTitle: string) => {
    facts.areas.push({ area, perspectiveId, perspectiveTitle, position: facts.areas.length + 1 });
    area.sections?.forEach(visitSection);
    area.goals?.forEach((goal) => {
      facts.goals.push({ goal, areaId: area.id, position: facts.goals.length + 1 });
      goal.indicators?.forEach((indicator) => facts.indicators.push({ indicator, goalId: goal.id, position: ++indicatorPosition }));
    });
    area.commitments?.forEach((commitment) => facts.commitments.push({ commitment, areaId: area.id, position: facts.commitments.length + 1 }));
    area.endSections?.forEach(visitSection);
  };

  function visitSection(section: Section): void {
    switch (section.type) {
      case 'text':
        section.sections?.forEach(visitSection);
        break;
      case 'perspective':
        section.areas.forEach((a) => visitArea(a, section.id, section.title));
        break;
      case 'finance':
        section.tables.forEach((table) => facts.tables.push({ table, sectionId: section.id, ...(section.title ? { sectionTitle: section.title } : {}) }));
        break;
      case 'table':
        facts.tables.push({ table: section.table, sectionId: section.id, ...(section.title ? { sectionTitle: section.title } : {}) });
        break;
      case 'notes':
        for (const note of section.notes) note.tables?.forEach((table) => facts.tables.push({ table, sectionId: section.id, ...(section.title ? { sectionTitle: section.title } : {}) }));
        break;
      case 'deviation':
        facts.deviations.push({ explanation: section.explanation, sectionId: section.id, ...(section.title ? { title: section.title } : {}) });
        break;
      case 'workforce':
        facts.workforce.push({ sectionId: section.id, ...(section.headcount ? { headcount: section.headcount } : {}), sickLeave: section.sickLeave ?? [] });
        break;
      case 'indicators':
        for (const group of section.groups)
          for (const indicator of group.indicators)
            facts.indicators.push({ indicator, sectionId: section.id, groupTitle: group.title, position: ++indicatorPosition });
        break;
      default:
        break;
    }
  }

  report.sections.forEach(visitSection);
  return facts;
}
