// Pins the public exports of the tool: a removed or renamed export fails here.
import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly these names', () => {
  expect(Object.keys(api).sort()).toEqual([
    'API_PACKAGES', 'EMBEDDING_DOCS', 'anchor', 'checkExamples', 'diffLines', 'documentDoc', 'embedExamples', 'embeddedFiles', 'extractApi',
    'extractDocumentTypes', 'extractModel', 'findRoot', 'generateAll', 'kindOf', 'main', 'parseGlossary', 'renderApiReport', 'renderDocumentDoc', 'renderModelDoc',
    'runApiReport', 'summariseDiff', 'swedishTerm', 'typeCheckFiles',
  ]);
});
