// `kommunrapport preview <file|folder> [--port 0] [--host 127.0.0.1]`: builds the HTML into
// a temporary folder, serves it over node:http, watches the YAML (and the config file next
// to it) and rebuilds on every save. Given a folder (a site that `kommunrapport site`
// wrote, or a report's build output), it serves that folder as it is, with the same checks.
// Open pages reload through a small Server-Sent-Events script that only the preview adds.
// Validation errors are shown in the page (escaped) and in the terminal; each rebuild logs
// the time from the save to the new page being ready to serve.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { existsSync, rmSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { watch, type FSWatcher } from 'chokidar';
import pc from 'picocolors';
import { formatDiagnostic, type Severity } from '@kommunrapport/model';
import { buildReport, formatProblem, type BuildResult, type Plugin } from '@kommunrapport/core';
import { EXIT, type CommandContext } from '../io.js';
import { FIRST_PARTY } from '../first-party.js';
import { CONFIG_NAMES, loadConfigFor, readSiteContext } from '../config.js';

/** Options of {@link startPreview}. */
export interface PreviewOptions {
  /** The report file, or a folder with an index.html to serve as it is (a site). */
  file: string;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Host to listen on (default 127.0.0.1: only this machine). */
  host?: string;
  /** Folder the file is relative to (default the process's). */
  cwd?: string;
  /** Where messages go (default none). */
  log?: (line: string) => void;
  /** Colour the terminal messages. */
  colour?: boolean;
  /** The HTML plugin to use (default the first-party one). */
  plugin?: Plugin<any>;
}

/** One rebuild, as logged. */
export interface RebuildInfo {
  ok: boolean;
  /** Time to build, ms. */
  buildMs: number;
  /** Time from the file's last modification (the save) to the page being ready to serve, ms. */
  savedToServedMs: number;
}

/** A running preview. */
export interface PreviewServer {
  /** The page's address, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** Rebuilds so far (the first build included). */
  readonly builds: RebuildInfo[];
  /** Rebuilds now (as a save would) and resolves when the new page is ready. */
  rebuild(): Promise<RebuildInfo>;
  /** Stops watching and serving and removes the temporary folder. */
  close(): Promise<void>;
}

/** The path of the Server-Sent-Events stream the injected script listens to. */
export const EVENTS_PATH = '/__kommunrapport/events';

const RELOAD_SCRIPT = `<script>/* kommunrapport preview: reload on rebuild */new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener('reload',()=>location.reload());</script>`;

/**
 * Why the preview could not listen, in words with a fix: the port taken, a host that is no
 * address of this machine, a port below 1024 without the right to it. Other errors as they are.
 */
