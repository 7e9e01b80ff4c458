// The organisation registry: abbreviations of nämnder, bolag and offices, and named
// groups ("alla nämnder och bolag"), so every abbreviation can be written out.
import * as t from 'io-ts';
import { strict, NonEmptyString } from './codec.js';

/** A nämnd, styrelse, bolag or förvaltning with its abbreviation (förkortning). */
export const Organisation = strict(
  'Organisation',
  'A body, company or office (nämnd, styrelse, bolag, förvaltning) and its abbreviation.',
  {
    abbreviation: NonEmptyString,
    name: NonEmptyString,
    kind: t.keyof({ board: null, committee: null, company: null, office: null, other: null }, 'organisation kind'),
  },
  { definite: NonEmptyString },
);
export type Organisation = t.TypeOf<typeof Organisation>;

/** A named group of organisations used as a responsible party ("alla nämnder och bolag"). */
export const OrganisationGroup = strict('OrganisationGroup', 'A named group of organisations, e.g. "alla nämnder och bolag".', {
  name: NonEmptyString,
  description: NonEmptyString,
});
export type OrganisationGroup = t.TypeOf<typeof OrganisationGroup>;

/** The organisation registry (organisationsregister). */
export const Organisations = strict('Organisations', 'The organisation registry: abbreviations and groups.', {
  bodies: t.array(Organisation),
}, { groups: t.array(OrganisationGroup) });
export type Organisations = t.TypeOf<typeof Organisations>;
