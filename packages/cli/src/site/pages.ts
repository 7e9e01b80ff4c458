// The site's own pages, each a pure function of the data it lists: the start page (reports
// by year, then body, then kind), one page per report (its formats, its tables with a CSV
// download each, its key figures), the index of key figures and one page per key figure
// (its series over the periods of every report), and the tillgänglighetsredogörelse.
// A table's CSV is the one its report's build wrote into its open data.
import { walkReport, type Indicator, type Report, type SiteSettings, type SiteTerms } from '@kommunrapport/model';
import { reportPublisher, type DocumentModel, type Vocabulary, type Formatter } from '@kommunrapport/core';
import { slug } from '../commands/init.js';
import { esc, fill, href, tableHtml, SITE_PATHS, type PageSpec } from './html.js';
import type { SiteTable } from './csv.js';

/** A report of the site, loaded, with where its files are. */
export interface SiteReport {
  report: Report;
  document: DocumentModel;
  vocabulary: Vocabulary;
  formatter: Formatter;
  /** The site-relative folder of the site's page about the report, e.g. `2024/0599-kf-2024-d2/`. */
  dir: string;
  /** The site-relative folder of the report's build output, e.g. `0599-kf-2024-d2/` (where `build -o <site>` puts it). */
  build: string;
  /** The report's build output, relative to the site (e.g. `0599-kf-2024-d2/index.html`). */
  artifacts: string[];
  /** The report's tables, each with its id on the report's HTML page and its CSV in the report's build. */
  tables: SiteTable[];
}

/** The report page's address. */
export const reportPagePath = (r: SiteReport) => `${r.dir}index.html`;
/** The address of a key figure's page. */
export const indicatorPagePath = (slug: string) => `nyckeltal/${slug}/index.html`;

/** The start page: reports by year (newest first), then body, then kind. */
export function startPage(settings: SiteSettings, terms: SiteTerms, reports: readonly SiteReport[]): PageSpec {
  const path = SITE_PATHS.start;
  const years = [...new Set(reports.map((r) => r.report.period.year))].sort((a, b) => b - a);
  const parts: string[] = [
    `<p>${esc(fill(terms.reportsIntro, { publisher: settings.publisher.name }))}</p>`,
    `<p>${esc(terms.catalogue)}: <a href="${esc(href(path, SITE_PATHS.catalogueRdf))}" type="application/rdf+xml">${esc(terms.catalogueRdf)}</a>, <a href="${esc(href(path, SITE_PATHS.catalogueJsonLd))}" type="application/ld+json">${esc(terms.catalogueJsonLd)}</a></p>`,
  ];
  for (const year of years) {
    parts.push(`<h2 id="ar-${year}">${year}</h2>`);
    const ofYear = reports.filter((r) => r.report.period.year === year);
    for (const body of [...new Set(ofYear.map((r) => r.report.body.name))].sort((a, b) => a.localeCompare(b, 'sv'))) {
      parts.push(`<h3>${esc(body)}</h3>`);
      const ofBody = ofYear.filter((r) => r.report.body.name === body);
      for (const kind of [...new Set(ofBody.map((r) => r.vocabulary.reportKind()))].sort((a, b) => a.localeCompare(b, 'sv'))) {
        parts.push(`<h4>${esc(kind)}</h4>`, '<ul>');
        for (const r of ofBody.filter((x) => x.vocabulary.reportKind() === kind).sort((a, b) => a.report.id.localeCompare(b.report.id))) {
          parts.push(`<li><a href="${esc(href(path, reportPagePath(r)))}"${r.report.language !== terms.language ? ` lang="${esc(r.report.language)}"` : ''}>${esc(r.report.title)}</a> (<span lang="${esc(r.report.language)}">${esc(r.report.period.label)}</span>)</li>`);
        }
        parts.push('</ul>');
      }
    }
  }
  return { path, title: settings.title ?? settings.publisher.name, trail: [], body: parts.join('\n') };
}