function listenProblem(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is already in use by another program. Leave out --port to pick a free one, or give another, e.g. --port 8080.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot listen on --host ${host}: it is not an address of this machine (${code}). Leave out --host to listen on 127.0.0.1, or give an address this machine has.`;
  if (code === 'EACCES') return `not allowed to listen on port ${port} (ports below 1024 need special rights). Leave out --port to pick a free one, or give one from 1024 up.`;
  return (error as Error).message;
}

/** Whether a host to listen on reaches only this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.')) || h === '::ffff:127.0.0.1';
}

/**
 * The Host headers the preview answers: the address it listens on and, on loopback, the
 * names of this machine, each with the port. Any other Host (a page elsewhere that had its
 * own name resolved to this machine: DNS rebinding) is refused with 403.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([host.includes(':') && !host.startsWith('[') ? `[${host}]` : host]);
  if (isLoopback(host)) for (const n of ['localhost', '127.0.0.1', '[::1]']) names.add(n);
  return new Set([...names].map((n) => `${n.toLowerCase()}:${port}`));
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Adds the reload script before `</body>` (or at the end). */
export function injectReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at);
}

/** A page listing why the report could not be built; every message escaped. */
export function errorPage(file: string, result: BuildResult): string {
  const blocks = [...result.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)), ...result.problems.filter((p) => p.code !== 'report-invalid').map(formatProblem)];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Preview: ${escapeHtml(file)} has errors</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1a1a1a}pre{white-space:pre-wrap;background:#fdf2f2;border-left:4px solid #b3261e;padding:.75rem 1rem}</style></head>
<body><main><h1>${escapeHtml(file)} could not be built</h1><p>Correct the ${blocks.length === 1 ? 'problem' : `${blocks.length} problems`} below and save; this page reloads by itself.</p>
${blocks.map((b) => `<pre>${escapeHtml(b)}</pre>`).join('\n')}
</main>${RELOAD_SCRIPT}</body></html>`;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** Starts a preview: first build, server, watcher. Resolves when the first page is ready. */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const cwd = options.cwd ?? process.cwd();
  const file = resolve(cwd, options.file);
  const shown = relative(cwd, file).split(sep).join('/');
  const log = options.log ?? (() => {});
  const colours = pc.createColors(options.colour === true);
  const paint = (s: Severity, text: string) => (s === 'error' ? colours.red(text) : s === 'warning' ? colours.yellow(text) : colours.cyan(text));
  // A folder is served as it is: no build, no watching.
  const folder = statSync(file).isDirectory() ? file : undefined;
  if (folder !== undefined && !existsSync(join(folder, 'index.html'))) throw new Error(`${shown || '.'} is a folder without index.html: give a report file (YAML), or a folder that kommunrapport site or build wrote.`);
  const plugin = folder !== undefined ? undefined : (options.plugin ?? (await FIRST_PARTY.find((p) => p.format === 'html')!.load()));
  const outRoot = await mkdtemp(join(tmpdir(), 'kommunrapport-preview-'));
  const clients = new Set<ServerResponse>();
  const builds: RebuildInfo[] = [];
  let page = '';
  let served: string | undefined; // the folder of the last good build

  const buildOnce = async (): Promise<RebuildInfo> => {
    const started = performance.now();
    if (folder !== undefined) {
      served = folder;
      const info: RebuildInfo = { ok: true, buildMs: 0, savedToServedMs: 0 };
      builds.push(info);
      for (const c of clients) c.write('event: reload\ndata: \n\n');
      return info;
    }
    const config = await loadConfigFor(file, (f) => relative(cwd, f));
    // The site's colours and logo, as the build gives them (problems are logged; the page is built without them).
    const site = readSiteContext(config, (f) => relative(cwd, f));
    for (const d of site.diagnostics) log(formatDiagnostic(d, { colour: paint }));
    const result = await buildReport({
      file,
      plugins: [plugin!],
      outDir: outRoot,
      options: config.config.options ?? {},
      ...(site.site ? { site: site.site } : {}),
      cwd,
      logger: { info: (m) => log(m), warn: (m) => log(`${colours.yellow('warning')} ${m}`) },
    });
    let ok = false;
    if (result.ok && result.outDir !== undefined) {
      const dir = resolve(cwd, result.outDir);
      const entry = result.artifacts.find((a) => a.path === 'index.html') ?? result.artifacts.find((a) => a.mediaType.startsWith('text/html'));
      if (entry) {
        page = injectReload(await readFile(join(dir, entry.path), 'utf8'));
        served = dir;
        ok = true;
      }
    }
    if (!ok) {
      page = errorPage(shown, result);
      for (const d of result.diagnostics.filter((x) => x.severity === 'error')) log(formatDiagnostic(d, { colour: paint }));
      for (const p of result.problems.filter((x) => x.code !== 'report-invalid')) log(formatProblem(p));
    }
    const now = Date.now();
    let savedAt = now;
    try {
      savedAt = (await stat(file)).mtimeMs;
    } catch {
      /* the file is gone; the error page says so */
    }
    const info: RebuildInfo = { ok, buildMs: Math.round(performance.now() - started), savedToServedMs: Math.max(0, Math.round(now - savedAt)) };
    builds.push(info);
    for (const c of clients) c.write('event: reload\ndata: \n\n');
    return info;
  };

  // One build at a time; saves during a build queue exactly one more.
  let running: Promise<RebuildInfo> | undefined;
  let pending: Promise<RebuildInfo> | undefined;
  const rebuild = (): Promise<RebuildInfo> => {
    if (!running) {
      running = buildOnce().finally(() => {
        running = undefined;
      });
      return running;
    }
    pending ??= running.then(
      () => {
        pending = undefined;
        return rebuild();
      },
      () => {
        pending = undefined;
        return rebuild();
      },
    );
    return pending;
  };

  const first = await rebuild();
  if (!first.ok) log(colours.red(`✗ ${shown} has errors; the page shows them until they are fixed.`));

  let hosts = new Set<string>();
  const plain = (res: ServerResponse, status: number, text: string) => {
    if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`${text}\n`);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) return plain(res, 403, 'Forbidden: this preview answers only requests addressed to the host it listens on.');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return plain(res, 405, 'Method not allowed');
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return plain(res, 400, 'Bad request: the path is not valid');
    }
    if (path.includes('\0')) return plain(res, 400, 'Bad request: the path is not valid');
    if (path === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (folder === undefined && (path === '/' || path === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    // A folder's address serves its index.html (a site's pages link folders and files alike).
    const target = served === undefined ? undefined : resolve(served, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (target === undefined || !target.startsWith(served! + sep)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    try {
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  };
  // Every request gets a status, whatever it holds: a handler error is a 500, a request the
  // parser refuses a 400 (431 for oversized headers), and the server stays up.
  const server: Server = createServer((req, res) =>
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else plain(res, 500, 'Internal error');
    }),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable && !(socket as { _httpMessage?: unknown })._httpMessage) {
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: 12\r\n\r\nBad request\n`);
    } else socket.destroy();
  });
  // CONNECT and protocol upgrades are not served; answered rather than dropped.
  const refuseRaw = (_req: IncomingMessage, socket: import('node:stream').Duplex) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  server.on('connect', refuseRaw);
  server.on('upgrade', refuseRaw);
  // However the process ends, the temporary folder goes with it.
  const cleanUp = () => rmSync(outRoot, { recursive: true, force: true });
  process.once('exit', cleanUp);
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => ok());
    });
  } catch (error) {
    process.off('exit', cleanUp);
    await running?.catch(() => {});
    await rm(outRoot, { recursive: true, force: true });
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/`;
  hosts = allowedHosts(options.host ?? '127.0.0.1', address.port);
  hosts.add(`${host.toLowerCase()}:${address.port}`);
  if (!isLoopback(options.host ?? '127.0.0.1')) {
    log(colours.yellow(`warning: the preview listens on ${options.host}, not only on this machine: anyone who can reach it on the network can read the report before it is published. Leave out --host to listen on 127.0.0.1.`));
  }

  // The report and its config file (which may appear later), whose options reach the HTML plugin.
  // chokidar does not see a file appear that did not exist when watching began, so watch the
  // folder (its own entries only) and keep the events of these files.
  const watched = new Set([file, ...CONFIG_NAMES.map((n) => join(dirname(file), n))]);
  const watcher: FSWatcher | undefined = folder !== undefined ? undefined : watch(dirname(file), { ignoreInitial: true, depth: 0, ignored: (path, stats) => stats?.isFile() === true && !watched.has(resolve(path)) });
  // A save often arrives as several events (truncate, write, rename): wait until they
  // have been quiet for a few milliseconds, then rebuild once.
  let debounce: NodeJS.Timeout | undefined;
  watcher?.on('all', (event, path) => {
    if ((event !== 'change' && event !== 'add' && event !== 'unlink') || typeof path !== 'string' || !watched.has(resolve(path))) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      void rebuild().then((info) =>
        log(`${info.ok ? colours.green('✓') : colours.red('✗')} rebuilt ${shown} in ${info.buildMs} ms; saved → served in ${info.savedToServedMs} ms`),
      );
    }, 15);
  });
  if (watcher !== undefined) await new Promise<void>((ok) => watcher.once('ready', () => ok()));

  return {
    url,
    builds,
    rebuild,
    async close() {
      clearTimeout(debounce);
      await watcher?.close();
      for (const c of clients) c.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await running?.catch(() => {});
      await rm(outRoot, { recursive: true, force: true });
      process.off('exit', cleanUp);
    },
  };
}

/**
 * The command that opens `url` in a browser: `$KOMMUNRAPPORT_OPENER` when set, else the
 * platform's opener (open on macOS, start on Windows, xdg-open elsewhere).
 */
export function openerCommand(url: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (env.KOMMUNRAPPORT_OPENER) return { command: env.KOMMUNRAPPORT_OPENER, args: [url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Opens `url` in a browser; resolves to undefined when the opener started, else to why it did not (the preview goes on). */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const { command, args } = openerCommand(url, env);
  return new Promise((done) => {
    let child;
    try {
      child = spawn(command, args, { stdio: 'ignore', detached: true });
    } catch (error) {
      done(`cannot run ${command}: ${(error as Error).message}`);
      return;
    }
    child.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ENOENT' ? `no browser opener "${command}" on this machine` : `${command} failed: ${error.message}`));
    child.once('spawn', () => {
      child.unref();
      done(undefined);
    });
  });
}

/** Adds `preview` to the program. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('preview')
    .description('serve the HTML of a report on this machine and rebuild it on every save, or serve a site folder')
    .argument('<file>', 'the report file (YAML), or a folder that kommunrapport site (or build) wrote')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '0')
    .option('--host <host>', 'host to listen on', '127.0.0.1')
    .option('--open', 'open the page in a browser (with open, start or xdg-open; KOMMUNRAPPORT_OPENER names another command)')
    .addHelpText('after', '\nStops on Ctrl+C. Exit codes: 0 stopped, 2 usage or I/O problem (e.g. the port is taken).\nWhen no browser can be opened, --open says so and the preview goes on.')
    .action(async (file: string, options: { port: string; host: string; open?: boolean }) => {
      const { io } = ctx;
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        io.stderr(`kommunrapport preview: --port must be a number from 0 to 65535; found "${options.port}".\n`);
        ctx.exit(EXIT.usage);
        return;
      }
      let preview: PreviewServer;
      try {
        await stat(resolve(io.cwd, file));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        io.stderr(`kommunrapport preview: cannot read ${file}: ${code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message}. Give the path of a report (rapport.yaml) or of a site folder, relative to the current folder.\n`);
        ctx.exit(EXIT.usage);
        return;
      }
      try {
        preview = await startPreview({ file, port, host: options.host, cwd: io.cwd, colour: io.isTTY, log: (line) => io.stderr(`${line}\n`) });
      } catch (error) {
        io.stderr(`kommunrapport preview: ${listenProblem(error, options.host, port)}\n`);
        ctx.exit(EXIT.usage);
        return;
      }
      io.stdout(statSync(resolve(io.cwd, file)).isDirectory() ? `Serving the folder ${file} at ${preview.url}\nPress Ctrl+C to stop.\n` : `Preview of ${file} at ${preview.url}\nWatching for changes; press Ctrl+C to stop.\n`);
      // Ctrl+C is handled from here on, also while the browser opens.
      const stopped = new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void preview.close().then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      if (options.open === true) {
        const { command, args } = openerCommand(preview.url);
        const problem = await openBrowser(preview.url);
        io.stderr(problem === undefined ? `Opened ${preview.url} with ${[command, ...args].join(' ')}.\n` : `warning: could not open a browser: ${problem}. Open ${preview.url} yourself, or set KOMMUNRAPPORT_OPENER to a command that opens a web address.\n`);
      }
      await stopped;
      io.stdout('Preview stopped.\n');
    });
}
