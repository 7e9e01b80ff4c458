// Writes schema/report.schema.json from the built codecs (run through `pnpm schema`,
// which builds first; `pnpm gen` at the root writes it from the sources with every other generated file). The committed file is compared with the codecs by a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateReportSchema, schemaText } from '../dist/index.js';

const out = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../schema/', import.meta.url)), { recursive: true });
writeFileSync(out, schemaText(generateReportSchema()));
console.log(`wrote ${out}`);
