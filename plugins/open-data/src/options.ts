// The open-data plugin's options: where the files will be published (baseUrl), the licence
// and the IRI that names the kommun. Decoded strictly with defaults, so a typo is an error.
import type * as t from 'io-ts';
import { strict, pattern } from '@kommunrapport/model';
import { withDefaults } from '@kommunrapport/core';

/** The IRI of CC0 1.0, the default licence. */
export const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/';

/** Default base IRI when `baseUrl` is not given; `{report}` is replaced by the report id. */
export const DEFAULT_BASE_URL = 'https://example.org/kommunrapport/{report}/open-data/';

/** Default IRI of the kommun for dct:spatial: Kolada's municipality resource, named by kommunkod. */
export const DEFAULT_SPATIAL = 'https://api.kolada.se/v2/municipality/{kommunkod}';

const AbsoluteIri = pattern('absolute IRI (e.g. "https://data.exempelstad.se/rapporter/")', /^[a-z][a-z0-9+.-]*:[^\s<>"|\\^`]+$/i);

const DEFAULTS = { baseUrl: DEFAULT_BASE_URL, licence: CC0, spatial: DEFAULT_SPATIAL };

/** The options as written: every key optional, unknown keys are errors. */
const OptionsInput = strict('OpenDataOptions', 'Options of the open-data plugin.', {}, { baseUrl: AbsoluteIri, licence: AbsoluteIri, spatial: AbsoluteIri });

/**
 * Decodes the plugin's options with their defaults: `baseUrl` (absolute IRI of the folder
 * the files are published in; `{report}` is the report id), `licence` (licence IRI, CC0 1.0
 * by default) and `spatial` (IRI template of the kommun; `{kommunkod}` is replaced).
 */
export const OpenDataOptions = withDefaults(OptionsInput, DEFAULTS);

/** The options when none are given. */
export const DEFAULT_OPTIONS: OpenDataOptions = DEFAULTS;

/** Options of the open-data plugin after defaults. */
export type OpenDataOptions = t.TypeOf<typeof OpenDataOptions>;

/** Licences whose names are known, for datapackage.json. */
export const KNOWN_LICENCES: Record<string, { name: string; title: string }> = {
  [CC0]: { name: 'CC0-1.0', title: 'CC0 1.0' },
  'http://creativecommons.org/licenses/by/4.0/': { name: 'CC-BY-4.0', title: 'CC BY 4.0' },
  'http://creativecommons.org/licenses/by-sa/4.0/': { name: 'CC-BY-SA-4.0', title: 'CC BY-SA 4.0' },
};
