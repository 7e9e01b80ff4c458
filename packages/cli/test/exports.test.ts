import { expect, it } from 'vitest';
import * as cli from '../src/index.js';

it('pins the public exports of @kommunrapport/cli', () => {
  expect(Object.keys(cli).sort()).toEqual(['EXIT', 'commands', 'createProgram', 'main', 'neutralise', 'processIo', 'runBuild', 'runInit', 'startPreview', 'validateFile', 'version']);
});
