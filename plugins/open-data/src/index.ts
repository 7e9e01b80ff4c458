// Public entry of @kommunrapport/plugin-open-data: the plugin (default export) and its helpers.
export { default, renderOpenData, reportJson, openDataBaseUrl, publishedOptions, siteOpenDataUrl, OUT_DIR } from './plugin.js';
export { buildSiteCatalogue, type SiteCatalogueEntry, type SiteCatalogueOptions } from './site-catalogue.js';
export { publisherIri, siteCatalogueIri } from './dcat.js';
export { OpenDataOptions, CC0, DEFAULT_BASE_URL, DEFAULT_SPATIAL } from './options.js';
export { buildTables, tableFile, ROLE_FILES } from './tables.js';
export type { TableDef, FieldDef, ForeignKeyDef } from './csv.js';
export { FORMULA_START, protectCell, unprotectCell, writeCsv, writeTableCsv } from './csv.js';
export { createIdMaker, idPrefix, idPattern, slug } from './ids.js';
export { decimalString, plainDecimal, shiftDecimal } from './decimal.js';
export { reportSchema, type PublishedSchema } from './schema.js';
export { validateOpenData, validateOpenDataFiles, validateCatalogueFile, readOpenDataFolder, type OpenDataFiles } from './validate.js';
export { checkDcat, isPlaceholderHost, type DcatCheckOptions } from './dcat-check.js';
export { OPEN_DATA_CODES, type OpenDataCode } from './diagnostics.js';
