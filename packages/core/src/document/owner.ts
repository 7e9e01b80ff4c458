// Who a report is of, decided once for the cover, the description and every format's
// metadata: a nämnd, bolag or the kommun is named with its kommun ("Kommun: Eskilstuna"); a
// kommunalförbund is no kommun's body, so it is named by itself, with its member kommuner
// when the report lists them and the kommun of its seat ("Säte"), never under "Kommun".
import type { Report } from '@kommunrapport/model';
import type { Vocabulary } from '../vocabulary.js';

/** The parts of a report that say whose it is. */
export type ReportOwnerParts = Pick<Report, 'body' | 'municipality'> & Partial<Pick<Report, 'level' | 'members'>>;

/** A kommun as a report names it: its name and kommunkod. */
export interface Kommun {
  name: string;
  code: string;
}

/** Items as a list in the vocabulary's words: "Eskilstuna, Strängnäs och Torshälla". */
export function listInWords(v: Vocabulary, items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${v.term('and')} ${items[items.length - 1]}`;
}

/**
 * Who and where, as term and value, in cover order: the kommun then the body (the word of the
 * report's level), or for a kommunalförbund the förbund, its member kommuner (when given) and its seat.
 */
export function ownerFacts(report: ReportOwnerParts, v: Vocabulary): { term: string; value: string }[] {
  if (report.level !== 'forbund') return [{ term: v.term('municipality'), value: report.municipality.name }, { term: v.bodyTerm(), value: report.body.name }];
  return [
    { term: v.bodyTerm(), value: report.body.name },
    ...(report.members?.length ? [{ term: v.term('members'), value: listInWords(v, report.members.map((m) => m.name)) }] : []),
    { term: v.term('seat'), value: report.municipality.name },
  ];
}

/**
 * The report's owner in one phrase, for titles and metadata (HTML title, PDF author and footer,
 * open data's titles and publisher): "Kommunstyrelsen, Eskilstuna"; a kommunalförbund by its name alone.
 */
export function reportOwner(report: ReportOwnerParts): string {
  return report.level === 'forbund' ? report.body.name : `${report.body.name}, ${report.municipality.name}`;
}

/** The kommuner a report covers: a kommunalförbund's members when it lists them, else the report's kommun (a förbund's seat). */
export function reportKommuner(report: ReportOwnerParts): Kommun[] {
  return report.level === 'forbund' && report.members?.length ? report.members.map((m) => ({ name: m.name, code: m.code })) : [{ name: report.municipality.name, code: report.municipality.code }];
}

/** The organisation that publishes the report, for open data's publisher: its kommun, or a kommunalförbund itself (no kommun's body). */
export function reportPublisher(report: ReportOwnerParts): string {
  return report.level === 'forbund' ? report.body.name : report.municipality.name;
}
