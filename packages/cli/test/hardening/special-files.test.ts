// Class: inputs that are not regular files. A named pipe nobody writes, a device, a socket
// given as a report or as a config file is refused at once with a diagnostic naming the
// file, what it is and how to fix it (exit 2), by validate and build; a file whose size the
// system does not know (/proc) is read only up to the limit. No command hangs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputFile } from '@kommunrapport/core';
import { reportFixture, runMain, tempDir } from '../cli-helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);
const sockets: ReturnType<typeof createServer>[] = [];
afterAll(() => sockets.forEach((s) => s.close()));

type Kind = 'fifo' | 'socket' | 'null' | 'zero' | 'urandom';
const FOUND: Record<Kind, string> = { fifo: 'a named pipe (FIFO)', socket: 'a socket', null: 'a character device', zero: 'a character device', urandom: 'a character device' };

/** Makes a special file of the kind at `path` (a device by a symbolic link to it). */
async function make(kind: Kind, path: string): Promise<void> {
  if (kind === 'fifo') execFileSync('mkfifo', [path]);
  else if (kind === 'socket') {
    const server = createServer().listen(path);
    sockets.push(server);
    await new Promise((r) => server.once('listening', r));
  } else execFileSync('ln', ['-s', `/dev/${kind}`, path]);
}

const kind = fc.constantFrom<Kind>('fifo', 'socket', 'null', 'zero', 'urandom');

describe('inputs that are not regular files', () => {
  it('readInputFile refuses every special file at once and reads a regular one', async () => {
    await fc.assert(
      fc.asyncProperty(kind, async (k) => {
        const path = join(tempDir('kr-special-'), 'rapport.yaml');
        await make(k, path);
        const started = Date.now();
        const r = await readInputFile(path, { display: 'rapport.yaml' });
        expect(Date.now() - started).toBeLessThan(2000);
        expect(r.diagnostic).toMatchObject({ code: 'not-a-file', file: 'rapport.yaml', found: FOUND[k], expected: 'a regular file' });
        expect(r.diagnostic!.hint).toContain('save it to a file first');
      }),
      { seed: SEED, numRuns: 15 },
    );
    expect((await readInputFile(reportFixture)).bytes!.length).toBeGreaterThan(1000);
  });

  it('reads a file of unknown size (/proc) only up to the limit', async () => {
    const small = await readInputFile('/proc/self/status', { maxBytes: 10_000_000 });
    expect(new TextDecoder().decode(small.bytes)).toContain('Name:');
    const capped = await readInputFile('/proc/self/status', { maxBytes: 10 });
    expect(capped.diagnostic?.code).toBe('input-too-large');
  });

  it('validate and build refuse a special report file or config file with exit 2, naming it, without hanging', async () => {
    await fc.assert(
      fc.asyncProperty(kind, fc.constantFrom('validate', 'build'), fc.constantFrom('report', 'config'), async (k, command, where) => {
        if (command === 'validate' && where === 'config') return; // validate reads no config file
        const dir = tempDir('kr-special-');
        mkdirSync(join(dir, 'r'));
        const target = where === 'report' ? 'r/rapport.yaml' : 'r/kommunrapport.config.yaml';
        if (where === 'config') copyFileSync(reportFixture, join(dir, 'r/rapport.yaml'));
        await make(k, join(dir, target));
        const started = Date.now();
        const run = await runMain([command, 'r/rapport.yaml', ...(command === 'build' ? ['--format', 'text'] : [])], dir);
        expect(Date.now() - started).toBeLessThan(20_000);
        expect(run.code).toBe(2);
        const said = run.stdout + run.stderr;
        expect(said).toContain(`${target}: it is ${FOUND[k]}, not a regular file`);
        expect(said).toContain('not-a-file');
      }),
      { seed: SEED, numRuns: 12 },
    );
  }, 120_000);

  it('a report given as a FIFO that nobody writes does not hang validate or build', async () => {
    const dir = tempDir('kr-special-');
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    writeFileSync(join(dir, 'ok.yaml'), '');
    for (const command of ['validate', 'build']) {
      const run = await runMain([command, 'pipe.yaml'], dir);
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).toContain('pipe.yaml: it is a named pipe (FIFO), not a regular file');
    }
  });
});
