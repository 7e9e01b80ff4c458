// Plugin options with defaults: wraps an options codec (usually a `strict` object whose
// keys are all optional) so that decoding fills in every default. Nothing given (undefined
// or null) decodes as `{}`, so a plugin used without options gets the defaults.
import * as t from 'io-ts';

/**
 * An options codec whose decoded value has every default filled in. `codec` decides what
 * is accepted (unknown keys are errors when it is a `strict` codec); `defaults` must be a
 * valid value of it and gives each option left out.
 *
 * ```ts
 * const Options = withDefaults(strict('OutlineOptions', 'Options of the outline plugin.', {}, { indent: t.number }), { indent: 2 });
 * type Options = t.TypeOf<typeof Options>; // { indent: number }
 * ```
 */
export function withDefaults<C extends t.Mixed, D extends t.TypeOf<C>>(
  codec: C,
  defaults: D,
): t.Type<Omit<t.TypeOf<C>, keyof D> & D, t.OutputOf<C>, unknown> {
  type A = Omit<t.TypeOf<C>, keyof D> & D;
  const keys = Object.keys(defaults) as (keyof D & string)[];
  return new t.Type<A, t.OutputOf<C>, unknown>(
    codec.name,
    (u): u is A => codec.is(u) && keys.every((k) => (u as Record<string, unknown>)[k] !== undefined),
    (u, c) => {
      const result = codec.validate(u === undefined || u === null ? {} : u, c);
      if (result._tag === 'Left') return result;
      const value: Record<string, unknown> = { ...defaults };
      for (const [k, v] of Object.entries(result.right as Record<string, unknown>)) if (v !== undefined) value[k] = v;
      return t.success(value as A);
    },
    (a) => codec.encode(a),
  );
}
