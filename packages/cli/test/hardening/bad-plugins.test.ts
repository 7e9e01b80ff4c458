// Plugins that misbehave, through the real CLI (`kommunrapport build --plugin`): each is
// refused with a clear error naming the plugin, the command exits 1 without a stack trace,
// the previous output stays byte for byte, and no file is written outside the output folder.
import { copyFileSync, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain, snapshot } from '../cli-helpers.js';
import { baseReport } from './bad-inputs.js';

const ioTs = realpathSync(fileURLToPath(new URL('../../node_modules/io-ts', import.meta.url)));
const evil = fileURLToPath(new URL('../fixtures/bad-plugins/evil.mjs', import.meta.url));
const { KINDS } = (await import(evil)) as { KINDS: Record<string, unknown> };

/** The message each kind must give (beside the plugin's name). */
const EXPECTED: Record<string, RegExp> = {
  absolute: /is absolute/,
  parent: /climbs out of the output folder/,
  nested: /climbs out of the output folder/,
  deep: /climbs out of the output folder/,
  drive: /is absolute/,
  backslash: /contains a backslash/,
  dot: /empty or "\." segment/,
  empty: /the path is empty/,
  nul: /NUL character/,
  duplicate: /"same\.txt" is already used by an earlier artifact of this plugin/,
  caseDuplicate: /"same\.txt" is already used by an earlier artifact of this plugin/,
  nfcDuplicate: /is already used by an earlier artifact of this plugin/,
  // html links to the other formats, so it renders after them and finds the path taken.
  collides: /\[plugin html\] .*"index\.html" is already used by plugin "evil"/,
  fileAndFolder: /needs a folder "x", which is already a file/,
  longName: /too long/,
  throwsError: /the finance table has no columns/,
  throwsString: /a plain string/,
  throwsNull: /null/,
  rejects: /cannot read properties of undefined/,
  notList: /not a list of artifacts/,
  nullArtifact: /artifact \[0\] is null/,
  contentsNumber: /contents are number/,
  contentsObject: /contents are object/,
  noMediaType: /mediaType must be a non-empty string/,
  pathGetterThrows: /getter exploded/,
  listGetterThrows: /proxy exploded/,
};

const figures = { plugins: 0, refused: 0 };
afterAll(() => console.log(`hardening: misbehaving plugins tried through the CLI: ${figures.plugins}, refused cleanly with nothing written: ${figures.refused}`));

describe('a misbehaving plugin through kommunrapport build', () => {
  it('has an expectation for every kind of misbehaviour the fixture plugin knows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(KINDS).sort());
  });

  for (const kind of Object.keys(EXPECTED)) {
    it(`${kind}: refused, exit 1, named, previous output intact, nothing outside`, async () => {
      figures.plugins++;
      const root = mkdtempSync(join(tmpdir(), 'kr-evil-'));
      try {
        const work = join(root, 'work');
        const { mkdirSync } = await import('node:fs');
        mkdirSync(work);
        copyFileSync(baseReport, join(work, 'rapport.yaml'));
        copyFileSync(evil, join(work, 'evil.mjs'));
        // The plugin's own dependency, installed beside it as a real plugin has it: plugin
        // code is imported on a worker thread, with Node's resolution.
        mkdirSync(join(work, 'node_modules'));
        symlinkSync(ioTs, join(work, 'node_modules', 'io-ts'), 'dir');
        const first = await runMain(['build', 'rapport.yaml', '--format', 'html,text', '--out', 'out'], work);
        expect(first.code, first.stderr).toBe(0);
        writeFileSync(join(work, 'kommunrapport.config.json'), JSON.stringify({ options: { evil: { kind } } }));
        const before = snapshot(root);
        const run = await runMain(['build', 'rapport.yaml', '--format', 'html,text,evil', '--plugin', './evil.mjs', '--out', 'out'], work);
        const output = run.stdout + run.stderr;
        expect(run.code, output).toBe(1);
        expect(output).toMatch(/plugin "?evil"?/);
        expect(output).toMatch(EXPECTED[kind]!);
        expect(output).not.toMatch(/^ {4}at /m);
        expect(snapshot(root)).toEqual(before);
        expect(existsSync('/tmp/kr-hardening-escaped.txt')).toBe(false);
        expect(existsSync(join(tmpdir(), 'escaped.txt'))).toBe(false);
        figures.refused++;
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
