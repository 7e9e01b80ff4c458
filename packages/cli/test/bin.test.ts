// The built bin, run as a user runs it: a child process with real exit codes and streams.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/kommunrapport.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../../model/test/fixtures/', import.meta.url));

beforeAll(() => {
  // `pnpm test` builds first; when run alone, build the two packages the bin needs.
  if (!existsSync(new URL('../dist/index.js', import.meta.url)) || !existsSync(new URL('../../model/dist/index.js', import.meta.url))) {
    execFileSync('pnpm', ['--filter', '@kommunrapport/model', '--filter', '@kommunrapport/cli', 'build'], { cwd: root, stdio: 'ignore' });
  }
});

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: fixtures, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('bin/kommunrapport.js', () => {
  it('exits 0 for a valid report', () => {
    const r = run('validate', 'valid/minimal.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✓ valid/minimal.yaml is valid');
  });

  it('exits 1 for a broken report and prints the finding without a stack trace', () => {
    const r = run('validate', 'invalid/alias-bomb.yaml');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('invalid/alias-bomb.yaml:2:8  error  yaml-alias-limit');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a missing file and for bad usage', () => {
    expect(run('validate', 'nothing.yaml').status).toBe(2);
    expect(run('frobnicate').status).toBe(2);
  });
});
