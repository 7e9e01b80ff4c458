// Walks a report once and gathers what the open data describes, in document order:
// perspectives with their areas, goals, commitments, indicators (under a goal or in a
// group), tables of figures, deviation explanations and workforce figures. Sections nest
// (areas hold sections, text sections hold subsections): the model's walkReport visits them all.
import { walkReport, withRuleStatus, type Report, type Area, type Goal, type Commitment, type Indicator, type DataTable, type DeviationExplanation, type Headcount, type SickLeaveYear, type Correction, type ReportVisitor, type ReportPath, type IndicatorParent, type Section, type PerspectiveSection, type FinanceSection, type TableSection, type NotesSection, type DeviationSection } from '@kommunrapport/model';

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

/** The facts of each report already gathered: the tables, the DCAT graph and its dataset nodes all ask. */
const GATHERED = new WeakMap<Report, Facts>();

/** Gathers the facts of a report in document order, in one walk (walkReport), once per report; not to be changed. */
export function collectFacts(report: Report): Facts {
  let facts = GATHERED.get(report);
  if (!facts) {
    const collector = new FactCollector(report);
    walkReport(report, collector);
    facts = collector.facts;
    GATHERED.set(report, facts);
  }
  return facts;
}

/**
 * The visitor of the walk: a class, not an object of arrows made per report, so its
 * methods keep their optimised code from one report of a batch to the next.
 */
class FactCollector implements ReportVisitor {
  readonly facts: Facts = { areas: [], goals: [], commitments: [], indicators: [], tables: [], deviations: [], workforce: [], corrections: [] };
  private indicatorPosition = 0;

  constructor(private readonly report: Report) {}

  // What a kind of section adds, in the walk's table of kinds (one handler, made per report: cold).
  readonly sections: ReportVisitor['sections'] = {
    workforce: (section) => this.facts.workforce.push({ sectionId: section.id, ...(section.headcount ? { headcount: section.headcount } : {}), sickLeave: section.sickLeave ?? [] }),
  };

  section(section: Section): void {
    this.corrected('section', section.id, section.corrections);
  }

  area(area: Area, _path: ReportPath, { perspective }: { perspective: PerspectiveSection }): void {
    this.facts.areas.push({ area, perspectiveId: perspective.id, perspectiveTitle: perspective.title, position: this.facts.areas.length + 1 });
  }

  // A status the governance's rule gives is filled in (marked inferred), as in the document.
  goal(goal: Goal, _path: ReportPath, { area }: { area: Area }): void {
    this.facts.goals.push({ goal: withRuleStatus(goal, this.report.governance, this.report.period.year), areaId: area.id, position: this.facts.goals.length + 1 });
  }

  commitment(commitment: Commitment, _path: ReportPath, { area }: { area: Area }): void {
    this.facts.commitments.push({ commitment, areaId: area.id, position: this.facts.commitments.length + 1 });
  }

  indicator(indicator: Indicator, _path: ReportPath, parent: IndicatorParent): void {
    const position = ++this.indicatorPosition;
    this.facts.indicators.push('goal' in parent ? { indicator, goalId: parent.goal.id, position } : { indicator, sectionId: parent.section.id, groupTitle: parent.group.title, position });
    this.corrected('indicator', indicator.id, indicator.corrections);
  }

  table(table: DataTable, _path: ReportPath, { section }: { section: FinanceSection | TableSection | NotesSection }): void {
    this.facts.tables.push({ table, sectionId: section.id, ...(section.title ? { sectionTitle: section.title } : {}) });
    this.corrected('table', table.id, table.corrections);
  }

  deviation(explanation: DeviationExplanation, _path: ReportPath, { section }: { section: DeviationSection }): void {
    this.facts.deviations.push({ explanation, sectionId: section.id, ...(section.title ? { title: section.title } : {}) });
  }

  private corrected(kind: CorrectionFact['kind'], localId: string, corrections: readonly Correction[] | undefined): void {
    if (corrections?.length) this.facts.corrections.push({ kind, localId, corrections });
  }
}
