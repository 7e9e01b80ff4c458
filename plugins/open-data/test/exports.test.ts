// Pins the public exports of @kommunrapport/plugin-open-data and the plugin's contract.
import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('pins the public exports', () => {
  expect(Object.keys(api).sort()).toEqual([
    'CC0', 'DEFAULT_BASE_URL', 'DEFAULT_SPATIAL', 'FORMULA_START', 'OPEN_DATA_CODES', 'OUT_DIR', 'OpenDataOptions', 'ROLE_FILES', 'buildSiteCatalogue', 'buildTables', 'checkDcat', 'createIdMaker',
    'decimalString', 'default', 'idPattern', 'idPrefix', 'isPlaceholderHost', 'openDataBaseUrl', 'plainDecimal', 'protectCell', 'publishedOptions', 'publisherIri', 'readOpenDataFolder', 'renderOpenData', 'reportJson', 'reportSchema',
    'shiftDecimal', 'siteCatalogueIri', 'siteOpenDataUrl', 'slug', 'tableFile', 'unprotectCell', 'validateCatalogueFile', 'validateOpenData', 'validateOpenDataFiles', 'writeCsv', 'writeTableCsv',
  ]);
});

it('is the plugin named open-data with the format open-data', () => {
  expect(api.default.name).toBe('open-data');
  expect(api.default.formats).toEqual(['open-data']);
  expect(typeof api.default.render).toBe('function');
  expect(api.default.options).toBe(api.OpenDataOptions);
});

it('has a catalogue entry with title, group, meaning, message and hint for every code', () => {
  for (const [code, info] of Object.entries(api.OPEN_DATA_CODES)) {
    expect(code).toMatch(/^open-data-[a-z-]+$/);
    expect(info.title && info.meaning && info.hint && info.group === 'open-data' && typeof info.message === 'function').toBeTruthy();
  }
});
