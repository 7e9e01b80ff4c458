// Semver discipline for the JSON Schema: every model version records the hash of the schema
// it publishes in schema/versions.json, and the CHANGELOG has an entry for it. A change of
// the codecs that changes the schema without a version bump fails here, saying what to do.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReportSchema, SCHEMA_VERSION } from '../src/index.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const versions = JSON.parse(read('../schema/versions.json')) as Record<string, string>;
const pkg = JSON.parse(read('../package.json')) as { version: string };

/** The hash of a schema's content, leaving out the parts that name the version ($id, title). */
export function schemaHash(schema: Record<string, unknown>): string {
  const { $id: _id, title: _title, ...content } = schema;
  return `sha256:${createHash('sha256').update(JSON.stringify(content)).digest('hex')}`;
}

const semver = (v: string) => v.split(/[.-]/).slice(0, 3).map(Number) as [number, number, number];
const compare = (a: string, b: string) => {
  const [x, y] = [semver(a), semver(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

describe('schema versions', () => {
  const current = schemaHash(generateReportSchema());

  it('records the hash of the generated schema for the current model version', () => {
    const recorded = versions[pkg.version];
    const latest = Object.keys(versions).sort(compare).at(-1);
    const changedSince = Object.entries(versions).find(([, h]) => h === current)?.[0];
    const advice =
      recorded === undefined
        ? `schema/versions.json has no entry for version ${pkg.version}. Add "${pkg.version}": "${current}" and a CHANGELOG entry.`
        : `The generated JSON Schema changed, but @kommunrapport/model is still version ${pkg.version} (recorded hash ${recorded}). ` +
          `Bump the version in packages/model/package.json and SCHEMA_VERSION in src/json-schema.ts (major if a field was removed or retyped, minor if one was added, patch otherwise), ` +
          `run \`pnpm --filter @kommunrapport/model schema\`, add "<new version>": "${current}" to schema/versions.json and an entry to CHANGELOG.md.` +
          (changedSince ? ` (The new schema equals the one of version ${changedSince}.)` : '') +
          (latest && latest !== pkg.version ? ` The latest recorded version is ${latest}.` : '');
    expect(recorded === current, advice).toBe(true);
  });

  it('keeps the package version, SCHEMA_VERSION and the latest recorded version equal', () => {
    expect(SCHEMA_VERSION).toBe(pkg.version);
    expect(Object.keys(versions).sort(compare).at(-1)).toBe(pkg.version);
    for (const v of Object.keys(versions)) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has a CHANGELOG entry for every recorded version', () => {
    const changelog = read('../CHANGELOG.md');
    for (const v of Object.keys(versions)) expect(changelog, `CHANGELOG.md needs a "## ${v}" entry`).toMatch(new RegExp(`^## ${v.replace(/\./g, '\\.')}\\b`, 'm'));
  });

  it('sees a changed schema as a change: the hash differs when a field is added', () => {
    const schema = generateReportSchema();
    const changed = { ...schema, properties: { ...(schema.properties as object), newField: { type: 'string' } } };
    expect(schemaHash(changed)).not.toBe(current);
    expect(schemaHash({ ...schema, $id: 'https://kommunrapport.se/schema/report/9.9.9/report.schema.json', title: 'x' })).toBe(current);
  });
});
