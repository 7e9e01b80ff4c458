// Class: environment and leftovers. SOURCE_DATE_EPOCH that is not whole seconds within
// 1970–9999 is a usage error (exit 2) before any plugin runs; a lock file without a valid
// pid is stale after a second look (no 60 s wait, no "process NaN"); init never writes
// through a symbolic link, dangling or not. Generated values.
import { existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_DATE_EPOCH, parseSourceDateEpoch, publish } from '@kommunrapport/core';
import { reportFixture, runMain, tempDir } from '../cli-helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);

describe('environment and leftovers', () => {
  it('accepts only whole seconds from 0 to 9999-12-31 as SOURCE_DATE_EPOCH', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: MAX_SOURCE_DATE_EPOCH }).map(String), fc.string({ maxLength: 15 }), fc.constantFrom('-1', '1.5', '1e9', '253402300800', '99999999999999', ' 1', 'NaN', '')), (value) => {
        const parsed = parseSourceDateEpoch(value);
        const valid = /^\d{1,12}$/.test(value) && Number(value) <= MAX_SOURCE_DATE_EPOCH;
        expect('seconds' in parsed).toBe(valid);
        if ('seconds' in parsed) expect(new Date(parsed.seconds * 1000).getUTCFullYear()).toBeLessThanOrEqual(9999);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('build refuses a bad SOURCE_DATE_EPOCH as a usage error, naming it', async () => {
    const old = process.env.SOURCE_DATE_EPOCH;
    try {
      for (const value of ['-1', '1.5', 'tomorrow', '253402300800', '1e12']) {
        process.env.SOURCE_DATE_EPOCH = value;
        const dir = tempDir();
        const run = await runMain(['build', reportFixture, '--format', 'text', '--out', join(dir, 'out')], dir);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('SOURCE_DATE_EPOCH must be');
        expect(existsSync(join(dir, 'out'))).toBe(false);
      }
    } finally {
      if (old === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = old;
    }
  });

  it('treats a lock file without a valid pid as stale at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom('', '\n', 'NaN', '-5', '0', 'abc\n', '12x'), fc.string({ maxLength: 10 }).filter((s) => !/^\d+\n?$/.test(s))), async (content) => {
        const out = tempDir();
        writeFileSync(join(out, '.r1.lock'), content);
        const started = Date.now();
        await publish(out, 'r1', [{ path: 'a.txt', bytes: new Uint8Array([1]) }], { lockTimeout: 5000 });
        expect(Date.now() - started).toBeLessThan(2000);
        expect(readdirSync(out)).toEqual(['r1']);
      }),
      { seed: SEED, numRuns: 20 },
    );
  });

  it('init never writes through a symbolic link, dangling or not', async () => {
    for (const target of ['/nonexistent/kr-init-escape.yaml', 'elsewhere.yaml']) {
      const dir = tempDir();
      mkdirSync(join(dir, 'r'));
      const abs = target.startsWith('/') ? target : join(dir, target);
      if (!target.startsWith('/')) writeFileSync(abs, 'mine\n');
      symlinkSync(abs, join(dir, 'r', 'rapport.yaml'));
      for (const force of [false, true]) {
        const run = await runMain(['init', 'r', ...(force ? ['--force'] : [])], dir);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('is a symbolic link; init never writes through one');
        expect(lstatSync(join(dir, 'r', 'rapport.yaml')).isSymbolicLink()).toBe(true);
        if (!target.startsWith('/')) expect(readdirSync(dir).sort()).toEqual(['elsewhere.yaml', 'r']);
        else expect(existsSync(target)).toBe(false);
      }
    }
  });
});
