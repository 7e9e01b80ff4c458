// The command-line conventions users of Pandoc and Quarto expect: short flags, --quiet and
// --verbose, `kommunrapport formats`, `build --watch` rebuilding on a real save, and
// `preview --open` running the platform's opener (or saying it cannot, and going on).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openerCommand } from '../src/commands/preview.js';
import { createProgram } from '../src/main.js';
import { pluginPath, reportFixture, repoRoot, runMain, sourceFlags, tempDir } from './cli-helpers.js';

const ID = '0999-ks-2022-d2';
const runner = fileURLToPath(new URL('./run-source.ts', import.meta.url));

function work(): string {
  const dir = tempDir('kr-conventions-');
  writeFileSync(join(dir, 'rapport.yaml'), readFileSync(reportFixture));
  return dir;
}

/** A running `kommunrapport …` child whose output can be awaited line by line. */
function start(args: string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [...sourceFlags, runner, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiters: { re: RegExp; ok: () => void }[] = [];
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const w of [...waiters]) if (w.re.test(output)) (waiters.splice(waiters.indexOf(w), 1), w.ok());
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((ok) => child.on('close', (code) => ok(code)));
  return {
    child,
    exited,
    get output() {
      return output;
    },
    /** Resolves when the output so far matches `re`; fails after `ms` with the output. */
    waitFor(re: RegExp, ms = 60_000): Promise<void> {
      if (re.test(output)) return Promise.resolve();
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`timed out waiting for ${re}; output so far:\n${output}`)), ms);
        waiters.push({ re, ok: () => (clearTimeout(timer), ok()) });
      });
    },
  };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('short flags, --quiet and --verbose', () => {
  it('-f and -o are --format and --out', async () => {
    const dir = work();
    const r = await runMain(['build', 'rapport.yaml', '-f', 'echo', '-o', 'public', '--plugin', pluginPath('echo')], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'public', ID, 'z-last.txt'))).toBe(true);
  });

  it('-q prints nothing for a clean build and still prints problems', async () => {
    const dir = work();
    const quiet = await runMain(['build', 'rapport.yaml', '-q', '-f', 'echo', '--plugin', pluginPath('echo')], dir);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    const failing = await runMain(['build', 'rapport.yaml', '--quiet', '-f', 'thrower', '--plugin', pluginPath('throws')], dir);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('was not built');
  });

  it('-v names the config file and each plugin with the file it came from', async () => {
    const dir = work();
    writeFileSync(join(dir, 'kommunrapport.config.yaml'), 'options:\n  echo:\n    greeting: Hej\n');
    const r = await runMain(['build', 'rapport.yaml', '-v', '-f', 'echo', '--plugin', pluginPath('echo')], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('config kommunrapport.config.yaml');
    expect(r.stderr).toMatch(/plugin echo \(format echo\) from .*packages\/core\/test\/fixtures\/plugins\/echo\.mjs/);
  });

  it('-V prints the version (-v is --verbose), and --help documents every convention and the exit codes', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string };
    expect(await runMain(['-V'], repoRoot)).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await runMain(['build', '--help'], repoRoot);
    for (const flag of ['-f, --format', '-o, --out', '-q, --quiet', '-v, --verbose', '--config <file>', '-O, --option', '-w, --watch', '--plugin <package|file|folder>', 'Exit codes: 0 built, 1', '2 usage or I/O problem']) {
      expect(help.stdout).toContain(flag);
    }
    expect((await runMain(['preview', '--help'], repoRoot)).stdout).toContain('--open');
    expect((await runMain(['--help'], repoRoot)).stdout).toMatch(/formats \[options\] +list every format/);
  });
});

