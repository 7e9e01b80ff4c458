// Builds a static site of one organisation's reports: every report through the normal build
// (all first-party formats, with the site's settings as ctx.site) into `<id>/`, exactly where
// `kommunrapport build -o <site>` puts it (and where its open data says it is published),
// and the site's own pages around them: `<year>/<id>/` about each report, key figures, the
// statement and the DCAT-AP-SE catalogue. Incremental: a content hash of each report's
// source, the config, the logo and the tool's version decides which reports are built
// again, and a hash of each page's inputs which pages are written again; everything else is
// taken over from the previous site. The whole site is assembled, then published with core's
// atomic `publish` (temporary folder beside the target, one swap, ownership marker), so a
// failed or killed build leaves the previous site as it was. No clock is read: the same
// inputs give the same bytes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { threadId } from 'node:worker_threads';
import { generic, genericEn, loadReport, decodeSource, siteTerms, type Diagnostic } from '@kommunrapport/model';
import {
  buildDocument,
  buildReport,
  createFormatter,
  createVocabulary,
  publish,
  recoverOutput,
  type BuildResult,
  type OutputFile,
  type Plugin,
  type PublishOptions,
  type SiteContext,
  loadImages,
} from '@kommunrapport/core';
import { buildSiteCatalogue, OpenDataOptions } from '@kommunrapport/plugin-open-data';
import { logoPath, renderPage, SITE_PATHS, type PageSpec, type SiteFrame } from './html.js';
import { accessibilityPage, indicatorPage, indicatorSeries, indicatorsPage, reportPage, startPage, type SiteReport } from './pages.js';
import { siteTables } from './csv.js';

/** The manifest a site keeps of its inputs, so the next build knows what changed. */
export const SITE_MANIFEST = '.kommunrapport-site.json';

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** The report files (absolute), in a stable order. */
  files: readonly string[];
  /** The site's folder. */
  outDir: string;
  /** The site's settings and logo, given to every plugin as ctx.site. */
  site: SiteContext;
  /** The config file's bytes (part of every report's hash). */
  config: { bytes: Uint8Array };
  /** The plugins of a normal build, in order, and their raw options. */
  plugins: readonly Plugin<any>[];
  options?: Readonly<Record<string, unknown>>;
  optionsSource?: { file?: string };
  /** The tool's version: a new version builds everything again. */
  version: string;
  env: Record<string, string | undefined>;
  strict?: boolean;
  cwd: string;
  /** Called before each report is built. */
  onReport?: (file: string, rebuilt: boolean) => void;
  /** Passed to the site's atomic publish (tests use it to simulate crashes). */
  publish?: PublishOptions;
}

/** What a site build did. */
export interface SiteSummary {
  ok: boolean;
  outDir: string;
  reports: { file: string; id: string | null; dir: string | null; rebuilt: boolean; result?: BuildResult }[];
  /** Findings about the site's DCAT-AP-SE catalogue (errors stop the site from being published). */
  catalogue: Diagnostic[];
  pages: { path: string; rebuilt: boolean }[];
  rebuiltReports: number;
  rebuiltPages: number;
  files: number;
}

interface Manifest {
  version: string;
  reports: Record<string, string>;
  pages: Record<string, string>;
}

const sha256 = (...parts: (string | Uint8Array)[]) => {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(typeof p === 'string' ? p : Buffer.from(p));
    h.update('\0');
  }
  return h.digest('hex');
};

/** Every file under a folder, as site files under `prefix` (sorted; dot files included). */
function readTree(dir: string, prefix: string): OutputFile[] {
  const out: OutputFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: `${prefix}${relative(dir, p).split(sep).join('/')}`, bytes: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

function readManifest(outDir: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(outDir, SITE_MANIFEST), 'utf8')) as Manifest;
    return typeof m === 'object' && m !== null && typeof m.reports === 'object' && typeof m.pages === 'object' ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the site and publishes it atomically; never throws for bad input (see the summary). */
