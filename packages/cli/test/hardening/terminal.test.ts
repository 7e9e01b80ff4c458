// Class: terminal output. Text from a report or a file name that holds control characters
// (escape sequences that write the clipboard or hide what follows, C1 controls, bidi
// overrides) never reaches standard output or error raw: generated strings are put into a
// report's texts, a key and the file name, and validate and build run on them, in text and
// JSON, with and without a colour terminal.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise } from '../../src/index.js';
import { reportFixture, runCli, runMain, tempDir } from '../cli-helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200d\ufeff]/;
// eslint-disable-next-line no-control-regex
const OWN_STYLE = /\r\u001b\[2K|\u001b\[(?:1|2|22|31|32|33|36|39)m/g;

/** Pieces an attacker would use, mixed with ordinary text. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom('\u001b]52;c;ZWNobyBwd25lZA==\u0007', '\u001b[8m', '\u001b[2J', '\u001b[30;40m', '\u009b31m', '\u001bP+q\u001b\\', '\r', '\b', '\u0000', '\u007f', '\u202e', '\u2066', '\u200b', '\ufeff', '\u0085'),
      fc.string({ unit: fc.integer({ min: 0, max: 0x2070 }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
      fc.constantFrom('Eskilstuna', 'å', ' ', ':'),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''))
  .filter((s) => RAW.test(s));

/** A file name from the hostile text: no slash, no NUL, at most 200 bytes. */
const fileName = (s: string) => `${s.replace(/[/\u0000]/g, '_').slice(0, 60)}.yaml`;

function hostileReport(dir: string, s: string): string {
  const name = fileName(s);
  const yaml = readFileSync(reportFixture, 'utf8')
    .replace('name: Exempelstad', `name: ${JSON.stringify(`Exempelstad ${s}`)}`)
    .replace('title: Delårsrapport 2 2022', `title: ${JSON.stringify(s)}\n${JSON.stringify(`x${s}`)}: 1`);
  writeFileSync(join(dir, name), yaml);
  return name;
}

const assertClean = (text: string, tty: boolean) => expect((tty ? text.replace(OWN_STYLE, '') : text).match(RAW)).toBeNull();

describe('terminal output', () => {
  it('neutralise shows every control character as a visible escape and keeps only the own colours on a terminal', () => {
    expect(neutralise('a\u001b]52;c;eA==\u0007b\u202ec\n\td')).toBe('a\\u001b]52;c;eA==\\u0007b\\u202ec\n\td');
    expect(neutralise('\u001b[31mred\u001b[39m \u001b[8mhidden', { keepStyle: true })).toBe('\u001b[31mred\u001b[39m \\u001b[8mhidden');
    fc.assert(
      fc.property(hostile, fc.boolean(), (s, tty) => {
        assertClean(neutralise(s, { keepStyle: tty }), tty);
        // In a JSON string the escape is the JSON escape of the same character: the value survives.
        expect(JSON.parse(neutralise(JSON.stringify(s)))).toBe(s);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('validate never writes a raw control character from a report or a file name, in text or JSON, with or without colours', async () => {
    const dir = tempDir('kr-term-');
    await fc.assert(
      fc.asyncProperty(hostile, fc.boolean(), async (s, tty) => {
        const name = hostileReport(dir, s);
        for (const json of [false, true]) {
          const run = await runMain(['validate', name, ...(json ? ['--json'] : [])], dir, tty);
          expect(run.code).toBe(1);
          assertClean(run.stdout, tty);
          assertClean(run.stderr, tty);
          if (json) expect(JSON.parse(run.stdout).file).toBe(name);
          else expect(run.stdout).toContain('unknown-key');
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('build never writes a raw control character from a file name or a report', async () => {
    const dir = tempDir('kr-term-');
    await fc.assert(
      fc.asyncProperty(hostile, fc.boolean(), async (s, tty) => {
        // A valid report (bidi and zero-width characters pass validation in prose) under a hostile name.
        const name = fileName(s);
        copyFileSync(reportFixture, join(dir, name));
        const run = await runMain(['build', name, '--format', 'text', '--out', 'out'], dir, tty);
        expect(run.code).toBe(0);
        assertClean(run.stdout, tty);
        assertClean(run.stderr, tty);
        const bad = hostileReport(dir, s);
        const json = await runMain(['build', bad, '--format', 'text', '--out', 'out', '--json'], dir, tty);
        expect(json.code).toBe(1);
        assertClean(json.stdout, tty);
        expect(JSON.parse(json.stdout).reports[0].file).toBe(bad);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('the command in a child process writes no raw escape byte for a hostile file name', async () => {
    const dir = tempDir('kr-term-');
    const name = hostileReport(dir, '\u001b]52;c;cHduZWQ=\u0007\u001b[8m\u009b2J\u202e');
    const run = await runCli(['validate', name], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('\\u001b]52;c;cHduZWQ=\\u0007\\u001b[8m\\u009b2J\\u202e');
    assertClean(run.stdout, false);
    assertClean(run.stderr, false);
  });
});
