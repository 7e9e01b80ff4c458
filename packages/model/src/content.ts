// The content tree: perspective → area (processområde) → goals (processmål) with
// indicators, and commitments (åtaganden) with responsible bodies, status and completion.
import * as t from 'io-ts';
import { strict, NonEmptyString, nullable } from './codec.js';
import { Id } from './ids.js';
import { RichText } from './rich-text.js';
import { Indicator } from './indicator.js';

/** A key on a scale of the governance vocabulary, or null: the source does not state it. */
export const ScaleKey = nullable(Id);

/** A goal (processmål, inriktningsmål, nämndmål) with its comment and indicators. */
export const Goal = strict(
  'Goal',
  'A goal (processmål, inriktningsmål, nämndmål): title, comment, optional assessment and trend, indicators.',
  { id: Id, title: NonEmptyString },
  { body: RichText, assessment: ScaleKey, trend: ScaleKey, indicators: t.array(Indicator) },
);
export type Goal = t.TypeOf<typeof Goal>;

/** A commitment (åtagande, uppdrag): a one-year task with responsible bodies. */
export const Commitment = strict(
  'Commitment',
  'A commitment (åtagande, uppdrag): its text, the responsible bodies by abbreviation or group name, status, completion and comment. A status or completion of null is not stated in the source.',
  { id: Id, title: NonEmptyString, responsible: t.array(NonEmptyString) },
  { status: ScaleKey, completion: ScaleKey, body: RichText },
);
export type Commitment = t.TypeOf<typeof Commitment>;
