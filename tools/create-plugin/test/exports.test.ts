// Pins the public exports of the generator: a removed or renamed export fails here.
import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly these names', () => {
  expect(Object.keys(api).sort()).toEqual([
    'MAX_NAME_LENGTH', 'RESERVED_NAMES', 'VERSIONS', 'camelCase', 'createPlugin', 'findRoot', 'globMatches', 'isRepositoryRoot',
    'main', 'nameProblem', 'namesInUse', 'packageName', 'pascalCase', 'pluginFiles', 'updateTsconfig',
  ]);
});
