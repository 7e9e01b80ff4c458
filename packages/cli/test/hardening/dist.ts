// The hardening tests run the real bin, which imports the built packages: build the ones
// whose sources are newer than their dist (`pnpm test` builds everything first anyway).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** The real bin, as a user runs it. */
export const bin = join(repoRoot, 'packages/cli/bin/kommunrapport.js');

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Builds each named workspace folder (e.g. `packages/model`) whose dist is missing or older than its src. */
export function ensureBuilt(folders: readonly string[]): void {
  const stale = folders.filter((f) => {
    const dist = join(repoRoot, f, 'dist/index.js');
    return !existsSync(dist) || statSync(dist).mtimeMs < newest(join(repoRoot, f, 'src'));
  });
  for (const f of stale) execFileSync('pnpm', ['build'], { cwd: join(repoRoot, f), stdio: 'ignore' });
}
