// Words scoped to where they are used: a section or an area may rename levels (an
// "åtagande" becomes a "klimatlöfte" in one section only) and relabel assessment steps.
// The core resolves these in one place; renderers never look at them.
import * as t from 'io-ts';
import { strict, NonEmptyString } from './codec.js';
import { LevelName } from './governance.js';

/** Vocabulary overrides that hold inside one section or area and everything under it. */
export const VocabularyScope = strict(
  'VocabularyScope',
  'Words that hold only inside this section or area and everything under it: level names (e.g. commitment → klimatlöfte / klimatlöften) and labels of assessment steps by key.',
  {},
  {
    levels: strict('ScopedLevels', 'Level names to replace inside this scope.', {}, {
      perspective: LevelName, area: LevelName, goal: LevelName, commitment: LevelName, indicator: LevelName,
    }),
    assessmentLabels: t.record(t.string, NonEmptyString),
  },
);
export type VocabularyScope = t.TypeOf<typeof VocabularyScope>;
