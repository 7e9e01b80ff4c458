// Decoding a plain value into a Report: io-ts errors become diagnostics with a path such as
// `sections[5].areas[2].commitments[1].status`, one per real problem (union noise collapsed),
// unknown keys with a "did you mean" suggestion, missing keys named.
import * as t from 'io-ts';
import { Report } from './report.js';
import { UnknownKeyType, UnknownTagType } from './codec.js';
import { presets } from './presets.js';
import { DIAGNOSTIC_CODES, formatPath, modelDiagnostic, renderValue, type Diagnostic } from './diagnostics.js';
import type { Locate } from './source.js';
import { swedishNumber } from './swedish-numbers.js';
import { daysInMonth } from './calendar.js';
import type { ImageProblem, MalformedTable, UnsupportedMarkdown } from './rich-text.js';

/** Options of {@link decodeReport} and {@link decodeWith}. */
export interface DecodeOptions {
  /** File name put on every diagnostic. */
  file?: string;
  /** Maps a path to its line and column (from {@link parseYaml}). */
  locate?: Locate;
}

/** The result of decoding: the value when it decoded, and the diagnostics. */
export interface DecodeResult<A> {
  value?: A;
  diagnostics: Diagnostic[];
}

/** Decodes a plain value (parsed YAML or JSON) into a Report. */
export function decodeReport(value: unknown, options: DecodeOptions = {}): { report?: Report; diagnostics: Diagnostic[] } {
  // A file that is a list or a single value is no report at all: said in words, not by the codec's name.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const expected = 'a report (a mapping with id, kind, title, period …)';
    const pos = options.locate?.([]);
    return {
      diagnostics: [
        modelDiagnostic('invalid-type', { expected, found: renderValue(value) }, {
          ...(options.file !== undefined ? { file: options.file } : {}),
          ...(pos ? { line: pos.line, column: pos.column } : {}),
          expected,
          found: renderValue(value),
          hint: Array.isArray(value)
            ? 'Write the report\'s keys (id: …, kind: …, title: …) at the start of their lines, without a leading "- ", which makes the file a list.'
            : 'A report is a mapping of keys (id: …, kind: …, title: …); start from `kommunrapport init` or from an example report.',
        }),
      ],
    };
  }
  const r = decodeWith(Report, value, options);
  return r.value === undefined ? { diagnostics: r.diagnostics } : { report: r.value, diagnostics: r.diagnostics };
}

/** Decodes a value with any codec of the model, turning io-ts errors into diagnostics. */
export function decodeWith<A>(codec: t.Decoder<unknown, A>, value: unknown, options: DecodeOptions = {}): DecodeResult<A> {
  const result = codec.decode(value);
  if (result._tag === 'Right') return { value: result.right, diagnostics: [] };
  return { diagnostics: errorsToDiagnostics(result.left, options) };
}

interface Problem {
  segments: (string | number)[];
  /** The error's type: the codec that failed. */
  type: t.Decoder<unknown, unknown>;
  value: unknown;
  /** Indexes of the union entries in the context chain, with the member taken. */
  unions: { at: number; member: string; type: t.Mixed }[];
  context: t.Context;
  /** The codec's own message, when it gave one (rich text names what it cannot render). */
  message?: string;
}