describe('the same flag means the same on every command', () => {
  const program = createProgram({ io: { stdout: () => {}, stderr: () => {}, cwd: repoRoot, isTTY: false }, exit: () => {} });
  const flags = program.commands.flatMap((c) => c.options.map((o) => ({ command: c.name(), short: o.short, long: o.long })));

  it('a long flag has one short form everywhere, and a short form one long flag', () => {
    const shortOf = new Map<string, Set<string | undefined>>();
    const longOf = new Map<string, Set<string | undefined>>();
    for (const f of flags) {
      shortOf.set(f.long!, (shortOf.get(f.long!) ?? new Set()).add(f.short));
      if (f.short) longOf.set(f.short, (longOf.get(f.short) ?? new Set()).add(f.long));
    }
    const mixed = [...shortOf].filter(([long, shorts]) => shorts.size > 1 && long !== '--help').map(([long, shorts]) => `${long}: ${[...shorts].join(' and ')}`);
    expect(mixed).toEqual([]);
    expect([...longOf].filter(([, longs]) => longs.size > 1)).toEqual([]);
    // The conventions of Pandoc and Quarto wherever the flag exists.
    for (const [long, short] of [['--quiet', '-q'], ['--verbose', '-v'], ['--out', '-o'], ['--format', '-f']] as const) expect(shortOf.get(long), long).toEqual(new Set([short]));
  });

  it('validate, build and site, which print a line per report, all have -q and -v', () => {
    for (const command of ['validate', 'build', 'site']) {
      const own = flags.filter((f) => f.command === command).map((f) => `${f.short} ${f.long}`);
      expect(own, command).toEqual(expect.arrayContaining(['-q --quiet', '-v --verbose', 'undefined --json', 'undefined --strict']));
    }
  });

  it('import and kolada, and every command that changes a report (it has --dry-run), have -q and -v too', () => {
    const changing = [...new Set(flags.filter((f) => f.long === '--dry-run').map((f) => f.command))];
    expect(changing).toEqual(expect.arrayContaining(['import', 'kolada']));
    for (const command of new Set([...changing, 'import', 'kolada'])) {
      const own = flags.filter((f) => f.command === command).map((f) => `${f.short} ${f.long}`);
      expect(own, command).toEqual(expect.arrayContaining(['-q --quiet', '-v --verbose', 'undefined --json']));
    }
  });

  it('site -v names the config file the settings come from; -q with it prints only problems', async () => {
    const dir = work();
    writeFileSync(join(dir, 'kommunrapport.config.yaml'), 'options: {}\n');
    const verbose = await runMain(['site', 'rapport.yaml', '-v', '-o', 'site'], dir);
    expect(verbose.code).toBe(2);
    expect(verbose.stderr).toMatch(/^config kommunrapport\.config\.yaml\nkommunrapport site: kommunrapport\.config\.yaml has no site: block/);
    const quiet = await runMain(['site', 'rapport.yaml', '-v', '-q', '-o', 'site'], dir);
    expect(quiet.stderr).toMatch(/^kommunrapport site: kommunrapport\.config\.yaml has no site: block/);
    expect((await runMain(['site', 'rapport.yaml', '-o', 'site'], dir)).stderr).not.toContain('config kommunrapport.config.yaml\n');
  });
});

