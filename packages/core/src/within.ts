// Running a plugin's work under a time limit on this thread. A timer cannot fire while
// JavaScript loops without yielding, so a render stage run in the process (one report,
// first-party plugins, or buildReport's `timeLimit`) needs two more guards:
// - runWithin: node:vm's `timeout` stops the script it runs from a watchdog thread and throws
//   at the caller (Node's own, supported mechanism): the plugin's call is made inside such a
//   script, so everything it does before its first wait ends at the limit with an error the
//   build catches and names.
// - watchThread: what a plugin does after its first wait runs from the event loop, outside
//   any such script. A worker thread watches from the limit on: while this thread still
//   answers (a timer ticks a shared counter) it does nothing; once it has not answered for
//   `graceMs` it stops this thread's JavaScript with the inspector's Runtime.terminateExecution
//   (the loop unwinds, the queued promise jobs are dropped, the event loop goes on, and the
//   build's own timer reports the plugin). A Node built without the inspector cannot do
//   that: the watchdog then writes the time-limit message to stderr and ends the process
//   with SIGKILL (exit status 137 in a shell).
import { Script } from 'node:vm';
import { isMainThread, Worker } from 'node:worker_threads';

const SLOT = Symbol.for('kommunrapport.within');
// Compiled on first use.
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

const TIME_LIMIT = 'ERR_SCRIPT_EXECUTION_TIMEOUT';

/** True for the error {@link runWithin} and {@link beforeLimit} throw when the time is up. */
export function isTimeLimit(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === TIME_LIMIT;
}

/** `promise`, or a time-limit error (see {@link isTimeLimit}) if it has not settled at `at` (Date.now() milliseconds). */
export function beforeLimit<T>(promise: Promise<T>, at: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(Object.assign(new Error('The time limit was reached.'), { code: TIME_LIMIT })), Math.max(0, at - Date.now()));
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A watch on this thread, from {@link watchThread}. */
export interface Watchdog {
  /** Names the plugin now running, for the message written when the process has to be killed. */
  running(plugin: string): void;
  /** Ends the watch (the work under the limit is over); the watching thread exits. */
  stop(): void;
  /**
   * Keeps watching after the work was given up at the limit (what it left behind may still
   * hold the thread), until the next watch starts.
   */
  linger(): void;
}

/** Watches kept by {@link Watchdog.linger}: the next watch ends them. */
const lingering = new Set<Watchdog>();

/** Options of {@link watchThread}. */
export interface WatchOptions {
  /** How long this thread may go without answering, from the limit on, before it is stopped (default 1000 ms). */
  graceMs?: number;
  /** The message written to stderr if the process has to be killed; `\0` stands for the plugin's name. */
  message: string;
  /** False acts as if Node had no inspector (tests of the SIGKILL fallback). */
  inspector?: boolean;
}

// The watching thread, run from source (eval) so it needs no file of its own in the CLI's
// bundle. state[0]: 0 watching, 1 stopped; state[1]: the answer counter;
// state[2]: length of the plugin name in `name`.
const WATCHER = `
const { workerData } = require('node:worker_threads');
const { state, name, at, graceMs, message, inspector } = workerData;
// Milliseconds since the epoch, on the same clock as the main thread's deadline.
const now = () => performance.timeOrigin + performance.now();
const stopped = () => Atomics.load(state, 0) !== 0;
const until = (t) => {
  while (!stopped() && now() < t) Atomics.wait(state, 0, 0, Math.max(1, t - now()));
};
const kill = () => {
  const plugin = Buffer.from(name.buffer, name.byteOffset, Atomics.load(state, 2)).toString('utf8').replace(/[^\\x20-\\x7e\\u00a0-\\u05ff]/g, (c) => '\\\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  try { require('node:fs').writeSync(2, message.split('\\0').join(plugin)); } finally { process.kill(process.pid, 'SIGKILL'); }
};
const halt = () => {
  let session;
  try {
    if (!inspector) throw new Error('no inspector');
    session = new (require('node:inspector').Session)();
    session.connectToMainThread();
  } catch {
    return kill();
  }
  session.post('Runtime.terminateExecution', (error) => {
    session.disconnect();
    if (error && !stopped()) kill();
  });
};
until(at);
let seen = Atomics.load(state, 1);
// Sleeps through each round, then gives the event loop a turn (for the inspector's answer).
const round = () => {
  until(now() + graceMs);
  if (stopped()) return;
  const count = Atomics.load(state, 1);
  if (count === seen) halt();
  seen = count;
  setImmediate(round);
};
round();
`;

/**
 * Watches this thread from a worker thread from `at` (Date.now() milliseconds) on: JavaScript
 * that holds it for longer than `graceMs` past that, so no timer can fire, is stopped (see
 * the top of this file), whoever runs it. Only the main thread is watched; on a worker
 * thread this does nothing (its parent stops a worker that runs over). Costs a thread that
 * sleeps until the limit; `stop()` ends it; starting a watch ends those kept by `linger()`.
 */
export function watchThread(at: number, options: WatchOptions): Watchdog {
  if (!isMainThread) return { running: () => {}, stop: () => {}, linger: () => {} };
  for (const old of lingering) old.stop();
  const graceMs = options.graceMs ?? 1000;
  const state = new Int32Array(new SharedArrayBuffer(12));
  const name = new Uint8Array(new SharedArrayBuffer(256));
  const worker = new Worker(WATCHER, { eval: true, workerData: { state, name, at, graceMs, message: options.message, inspector: options.inspector !== false }, execArgv: [] });
  worker.unref();
  // Answers while this thread is free; unref'd, so it never keeps the process alive.
  const beat = setInterval(() => Atomics.add(state, 1, 1), Math.max(1, graceMs / 4));
  beat.unref();
  const dog: Watchdog = {
    running(plugin) {
      const { written } = new TextEncoder().encodeInto(plugin, name);
      Atomics.store(state, 2, written);
    },
    stop() {
      lingering.delete(dog);
      clearInterval(beat);
      Atomics.store(state, 0, 1);
      Atomics.notify(state, 0);
    },
    linger() {
      lingering.add(dog);
    },
  };
  return dog;
}
