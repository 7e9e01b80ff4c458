// The presets' descriptions of scale steps are printed as sentences (the meaning in a key to
// symbols) and read by speech engines: each ends with one full stop, so two never run together.
import { describe, expect, it } from 'vitest';
import { presets, type Governance } from '../src/index.js';

const descriptions = (g: Governance): [string, string][] =>
  (['assessment', 'trend', 'commitmentStatus', 'completion'] as const).flatMap((scale) =>
    g[scale].flatMap((step) => (step.description !== undefined ? [[`${scale}.${step.key}`, step.description] as [string, string]] : [])),
  );

describe('the descriptions of the presets', () => {
  it.each(Object.entries(presets))('%s: every step of every scale that has a description ends it with one full stop', (_name, governance) => {
    const found = descriptions(governance);
    expect(found.map(([scale]) => scale)).toEqual(expect.arrayContaining(['trend.better', 'trend.worse']));
    for (const [, description] of found) expect(description).toMatch(/[^.]\.$/);
  });
});
