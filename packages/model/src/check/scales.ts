// Rule family: every assessment, trend, status and completion names a step of the report's
// governance vocabulary (or is null: not stated in the source).
import { closest } from '../decode.js';
import type { ReportPath } from '../walk.js';
import type { CheckContext, Rules } from './context.js';

type Scale = 'assessment' | 'trend' | 'commitmentStatus' | 'completion';

/**
 * Reports a key that is no step of the scale; when the author wrote a step's label instead
 * of its key ("Uppnått"), the hint names the key.
 */
export function scaleKey(ctx: CheckContext, name: Scale, key: string | null | undefined, path: ReportPath): void {
  if (key === null || key === undefined) return;
  const gov = ctx.governance;
  const steps = gov[name] as readonly { key: string; label: string; textAlternative?: string }[];
  const keys = steps.map((s) => s.key);
  if (keys.includes(key)) return;
  // Labels are compared without case and without å, ä, ö's marks: "pagar" is "Pågår" typed without them.
  const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const byLabel = steps.find((s) => s.label.toLowerCase() === key.toLowerCase());
  // A word near a label, its first part or its text alternative ("klar" for "Klart, avslutat").
  const words = steps.flatMap((s) => [s.label, s.label.split(',')[0]!, s.textAlternative ?? ''].filter((w) => w !== '').map((w) => ({ word: fold(w), step: s })));
  const near = byLabel ? undefined : (words.find((w) => w.word === fold(key))?.word ?? closest(fold(key), words.map((w) => w.word)));
  const nearStep = near === undefined ? undefined : words.find((w) => w.word === near)!.step;
  const suggestion = byLabel?.key ?? closest(key, keys);
  ctx.report('unknown-scale-key', { key, scale: name, vocabulary: gov.name }, path, {
    expected: `one of ${keys.map((k) => JSON.stringify(k)).join(', ')} or null`,
    found: JSON.stringify(key),
    hint: byLabel
      ? `"${key}" is the label readers see; write its key "${byLabel.key}".`
      : nearStep && !suggestion
        ? `"${key}" looks like the label "${nearStep.label}" readers see; write its key "${nearStep.key}".`
        : suggestion
        ? `Did you mean "${suggestion}"?`
        : 'Use a key of the scale, write null when the source does not state it, or add the step to governance.',
  });
}

/** Reports scale keys the vocabulary does not define. */
export function scaleRules(ctx: CheckContext): Rules {
  return {
    area: (a, path) => {
      scaleKey(ctx, 'assessment', a.assessment, [...path, 'assessment']);
      scaleKey(ctx, 'trend', a.trend, [...path, 'trend']);
    },
    goal: (g, path) => {
      scaleKey(ctx, 'assessment', g.assessment, [...path, 'assessment']);
      scaleKey(ctx, 'trend', g.trend, [...path, 'trend']);
    },
    commitment: (c, path) => {
      scaleKey(ctx, 'commitmentStatus', c.status, [...path, 'status']);
      scaleKey(ctx, 'completion', c.completion, [...path, 'completion']);
    },
    controlItem: (item, path) => scaleKey(ctx, 'assessment', item.assessment, [...path, 'assessment']),
  };
}
