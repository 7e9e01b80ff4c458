// Runs a command as a whole process tree and measures it: wall time, CPU time (user + system)
// and peak memory (RSS summed over every process of the tree), sampled from /proc about every
// 10 ms. Descendants are found through /proc/<pid>/task/<tid>/children, and also by session
// (the command starts a session of its own), so processes that re-parent (Chromium's
// zygote) are counted. The CPU time is the larger of the sampled sum and the rusage of the
// waited-for tree that /usr/bin/time reports.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PAGE = 4096;
const TICKS = 100;

/** Fields of /proc/<pid>/stat after the command name: ppid, session, CPU ticks, RSS bytes. */
function readStat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), session: Number(f[3]), ticks: Number(f[11]) + Number(f[12]), rss: Number(f[21]) * PAGE };
  } catch {
    return undefined;
  }
}

function childrenOf(pid) {
  const out = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) for (const c of text.split(' ')) out.push(Number(c));
    }
  } catch {
    /* the process ended */
  }
  return out;
}

/**
 * Runs `command args` and resolves to { code, wallMs, cpuMs, peakRssBytes, processes, stdout, stderr }.
 * `sessionScanEvery` samples also scan all of /proc for the tree's session (default every 10th).
 */
export function runTree(command, args, options = {}) {
  const interval = options.intervalMs ?? 10;
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(dir, 'time');
  const useTime = existsSync('/usr/bin/time');
  const [cmd, argv] = useTime ? ['/usr/bin/time', ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const root = child.pid;
    const ticks = new Map();
    let peak = 0;
    let samples = 0;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const sample = () => {
      samples++;
      const seen = new Set();
      const queue = [root];
      while (queue.length) {
        const pid = queue.pop();
        if (seen.has(pid)) continue;
        seen.add(pid);
        queue.push(...childrenOf(pid));
      }
      if (samples % (options.sessionScanEvery ?? 10) === 1) {
        for (const name of readdirSync('/proc')) {
          const pid = Number(name);
          if (!pid || seen.has(pid)) continue;
          if (readStat(pid)?.session === root) {
            seen.add(pid);
            for (const c of childrenOf(pid)) seen.add(c);
          }
        }
      }
      let rss = 0;
      for (const pid of seen) {
        const st = readStat(pid);
        if (!st) continue;
        rss += st.rss;
        ticks.set(pid, Math.max(ticks.get(pid) ?? 0, st.ticks));
      }
      peak = Math.max(peak, rss);
    };
    const timer = setInterval(sample, interval);
    sample();
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let sampledCpu = 0;
      for (const t of ticks.values()) sampledCpu += (t * 1000) / TICKS;
      let timedCpu = 0;
      try {
        const [u, s] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        timedCpu = (u + s) * 1000;
      } catch {
        /* no /usr/bin/time output */
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, wallMs, cpuMs: Math.max(sampledCpu, timedCpu), peakRssBytes: peak, processes: ticks.size, samples, stdout, stderr });
    });
  });
}
