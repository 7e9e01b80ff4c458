// `validate` reports every finding `build` reports before rendering, with the same code,
// message, place and exit code: a config error, an option of a plugin that its codec
// refuses, options for a plugin nobody knows, a site colour and a vocabulary colour below
// their contrast minimum, a config plugin that cannot be loaded, two files sharing an id.
// Each case runs both commands on the same folder.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_BLOCK as SITE, pluginPath, repoRoot, reportFixture, runCli, runMain, tempDir } from './cli-helpers.js';

/** A folder with the fixture report as rapport.yaml and, when given, a config beside it. */
function workspace(config?: string): string {
  const dir = tempDir('kr-agree-');
  writeFileSync(join(dir, 'rapport.yaml'), readFileSync(reportFixture, 'utf8'));
  if (config !== undefined) writeFileSync(join(dir, 'kommunrapport.config.yaml'), config);
  return dir;
}

/** The formatted findings with `code` in a command's output: the first line of each, and the message below it. */
function findings(output: string, code: string): string[] {
  const lines = output.split('\n');
  return lines.flatMap((l, i) => (l.includes(` ${code}  `) ? [`${l.trim()}\n${(lines[i + 1] ?? '').trim()}`] : []));
}

async function both(dir: string, code: string, extra: string[] = []) {
  const validate = await runMain(['validate', 'rapport.yaml', ...extra], dir);
  const build = await runMain(['build', 'rapport.yaml', '-f', 'text', '-o', 'out', ...extra], dir);
  return { validate, build, inValidate: findings(validate.stdout + validate.stderr, code), inBuild: findings(build.stdout + build.stderr, code) };
}

