// The README documents every error code, every CSV file and every column of it.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { OPEN_DATA_CODES, buildTables } from '../src/index.js';
import { ESKILSTUNA, loadFile } from './helpers.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

it('has the sections every package README has', () => {
  for (const h of ['## What it is', '## Install', '## Use', '## API', '## Options', '## Errors']) expect(readme).toContain(`\n${h}\n`);
});

it('lists every code of the catalogue', () => {
  for (const code of Object.keys(OPEN_DATA_CODES)) expect(readme).toContain(`| \`${code}\` |`);
});

it('documents every CSV file with every column', () => {
  for (const table of buildTables(loadFile(ESKILSTUNA))) {
    const start = readme.indexOf(`### ${table.name}.csv\n`);
    expect(start, table.name).toBeGreaterThan(0);
    const next = readme.indexOf('\n### ', start + 1);
    const section = next < 0 ? readme.slice(start) : readme.slice(start, next);
    for (const f of table.fields) expect(section, `${table.name}.${f.name}`).toContain(`| \`${f.name}\` | ${f.type} |`);
  }
});
