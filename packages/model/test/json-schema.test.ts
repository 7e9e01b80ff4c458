import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { SCHEMA_VERSION, generateReportSchema, reportSchemaId, schemaText, codecToJsonSchema, strict, nullable, Id, Report } from '../src/index.js';
import { minimal, minimalText } from './helpers.js';

const committedPath = new URL('../schema/report.schema.json', import.meta.url);
const schema = generateReportSchema();
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

describe('report JSON Schema', () => {
  it('matches the committed schema/report.schema.json', () => {
    const committed = readFileSync(committedPath, 'utf8');
    expect(committed === schemaText(schema), 'schema/report.schema.json is out of date: run `pnpm --filter @kommunrapport/model schema` and commit the file').toBe(true);
  });

  it('is versioned with the model package', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(SCHEMA_VERSION).toBe(pkg.version);
    expect(schema.$id).toBe(`https://kommunrapport.se/schema/report/${pkg.version}/report.schema.json`);
    expect(reportSchemaId('1.2.3')).toBe('https://kommunrapport.se/schema/report/1.2.3/report.schema.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts the minimal report (Ajv 2020, strict mode)', () => {
    const ok = validate(parse(minimalText, { version: '1.2', schema: 'core' }));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts rich text as HTML and as a block tree, and a governance object', () => {
    const v = minimal();
    v.summary = { html: '<p>Text</p>' };
    v.sections[1].areas[0].body = [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }, { type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [] }]] }];
    v.governance = { preset: 'generic', levels: { area: { singular: 'målområde', plural: 'målområden' } } };
    expect(validate(v)).toBe(true);
  });

  it('rejects what the codecs reject: unknown keys, bad enums, missing keys, bad patterns, wrong section types', () => {
    const cases: [string, (r: any) => void, string][] = [
      ['unknown key', (r) => (r.titel = 'x'), 'additionalProperties'],
      ['bad enum', (r) => (r.kind = 'interm'), 'enum'],
      ['missing key', (r) => delete r.summary, 'required'],
      ['bad id', (r) => (r.sections[0].id = 'Sammanfattning'), 'pattern'],
      ['bad kommunkod', (r) => (r.municipality.code = 999), 'type'],
      ['bad section type', (r) => (r.sections[0].type = 'sumary'), 'oneOf'],
      ['bad scale key type', (r) => (r.sections[1].areas[0].trend = 3), 'type'],
      ['bad preset', (r) => (r.governance = 'eskilstun'), 'enum'],
      ['bad tuple', (r) => (r.sections[4].tables[0].columns[3].differenceOf = ['budget']), 'minItems'],
    ];
    for (const [name, change, keyword] of cases) {
      const v = minimal();
      change(v);
      expect(validate(v), name).toBe(false);
      expect(validate.errors!.map((e) => e.keyword), name).toContain(keyword);
    }
  });

  it('describes a strict object with required keys, descriptions and no other keys', () => {
    const Small = strict('Small', 'A small object.', { id: Id }, { note: nullable(Id) });
    expect(codecToJsonSchema(Small)).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'Small',
      description: 'A small object.',
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,79}$', description: Id.name },
        note: { anyOf: [{ type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,79}$', description: Id.name }, { type: 'null' }] },
      },
      required: ['id'],
      additionalProperties: false,
    });
  });

  it('puts every section type into one oneOf by name, recursively', () => {
    const defs = schema.$defs as Record<string, any>;
    expect(defs.Section.oneOf).toHaveLength(12);
    expect(defs.TextSection.properties.sections.items).toEqual({ $ref: '#/$defs/Section' });
    expect(defs.TextSection.properties.type).toEqual({ const: 'text' });
    expect(Object.keys(defs)).toContain('Area');
    expect(Report.name).toBe('Report');
  });
});

describe('schema and codecs agree on the corpus', () => {
  const cases = JSON.parse(readFileSync(new URL('./fixtures/invalid/cases.json', import.meta.url), 'utf8')) as Record<string, { code: string; report: boolean }>;
  // YAML errors come before any value (a tag and digits a number cannot keep are seen only
  // in the text); what Markdown text holds is read when the text is parsed, which a JSON
  // Schema cannot do (it sees a string).
  const yamlCodes = new Set(['yaml-syntax', 'yaml-tab-indent', 'yaml-duplicate-key', 'yaml-alias-limit', 'yaml-tag', 'number-too-precise', 'empty-file', 'rich-text-unsupported', 'markdown-table-malformed', 'image-alt-missing', 'image-source', 'image-placement']);
  for (const [name, c] of Object.entries(cases)) {
    if (yamlCodes.has(c.code)) continue;
    it(`${name}: the schema ${c.report ? 'accepts' : 'rejects'} it as the codecs do`, () => {
      const value = parse(readFileSync(new URL(`./fixtures/invalid/${name}.yaml`, import.meta.url), 'utf8'), { version: '1.2', schema: 'core' });
      expect(validate(value)).toBe(c.report);
    });
  }
});
