// The bench's profile summary: whose code each sample ran, which the floor under the batch
// goal in bench/RESULTS.md is computed from.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the bench, without types
import { kindOf, summariseProfile } from '../bench/profile-summary.mjs';

/** A profile of the shape `node --cpu-prof` writes: the root, then one child per frame, one sample each. */
function profile(frames: { functionName: string; url: string }[], us: number) {
  const nodes = [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: frames.map((_, i) => i + 2) }];
  frames.forEach((f, i) => nodes.push({ id: i + 2, callFrame: { ...f, lineNumber: 0 }, children: [] }));
  const samples = frames.map((_, i) => i + 2);
  // The first delta is the wait before the first sample; each sample stands for the next delta.
  return { nodes, samples: [...samples, 1], timeDeltas: [0, ...samples.map(() => us)] };
}

describe('bench profile summary', () => {
  it('tells our packages, libraries, the collector and the runtime apart', () => {
    expect(kindOf('render', 'file:///work/main/plugins/pdf/dist/index.js')).toBe('ours');
    expect(kindOf('main', 'file:///x/packages/cli/dist/index.js')).toBe('ours');
    expect(kindOf('format', 'file:///x/node_modules/.pnpm/docx@9.5.1/node_modules/docx/dist/index.mjs')).toBe('libraries');
    // A library's own packages/ folder is still a library.
    expect(kindOf('f', 'file:///x/node_modules/lib/packages/a/index.js')).toBe('libraries');
    expect(kindOf('(garbage collector)', '')).toBe('gc');
    expect(kindOf('processChunkSync', 'node:zlib')).toBe('runtime');
    expect(kindOf('encodeUtf8String', '')).toBe('runtime');
  });

  it('sums each kind over every profile, to the sampled total', () => {
    const frames = [
      { functionName: 'drawTextRun', url: 'file:///r/plugins/pdf/dist/index.js' },
      { functionName: 'prepForXml', url: 'file:///r/node_modules/docx/dist/index.mjs' },
      { functionName: '(garbage collector)', url: '' },
      { functionName: 'writeSync', url: '' },
    ];
    const s = summariseProfile([profile(frames, 2000), profile(frames.slice(0, 2), 1000)], 5);
    expect(s.kinds).toEqual({ ours: 3, libraries: 3, gc: 2, runtime: 2 });
    expect(s.totalMs).toBe(10);
  });
});
