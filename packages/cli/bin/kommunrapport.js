#!/usr/bin/env node
// The kommunrapport command. It runs the one-file bundle in dist/code-cache/ when that is up
// to date, compiled from V8's code cache of a warm-up build (so the code a build runs is not
// compiled again, and only the plugins asked for are loaded), and otherwise loads
// dist/index.js; both give the same output byte for byte.
// KOMMUNRAPPORT_CODE_CACHE=0 always loads dist/index.js; =require fails (exit 2) unless the
// bundle is up to date and V8 accepted its cache; with -v a start without the bundle says why.
import { CODE_CACHE_DIR, freshBundle, loadBundle } from './code-cache.js';

const args = process.argv.slice(2);
const mode = process.env.KOMMUNRAPPORT_CODE_CACHE;

/** The bundle's main, or why the normal start is used. */
function fromBundle() {
  if (mode === '0') return { reason: 'KOMMUNRAPPORT_CODE_CACHE=0' };
  const fresh = freshBundle();
  if (!('stamp' in fresh)) return fresh;
  try {
    const { exports, cache } = loadBundle(CODE_CACHE_DIR, fresh.stamp);
    if (mode === 'require' && cache !== 'used') return { reason: `the code cache was not used: ${cache}` };
    return { main: exports.main };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

const start = fromBundle();
if ('main' in start) process.exitCode = await start.main(args);
else if (mode === 'require') {
  process.stderr.write(`kommunrapport: KOMMUNRAPPORT_CODE_CACHE=require, but ${start.reason}.\n`);
  process.exitCode = 2;
} else {
  // Said only when asked (-v): the output is the same either way, only the start is slower.
  if (mode !== '0' && args.some((a) => a === '-v' || a === '--verbose')) process.stderr.write(`kommunrapport: starting without the code-cached bundle, because ${start.reason}; pnpm build makes it again.\n`);
  const { main } = await import('../dist/index.js');
  process.exitCode = await main(args);
}
