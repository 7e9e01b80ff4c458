import { createConfig } from '../../rollup.config.base.mjs';

// The package, and apart from it (so the package stays one file) dist/snapshot.js: the entry
// of the V8 startup snapshot that scripts/snapshot.mjs bundles and builds.
const [code, types] = createConfig(import.meta.url);
const snapshot = createConfig(import.meta.url, { entries: { snapshot: 'src/snapshot.ts' }, clean: false })[0];
export default [code, types, snapshot];
