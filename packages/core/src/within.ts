// Running a plugin's synchronous work under a time limit on this thread. A timer cannot fire
// while JavaScript loops without yielding, so a render stage run in the process (one report,
// first-party plugins) could outlast its limit. node:vm's `timeout` stops the script it runs
// from a watchdog thread and throws at the caller (Node's own, supported mechanism): the
// plugin's call is made inside such a script, so everything it does before its first wait
// (the whole layout of every first-party writer) ends at the limit.
import { Script } from 'node:vm';

const SLOT = Symbol.for('kommunrapport.within');
// Compiled on first use: a compiled script cannot be held in the CLI's startup snapshot.
let script: Script | undefined;

/** Calls `fn`, stopping its synchronous part after `ms` milliseconds (then throws; see {@link isTimeLimit}). */
export function runWithin<T>(fn: () => T, ms: number): T {
  const slot = globalThis as unknown as Record<symbol, unknown>;
  const outer = slot[SLOT];
  slot[SLOT] = fn;
  try {
    script ??= new Script('globalThis[Symbol.for("kommunrapport.within")]()', { filename: 'kommunrapport-time-limit' });
    return script.runInThisContext({ timeout: Math.max(1, Math.ceil(ms)), breakOnSigint: false }) as T;
  } finally {
    slot[SLOT] = outer;
  }
}

/** True for the error {@link runWithin} throws when the time is up. */
export function isTimeLimit(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}
