// Walks a report once and gathers what the open data describes, in document order:
// perspectives with their areas, goals, commitments, indicators (under a goal or in a
// group), tables of figures, deviation explanations and workforce figures. Sections nest
// (areas hold sections, text sections hold subsections): the model's walkReport visits them all.
import { walkReport, withRuleStatus, type Report, type Area, type Goal, type Commitment, type Indicator, type DataTable, type DeviationExplanation, type Headcount, type SickLeaveYear, type Correction } from '@kommunrapport/model';

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

/** The corrections of one section, table or indicator. */
export interface CorrectionFact { kind: 'section' | 'table' | 'indicator'; localId: string; corrections: readonly Correction[] }

/** Everything the open data holds, gathered from a report. */
export interface Facts {
  areas: AreaFact[];
  goals: GoalFact[];
  commitments: CommitmentFact[];
  indicators: IndicatorFact[];
  tables: TableFact[];
  deviations: DeviationFact[];
  workforce: WorkforceFact[];
  corrections: CorrectionFact[];
}

/** Gathers the facts of a report in document order, in one walk (walkReport). */
export function collectFacts(report: Report): Facts {
  const facts: Facts = { areas: [], goals: [], commitments: [], indicators: [], tables: [], deviations: [], workforce: [], corrections: [] };
  const corrected = (kind: CorrectionFact['kind'], localId: string, corrections: readonly Correction[] | undefined) => {
    if (corrections?.length) facts.corrections.push({ kind, localId, corrections });
  };
  const addTable = (table: DataTable, section: { id: string; title?: string }) => {
    facts.tables.push({ table, sectionId: section.id, ...(section.title ? { sectionTitle: section.title } : {}) });
    corrected('table', table.id, table.corrections);
  };
  const addIndicator = (fact: IndicatorFact) => {
    facts.indicators.push(fact);
    corrected('indicator', fact.indicator.id, fact.indicator.corrections);
  };
  let indicatorPosition = 0;
  walkReport(report, {
    section: (section) => corrected('section', section.id, section.corrections),
    area: (area, _path, { perspective }) => facts.areas.push({ area, perspectiveId: perspective.id, perspectiveTitle: perspective.title, position: facts.areas.length + 1 }),
    // A status the governance's rule gives is filled in (marked inferred), as in the document.
    goal: (goal, _path, { area }) => facts.goals.push({ goal: withRuleStatus(goal, report.governance, report.period.year), areaId: area.id, position: facts.goals.length + 1 }),
    commitment: (commitment, _path, { area }) => facts.commitments.push({ commitment, areaId: area.id, position: facts.commitments.length + 1 }),
    indicator: (indicator, _path, parent) =>
      addIndicator(
        'goal' in parent
          ? { indicator, goalId: parent.goal.id, position: ++indicatorPosition }
          : { indicator, sectionId: parent.section.id, groupTitle: parent.group.title, position: ++indicatorPosition },
      ),
    table: (table, _path, { section }) => addTable(table, section),
    deviation: (explanation, _path, { section }) => facts.deviations.push({ explanation, sectionId: section.id, ...(section.title ? { title: section.title } : {}) }),
    sections: {
      workforce: (section) => facts.workforce.push({ sectionId: section.id, ...(section.headcount ? { headcount: section.headcount } : {}), sickLeave: section.sickLeave ?? [] }),
    },
  });
  return facts;
}