describe('validate reports what build reports before rendering', () => {
  it('a misspelt key in the config: the same error, exit 1 from both', async () => {
    const dir = workspace('plugin: [./x.mjs]\n');
    const r = await both(dir, 'unknown-key');
    expect(r.inBuild).toHaveLength(1);
    expect(r.inBuild[0]).toMatch(/^kommunrapport\.config\.yaml:1:1 {2}error {2}unknown-key/);
    expect(r.inValidate).toEqual(r.inBuild);
    expect(r.build.code).toBe(1);
    expect(r.validate.code).toBe(1);
  });

  it('an option the plugin refuses: the same error at the option, exit 1 from both', async () => {
    const dir = workspace('options:\n  text:\n    wrap: lång\n');
    const build = await runMain(['build', 'rapport.yaml', '-f', 'text', '-o', 'out'], dir);
    const validate = await runMain(['validate', 'rapport.yaml'], dir);
    const found = (out: string) => findings(out, 'invalid-type');
    expect(found(build.stdout + build.stderr)).toHaveLength(1);
    expect(found(build.stdout + build.stderr)[0]).toMatch(/^kommunrapport\.config\.yaml:3:11 {2}error {2}\[plugin text\] invalid-type {2}options\.text\.wrap/);
    expect(found(validate.stdout)).toEqual(found(build.stdout + build.stderr));
    expect(build.code).toBe(1);
    expect(validate.code).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('options for a plugin nobody knows: the same warning; exit 0, and 1 from both under --strict', async () => {
    const dir = workspace('options:\n  pfd:\n    fontSize: 11\n');
    const loose = await both(dir, 'unknown-key');
    expect(loose.inBuild).toEqual(['kommunrapport.config.yaml:2:3  warning  unknown-key  options.pfd\nOptions for "pfd", but no plugin has that name. Did you mean "pdf"?']);
    expect(loose.inValidate).toEqual(loose.inBuild);
    expect([loose.build.code, loose.validate.code]).toEqual([0, 0]);
    const strict = await both(dir, 'unknown-key', ['--strict']);
    expect([strict.build.code, strict.validate.code]).toEqual([1, 1]);
  });

  it('a site colour below its contrast minimum: the same warning at its line; 1 from both under --strict', async () => {
    const dir = workspace(`${SITE}  colours:\n    primary: "#9ca3af"\n`);
    const loose = await both(dir, 'site-colour-contrast');
    expect(loose.inBuild).toHaveLength(1);
    expect(loose.inBuild[0]).toMatch(/^kommunrapport\.config\.yaml:\d+:\d+ {2}warning {2}site-colour-contrast {2}site\.colours\.primary/);
    expect(loose.inValidate).toEqual(loose.inBuild);
    expect([loose.build.code, loose.validate.code]).toEqual([0, 0]);
    const strict = await both(dir, 'site-colour-contrast', ['--strict']);
    expect([strict.build.code, strict.validate.code]).toEqual([1, 1]);
  });

  it("an option a config's own plugin refuses: the same code and message, the same exit code from both", async () => {
    const dir = workspace(`plugins: [${JSON.stringify(pluginPath('echo'))}]\noptions:\n  echo:\n    repeat: many\n`);
    const build = await runMain(['build', 'rapport.yaml', '-o', 'out', '-f', 'echo'], dir);
    const validate = await runMain(['validate', 'rapport.yaml'], dir);
    expect(findings(build.stdout + build.stderr, 'invalid-type')).toHaveLength(1);
    expect(findings(build.stdout + build.stderr, 'invalid-type')[0]).toMatch(/^kommunrapport\.config\.yaml:4:13 {2}error {2}\[plugin echo\] invalid-type {2}options\.echo\.repeat/);
    expect(findings(validate.stdout, 'invalid-type')).toEqual(findings(build.stdout + build.stderr, 'invalid-type'));
    expect([build.code, validate.code]).toEqual([1, 1]);
    // Options for the config's plugin are not taken for a plugin nobody knows.
    expect(validate.stdout).not.toContain('no plugin has that name');
  });

  it('a config plugin that cannot be loaded: the same finding at its entry (code, message, hint) from both (and formats), exit 2 when not found, 1 when not a plugin', async () => {
    /** A finding's three lines (place and code, message, hint) as the command printed them. */
    const block = (output: string, code: string) => {
      const lines = output.split('\n');
      const at = lines.findIndex((l) => l.includes(` ${code}  `));
      return at === -1 ? [] : lines.slice(at, at + 3).map((l) => l.trim().replace(/^hint: +/, 'hint: '));
    };
    const cases = [
      { entries: '[./finns-inte.mjs]', code: 'plugin-not-found', path: 'plugins[0]', column: 11, exit: 2 },
      { entries: `[${JSON.stringify(pluginPath('echo'))}, ./inte-plugin.mjs]`, code: 'plugin-invalid', path: 'plugins[1]', column: 13 + JSON.stringify(pluginPath('echo')).length, exit: 1 },
    ];
    for (const c of cases) {
      const dir = workspace(`plugins: ${c.entries}\n`);
      writeFileSync(join(dir, 'inte-plugin.mjs'), 'export default 42;\n');
      const b = await runMain(['build', 'rapport.yaml', '-o', 'out', '-f', 'text'], dir);
      const v = await runMain(['validate', 'rapport.yaml'], dir);
      const inBuild = block(b.stderr, c.code);
      expect(inBuild[0]).toBe(`kommunrapport.config.yaml:1:${c.column}  error  ${c.code}  ${c.path}`);
      expect(inBuild[2]).toMatch(/^hint: \S/);
      expect(block(v.stdout + v.stderr, c.code)).toEqual(inBuild);
      // formats, which lists the config's plugins, says the same.
      const f = await runMain(['formats'], dir);
      expect(block(f.stderr, c.code)).toEqual(inBuild);
      expect(b.stderr + f.stderr).not.toContain('load:');
      expect([b.code, v.code, f.code]).toEqual([c.exit, c.exit, c.exit]);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }
  });

  it('a config plugin that ends its thread at import: validate, build and formats each name it at its entry and exit 1, none ends with it', async () => {
    const dir = workspace('plugins: [./slutar.mjs]\n');
    writeFileSync(join(dir, 'slutar.mjs'), 'process.exit(0);\n');
    const runs = {
      build: await runCli(['build', 'rapport.yaml', '-o', 'out', '-f', 'text'], { cwd: dir }),
      validate: await runCli(['validate', 'rapport.yaml'], { cwd: dir }),
      formats: await runCli(['formats'], { cwd: dir }),
    };
    for (const [command, run] of Object.entries(runs)) {
      expect({ command, code: run.code }).toEqual({ command, code: 1 });
      expect(run.stdout + run.stderr, command).toMatch(/kommunrapport\.config\.yaml:1:11 {2}error {2}plugin-failed {2}plugins\[0\]/);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('a vocabulary colour below 4.5:1: the same warning at the colour, found before rendering by both (any format)', async () => {
    const dir = tempDir('kr-agree-');
    cpSync(join(repoRoot, 'examples/norrvik-bun-2024-malmodell'), dir, { recursive: true });
    const text = readFileSync(join(dir, 'rapport.yaml'), 'utf8');
    writeFileSync(join(dir, 'rapport.yaml'), text.replace('colour: "#8a5a00", symbol: ◐', 'colour: "#ffff00", symbol: ◐'));
    const line = text.split('\n').findIndex((l) => l.includes('"#8a5a00"')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('"#8a5a00"') + 1;
    const validate = await runMain(['validate', 'rapport.yaml'], dir);
    const inValidate = findings(validate.stdout, 'low-contrast');
    expect(inValidate).toEqual([`rapport.yaml:${line}:${column}  warning  low-contrast  governance.assessment[1].colour\ngovernance.assessment "partly": colour #ffff00 has less than 4.5:1 contrast on the page; its symbol is drawn in the text colour.`]);
    expect(validate.code).toBe(0);
    const strict = await runMain(['validate', 'rapport.yaml', '--strict'], dir);
    expect(strict.code).toBe(1);
    // build --strict refuses it before rendering, with the same finding, and writes nothing.
    const build = await runMain(['build', 'rapport.yaml', '-f', 'text', '-o', 'out', '--strict'], dir);
    expect(findings(build.stdout, 'low-contrast')).toEqual(inValidate.map((f) => f));
    expect(build.code).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('two files with one id: build refuses them, validate reports the same code and message at each id and the hint once, exit 1 from both', async () => {
    const dir = workspace();
    const text = readFileSync(reportFixture, 'utf8');
    // A language variant that keeps the id is still one output folder: build refuses it.
    writeFileSync(join(dir, 'english.yaml'), text.replace(/^language: sv$/m, 'language: en'));
    const build = await runMain(['build', 'rapport.yaml', 'english.yaml', '-f', 'text', '-o', 'out'], dir);
    const validate = await runMain(['validate', 'rapport.yaml', 'english.yaml'], dir);
    const message = 'Reports share an id, so their outputs would go to the same folder: "0999-ks-2022-d2" in english.yaml, rapport.yaml. A build of them together writes nothing.';
    const hint = 'Give each report its own id (the id names the output folder), or build them into different output folders.';
    expect(build.stderr).toBe(`${message} (duplicate-report-id)\n  hint: ${hint}\n`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const found = findings(validate.stdout, 'duplicate-report-id');
    expect(found).toEqual([`rapport.yaml:2:5  error  duplicate-report-id  id\n${message}`, `english.yaml:2:5  error  duplicate-report-id  id\n${message}`]);
    // Of several files, a hint is printed once (repeats.ts), as build prints it once.
    expect(validate.stdout.split(`hint:     ${hint}`)).toHaveLength(2);
    expect([build.code, validate.code]).toEqual([1, 1]);
    // The same file named twice is one report for both.
    const twice = await runMain(['validate', 'rapport.yaml', './rapport.yaml'], dir);
    expect(twice.stdout).not.toContain('duplicate-report-id');
    expect(twice.code).toBe(0);
  });

  it('a variant of one report with its own id (here its English version): both commands accept the pair, exit 0', async () => {
    const dir = workspace();
    const text = readFileSync(reportFixture, 'utf8');
    writeFileSync(join(dir, 'english.yaml'), text.replace(/^language: sv$/m, 'language: en').replace(/^id: 0999-ks-2022-d2$/m, 'id: 0999-ks-2022-d2-en'));
    const validate = await runMain(['validate', 'rapport.yaml', 'english.yaml'], dir);
    const build = await runMain(['build', 'rapport.yaml', 'english.yaml', '-f', 'text', '-o', 'out'], dir);
    expect(validate.stdout).not.toContain('duplicate-report-id');
    expect([build.code, validate.code]).toEqual([0, 0]);
    expect(existsSync(join(dir, 'out/0999-ks-2022-d2-en/rapport.txt'))).toBe(true);
  });
});
