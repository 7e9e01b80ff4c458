import { createConfig } from '../../rollup.config.base.mjs';

// worker.js is the entry of the batch build's worker threads; batch.ts finds it beside index.js.
// testing.js is @kommunrapport/core/testing, the helpers for testing plugins.
export default createConfig(import.meta.url, { entries: { index: 'src/index.ts', worker: 'src/worker.ts', testing: 'src/testing.ts' } });
