import { createConfig } from '../../rollup.config.base.mjs';

export default createConfig(import.meta.url);
