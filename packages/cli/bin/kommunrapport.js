#!/usr/bin/env node
// The kommunrapport command. It starts from the V8 startup snapshot in dist/snapshot/ when
// that is up to date (every package loaded and fonts parsed already, so a build starts at
// once), and otherwise loads dist/index.js; both give the same output byte for byte.
// KOMMUNRAPPORT_SNAPSHOT=0 never uses the snapshot; =require fails (exit 2) without one.
import { spawn } from 'node:child_process';
import { freshSnapshot } from './snapshot.js';

const args = process.argv.slice(2);
const mode = process.env.KOMMUNRAPPORT_SNAPSHOT;
// A snapshot only starts under the V8 settings it was built with: Node options given to this
// process (--max-old-space-size, --cpu-prof …) or in NODE_OPTIONS mean the normal start.
const nodeOptions = process.execArgv.length > 0 || Boolean(process.env.NODE_OPTIONS?.trim());
const snapshot =
  mode === '0' ? { reason: 'KOMMUNRAPPORT_SNAPSHOT=0' } : nodeOptions ? { reason: 'Node options are given (execArgv or NODE_OPTIONS)' } : freshSnapshot();

if ('blob' in snapshot) {
  // `--` ends Node's own options, so `--version` or `--help` reach the CLI.
  const child = spawn(process.execPath, ['--snapshot-blob', snapshot.blob, '--', ...args], {
    stdio: 'inherit',
    env: { ...process.env, KOMMUNRAPPORT_SNAPSHOT_PARENT: String(process.pid) },
  });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 1;
  });
} else if (mode === 'require') {
  process.stderr.write(`kommunrapport: KOMMUNRAPPORT_SNAPSHOT=require, but ${snapshot.reason}.\n`);
  process.exitCode = 2;
} else {
  const { main } = await import('../dist/index.js');
  process.exitCode = await main(args);
}
