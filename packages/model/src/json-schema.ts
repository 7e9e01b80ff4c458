// JSON Schema (draft 2020-12) generated from the io-ts codecs, so editors can complete and
// check report files and open-data re-users get a versioned contract. The codecs are the
// single source: this module only walks them.
//
// $id scheme: https://kommunrapport.se/schema/report/<model version>/report.schema.json,
// one schema per released version of @kommunrapport/model; the version is SCHEMA_VERSION.
import * as t from 'io-ts';
import { Report, GovernanceOverrides } from './report.js';
import { presets } from './presets.js';

/** The version of @kommunrapport/model the schema describes (kept equal to package.json by a test). */
export const SCHEMA_VERSION = '5.1.0';

/** The $id of the report schema of a model version. */
export const reportSchemaId = (version: string = SCHEMA_VERSION): string => `https://kommunrapport.se/schema/report/${version}/report.schema.json`;

/** A JSON Schema object (the subset this generator writes). */
export type JsonSchema = { [key: string]: unknown };

const NON_EMPTY = { type: 'string', minLength: 1, pattern: '\\S' };

const INLINE: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { type: { const: 'text' }, value: { type: 'string' } }, required: ['type', 'value'], additionalProperties: false },
    {
      type: 'object',
      properties: { type: { enum: ['emphasis', 'strong'] }, children: { type: 'array', items: { $ref: '#/$defs/Inline' } } },
      required: ['type', 'children'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'link' }, url: { type: 'string', pattern: '^(https?:|mailto:)' }, children: { type: 'array', items: { $ref: '#/$defs/Inline' } } },
      required: ['type', 'url', 'children'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'foreign' }, language: { type: 'string', pattern: '^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$' }, children: { type: 'array', items: { $ref: '#/$defs/Inline' } } },
      required: ['type', 'language', 'children'],
      additionalProperties: false,
    },
  ],
};

const BLOCK: JsonSchema = {
  oneOf: [
    {
      type: 'object',
      properties: { type: { const: 'paragraph' }, children: { type: 'array', items: { $ref: '#/$defs/Inline' } } },
      required: ['type', 'children'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'list' }, ordered: { type: 'boolean' }, items: { type: 'array', items: { type: 'array', items: { $ref: '#/$defs/Block' } } } },
      required: ['type', 'ordered', 'items'],
      additionalProperties: false,
    },
    {
      type: 'object',
      description: 'A Markdown table: header cells and rows of as many cells, each cell inline content.',
      properties: {
        type: { const: 'table' },
        caption: { type: 'string' },
        header: { type: 'array', minItems: 1, items: { type: 'array', items: { $ref: '#/$defs/Inline' } } },
        rows: { type: 'array', items: { type: 'array', items: { type: 'array', items: { $ref: '#/$defs/Inline' } } } },
      },
      required: ['type', 'header', 'rows'],
      additionalProperties: false,
    },
    {
      type: 'object',
      description: 'An image as a paragraph of its own: a PNG or JPEG file relative to the report (never a URL or a path out of its folder), its text alternative (empty only when decorative) and an optional caption.',
      properties: {
        type: { const: 'image' },
        src: { type: 'string', minLength: 1, not: { pattern: '^(?:[A-Za-z][A-Za-z0-9+.-]*:|/|\\\\)' } },
        alt: { type: 'string' },
        caption: { type: 'string' },
        decorative: { const: true },
      },
      required: ['type', 'src', 'alt'],
      additionalProperties: false,
    },
  ],
};

const RICH_TEXT: JsonSchema = {
  description: 'Rich text: a Markdown string (paragraphs, lists, *emphasis*, **strong**, links, [words]{lang=en} in another language, pipe tables, images as ![alt](file.png) or ![](file.png){decorative}), { html: "…" } for fragments from older systems, or the block tree.',
  anyOf: [
    { type: 'string' },
    { type: 'object', properties: { html: { type: 'string' } }, required: ['html'], additionalProperties: false },
    { type: 'array', items: { $ref: '#/$defs/Block' } },
  ],
};

interface Walker {
  defs: Map<string, JsonSchema>;
  names: Map<unknown, string>;
}

/** Generates the JSON Schema of any codec of the model, with named objects in $defs. */
export function codecToJsonSchema(codec: t.Mixed, options: { id?: string; title?: string; description?: string } = {}): JsonSchema {
  const w: Walker = { defs: new Map(), names: new Map() };
  const root = walk(codec, w);
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(options.id !== undefined ? { $id: options.id } : {}),
    ...root,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
  };
  const defs = [...w.defs.entries()].sort(byKey);
  if (defs.length > 0) schema.$defs = Object.fromEntries(defs);
  return schema;
}

/** The JSON Schema of a report file (rapport.yaml), for `$schema` lines and open data. */
export function generateReportSchema(version: string = SCHEMA_VERSION): JsonSchema {
  const schema = codecToJsonSchema(Report, {
    id: reportSchemaId(version),
    title: `kommunrapport report ${version}`,
    description: 'A follow-up report of a Swedish municipal body (delårsrapport, tertialrapport, årsredovisning) as written in rapport.yaml. Generated from the codecs of @kommunrapport/model.',
  });
  return schema;
}

/** A name for a definition: the codec's name, made unique when two codecs share it. */
function defName(codec: unknown, name: string, w: Walker): { name: string; fresh: boolean } {
  const known = w.names.get(codec);
  if (known) return { name: known, fresh: false };
  const base = name.replace(/[^A-Za-z0-9_]/g, '') || 'Def';
  let unique = base;
  for (let i = 2; [...w.names.values()].includes(unique); i++) unique = `${base}${i}`;
  w.names.set(codec, unique);
  return { name: unique, fresh: true };
}

