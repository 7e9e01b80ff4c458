// The `kolada:` block of `kommunrapport.config.yaml`: which comparison values `kommunrapport
// kolada` fetches beside the kommun's own (riket, the län, a Kolada group of kommuner, named
// kommuner), for every indicator with a Kolada KPI id or only those listed. Decoded strictly
// like the rest of the config, so a typo is an error with file, line and path.
import * as t from 'io-ts';
import { Id, KoladaGroupId, Kommunkod, NonEmptyString, strict } from '@kommunrapport/model';

/** One comparison series asked of Kolada. */
export const KoladaComparisonRequest = strict(
  'KoladaComparisonRequest',
  "One comparison series fetched from Kolada for the same KPI and years as the kommun's own values: riket (country, Kolada's id 0000), the kommun's län (county, Kolada's id 00 and the län's two digits, e.g. 0004 for a kommun 04xx), a Kolada group of kommuner (group: its id, whose value Kolada gives as the unweighted mean of the members) or named kommuner (municipalities: their kommunkoder; one series with the unweighted mean of their values, or with each: true one series per kommun). label replaces the name Kolada gives; indicators limits the series to those indicators.",
  { of: t.keyof({ country: null, county: null, group: null, municipalities: null }, 'comparison (country, county, group or municipalities)') },
  { group: KoladaGroupId, municipalities: t.array(Kommunkod), each: t.boolean, label: NonEmptyString, indicators: t.array(Id) },
);
/** One comparison series asked of Kolada. */
export type KoladaComparisonRequest = t.TypeOf<typeof KoladaComparisonRequest>;

/** The `kolada:` block of the config file. */
export const KoladaSettings = strict(
  'KoladaSettings',
  'What `kommunrapport kolada` fetches besides the kommun\'s own values: the comparison series (riket, län, kommungrupp, named kommuner) written under each indicator\'s comparisons.',
  {},
  { comparisons: t.array(KoladaComparisonRequest) },
);
/** The `kolada:` block of the config file. */
export type KoladaSettings = t.TypeOf<typeof KoladaSettings>;
