// Class: the preview server. Generated raw requests (request lines, paths, headers, bytes)
// over plain sockets each get an HTTP status and leave the server answering a normal GET;
// Host headers other than the ones it listens on are refused (DNS rebinding); listening
// beyond loopback warns; the temporary folder is removed however the process ends.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/commands/preview.js';
import { reportFixture, runMain, sourceFlags, tempDir } from '../cli-helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);
let preview: PreviewServer;
let port: number;

/**
 * Sends raw bytes and resolves with everything the server answered; a request still
 * incomplete after a moment is ended (half-closed), as a client that gave up would.
 */
function raw(bytes: string | Uint8Array, ms = 5000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(ms, () => socket.destroy());
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => undefined);
    socket.write(bytes);
    setTimeout(() => (answer === '' ? socket.end() : undefined), 300);
  });
}

const get = (path: string, host = `127.0.0.1:${port}`) => raw(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
const statusOf = (answer: string) => /^HTTP\/1\.[01] (\d{3}) /.exec(answer)?.[1];

beforeAll(async () => {
  const dir = tempDir();
  copyFileSync(reportFixture, join(dir, 'rapport.yaml'));
  preview = await startPreview({ file: 'rapport.yaml', cwd: dir });
  port = Number(new URL(preview.url).port);
});
afterAll(async () => preview?.close());

const token = fc.stringMatching(/^[A-Za-z!#$%&'*+.^_`|~-]{1,12}$/);
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const path = fc.oneof(
  fc.constantFrom('/', '/%', '/%zz', '/%E0%A4%A', '/..%2f..%2fetc/passwd', '/../../etc/passwd', '/%00', '/index.html%00.txt', '//x', '/a?b#c', '*', 'http://evil.example/', '/' + 'a'.repeat(9000)),
  fc.webPath(),
  anyText.map((s) => `/${s}`),
);
const header = fc.tuple(fc.oneof(token, anyText), anyText).map(([k, v]) => `${k}: ${v}`);
const request = fc.oneof(
  fc.tuple(fc.oneof(fc.constantFrom('GET', 'HEAD', 'POST', 'DELETE', 'CONNECT', 'TRACE', 'PRI'), token), path, fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', ''), fc.array(header, { maxLength: 4 }), fc.boolean()).map(
    ([method, p, version, headers, withHost]) => `${method} ${p} ${version}\r\n${withHost ? `Host: 127.0.0.1:${port}\r\n` : ''}${headers.join('\r\n')}\r\n\r\n`,
  ),
  // Something other than blank lines (which HTTP ignores before a request line, so nothing is asked).
  anyText.filter((t) => /[^\r\n]/.test(t)),
  fc.uint8Array({ minLength: 1, maxLength: 200 }).filter((b) => b.some((x) => x !== 10 && x !== 13)),
  fc.constant(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${0}\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`),
);

describe('the preview server', () => {
  it('answers every generated request with a status code and keeps serving', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const answer = await raw(typeof req === 'string' ? req.replace(`127.0.0.1:0`, `127.0.0.1:${port}`) : req);
        const status = statusOf(answer);
        expect(status, JSON.stringify(typeof req === 'string' ? req.slice(0, 200) : 'bytes')).toMatch(/^[1-5]\d\d$/);
        seen.set(status!, (seen.get(status!) ?? 0) + 1);
        expect(statusOf(await get('/'))).toBe('200');
      }),
      { seed: SEED, numRuns: 300 },
    );
    // The generated requests reached more than one kind of answer.
    expect(seen.size).toBeGreaterThan(2);
  }, 120_000);

  it('refuses every Host header but the ones it listens on (DNS rebinding)', async () => {
    expect(statusOf(await get('/', `localhost:${port}`))).toBe('200');
    expect(statusOf(await get('/', `LOCALHOST:${port}`))).toBe('200');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.domain(), fc.ipV4(), fc.constantFrom('127.0.0.1', 'localhost', `127.0.0.1:${port + 1}`, `evil.example:${port}`, '')), async (host) => {
        const answer = await get('/', host);
        expect(statusOf(answer)).toBe('403');
        expect(answer).not.toContain('<html');
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('the preview process', () => {
  const runner = fileURLToPath(new URL('../run-source.ts', import.meta.url));
  /** Starts `kommunrapport preview` with its own temporary folder; resolves once it serves. */
  function start(args: string[], tmp: string) {
    const dir = tempDir();
    copyFileSync(reportFixture, join(dir, 'rapport.yaml'));
    const child = spawn(process.execPath, [...sourceFlags, runner, 'preview', 'rapport.yaml', ...args], { cwd: dir, env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const serving = new Promise<void>((r, j) => {
      child.stdout.on('data', () => (out.includes('Watching for changes') ? r() : undefined));
      void exited.then(() => j(new Error(out)));
    });
    serving.catch(() => undefined);
    return { child, exited, serving, output: () => out };
  }

  const previews = (tmp: string) => readdirSync(tmp).filter((n) => n.startsWith('kommunrapport-preview-'));

  it('removes its temporary folder on SIGINT and SIGTERM, and when it cannot listen', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const tmp = tempDir();
      const p = start([], tmp);
      await p.serving;
      expect(previews(tmp)).toHaveLength(1);
      p.child.kill(signal);
      expect(await p.exited).toBe(0);
      expect(previews(tmp)).toEqual([]);
    }
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => taken.once('listening', r));
    const tmp = tempDir();
    mkdirSync(tmp, { recursive: true });
    const p = start(['--port', String((taken.address() as { port: number }).port)], tmp);
    expect(await p.exited).toBe(2);
    expect(p.output()).toContain(`kommunrapport preview: port ${(taken.address() as { port: number }).port} on 127.0.0.1 is already in use by another program. Leave out --port to pick a free one`);
    expect(previews(tmp)).toEqual([]);
    taken.close();
  }, 60_000);

  it('a host that is not this machine\'s and a file that does not exist are said in words with a fix, exit 2', async () => {
    const dir = tempDir();
    copyFileSync(reportFixture, join(dir, 'rapport.yaml'));
    const host = await runMain(['preview', 'rapport.yaml', '--host', 'no-such-host.invalid'], dir);
    expect(host.code).toBe(2);
    expect(host.stderr).toMatch(/^kommunrapport preview: cannot listen on --host no-such-host\.invalid: it is not an address of this machine \((ENOTFOUND|EAI_AGAIN)\)\. Leave out --host to listen on 127\.0\.0\.1/m);
    const missing = await runMain(['preview', 'finns-inte.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('kommunrapport preview: cannot read finns-inte.yaml: no such file or folder. Give the path of a report (rapport.yaml) or of a site folder, relative to the current folder.\n');
    expect(missing.stderr + host.stderr).not.toMatch(/ENOENT|getaddrinfo|stat '/);
  }, 60_000);

  it('warns when it listens beyond this machine', async () => {
    const tmp = tempDir();
    const p = start(['--host', '0.0.0.0'], tmp);
    await p.serving;
    expect(p.output()).toContain('warning: the preview listens on 0.0.0.0, not only on this machine');
    p.child.kill('SIGTERM');
    await p.exited;
    const q = start([], tempDir());
    await q.serving;
    expect(q.output()).not.toContain('warning');
    q.child.kill('SIGTERM');
    await q.exited;
  }, 60_000);
});
