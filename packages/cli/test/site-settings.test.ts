// The config's site: block reaches the plugins: the open data names the site's publisher
// (by organisationsnummer) and contact, is published below the site's address, and passes
// validate-open-data without --allow-placeholder; a report without contact e-mail warns and
// fails --strict; a colour below its WCAG contrast minimum warns (fails --strict); a logo
// that cannot be read stops the build before anything is written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_BLOCK as SITE, reportFixture, runCli, tempDir } from './cli-helpers.js';

const ID = '0999-ks-2022-d2';
function workspace(config?: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'r'));
  writeFileSync(join(dir, 'r', 'rapport.yaml'), readFileSync(reportFixture, 'utf8'));
  if (config !== undefined) writeFileSync(join(dir, 'r', 'kommunrapport.config.yaml'), config);
  return dir;
}

describe('site settings in the build', () => {
  it('warns about a contact point without e-mail, and fails --strict on it', async () => {
    const dir = workspace();
    const args = ['build', 'r/rapport.yaml', '--format', 'open-data', '-O', 'open-data.baseUrl=https://data.exempelstad.se/r/'];
    const loose = await runCli([...args, '--json'], { cwd: dir });
    expect(loose.code).toBe(0);
    expect(JSON.parse(loose.stdout).reports[0].diagnostics).toEqual([expect.objectContaining({ code: 'open-data-contact-email', plugin: 'open-data', severity: 'warning' })]);
    const strict = await runCli([...args, '--strict', '--out', 'strict'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(`${strict.stdout}${strict.stderr}`).toContain('open-data-contact-email');
    expect(existsSync(join(dir, 'strict', ID))).toBe(false);
  });

  it("names the site's publisher and contact in dcat.rdf, publishes below the site's address, and passes validate-open-data and --strict", async () => {
    const dir = workspace(SITE);
    const r = await runCli(['build', 'r/rapport.yaml', '--format', 'open-data', '--strict'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rdf = readFileSync(join(dir, 'dist', ID, 'open-data', 'dcat.rdf'), 'utf8');
    expect(rdf).toContain('<dct:publisher rdf:resource="http://dataportal.se/organisation/SE2120009999"/>');
    expect(rdf).toContain('<dct:identifier>212000-9999</dct:identifier>');
    expect(rdf).toContain('<vcard:hasEmail rdf:resource="mailto:oppnadata@exempelstad.se"/>');
    expect(rdf).toContain(`rdf:about="https://rapporter.exempelstad.se/${ID}/open-data/#dataset"`);
    const check = await runCli(['validate-open-data', join('dist', ID), '--strict'], { cwd: dir });
    expect(check.stdout).toContain('are valid and agree');
    expect(check.code).toBe(0);
  });

  it('warns about a site colour below its contrast minimum, with its line, and fails --strict on it', async () => {
    const dir = workspace(`${SITE}  colours:\n    primary: "#9ca3af"\n`);
    const loose = await runCli(['build', 'r/rapport.yaml', '--format', 'open-data'], { cwd: dir });
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/r\/kommunrapport\.config\.yaml:\d+:\d+ {2}warning {2}site-colour-contrast {2}site\.colours\.primary/);
    expect(loose.stderr).toContain('site.colours.primary #9ca3af has 2.54:1 contrast on the white page; at least 4.5:1 is needed');
    const strict = await runCli(['build', 'r/rapport.yaml', '--format', 'open-data', '--strict', '--out', 'strict'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(existsSync(join(dir, 'strict'))).toBe(false);
  });

  it('stops with exit 2, naming site.logo.file, when the logo cannot be read', async () => {
    const dir = workspace(`${SITE}  logo:\n    file: saknas.png\n    alt: Exempelstads kommun\n`);
    const r = await runCli(['build', 'r/rapport.yaml', '--format', 'open-data'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r\/kommunrapport\.config\.yaml:\d+:\d+ {2}error {2}file-unreadable {2}site\.logo\.file/);
    expect(r.stderr).toContain('no such file');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
