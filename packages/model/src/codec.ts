// Codec building blocks shared by every model module: strict objects that reject
// unknown keys (so a typo in YAML is an error), finite numbers and branded values.
import * as t from 'io-ts';

/** Marks a context entry whose key is not part of the object's codec. */
export class UnknownKeyType extends t.Type<never, unknown, unknown> {
  readonly _tag = 'UnknownKeyType' as const;
  constructor(readonly knownKeys: readonly string[]) {
    super('no such key', (_u): _u is never => false, (u, c) => t.failure(u, c), () => {
      throw new Error('UnknownKeyType cannot encode');
    });
  }
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** The io-ts shape of a strict object: its required and optional props, kept for schema generation. */
export interface StrictType<P extends t.Props, O extends t.Props>
  extends t.Type<t.TypeOf<t.TypeC<P>> & t.TypeOf<t.PartialC<O>>, t.OutputOf<t.TypeC<P>> & t.OutputOf<t.PartialC<O>>, unknown> {
  readonly _tag: 'StrictType';
  readonly required: P;
  readonly optional: O;
  readonly description: string;
}

/**
 * An object codec that fails on keys it does not know (with the known keys kept for a
 * "did you mean" hint) and drops optional keys whose value is undefined when encoding.
 * `description` is the doc text used in the generated JSON Schema and docs.
 */
export function strict<P extends t.Props, O extends t.Props = {}>(
  name: string,
  description: string,
  required: P,
  optional?: O,
): StrictType<P, O> {
  const opt = (optional ?? {}) as O;
  const inner = t.intersection([t.type(required), t.partial(opt)]);
  const known = [...Object.keys(required), ...Object.keys(opt)];
  const knownSet = new Set(known);
  const unknownKey = new UnknownKeyType(known);
  const type = new t.Type(
    name,
    (u): u is any => isRecord(u) && Object.keys(u).every((k) => knownSet.has(k)) && inner.is(u),
    (u, c) => {
      if (!isRecord(u)) return t.failure(u, c);
      const extra: t.Errors = [];
      for (const key of Object.keys(u)) {
        if (!knownSet.has(key)) {
          extra.push({ value: u[key], context: [...c, { key, type: unknownKey, actual: u[key] }] });
        }
      }
      const result = inner.validate(u, c);
      if (extra.length > 0) return t.failures(result._tag === 'Left' ? [...extra, ...result.left] : extra);
      if (result._tag === 'Left') return result;
      const out: Record<string, unknown> = {};
      for (const key of known) if (result.right[key as keyof typeof result.right] !== undefined) out[key] = (result.right as any)[key];
      return t.success(out as any);
    },
    (a: any) => {
      const encoded = inner.encode(a) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of known) if (encoded[key] !== undefined) out[key] = encoded[key];
      return out as any;
    },
  );
  return Object.assign(type, { _tag: 'StrictType' as const, required, optional: opt, description });
}

/**
 * Whether a number is finite and within ±Number.MAX_SAFE_INTEGER (about 9 × 10^15): beyond
 * it a double no longer holds every whole number, so a figure written with more digits
 * (123456789012345678901234567890) would be printed as another (…345680000000000000).
 * No kommun's figure comes near it: Sweden's yearly GDP in kronor is about 6 × 10^12.
 */
const isExactNumber = (u: unknown): u is number => typeof u === 'number' && Number.isFinite(u) && Math.abs(u) <= Number.MAX_SAFE_INTEGER;

/** A finite number that a double holds exactly: YAML's .nan and .inf, and figures beyond 9 007 199 254 740 991, are rejected. */
export const FiniteNumber = new t.Type<number, number, unknown>(
  'number',
  isExactNumber,
  (u, c) => (isExactNumber(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** A whole number, within the range a double holds exactly. */
export const Integer = new t.Type<number, number, unknown>(
  'integer',
  (u): u is number => Number.isSafeInteger(u),
  (u, c) => (Number.isSafeInteger(u) ? t.success(u as number) : t.failure(u, c)),
  t.identity,
);

/** A non-empty string (after trimming). */
export const NonEmptyString = new t.Type<string, string, unknown>(
  'non-empty string',
  (u): u is string => typeof u === 'string' && u.trim().length > 0,
  (u, c) => (typeof u === 'string' && u.trim().length > 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/**
 * A string matched by a regular expression; `name` says what is expected in errors. `also`
 * is a further check the expression cannot make (a date's day within its month); the JSON
 * Schema has the expression only.
 */
export function pattern(name: string, re: RegExp, also?: (s: string) => boolean): t.Type<string, string, unknown> & { readonly pattern: RegExp } {
  const ok = (u: unknown): u is string => typeof u === 'string' && re.test(u) && (also === undefined || also(u));
  const type = new t.Type<string, string, unknown>(
    name,
    ok,
    (u, c) => (ok(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  );
  // The expression is kept for the generated JSON Schema.
  return Object.assign(type, { pattern: re });
}

/** Optional in YAML, may also be written as null: the source does not state it. */
export const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/** Marks a context entry for a tagged union whose tag value is not one of the known ones. */
export class UnknownTagType extends t.Type<never, unknown, unknown> {
  readonly _tag = 'UnknownTagType' as const;
  constructor(readonly tag: string, readonly knownTags: readonly string[]) {
    super(`one of ${knownTags.map((k) => JSON.stringify(k)).join(', ')}`, (_u): _u is never => false, (u, c) => t.failure(u, c), () => {
      throw new Error('UnknownTagType cannot encode');
    });
  }
}

/** The shape of a tagged union, kept for schema generation. */
export interface TaggedUnionType<A, O> extends t.Type<A, O, unknown> {
  readonly _tag: 'TaggedUnionType';
  readonly tag: string;
  readonly members: Record<string, t.Mixed>;
}

/**
 * A union chosen by the value of one key (`type: text`), so errors speak of the one
 * member that was meant instead of every member of the union.
 */
export function taggedUnion<A, O = A>(name: string, tag: string, members: Record<string, t.Mixed>): TaggedUnionType<A, O> {
  const tags = Object.keys(members);
  const tagType = new UnknownTagType(tag, tags);
  const type = new t.Type<A, O, unknown>(
    name,
    (u): u is A => isRecord(u) && typeof u[tag] === 'string' && members[u[tag] as string]?.is(u) === true,
    (u, c) => {
      if (!isRecord(u)) return t.failure(u, c);
      const value = u[tag];
      const member = typeof value === 'string' ? members[value] : undefined;
      if (!member) return t.failure(value, [...c, { key: tag, type: tagType, actual: value }]);
      return member.validate(u, c);
    },
    (a: any) => members[a[tag]]!.encode(a),
  );
  return Object.assign(type, { _tag: 'TaggedUnionType' as const, tag, members });
}

/** A codec whose value may be left out: an absent value decodes as `fallback`. The JSON Schema lists the key as optional. */
export class DefaultWhenAbsentType<A, O> extends t.Type<A, O, unknown> {
  readonly _tag = 'DefaultWhenAbsentType' as const;
  constructor(readonly inner: t.Type<A, O, unknown>, fallback: () => A) {
    super(inner.name, inner.is, (u, c) => (u === undefined ? t.success(fallback()) : inner.validate(u, c)), inner.encode);
  }
}

/** `codec`, with `fallback()` when the key is absent. */
export const defaultWhenAbsent = <A, O>(codec: t.Type<A, O, unknown>, fallback: () => A): DefaultWhenAbsentType<A, O> =>
  new DefaultWhenAbsentType(codec, fallback);
