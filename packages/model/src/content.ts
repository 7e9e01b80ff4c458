// The content tree: perspective → area (processområde) → goals (processmål) with
// indicators, and commitments (åtaganden) with responsible bodies, status and completion.
import * as t from 'io-ts';
import { strict, NonEmptyString, nullable } from './codec.js';
import { Id } from './ids.js';
import { RichText } from './rich-text.js';
import { Indicator } from './indicator.js';
import { GoalOrigin, Provenance } from './goal-model.js';
import { VocabularyScope } from './vocabulary-scope.js';

/**
 * A key on a scale of the governance vocabulary, or null: the source does not state it.
 * Any text decodes; the check compares it with the scale, so a label written instead of
 * its key ("Delvis" for partly) gets a hint naming the key.
 */
export const ScaleKey = nullable(NonEmptyString);

/** A goal (processmål, inriktningsmål, nämndmål) with its comment and indicators. */
export const Goal = strict(
  'Goal',
  'A goal (processmål, inriktningsmål, nämndmål): title, comment, optional assessment and trend, indicators. With assessment dimensions, `assessments` gives a value per dimension key. A goal has one home (where it is written) and may serve further goals or areas by id (`serves`); `origin` marks a goal that comes from kommunfullmäktige or the owners; `provenance` says how its assessment is known; `assessmentRule` names the indicator whose outcome against its target gives the assessment by the governance\'s statusRule (marked inferred, with the rule).',
  { id: Id, title: NonEmptyString },
  {
    body: RichText,
    assessment: ScaleKey,
    assessments: t.record(t.string, ScaleKey),
    provenance: Provenance,
    assessmentRule: Id,
    trend: ScaleKey,
    serves: t.array(Id),
    origin: GoalOrigin,
    vocabulary: VocabularyScope,
    indicators: t.array(Indicator),
  },
);
export type Goal = t.TypeOf<typeof Goal>;

/** A commitment (åtagande, uppdrag): a one-year task with responsible bodies. */
export const Commitment = strict(
  'Commitment',
  'A commitment (åtagande, uppdrag): its text, the responsible bodies by abbreviation or group name, status (with how it is known), completion and comment. A status or completion of null is not stated in the source.',
  { id: Id, title: NonEmptyString, responsible: t.array(NonEmptyString) },
  { status: ScaleKey, provenance: Provenance, completion: ScaleKey, body: RichText },
);
export type Commitment = t.TypeOf<typeof Commitment>;
