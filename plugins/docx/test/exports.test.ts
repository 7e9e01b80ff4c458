// Pins the public API of @kommunrapport/plugin-docx and checks that no word a reader sees
// is hard-coded in the plugin: every word comes from the document.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { ROOT } from './helpers.js';

describe('@kommunrapport/plugin-docx', () => {
  it('exports the plugin as default and these names', () => {
    expect(Object.keys(api).sort()).toEqual(['CAPTION_STYLE', 'DOCX_FILE', 'DOCX_MEDIA_TYPE', 'DocxOptions', 'FONT_SIZE_RANGE', 'LIST', 'default', 'packDocx', 'renderDocx', 'reproducible', 'wordDocument'].sort());
    expect(api.default.name).toBe('docx');
    expect(api.default.formats).toEqual(['docx']);
    expect(api.DOCX_FILE).toBe('rapport.docx');
  });

  it('has an index that only re-exports', () => {
    const index = readFileSync(resolve(ROOT, 'plugins/docx/src/index.ts'), 'utf8');
    for (const line of index.split('\n')) if (line.trim() && !line.startsWith('//')) expect(line).toMatch(/^export (\*|\{[^}]*\}) from '\.\/[a-z-]+\.js';$/);
  });
});
