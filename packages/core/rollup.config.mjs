import { createConfig } from '../../rollup.config.base.mjs';

// worker.js is the entry of the batch build's worker threads; batch.ts finds it beside index.js.
export default createConfig(import.meta.url, { entries: { index: 'src/index.ts', worker: 'src/worker.ts' } });
