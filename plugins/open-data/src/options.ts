// The open-data plugin's options: where the files will be published (baseUrl), the licence
// and the IRI that names the kommun. Decoded strictly with defaults, so a typo is an error.
import * as t from 'io-ts';

/** The IRI of CC0 1.0, the default licence. */
export const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/';

/** Default base IRI when `baseUrl` is not given; `{report}` is replaced by the report id. */
export const DEFAULT_BASE_URL = 'https://example.org/kommunrapport/{report}/open-data/';

/** Default IRI of the kommun for dct:spatial: Kolada's municipality resource, named by kommunkod. */
export const DEFAULT_SPATIAL = 'https://api.kolada.se/v2/municipality/{kommunkod}';

/** Options of the open-data plugin after defaults. */
export interface OpenDataOptions {
  /** Absolute IRI of the folder the files are published in, ending in `/`; `{report}` is the report id. */
  baseUrl: string;
  /** Licence IRI; CC0 1.0 by default. */
  licence: string;
  /** IRI template of the kommun for dct:spatial; `{kommunkod}` is replaced. */
  spatial: string;
}

const AbsoluteIri = new t.Type<string, string, unknown>(
  'absolute IRI (e.g. "https://data.example.se/rapporter/")',
  (u): u is string => typeof u === 'string' && /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(u.replace(/\{\w+\}/g, 'x')),
  (u, c) => (typeof u === 'string' && /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(u.replace(/\{\w+\}/g, 'x')) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

const Input = t.exact(t.partial({ baseUrl: AbsoluteIri, licence: AbsoluteIri, spatial: AbsoluteIri }));
const KNOWN = new Set(['baseUrl', 'licence', 'spatial']);

/** Decodes the plugin's options: unknown keys are errors; missing ones get their defaults. */
export const OpenDataOptions = new t.Type<OpenDataOptions, OpenDataOptions, unknown>(
  'open-data options { baseUrl?, licence?, spatial? }',
  (u): u is OpenDataOptions =>
    typeof u === 'object' && u !== null && ['baseUrl', 'licence', 'spatial'].every((k) => typeof (u as Record<string, unknown>)[k] === 'string'),
  (u, c) => {
    const input = u === undefined || u === null ? {} : u;
    if (typeof input === 'object' && !Array.isArray(input)) {
      const extra = Object.keys(input).filter((k) => !KNOWN.has(k));
      if (extra.length > 0) return t.failure(input, c, `unknown option ${extra.map((k) => JSON.stringify(k)).join(', ')}; known: baseUrl, licence, spatial`);
    }
    const r = Input.validate(input, c);
    if (r._tag === 'Left') return r;
    let baseUrl = r.right.baseUrl ?? DEFAULT_BASE_URL;
    if (!baseUrl.endsWith('/')) baseUrl += '/';
    return t.success({ baseUrl, licence: r.right.licence ?? CC0, spatial: r.right.spatial ?? DEFAULT_SPATIAL });
  },
  t.identity,
);

/** Licences whose names are known, for datapackage.json. */
export const KNOWN_LICENCES: Record<string, { name: string; title: string }> = {
  [CC0]: { name: 'CC0-1.0', title: 'CC0 1.0' },
  'http://creativecommons.org/licenses/by/4.0/': { name: 'CC-BY-4.0', title: 'CC BY 4.0' },
  'http://creativecommons.org/licenses/by-sa/4.0/': { name: 'CC-BY-SA-4.0', title: 'CC BY-SA 4.0' },
};