export async function buildSite(options: BuildSiteOptions): Promise<SiteSummary> {
  const { outDir } = options;
  const settings = options.site.settings;
  const terms = siteTerms[settings.language ?? 'sv'];
  const parent = dirname(outDir);
  const name = basename(outDir);
  const summary: SiteSummary = { ok: false, outDir, reports: [], catalogue: [], pages: [], rebuiltReports: 0, rebuiltPages: 0, files: 0 };
  // Repairs what a killed site build left (a previous site renamed away is put back) and
  // refuses a folder that no build made, before anything is built.
  await recoverOutput(parent, name, options.publish);
  const previous = readManifest(outDir);
  const epoch = options.env.SOURCE_DATE_EPOCH ?? '';
  // The logo is embedded by the formats, so a new logo builds every report again.
  const configHash = sha256(options.version, options.config.bytes, options.site.logo?.bytes ?? '', epoch, JSON.stringify(options.options ?? {}));
  // Reports are built into a scratch folder named like publish's temporary folders, so a
  // killed run's leftovers are removed by the next one.
  const scratch = join(parent, `.${name}.tmp-${process.pid}-${threadId}-0`);
  const files: OutputFile[] = [];
  const site: SiteReport[] = [];
  const hashes: Record<string, string> = {};
  try {
    for (const file of options.files) {
      const bytes = readFileSync(file);
      const source = decodeSource(bytes, file);
      const loaded = source.text === undefined ? undefined : loadReport(source.text, file);
      const report = loaded?.report;
      const shown = relative(options.cwd, file) || file;
      // The images of its text: a changed image builds the report again.
      const read = report ? loadImages(report, file, { text: source.text! }) : undefined;
      if (report === undefined || loaded!.diagnostics.some((d) => d.severity === 'error') || read!.diagnostics.length > 0) {
        // The normal build reports what is wrong, with file, line and path; nothing is written.
        const result = await buildReport({ file, plugins: options.plugins, outDir: scratch, options: options.options ?? {}, env: options.env, strict: options.strict === true, cwd: options.cwd, site: options.site });
        summary.reports.push({ file: shown, id: result.id ?? null, dir: null, rebuilt: true, result });
        continue;
      }
      const dir = `${report.period.year}/${report.id}/`;
      const hash = sha256(configHash, bytes, ...[...read!.images.values()].flatMap((i) => [i.src, i.bytes]));
      hashes[report.id] = hash;
      const old = join(outDir, report.id);
      const reuse = previous?.reports[report.id] === hash && existsSync(join(old, 'index.html'));
      options.onReport?.(shown, !reuse);
      let artifacts: OutputFile[];
      let result: BuildResult | undefined;
      if (reuse) {
        artifacts = readTree(old, `${report.id}/`);
      } else {
        result = await buildReport({
          file,
          plugins: options.plugins,
          outDir: scratch,
          options: options.options ?? {},
          ...(options.optionsSource ? { optionsSource: options.optionsSource } : {}),
          env: options.env,
          strict: options.strict === true,
          cwd: options.cwd,
          site: options.site,
        });
        if (!result.ok) {
          summary.reports.push({ file: shown, id: report.id, dir, rebuilt: true, result });
          continue;
        }
        artifacts = readTree(join(scratch, report.id), `${report.id}/`);
        summary.rebuiltReports++;
      }
      summary.reports.push({ file: shown, id: report.id, dir, rebuilt: !reuse, ...(result ? { result } : {}) });
      files.push(...artifacts);
      const vocabulary = createVocabulary(report);
      const formatter = createFormatter(report.language, report.governance);
      const document = buildDocument(report, vocabulary, formatter, read!.images);
      const page = artifacts.find((a) => a.path === `${report.id}/index.html`);
      const built = artifacts.map((a) => a.path.slice(report.id.length + 1));
      const tables = siteTables(document, page === undefined ? undefined : Buffer.from(page.bytes).toString('utf8'), built);
      site.push({ report, document, vocabulary, formatter, dir, build: `${report.id}/`, artifacts: artifacts.map((a) => a.path), tables });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (summary.reports.some((r) => r.result !== undefined && !r.result.ok)) return summary;

  // One DCAT-AP-SE catalogue for the site, at stable addresses: each report's page on the
  // site is its landing page, its open data is where the build's own DCAT says it is, as the
  // build published it (the open-data options the reports were built with; valid, as they built).
  const openData = OpenDataOptions.decode(options.options?.['open-data']);
  const catalogue = buildSiteCatalogue(
    settings,
    site.map((r) => ({ report: r.report, pageUrl: `${settings.baseUrl}${r.dir}`, openDataUrl: `${settings.baseUrl}${r.build}open-data/` })),
    { env: options.env, ...(openData._tag === 'Right' ? { options: openData.right } : {}) },
  );
  summary.catalogue = catalogue.diagnostics;
  if (catalogue.diagnostics.some((d) => d.severity === 'error' || (options.strict === true && d.severity === 'warning'))) return summary;
  files.push({ path: SITE_PATHS.catalogueRdf, bytes: Buffer.from(catalogue.rdfXml, 'utf8') }, { path: SITE_PATHS.catalogueJsonLd, bytes: Buffer.from(catalogue.jsonLd, 'utf8') });
  const frame: SiteFrame = { settings, terms, catalogue: true };
  const settingsHash = sha256(options.version, JSON.stringify(settings), JSON.stringify(frame.catalogue));
  const pages: { spec: () => PageSpec; path: string; key: string }[] = [];
  const of = (list: readonly SiteReport[]) => list.map((r) => hashes[r.report.id]!).join(',');
  pages.push({ path: SITE_PATHS.start, key: sha256(settingsHash, of(site)), spec: () => startPage(settings, terms, site) });
  const series = indicatorSeries(site);
  for (const r of site) {
    pages.push({
      path: `${r.dir}index.html`,
      key: sha256(settingsHash, hashes[r.report.id]!, series.filter((x) => x.reports.includes(r)).map((x) => x.slug).join(',')),
      spec: () => reportPage(settings, terms, r, series),
    });
  }
  pages.push({ path: SITE_PATHS.indicators, key: sha256(settingsHash, series.map((s) => `${s.slug}:${hashes[s.latest.report.id]}`).join(',')), spec: () => indicatorsPage(settings, terms, series) });
  for (const s of series) pages.push({ path: `nyckeltal/${s.slug}/index.html`, key: sha256(settingsHash, s.slug, of(s.reports)), spec: () => indicatorPage(settings, terms, s) });
  const formats = [...new Set(site.flatMap((r) => r.artifacts.map((a) => a.slice(r.build.length))))].sort();
  const dates = createFormatter(terms.language, terms.language === 'en' ? genericEn : generic);
  pages.push({ path: SITE_PATHS.accessibility, key: sha256(settingsHash, formats.join(',')), spec: () => accessibilityPage(settings, terms, formats, (iso) => dates.date(iso)) });

  const pageHashes: Record<string, string> = {};
  for (const p of pages) {
    pageHashes[p.path] = p.key;
    const oldFile = join(outDir, p.path);
    const reuse = previous?.pages[p.path] === p.key && existsSync(oldFile);
    if (reuse) {
      files.push({ path: p.path, bytes: readFileSync(oldFile) });
    } else {
      files.push({ path: p.path, bytes: Buffer.from(renderPage(frame, p.spec()), 'utf8') });
      summary.rebuiltPages++;
    }
    summary.pages.push({ path: p.path, rebuilt: !reuse });
  }
  if (settings.logo && options.site.logo) files.push({ path: logoPath(settings.logo.file), bytes: options.site.logo.bytes });
  const manifest: Manifest = { version: options.version, reports: Object.fromEntries(Object.entries(hashes).sort()), pages: Object.fromEntries(Object.entries(pageHashes).sort()) };
  files.push({ path: SITE_MANIFEST, bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  await publish(parent, name, files, { ...options.publish, markerNote: 'Made by kommunrapport site; the next site build into this folder replaces it.' });
  summary.files = files.length;
  summary.ok = true;
  return summary;
}