/** Turns io-ts validation errors into diagnostics. */
export function errorsToDiagnostics(errors: t.Errors, options: DecodeOptions = {}): Diagnostic[] {
  const problems = errors.map(toProblem);
  const kept = collapseUnions(problems);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // A misspelt key suggested by an unknown-key diagnostic already explains the missing one.
  const suggested = new Set<string>();
  const diagnostics = kept.map((p) => toDiagnostic(p, options));
  for (const d of diagnostics) if (d.code === 'unknown-key' && d.suggestion) suggested.add(`${d.parent}\u0000${d.suggestion}`);
  for (const d of diagnostics) {
    if (d.code === 'missing-field' && suggested.has(`${d.parent}\u0000${d.key}`)) continue;
    const id = `${d.code}\u0000${d.diagnostic.path}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(d.diagnostic);
  }
  return out;
}

function toProblem(error: t.ValidationError): Problem {
  const segments: (string | number)[] = [];
  const unions: Problem['unions'] = [];
  const ctx = error.context;
  for (let i = 1; i < ctx.length; i++) {
    const parent = ctx[i - 1]!.type as t.Mixed & { _tag?: string };
    const entry = ctx[i]!;
    // Members of an intersection (and of the intersection inside a strict object) are not path segments.
    if (parent._tag === 'IntersectionType' || (parent._tag === 'StrictType' && !(entry.type instanceof UnknownKeyType))) continue;
    // A strict object reached through a recursion or tagged union: its required/optional halves.
    const entryTag = (entry.type as { _tag?: string })._tag;
    if ((entryTag === 'InterfaceType' || entryTag === 'PartialType') && (entry.key === '0' || entry.key === '1') && !['ArrayType', 'TupleType', 'DictionaryType', 'InterfaceType', 'PartialType'].includes(parent._tag ?? '')) continue;
    if (parent._tag === 'UnionType') {
      unions.push({ at: segments.length, member: entry.key, type: parent });
      continue;
    }
    if (entry.type instanceof UnknownTagType) {
      segments.push(entry.key);
      continue;
    }
    const isIndex = parent._tag === 'ArrayType' || parent._tag === 'TupleType' || parent._tag === 'ReadonlyArrayType';
    segments.push(isIndex && /^\d+$/.test(entry.key) ? Number(entry.key) : entry.key);
  }
  const last = ctx[ctx.length - 1]!;
  return { segments, type: last.type, value: error.value, unions, context: ctx, ...(error.message !== undefined ? { message: error.message } : {}) };
}

const pathKey = (segments: readonly (string | number)[]): string => segments.map(String).join('\u0000');

/**
 * Within each union, keep only the member that got furthest (its errors lie deeper than
 * the union), of those the one with fewest unknown keys; when every member failed at the
 * union itself, one problem for the union.
 */
function collapseUnions(problems: Problem[]): Problem[] {
  const out: Problem[] = [];
  const groups = new Map<string, Problem[]>();
  const order: string[] = [];
  for (const p of problems) {
    const u = p.unions[0];
    if (!u) {
      out.push(p);
      continue;
    }
    const key = pathKey(p.segments.slice(0, u.at));
    if (!groups.has(key)) {
      groups.set(key, []);
      order.push(key);
    }
    groups.get(key)!.push(p);
  }
  for (const key of order) {
    const group = groups.get(key)!;
    const u = group[0]!.unions[0]!;
    const deeper = group.filter((p) => p.segments.length > u.at || p.type instanceof UnknownKeyType);
    if (deeper.length > 0) {
      // The member whose keys the value has: fewest unknown keys, then fewest problems
      // ({ low: −10, high: -5 } is an interval with a bad low, not a missing amount with two unknown keys).
      const score = (m: string) => {
        const own = group.filter((p) => p.unions[0]!.member === m);
        return own.filter((p) => p.type instanceof UnknownKeyType).length * 1000 + own.length;
      };
      const members = [...new Set(deeper.map((p) => p.unions[0]!.member))];
      const member = members.reduce((best, m) => (score(m) < score(best) ? m : best));
      const chosen = group.filter((p) => p.unions[0]!.member === member).map((p) => ({ ...p, unions: p.unions.slice(1) }));
      out.push(...collapseUnions(chosen));
    } else {
      const first = group[0]!;
      out.push({ segments: first.segments.slice(0, u.at), type: u.type, value: first.value, unions: [], context: first.context });
    }
  }
  return out;
}

/** Which JavaScript kinds of value a codec takes, to tell a wrong type from a wrong value. */
function baseKinds(type: t.Decoder<unknown, unknown>): string[] | undefined {
  const tag = (type as { _tag?: string })._tag;
  switch (tag) {
    case 'StringType':
    case 'KeyofType':
    case 'UnknownTagType':
      return ['string'];
    case 'NumberType':
      return ['number'];
    case 'BooleanType':
      return ['boolean'];
    case 'NullType':
      return ['null'];
    case 'LiteralType': {
      const v = (type as t.LiteralC<string>).value as unknown;
      return [v === null ? 'null' : typeof v];
    }
    case 'ArrayType':
    case 'TupleType':
      return ['array'];
    case 'StrictType':
    case 'InterfaceType':
    case 'PartialType':
    case 'DictionaryType':
    case 'TaggedUnionType':
      return ['object'];
    case 'RecursiveType':
      return baseKinds((type as t.RecursiveType<t.Mixed>).type);
    case 'DefaultWhenAbsentType':
      return baseKinds((type as unknown as { inner: t.Mixed }).inner);
    case 'UnionType': {
      const all: string[] = [];
      for (const member of (type as t.UnionType<t.Mixed[]>).types) {
        const k = baseKinds(member);
        if (!k) return undefined;
        all.push(...k);
      }
      return [...new Set(all)];
    }
  }
  // Custom types of the model, known by their names.
  const name = type.name;
  if (/^rich text/.test(name)) return ['string', 'object', 'array'];
  if (/^governance/.test(name)) return ['string', 'object'];
  if (/^(number|integer|year)/.test(name)) return ['number'];
  return ['string'];
}

/** What a codec expects, in words: lists and nullable values spelt out instead of io-ts syntax. */
export function describeType(type: t.Decoder<unknown, unknown>): string {
  const c = type as t.Mixed & { _tag?: string };
  switch (c._tag) {
    case 'ArrayType':
      return `list of ${describeType((c as unknown as t.ArrayType<t.Mixed>).type)}`;
    case 'UnionType':
      // A mapping among the forms is shown by its keys ({ low, high }), not by its codec's name.
      return (c as unknown as t.UnionType<t.Mixed[]>).types
        .map((m) => ((m as { _tag?: string })._tag === 'StrictType' ? `{ ${Object.keys((m as unknown as { required: t.Props }).required).join(', ')} }` : describeType(m)))
        .join(' or ');
    case 'DefaultWhenAbsentType':
      return describeType((c as unknown as { inner: t.Mixed }).inner);
    case 'DictionaryType':
      return `mapping of ${describeType((c as unknown as t.DictionaryType<t.Mixed, t.Mixed>).codomain)}`;
    case 'TupleType': {
      const types = (c as unknown as t.TupleType<t.Mixed[]>).types;
      return `list of ${types.length}: ${types.map(describeType).join(', ')}`;
    }
    case 'NullType':
      return 'null';
    case 'RecursiveType':
      return (c as unknown as t.RecursiveType<t.Mixed>).name;
    default:
      return c.name;
  }
}

const kindOf = (u: unknown): string => (u === null ? 'null' : Array.isArray(u) ? 'array' : typeof u);

interface Draft {
  code: string;
  diagnostic: Diagnostic;
  parent: string;
  key?: string;
  suggestion?: string;
}

function toDiagnostic(p: Problem, options: DecodeOptions): Draft {
  const path = formatPath(p.segments);
  const parentSegs = p.segments.slice(0, -1);
  const parent = pathKey(parentSegs);
  const lastSeg = p.segments[p.segments.length - 1];
  const key = lastSeg === undefined ? undefined : String(lastSeg);
  const place = (segs: readonly (string | number)[], atKey = false) => {
    const pos = options.locate?.(segs, { key: atKey });
    return { ...(options.file !== undefined ? { file: options.file } : {}), ...(pos ? { line: pos.line, column: pos.column } : {}) };
  };

  if (p.type instanceof UnknownKeyType) {
    const suggestion = key === undefined ? undefined : closest(key, p.type.knownKeys);
    return {
      code: 'unknown-key',
      parent,
      ...(suggestion !== undefined ? { suggestion } : {}),
      diagnostic: {
        code: 'unknown-key',
        severity: 'error',
        path,
        message: suggestion ? `Unknown key "${key}". Did you mean "${suggestion}"?` : `Unknown key "${key}".`,
        ...place(p.segments, true),
        expected: `one of the keys ${p.type.knownKeys.join(', ')}`,
        found: JSON.stringify(key),
        hint: suggestion ? `Rename "${key}" to "${suggestion}".` : 'Remove the key, or move it to where it belongs.',
      },
    };
  }

  if (p.type instanceof UnknownTagType) {
    if (p.value === undefined) {
      return {
        code: 'missing-field',
        parent,
        ...(key !== undefined ? { key } : {}),
        diagnostic: {
          code: 'missing-field',
          severity: 'error',
          path,
          message: `Missing required key "${key}".`,
          ...place(parentSegs),
          expected: p.type.name,
          found: 'nothing',
          hint: `Add "${key}:" with ${p.type.name}.`,
        },
      };
    }
    const suggestion = typeof p.value === 'string' ? closest(p.value, p.type.knownTags) : undefined;
    return {
      code: 'invalid-value',
      parent,
      diagnostic: {
        code: 'invalid-value',
        severity: 'error',
        path,
        message: `"${key}" must be ${p.type.name}.`,
        ...place(p.segments),
        expected: p.type.name,
        found: renderValue(p.value),
        hint: suggestion ? `Did you mean "${suggestion}"?` : `Use one of: ${p.type.knownTags.join(', ')}.`,
      },
    };
  }

  if (p.message !== undefined && /^rich text/.test(p.type.name)) {
    const u = JSON.parse(p.message) as UnsupportedMarkdown | MalformedTable | ImageProblem;
    // An image or a table row is placed at its own line of the text.
    const inText = (line: number) => ({ ...(options.file !== undefined ? { file: options.file } : {}), ...options.locate?.(p.segments, { line }) });
    if (u.construct === 'image') {
      return {
        code: u.code,
        parent,
        diagnostic: {
          code: u.code,
          severity: 'error',
          path,
          message: DIAGNOSTIC_CODES[u.code].message({ problem: u.problem }),
          ...inText(u.line),
          expected: 'an image as a paragraph of its own, ![what it shows](file.png) with the file in the report\'s folder',
          found: renderValue(u.found),
          hint: u.hint,
        },
      };
    }
    if (u.construct === 'malformed-table') {
      return {
        code: 'markdown-table-malformed',
        parent,
        diagnostic: {
          code: 'markdown-table-malformed',
          severity: 'error',
          path,
          message: DIAGNOSTIC_CODES['markdown-table-malformed'].message({ problem: u.problem, line: u.line }),
          ...inText(u.line),
          expected: 'a header row, a separator line (|---|---|) and rows of as many cells as the header',
          found: renderValue(u.found),
          hint: u.hint,
        },
      };
    }
    return {
      code: 'rich-text-unsupported',
      parent,
      diagnostic: {
        code: 'rich-text-unsupported',
        severity: 'error',
        path,
        message: DIAGNOSTIC_CODES['rich-text-unsupported'].message({ construct: u.construct }),
        ...place(p.segments),
        expected: 'paragraphs, lists, emphasis, links and Markdown images',
        found: renderValue(u.found),
        hint: u.hint,
      },
    };
  }
  let expected = describeType(p.type);
  const parentTag = (p.context[p.context.length - 2]?.type as { _tag?: string } | undefined)?._tag;
  if (p.value === undefined && typeof lastSeg === 'number' && parentTag === 'TupleType') {
    const size = (p.context[p.context.length - 2]!.type as unknown as t.TupleType<t.Mixed[]>).types.length;
    return {
      code: 'missing-field',
      parent,
      diagnostic: {
        code: 'missing-field',
        severity: 'error',
        path,
        message: `The list ${formatPath(parentSegs)} needs ${size} items; item ${lastSeg + 1} is missing.`,
        ...place(parentSegs),
        expected,
        found: 'nothing',
        hint: `Write all ${size} items, e.g. [a, b].`,
      },
    };
  }
  if (p.value === undefined && key !== undefined) {
    // A missing object of the model is named by what it holds, not only by its codec's name.
    const object = (p.type as { _tag?: string })._tag === 'StrictType' ? (p.type as unknown as { required: t.Props; description: string; name: string }) : undefined;
    const keys = object ? Object.keys(object.required) : [];
    return {
      code: 'missing-field',
      parent,
      key,
      diagnostic: {
        code: 'missing-field',
        severity: 'error',
        path,
        message: `Missing required key "${key}"${parentSegs.length > 0 ? ` in ${formatPath(parentSegs)}` : ''}.`,
        ...place(parentSegs),
        expected: object && keys.length > 0 ? `${expected} (a mapping with ${keys.join(', ')})` : expected,
        found: 'nothing',
        hint:
          object && keys.length > 0
            ? `Add "${key}:" (${object.description.replace(/\.$/, '').replace(/^(\w)/, (c) => c.toLowerCase())}) with ${keys.length === 1 ? `the key ${keys[0]}: on a line of its own` : `the keys ${keys.map((k) => `${k}:`).join(', ')} each on a line of its own`} below it, indented; "${object.name}" in docs/model.md lists every key.`
            : `Add "${key}:" with ${article(expected)}.`,
      },
    };
  }
  const kinds = baseKinds(p.type);
  const kind = kinds?.length === 1 ? kinds[0] : undefined;
  const wrongType = kinds !== undefined && !kinds.includes(kindOf(p.value));
  // A number is what the place takes when it takes numbers and no text: a number alone, or a
  // table's cell (a number, null, a missing amount or an interval).
  const numeric = kinds !== undefined && kinds.includes('number') && !kinds.includes('string');
  const swedish = numeric && typeof p.value === 'string' ? swedishNumber(p.value) : undefined;
  // Text where a number belongs is answered with "number", not with every form a table's cell takes.
  if (numeric && kind === undefined && typeof p.value === 'string') expected = 'number';
  if (swedish !== undefined) {
    return {
      code: 'swedish-number',
      parent,
      diagnostic: {
        code: 'swedish-number',
        severity: 'error',
        path,
        message: DIAGNOSTIC_CODES['swedish-number'].message({ split: false, found: renderValue(p.value), expected: article(expected) }),
        ...place(p.segments),
        expected,
        found: renderValue(p.value),
        hint: `Write ${swedish} (digits without spaces, decimals with a point); readers still see the Swedish form.`,
      },
    };
  }
  const code = wrongType ? 'invalid-type' : 'invalid-value';
  // An object of the model is named by its codec (Period): say which keys it has instead.
  const strictType = (p.type as { _tag?: string; required?: Record<string, unknown> })._tag === 'StrictType' ? (p.type as unknown as { required: Record<string, unknown> }) : undefined;
  const mappingKeys = strictType && Object.keys(strictType.required).length > 0 ? Object.keys(strictType.required).join(', ') : undefined;
  const keyof = (p.type as { _tag?: string })._tag === 'KeyofType' ? Object.keys((p.type as t.KeyofC<Record<string, unknown>>).keys) : undefined;
  const suggestion = keyof && typeof p.value === 'string' ? closest(p.value, keyof) : undefined;
  let hint: string;
  const presetSuggestion = /^governance/.test(expected) && typeof p.value === 'string' ? closest(p.value, Object.keys(presets)) : undefined;
  const tooLarge = typeof p.value === 'number' && Number.isFinite(p.value) && Math.abs(p.value) > Number.MAX_SAFE_INTEGER && (kind === 'number' || /^(number|integer)/.test(expected));
  const day = /^date /.test(expected) && typeof p.value === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/.exec(p.value) : null;
  const monthDays = day ? daysInMonth(Number(day[1]), Number(day[2])) : 0;
  const asIso = /^date /.test(expected) && typeof p.value === 'string' ? isoDate(p.value) : undefined;
  // `key:` with nothing after it (or null) where a value is required.
  const empty = p.value === null && wrongType && key !== undefined && typeof lastSeg === 'string';
  const optional = empty && (p.context[p.context.length - 2]?.type as { _tag?: string } | undefined)?._tag === 'PartialType';
  if (empty) {
    const what = keyof ? `one of ${keyof.join(', ')}` : kind === 'boolean' ? 'true or false' : kind === 'array' ? 'a list (one "- " item per line below it, or [a, b])' : mappingKeys ? `a mapping (its keys ${mappingKeys} each on a line of its own below it, indented)` : article(expected);
    hint = `Write ${what} after "${key}:"${optional ? ', or remove the line: the key is optional' : ''}.`;
  } else if (suggestion) hint = `Did you mean "${suggestion}"?`;
  else if (tooLarge)
    hint = 'A number this large (beyond 9 007 199 254 740 991) cannot be kept exactly and would be printed as another; check the figure, or write it in a larger unit (tkr or mnkr instead of kr).';
  else if (day && Number(day[3]) > monthDays) hint = `${day[1]}-${day[2]} has ${monthDays} days: write a day from 01 to ${monthDays}.`;
  else if (asIso) hint = `Write ${asIso}: year, month and day, with two digits for month and day.`;
  else if (presetSuggestion) hint = `Did you mean the preset "${presetSuggestion}"? Presets: ${Object.keys(presets).join(', ')}.`;
  else if (/^governance/.test(expected)) hint = `Name a preset (${Object.keys(presets).join(', ')}) or write an object with preset and the parts to replace.`;
  else if (keyof) hint = `Use one of: ${keyof.join(', ')}.`;
  else if (wrongType && kind === 'string' && (typeof p.value === 'number' || typeof p.value === 'boolean')) hint = 'Put the value in quotes so YAML reads it as text.';
  else if (wrongType && numeric && typeof p.value === 'string') hint = numberHint(p.value);
  else if (wrongType && kind === 'array') hint = 'Write a list: one "- " item per line, or [a, b].';
  else if (wrongType && kinds?.length === 1 && kind === 'object' && !mappingKeys) hint = `Write ${key === undefined ? 'it' : key} as a mapping: a "key: value" pair on each line below it, indented, or { a: 1, b: 2 }.`;
  else if (wrongType && mappingKeys) hint = `Write ${key === undefined ? 'it' : key} as a mapping: its keys (${mappingKeys}) each on a line of its own below it, indented.`;
  else hint = `Write ${article(expected)}.`;
  return {
    code,
    parent,
    diagnostic: {
      code,
      severity: 'error',
      path,
      message: empty ? `"${key}:" has no value; it takes ${article(expected)}.` : wrongType ? `Expected ${article(expected)}${mappingKeys && wrongType ? ` (a mapping with ${mappingKeys})` : ''}, found ${describeKind(p.value)}.` : tooLarge ? `${renderValue(p.value)} is too large a number to be kept exactly.` : `${renderValue(p.value)} is not ${article(expected)}.`,
      ...place(p.segments),
      expected: mappingKeys && wrongType ? `${expected} (a mapping with ${mappingKeys})` : expected,
      found: empty ? 'no value (empty, or null)' : renderValue(p.value),
      hint,
    },
  };
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/**
 * A date written another way as YYYY-MM-DD, when it is one: 2024-8-31, 31/8 2024 and 31.8.2024
 * (day first, as in Swedish), 31 augusti 2024, 2024/08/31. A form that could be another day
 * (08/31/2024 with the month first) gives nothing.
 */
function isoDate(text: string): string | undefined {
  const s = text.trim().toLowerCase();
  let m: RegExpExecArray | null;
  let y: number, mo: number, d: number;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.](\d{1,2})(?:[ .\-/]|, ?)(\d{4})$/.exec(s))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2}) ([a-zåäö]+) (\d{4})$/.exec(s)) && MONTHS.includes(m[2]!)) [d, mo, y] = [Number(m[1]), MONTHS.indexOf(m[2]!) + 1, Number(m[3])];
  else return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * How to write a number YAML read as text: the number itself when the text is one with a
 * Unicode minus (−3), a unit or per cent sign after it (44 %, 120 tkr) or in quotes.
 */
function numberHint(text: string): string {
  const unit = /\s*(%|procent|kr|tkr|mnkr|st)\.?$/i.exec(text.trim());
  const bare = (unit ? text.trim().slice(0, unit.index) : text.trim()).replace(/^[\u2212\u2013]/, '-');
  const n = swedishNumber(bare) ?? (/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(bare) ? bare.replace(/^\+/, '') : undefined);
  if (n === undefined) return 'Write the number without quotes; decimals with a point (8.2, not "8,2").';
  const parts = [
    /^[\u2212\u2013]/.test(text.trim()) ? 'a minus sign as the hyphen "-" (not "−")' : undefined,
    unit ? `no "${unit[1]}" after it` : undefined,
  ].filter((x) => x !== undefined);
  return `Write ${n}${parts.length > 0 ? `, with ${parts.join(' and ')}` : ' without quotes'}${n.includes('.') ? ' (decimals with a point)' : ''}.`;
}

function article(name: string): string {
  if (/^(a|an|one|the) /.test(name) || /^\(/.test(name) || /^"/.test(name)) return name;
  if (/^(Array|Record|\{)/.test(name)) return name;
  return /^[aeiouAEIOU]/.test(name) && !/^uni/i.test(name) ? `an ${name}` : `a ${name}`;
}

function describeKind(u: unknown): string {
  const k = kindOf(u);
  if (k === 'array') return 'a list';
  if (k === 'object') return 'an object';
  if (k === 'null') return 'null';
  if (k === 'string') return `text ${renderValue(u)}`;
  return `${k} ${renderValue(u)}`;
}

/** The nearest candidate by edit distance, when it is near enough to be a likely misspelling. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** Damerau–Levenshtein distance (optimal string alignment) between two strings. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
