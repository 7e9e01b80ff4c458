// Pins the package's public exports.
import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('pdf: public exports', () => {
  expect(Object.keys(api).sort()).toEqual(['DEFAULT_OPTIONS', 'PAGE_SIZES', 'PDF_FILE', 'PdfOptions', 'default', 'escapeXml', 'pdfPlugin', 'renderPdf']);
  expect(api.default).toBe(api.pdfPlugin);
  expect(api.PDF_FILE).toBe('rapport.pdf');
  expect(api.escapeXml(`a & <b> "c" 'd'`)).toBe('a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;');
});
