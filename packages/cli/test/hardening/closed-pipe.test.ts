// Class: a reader that goes away. `kommunrapport formats | head -1` or a build piped into a
// pager closed early: the command's next write fails with EPIPE. The user must not see a
// stack trace, and the exit code is the work's own (the build still publishes).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportFixture, repoRoot, sourceFlags, tempDir } from '../cli-helpers.js';

const runner = fileURLToPath(new URL('../run-source.ts', import.meta.url));

/** Runs the command with its standard output closed by the reader before the first write. */
function runClosed(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [...sourceFlags, runner, ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader leaves at once, as `head -0` would.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolvePromise({ code, stderr }));
  });
}

describe('standard output closed by its reader', () => {
  it('formats: no stack trace, exit 0', async () => {
    const r = await runClosed(['formats']);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled 'error' event|\n\s+at /);
    expect(r.code).toBe(0);
  }, 60_000);

  it('build: publishes, no stack trace, exit 0', async () => {
    const out = tempDir();
    const r = await runClosed(['build', reportFixture, '-f', 'text', '-o', out]);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled 'error' event|\n\s+at /);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, '0999-ks-2022-d2', 'rapport.txt'))).toBe(true);
  }, 60_000);
});
