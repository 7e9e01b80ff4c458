// The shell every page of a site shares: language, title, viewport, one stylesheet, skip
// link, header with the main navigation, breadcrumbs, main content and one footer (contact,
// accessibility statement, data catalogue). Pages are written as strings with every text
// escaped here; no input string is ever emitted as markup.
import { posix } from 'node:path';
import type { SiteSettings, SiteTerms } from '@kommunrapport/model';

/** Escapes text for element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Fills `{name}` placeholders of a site term. */
export function fill(term: string, vars: Record<string, string>): string {
  return term.replace(/\{(\w+)\}/g, (all, key: string) => vars[key] ?? all);
}

/** The href from the page at `from` to the file at `to` (both site-relative POSIX paths). */
export function href(from: string, to: string): string {
  const rel = posix.relative(posix.dirname(from), to);
  return rel === '' ? posix.basename(to) : rel;
}

/** Where the site keeps its logo: `logo.<ext>` at its root. */
export const logoPath = (file: string) => `logo${posix.extname(file).toLowerCase()}`;

/** The fixed addresses of a site's own pages. */
export const SITE_PATHS = {
  start: 'index.html',
  indicators: 'nyckeltal/index.html',
  accessibility: 'tillganglighet/index.html',
  catalogueRdf: 'catalog.rdf',
  catalogueJsonLd: 'catalog.jsonld',
} as const;

/** What the shell needs to know about the whole site. */
export interface SiteFrame {
  settings: SiteSettings;
  terms: SiteTerms;
  /** Whether catalog.rdf and catalog.jsonld are part of the site. */
  catalogue: boolean;
}

/** One page: where it lives, its title, the trail of pages above it and its content. */
export interface PageSpec {
  path: string;
  title: string;
  /** The pages above this one, from the start page down (label and path). */
  trail: { label: string; path: string }[];
  /** The inner HTML of `<main>` (after the h1, which the shell writes). */
  body: string;
  /** The page's language when it differs from the site's (a report's own page). */
  lang?: string;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;line-height:1.5;color:#1f2328;background:#fff;overflow-wrap:break-word}
a{color:var(--primary)}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem;z-index:2}
.skip:focus{left:.5rem}
header{border-bottom:4px solid var(--primary);padding:.75rem 1rem}
header .site{font-size:1.25rem;font-weight:700;text-decoration:none;color:#1f2328}
header .site img{max-height:2.5rem;vertical-align:middle;margin-right:.5rem}
nav ul,nav ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
header nav{margin-top:.5rem}
.crumbs{padding:.5rem 1rem;font-size:.95rem}
.crumbs li+li::before{content:"›";margin-right:.5rem;color:#57606a}
main{padding:0 1rem 2rem}
main p,main li,main dl{max-width:72ch}
h1{font-size:1.75rem;line-height:1.25}
.tw{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5rem 0 1rem}
caption{text-align:start;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #8c959f;padding:.25rem .5rem;vertical-align:top;text-align:start}
td.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:700}
dd{margin:0}
footer{border-top:1px solid #8c959f;padding:1rem;background:#f6f8fa}
footer ul{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}h1{font-size:1.4rem}}
@media print{header nav,.crumbs,.skip{display:none}}
`.trim();

/** The primary colour of the site's links and rules: the settings' own, or a dark blue that passes contrast on white. */
function primary(settings: SiteSettings): string {
  return settings.colours?.primary ?? '#0b4f8a';
}

/** A whole page. */
export function renderPage(frame: SiteFrame, page: PageSpec): string {
  const { settings, terms } = frame;
  const to = (path: string) => esc(href(page.path, path));
  const siteTitle = settings.title ?? settings.publisher.name;
  const crumbs = [...page.trail, { label: page.title, path: page.path }];
  const nav = [
    { label: terms.reports, path: SITE_PATHS.start },
    { label: terms.indicatorsPage, path: SITE_PATHS.indicators },
    { label: terms.accessibility, path: SITE_PATHS.accessibility },
  ];
  const contact = settings.contact;
  const footerLinks = [
    `<li><a href="${to(SITE_PATHS.accessibility)}">${esc(terms.accessibility)}</a></li>`,
    ...(frame.catalogue
      ? [`<li><a href="${to(SITE_PATHS.catalogueRdf)}" type="application/rdf+xml">${esc(terms.catalogueRdf)}</a></li>`, `<li><a href="${to(SITE_PATHS.catalogueJsonLd)}" type="application/ld+json">${esc(terms.catalogueJsonLd)}</a></li>`]
      : []),
  ];
  const logo = settings.logo ? `<img src="${to(logoPath(settings.logo.file))}" alt="${esc(settings.logo.alt)}">` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(terms.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(page.title === siteTitle ? siteTitle : `${page.title} – ${siteTitle}`)}</title>`,
    `<style>:root{--primary:${primary(settings)}}\n${STYLE}</style>`,
    '</head>',
    '<body>',
    `<a class="skip" href="#main">${esc(terms.skipToContent)}</a>`,
    '<header>',
    `<a class="site" href="${to(SITE_PATHS.start)}">${logo}${esc(siteTitle)}</a>`,
    `<nav aria-label="${esc(terms.mainNavigation)}"><ul>${nav.map((n) => `<li><a href="${to(n.path)}"${n.path === page.path ? ' aria-current="page"' : ''}>${esc(n.label)}</a></li>`).join('')}</ul></nav>`,
    '</header>',
    `<nav class="crumbs" aria-label="${esc(terms.breadcrumbs)}"><ol>${crumbs.map((c, i) => (i === crumbs.length - 1 ? `<li><a href="${to(c.path)}" aria-current="page">${esc(c.label)}</a></li>` : `<li><a href="${to(c.path)}">${esc(c.label)}</a></li>`)).join('')}</ol></nav>`,
    `<main id="main" tabindex="-1"${page.lang !== undefined && page.lang !== terms.language ? ` lang="${esc(page.lang)}"` : ''}>`,
    `<h1>${esc(page.title)}</h1>`,
    page.body,
    '</main>',
    '<footer>',
    `<p>${esc(fill(terms.publishedBy, { publisher: settings.publisher.name, number: settings.publisher.organisationNumber }))}</p>`,
    `<p>${esc(terms.contact)}: ${esc(contact.name)}, ${esc(terms.email)} <a href="mailto:${esc(contact.email)}">${esc(contact.email)}</a>${contact.phone ? `, ${esc(terms.phone)} ${esc(contact.phone)}` : ''}</p>`,
    `<ul>${footerLinks.join('')}</ul>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A table in a scrollable, keyboard-reachable region labelled by its caption. */
export function tableHtml(id: string, caption: string, head: string[], rows: { header: string; cells: { html: string; num?: boolean }[] }[]): string {
  return [
    `<div class="tw" role="region" tabindex="0" aria-labelledby="${esc(id)}-caption">`,
    `<table id="${esc(id)}"><caption id="${esc(id)}-caption">${esc(caption)}</caption>`,
    `<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr><th scope="row">${r.header}</th>${r.cells.map((c) => `<td${c.num ? ' class="num"' : ''}>${c.html}</td>`).join('')}</tr>`).join('')}</tbody>`,
    '</table></div>',
  ].join('');
}