function ref(name: string): JsonSchema {
  return { $ref: `#/$defs/${name}` };
}

// A module-level function, a loop and a named comparator rather than closures made per call:
// the open data publishes the schema of every report, and V8 drops the optimised code of such
// closures at each full collection, so a batch would compile them again every few reports.
function objectSchema(s: { required: t.Props; optional: t.Props; description: string; name: string }, w: Walker): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [k, v] of Object.entries(s.required)) properties[k] = walk(v, w, false);
  for (const [k, v] of Object.entries(s.optional)) properties[k] = walk(v, w, false);
  const required: string[] = [];
  for (const [k, v] of Object.entries(s.required)) if ((v as { _tag?: string })._tag !== 'DefaultWhenAbsentType') required.push(k);
  return {
    type: 'object',
    title: s.name,
    description: s.description,
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

const byKey = ([a]: [string, JsonSchema], [b]: [string, JsonSchema]) => (a < b ? -1 : a > b ? 1 : 0);

function walk(codec: t.Decoder<unknown, unknown>, w: Walker, root = true): JsonSchema {
  const c = codec as t.Mixed & { _tag?: string };
  switch (c._tag) {
    case 'StrictType': {
      const s = c as unknown as { required: t.Props; optional: t.Props; description: string; name: string };
      if (root && w.names.size === 0) {
        w.names.set(codec, s.name);
        return objectSchema(s, w);
      }
      const { name, fresh } = defName(codec, s.name, w);
      if (fresh) {
        w.defs.set(name, {});
        w.defs.set(name, objectSchema(s, w));
      }
      return ref(name);
    }
    case 'TaggedUnionType': {
      const u = c as unknown as { tag: string; members: Record<string, t.Mixed>; name: string };
      const { name, fresh } = defName(codec, u.name, w);
      if (fresh) {
        w.defs.set(name, {});
        w.defs.set(name, { oneOf: Object.values(u.members).map((m) => walk(m, w, false)) });
      }
      return ref(name);
    }
    case 'DefaultWhenAbsentType':
      return walk((c as unknown as { inner: t.Mixed }).inner, w, false);
    case 'RecursiveType': {
      const r = c as unknown as t.RecursiveType<t.Mixed>;
      // A recursion wraps a named strict object or union: its definition carries the name.
      return walk(r.type, w, false);
    }
    case 'UnionType': {
      const members = (c as unknown as t.UnionType<t.Mixed[]>).types.map((m) => walk(m, w, false));
      return { anyOf: members };
    }
    case 'IntersectionType':
      return { allOf: (c as unknown as t.IntersectionType<t.Mixed[]>).types.map((m) => walk(m, w, false)) };
    case 'InterfaceType':
    case 'PartialType': {
      const props = (c as unknown as t.InterfaceType<t.Props>).props;
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, walk(v, w, false)])),
        ...(c._tag === 'InterfaceType' ? { required: Object.keys(props) } : {}),
      };
    }
    case 'ArrayType':
      return { type: 'array', items: walk((c as unknown as t.ArrayType<t.Mixed>).type, w, false) };
    case 'TupleType': {
      const items = (c as unknown as t.TupleType<t.Mixed[]>).types.map((m) => walk(m, w, false));
      return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    case 'DictionaryType':
      return { type: 'object', additionalProperties: walk((c as unknown as t.DictionaryType<t.Mixed, t.Mixed>).codomain, w, false) };
    case 'KeyofType':
      return { type: 'string', enum: Object.keys((c as unknown as t.KeyofType<Record<string, unknown>>).keys) };
    case 'LiteralType':
      return { const: (c as unknown as t.LiteralType<string>).value };
    case 'StringType':
      return { type: 'string' };
    case 'NumberType':
      return { type: 'number' };
    case 'BooleanType':
      return { type: 'boolean' };
    case 'NullType':
      return { type: 'null' };
    default:
      return custom(c, w);
  }
}

/** The model's own types, known by their names and the pattern they keep. */
function custom(c: t.Mixed, w: Walker): JsonSchema {
  const withPattern = c as t.Mixed & { pattern?: RegExp };
  if (withPattern.pattern instanceof RegExp) return { type: 'string', pattern: withPattern.pattern.source, description: c.name };
  const name = c.name;
  if (name === 'number') return { type: 'number' };
  if (name === 'integer') return { type: 'integer' };
  if (name.startsWith('year')) return { type: 'integer', minimum: 1900, maximum: 2200 };
  if (name === 'non-empty string') return { ...NON_EMPTY };
  if (name.startsWith('rich text')) {
    if (!w.defs.has('Inline')) {
      w.defs.set('Inline', INLINE);
      w.defs.set('Block', BLOCK);
      w.defs.set('RichText', RICH_TEXT);
    }
    return ref('RichText');
  }
  if (name.startsWith('governance')) {
    return {
      description: 'The governance vocabulary (styrmodell): the name of a preset, or a preset with parts replaced.',
      anyOf: [{ type: 'string', enum: Object.keys(presets) }, walk(GovernanceOverrides, w, false)],
    };
  }
  throw new Error(`json-schema: no JSON Schema for the codec "${name}"`);
}

/** The schema as the text written to report.schema.json: two-space indent, newline at the end. */
export function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
