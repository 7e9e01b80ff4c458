// A kommunalförbund's member kommuner: valid with level forbund, each kommunkod once; in a
// report of another level the list is a warning, since its cover shows the kommun instead.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/index.js';
import { fixture } from './helpers.js';

const base = readFileSync(fixture('invalid/members-not-forbund.yaml'), 'utf8');
const brief = (text: string) => loadReport(text, 'rapport.yaml').diagnostics.map((d) => `${d.severity} ${d.code} ${d.path} ${d.line}`);

describe('members', () => {
  it('are valid in a kommunalförbund\'s report', () => {
    expect(brief(base.replace('kind: interim\n', 'kind: interim\nlevel: forbund\n'))).toEqual([]);
  });
  it('in a report of another level: a warning at members, saying the level found', () => {
    const ds = loadReport(base.replace('kind: interim\n', 'kind: interim\nlevel: bolag\n'), 'rapport.yaml').diagnostics;
    expect(ds.map((d) => [d.code, d.path, d.found])).toEqual([['members-not-forbund', 'members', 'level: bolag']]);
  });
  it('name each kommun once', () => {
    const twice = base.replace('kind: interim\n', 'kind: interim\nlevel: forbund\n').replace('code: "0998"', 'code: "0999"');
    expect(brief(twice)).toEqual(['error duplicate-id members[1].code 16']);
  });
  it('are kommuner with a 4-digit kommunkod', () => {
    const bad = base.replace('kind: interim\n', 'kind: interim\nlevel: forbund\n').replace('code: "0998"', 'code: "998"');
    expect(brief(bad)[0]).toMatch(/^error invalid-value members\[1\]\.code 16$/u);
  });
});