describe('kommunrapport formats', () => {
  it('lists every first-party format with its package and options, and plugins from --plugin and the config', async () => {
    const dir = work();
    writeFileSync(join(dir, 'kommunrapport.config.yaml'), `plugins: [${JSON.stringify(pluginPath('counter'))}]\n`);
    const r = await runMain(['formats', '--plugin', pluginPath('echo')], dir);
    expect(r.code, r.stderr).toBe(0);
    for (const [format, pkg] of [['html', 'plugin-html'], ['pdf', 'plugin-pdf'], ['text', 'plugin-text'], ['open-data', 'plugin-open-data'], ['docx', 'plugin-docx']]) {
      expect(r.stdout).toMatch(new RegExp(`^${format} {2}\\(plugin ${format}, @kommunrapport/${pkg}@\\d+\\.\\d+\\.\\d+, built in\\)$`, 'm'));
    }
    expect(r.stdout).toMatch(/^echo {2}\(plugin echo, .*, --plugin\)$/m);
    expect(r.stdout).toMatch(/^counter {2}\(plugin counter, .*, kommunrapport\.config\.yaml\)$/m);
    expect(r.stdout).toMatch(/^ {4}-O pdf\.\w+=/m);
    const json = JSON.parse((await runMain(['formats', '--json'], dir)).stdout) as { format: string; defaults: object }[];
    expect(json.map((f) => f.format)).toEqual(['html', 'pdf', 'text', 'open-data', 'docx', 'counter']);
    const missing = await runMain(['formats', '--plugin', './nope.mjs'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('(plugin-not-found)');
  });
});

describe('build --watch', () => {
  it('builds, then builds again when the report is saved, until Ctrl+C', async () => {
    const dir = work();
    const run = start(['build', 'rapport.yaml', '--watch', '-f', 'echo', '--plugin', pluginPath('echo'), '-o', 'out'], dir);
    children.push(run.child);
    await run.waitFor(/Watching rapport\.yaml and its config file for changes/);
    const first = readFileSync(join(dir, 'out', ID, 'data/report.json'), 'utf8');
    expect(JSON.parse(first).title).toBe('Delårsrapport 2 2022');
    const text = readFileSync(join(dir, 'rapport.yaml'), 'utf8');
    writeFileSync(join(dir, 'rapport.yaml'), text.replace('title: Delårsrapport 2 2022', 'title: Delårsrapport 2 2022 (rättad)'));
    await run.waitFor(/rapport\.yaml changed; building again\.\n✓ rapport\.yaml → out\/.*\n(.*\n){3}/);
    expect(JSON.parse(readFileSync(join(dir, 'out', ID, 'data/report.json'), 'utf8')).title).toBe('Delårsrapport 2 2022 (rättad)');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 120_000);
});

describe('preview --open', () => {
  it('uses the platform\'s opener', () => {
    expect(openerCommand('http://x/', {}, 'linux')).toEqual({ command: 'xdg-open', args: ['http://x/'] });
    expect(openerCommand('http://x/', {}, 'darwin')).toEqual({ command: 'open', args: ['http://x/'] });
    expect(openerCommand('http://x/', {}, 'win32')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', 'http://x/'] });
    expect(openerCommand('http://x/', { KOMMUNRAPPORT_OPENER: 'firefox' }, 'linux')).toEqual({ command: 'firefox', args: ['http://x/'] });
  });

  it('runs the opener with the page\'s address', async () => {
    const dir = work();
    const opener = join(dir, 'opener.sh');
    // Written aside and renamed, so the test never reads the file between its creation and the echo.
    writeFileSync(opener, `#!/bin/sh\necho "$@" > "${join(dir, 'opened.tmp')}" && mv "${join(dir, 'opened.tmp')}" "${join(dir, 'opened.txt')}"\n`);
    chmodSync(opener, 0o755);
    const run = start(['preview', 'rapport.yaml', '--open'], dir, { KOMMUNRAPPORT_OPENER: opener });
    children.push(run.child);
    await run.waitFor(/Opened http:\/\/127\.0\.0\.1:\d+\/ with /);
    const url = /Preview of rapport\.yaml at (\S+)/.exec(run.output)![1]!;
    for (let i = 0; i < 100 && !existsSync(join(dir, 'opened.txt')); i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(readFileSync(join(dir, 'opened.txt'), 'utf8').trim()).toBe(url);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 120_000);

  it('says so and goes on serving when there is no opener', async () => {
    const dir = work();
    mkdirSync(join(dir, 'empty'));
    const run = start(['preview', 'rapport.yaml', '--open'], dir, { KOMMUNRAPPORT_OPENER: join(dir, 'empty', 'no-such-browser') });
    children.push(run.child);
    await run.waitFor(/could not open a browser/);
    expect(run.output).toMatch(/warning: could not open a browser: no browser opener ".*no-such-browser" on this machine\. Open http:\/\/127\.0\.0\.1:\d+\/ yourself/);
    const url = /Preview of rapport\.yaml at (\S+)/.exec(run.output)![1]!;
    expect((await fetch(url)).status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 120_000);
});