const FORMAT_FILES: { file: string; term: keyof SiteTerms; type: string }[] = [
  { file: 'index.html', term: 'formatHtml', type: 'text/html' },
  { file: 'rapport.pdf', term: 'formatPdf', type: 'application/pdf' },
  { file: 'rapport.txt', term: 'formatText', type: 'text/plain' },
  { file: 'rapport.docx', term: 'formatDocx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { file: 'open-data/datapackage.json', term: 'formatOpenData', type: 'application/json' },
];

/** A report's page: what it is, its formats, its tables with their CSV, its key figures. */
export function reportPage(settings: SiteSettings, terms: SiteTerms, r: SiteReport, series: readonly IndicatorSeries[]): PageSpec {
  const path = reportPagePath(r);
  const lang = r.report.language;
  const facts = r.document.cover.map((f) => `<dt>${esc(f.term)}</dt><dd>${esc(f.value)}</dd>`).join('');
  const formats = FORMAT_FILES.filter((f) => r.artifacts.includes(`${r.build}${f.file}`)).map(
    (f) => `<li><a href="${esc(href(path, `${r.build}${f.file}`))}" type="${f.type}"><span lang="${esc(terms.language)}">${esc(terms[f.term])}</span></a></li>`,
  );
  const tables = r.tables;
  const parts = [`<dl>${facts}</dl>`, `<h2 lang="${esc(terms.language)}">${esc(terms.formats)}</h2>`, `<ul>${formats.join('')}</ul>`];
  if (tables.length > 0) {
    parts.push(`<h2 lang="${esc(terms.language)}">${esc(terms.tablesOfReport)}</h2>`);
    const inReport = href(path, `${r.build}index.html`);
    parts.push(
      `<ul>${tables
        .map(({ table: t, anchor, csv }) => `<li><a href="${esc(inReport)}${anchor !== undefined ? `#${esc(anchor)}` : ''}">${esc(t.caption)}</a>${csv !== undefined ? ` – <a href="${esc(href(path, `${r.build}${csv}`))}" type="text/csv" download>${esc(fill(terms.downloadCsv, { table: t.caption }))}</a>` : ''}</li>`)
        .join('')}</ul>`,
    );
  }
  const indicators = indicatorsOf(r.report);
  if (indicators.length > 0) {
    parts.push(`<h2 lang="${esc(terms.language)}">${esc(terms.indicatorsOfReport)}</h2>`);
    parts.push(`<ul>${indicators.map((i) => `<li><a href="${esc(href(path, indicatorPagePath(seriesOf(series, r, i.id).slug)))}">${esc(i.name)}</a></li>`).join('')}</ul>`);
  }
  return {
    path,
    title: r.report.title,
    trail: [{ label: terms.reports, path: SITE_PATHS.start }],
    body: parts.join('\n'),
    lang,
  };
}

/** The indicators of a report, in document order, each id once. */
export function indicatorsOf(report: Report): Indicator[] {
  const out = new Map<string, Indicator>();
  walkReport(report, { indicator: (i) => void (out.has(i.id) ? undefined : out.set(i.id, i)) });
  return [...out.values()];
}

/** One key figure across the site: its latest definition and the reports that have it. */
export interface IndicatorSeries {
  /** The key figure's page is `nyckeltal/<slug>/`: its id, with the kommunkod (a kommunalförbund's name) when the site holds several kommuner's reports with that id. */
  slug: string;
  id: string;
  indicator: Indicator;
  /** The report whose words and number formats are used (the latest that has the key figure). */
  latest: SiteReport;
  reports: SiteReport[];
}

/**
 * Whose key figures a report holds: its kommun, by kommunkod; a kommunalförbund by its own
 * name, since the kommunkod it gives is its seat's, whose own figures are another series.
 */
function figuresOf(report: Report): { key: string; suffix: string } {
  return report.level === 'forbund' ? { key: `forbund\0${report.body.name}`, suffix: slug(report.body.name) } : { key: report.municipality.code, suffix: report.municipality.code };
}

/** Every key figure of the site, one series per id and kommun (or kommunalförbund), each with the reports that have it (oldest first). */
export function indicatorSeries(reports: readonly SiteReport[]): IndicatorSeries[] {
  const byKey = new Map<string, { id: string; indicator: Indicator; reports: SiteReport[] }>();
  const ordered = [...reports].sort((a, b) => a.report.period.end.localeCompare(b.report.period.end) || a.report.id.localeCompare(b.report.id));
  for (const r of ordered) {
    for (const i of indicatorsOf(r.report)) {
      const key = `${i.id}\0${figuresOf(r.report).key}`;
      const entry = byKey.get(key) ?? { id: i.id, indicator: i, reports: [] };
      entry.indicator = i;
      entry.reports.push(r);
      byKey.set(key, entry);
    }
  }
  const kommuner = new Map<string, number>();
  for (const e of byKey.values()) kommuner.set(e.id, (kommuner.get(e.id) ?? 0) + 1);
  return [...byKey.values()]
    .map((e) => {
      const latest = e.reports[e.reports.length - 1]!;
      return { slug: kommuner.get(e.id)! > 1 ? `${e.id}-${figuresOf(latest.report).suffix}` : e.id, id: e.id, indicator: e.indicator, latest, reports: e.reports };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The page of a report's key figure. */
export function seriesOf(series: readonly IndicatorSeries[], r: SiteReport, id: string): IndicatorSeries {
  return series.find((s) => s.id === id && s.reports.includes(r))!;
}

/** The index of key figures. */
export function indicatorsPage(settings: SiteSettings, terms: SiteTerms, series: readonly IndicatorSeries[]): PageSpec {
  const path = SITE_PATHS.indicators;
  const items = series.map((s) => `<li><a href="${esc(href(path, indicatorPagePath(s.slug)))}"${s.latest.report.language !== terms.language ? ` lang="${esc(s.latest.report.language)}"` : ''}>${esc(s.indicator.name)}</a>${s.slug !== s.id ? ` (${esc(reportPublisher(s.latest.report))})` : ''}</li>`);
  return { path, title: terms.indicatorsPage, trail: [{ label: terms.reports, path: SITE_PATHS.start }], body: [`<p>${esc(terms.indicatorsIntro)}</p>`, `<ul>${items.join('')}</ul>`].join('\n') };
}

/** A key figure's page: one row per period, outcome and target, each comparison series, and the report each value comes from. */
export function indicatorPage(settings: SiteSettings, terms: SiteTerms, s: IndicatorSeries): PageSpec {
  const path = indicatorPagePath(s.slug);
  const v = s.latest.vocabulary;
  const f = s.latest.formatter;
  const unit = s.indicator.unit;
  const decimals = s.indicator.decimals !== undefined ? { decimals: s.indicator.decimals } : {};
  type Row = { key: string; year: number; outcome?: string; target?: string; comparisons: Map<string, string>; from: SiteReport };
  const rows = new Map<string, Row>();
  const comparisonLabels: string[] = [];
  // Later reports override earlier ones for the same period: the newest published value counts.
  for (const r of s.reports) {
    const ind = indicatorsOf(r.report).find((i) => i.id === s.id)!;
    const row = (key: string, year: number) => {
      const existing = rows.get(key);
      if (existing) {
        existing.from = r;
        return existing;
      }
      const made: Row = { key, year, comparisons: new Map(), from: r };
      rows.set(key, made);
      return made;
    };
    for (const value of ind.values) {
      const shown = value.total !== undefined ? f.value(value.total, unit, decimals) : value.missing !== undefined ? value.missing : terms.noValue;
      const target = row(value.period ?? String(value.year), value.year);
      if (value.kind === 'outcome') target.outcome = shown;
      else target.target = shown;
    }
    for (const c of ind.comparisons ?? []) {
      if (!comparisonLabels.includes(c.label)) comparisonLabels.push(c.label);
      for (const cv of c.values) row(String(cv.year), cv.year).comparisons.set(c.label, f.value(cv.total, unit, decimals));
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.year - b.year || a.key.localeCompare(b.key));
  const head = [terms.periodColumn, v.term('outcome'), v.term('target'), ...comparisonLabels, terms.reportColumn];
  const table = tableHtml(
    `serie-${s.slug}`,
    fill(terms.seriesCaption, { indicator: s.indicator.name, unit: v.unit(unit).long }),
    head,
    sorted.map((r) => ({
      header: esc(r.key),
      cells: [
        { html: esc(r.outcome ?? terms.noValue), num: true },
        { html: esc(r.target ?? terms.noValue), num: true },
        ...comparisonLabels.map((l) => ({ html: esc(r.comparisons.get(l) ?? terms.noValue), num: true })),
        { html: `<a href="${esc(href(path, reportPagePath(r.from)))}">${esc(r.from.report.title)}</a>` },
      ],
    })),
  );
  const about = [
    ...(s.indicator.description ? [`<p>${esc(s.indicator.description)}</p>`] : []),
    `<p>${esc(v.term(s.indicator.higherIsBetter ? 'higherIsBetter' : 'lowerIsBetter'))}.</p>`,
    ...(s.indicator.kolada ? [`<p>${esc(v.term('koladaId'))}: ${esc(s.indicator.kolada.id)}</p>`] : []),
  ];
  return {
    path,
    title: s.slug !== s.id ? `${s.indicator.name} (${reportPublisher(s.latest.report)})` : s.indicator.name,
    trail: [
      { label: terms.reports, path: SITE_PATHS.start },
      { label: terms.indicatorsPage, path: SITE_PATHS.indicators },
    ],
    body: [...about, table].join('\n'),
    lang: s.latest.report.language,
  };
}

/** How far the site complies, from the declared exceptions: none → fully; any not out of scope → partially. */
export function compliance(settings: SiteSettings): 'fully' | 'partially' | 'not' {
  const a = settings.accessibility;
  if (a === undefined) return 'not';
  const real = (a.exceptions ?? []).filter((e) => e.reason !== 'out-of-scope');
  return real.length === 0 ? 'fully' : 'partially';
}

/** The address of DIGG's form for reporting an inaccessible public web site. */
export const DIGG_REPORTING_FORM = 'https://www.digg.se/tdosanmalan';

/** The checks the project's tests run on each format the site publishes, by the file that format writes. */
const CHECKS: { file: string; term: keyof SiteTerms }[] = [
  { file: 'index.html', term: 'a11yCheckHtml' },
  { file: 'rapport.pdf', term: 'a11yCheckPdf' },
  { file: 'rapport.txt', term: 'a11yCheckText' },
  { file: 'rapport.docx', term: 'a11yCheckDocx' },
  { file: 'open-data/datapackage.json', term: 'a11yCheckOpenData' },
];

/** The tillgänglighetsredogörelse (accessibility statement), from the settings and the formats the site holds. */
export function accessibilityPage(settings: SiteSettings, terms: SiteTerms, formats: readonly string[], date: (iso: string) => string): PageSpec {
  const path = SITE_PATHS.accessibility;
  const a = settings.accessibility;
  const level = compliance(settings);
  const parts = [`<p>${esc(fill(terms.a11yIntro, { publisher: settings.publisher.name }))}</p>`, `<h2>${esc(terms.a11yCompliance)}</h2>`];
  parts.push(`<p>${esc(level === 'fully' ? terms.a11yFully : level === 'partially' ? terms.a11yPartially : terms.a11yNot)}</p>`);
  if (a === undefined) parts.push(`<p>${esc(terms.a11yMissing)}</p>`);
  parts.push(`<h2>${esc(terms.a11yNotAccessible)}</h2>`);
  const exceptions = a?.exceptions ?? [];
  if (exceptions.length === 0) parts.push(`<p>${esc(terms.a11yNoExceptions)}</p>`);
  else {
    const reason = { 'non-compliance': terms.a11yReasonNonCompliance, 'disproportionate-burden': terms.a11yReasonBurden, 'out-of-scope': terms.a11yReasonOutOfScope } as const;
    parts.push(
      `<ul>${exceptions
        .map((e) => `<li>${esc(e.what)} ${esc(e.why)}${e.reason ? ` ${esc(reason[e.reason])}` : ''}${e.criterion ? ` (${esc(terms.a11yCriterion)} ${esc(e.criterion)})` : ''}${e.fixBy ? ` ${esc(fill(terms.a11yFixBy, { date: date(e.fixBy) }))}` : ''}</li>`)
        .join('')}</ul>`,
    );
  }
  parts.push(`<h2>${esc(terms.a11yHowChecked)}</h2>`, `<p>${esc(terms.a11yChecksIntro)}</p>`);
  parts.push(`<ul>${[...CHECKS.filter((c) => formats.includes(c.file)).map((c) => terms[c.term]), terms.a11yCheckSite].map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`);
  if (a?.method) parts.push(`<p>${esc(fill(terms.a11yMethod, { method: a.method }))}</p>`);
  if (a) parts.push(`<p>${esc(fill(terms.a11yEvaluated, { date: date(a.evaluated) }))}${a.statementUpdated ? ` ${esc(fill(terms.a11yStatementUpdated, { date: date(a.statementUpdated) }))}` : ''}</p>`);
  parts.push(`<h2>${esc(terms.a11yFeedback)}</h2>`, `<p>${esc(terms.a11yFeedbackText)}</p>`);
  const contact = settings.contact;
  parts.push(`<ul>${a ? `<li><a href="${esc(a.feedback)}">${esc(a.feedback)}</a></li>` : ''}<li><a href="mailto:${esc(contact.email)}">${esc(contact.email)}</a></li>${contact.phone ? `<li>${esc(terms.phone)} ${esc(contact.phone)}</li>` : ''}</ul>`);
  parts.push(`<h2>${esc(terms.a11yEnforcement)}</h2>`, `<p>${esc(terms.a11yEnforcementText)}</p>`, `<p><a href="${DIGG_REPORTING_FORM}">${esc(terms.a11yDiggLink)}</a></p>`);
  return { path, title: terms.accessibility, trail: [{ label: terms.reports, path: SITE_PATHS.start }], body: parts.join('\n') };
}
