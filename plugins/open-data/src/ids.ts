// Stable open-data ids: `{kommunkod}-{body}-{kind}-{local id}`, e.g.
// `0484-ks-area-naringsliv-och-arbete`. Built from the ids written in the YAML, never from
// titles or positions, so an id stays the same when a title changes.
import type { Report } from '@kommunrapport/model';

/** The kinds of things that get an open-data id. */
export type IdKind = 'perspective' | 'area' | 'goal' | 'commitment' | 'indicator' | 'table' | 'deviation' | 'workforce' | 'section';

/** Lowercase ASCII slug: letters without diacritics, digits and hyphens. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The prefix of every id of a report: `{kommunkod}-{body abbreviation, lowercased}`. */
export function idPrefix(report: Pick<Report, 'municipality' | 'body'>): string {
  return `${report.municipality.code}-${slug(report.body.abbreviation)}`;
}

/** The stable id of one thing of a report, from the report's {@link idPrefix}. */
export function stableId(prefix: string, kind: IdKind, localId: string): string {
  return `${prefix}-${kind}-${localId}`;
}

/** Makes the stable id of one thing of a report. */
export function createIdMaker(report: Pick<Report, 'municipality' | 'body'>): (kind: IdKind, localId: string) => string {
  const prefix = idPrefix(report);
  return (kind, localId) => stableId(prefix, kind, localId);
}

/** The regular expression every stable id of a report matches, with the kind captured. */
export function idPattern(report: Pick<Report, 'municipality' | 'body'>): RegExp {
  const prefix = idPrefix(report).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${prefix}-(perspective|area|goal|commitment|indicator|table|deviation|workforce|section)-[a-z0-9][a-z0-9-]*$`);
}
