// Pins the public exports of @kommunrapport/plugin-html.
import { expect, test } from 'vitest';
import * as api from '../src/index.js';

test('the package exports exactly its public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'HtmlOptions', 'MIN_CONTRAST', 'OTHER_FORMATS_ID', 'contrastRatio', 'default', 'defaultOptions', 'formatLinks', 'otherFormats', 'pageTree', 'palette', 'readableColour', 'relativeLuminance', 'renderHtml', 'renderPage', 'tableCsvLinks',
  ]);
  expect(api.default.name).toBe('html');
});
