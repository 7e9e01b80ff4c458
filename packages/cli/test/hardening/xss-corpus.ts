// The XSS corpus of the hardening tests: script payloads (tags, event handlers, javascript:
// and data: URLs, SVG and MathML tricks, broken markup, Unicode tricks, breaking out of
// style, CDATA and comments) and a report that places every payload in every kind of text
// field of the model. Each payload carries its marker (xss01 …) and, if it ever ran, would
// set `window.__xss` to it and open a dialog with it.
import { stringify } from 'yaml';

/** The JavaScript a payload tries to run: a global flag and a dialog, both naming the payload. */
const js = (m: string) => `window.__xss='${m}';alert('${m}')`;

const TEMPLATES: ((m: string) => string)[] = [
  (m) => `<script>${js(m)}</script>`,
  (m) => `<SCRIPT SRC=https://evil.example/${m}.js></SCRIPT>`,
  (m) => `<img src=x onerror="${js(m)}">`,
  (m) => `<svg onload="${js(m)}">`,
  (m) => `<svg><script>${js(m)}</script></svg>`,
  (m) => `<body onload="${js(m)}">`,
  (m) => `<iframe src="javascript:${js(m)}"></iframe>`,
  (m) => `<iframe srcdoc="<script>${js(m)}</script>"></iframe>`,
  (m) => `<a href="javascript:${js(m)}">klick ${m}</a>`,
  (m) => `[länk ${m}](javascript:${js(m)})`,
  (m) => `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data ${m}</a>`,
  (m) => `[data ${m}](data:text/html,<script>${js(m)}</script>)`,
  (m) => `<math><mtext><table><mglyph><style><img src=x onerror="${js(m)}">`,
  (m) => `<math href="javascript:${js(m)}">CLICK</math>`,
  (m) => `<svg><a xlink:href="javascript:${js(m)}"><text x="20" y="20">${m}</text></a></svg>`,
  (m) => `<object data="javascript:${js(m)}"></object>`,
  (m) => `<embed src="javascript:${js(m)}">`,
  (m) => `<details open ontoggle="${js(m)}">`,
  (m) => `<input autofocus onfocus="${js(m)}">`,
  (m) => `<video><source onerror="${js(m)}"></video>`,
  (m) => `<audio src=x onerror="${js(m)}">`,
  (m) => `<div style="background:url(javascript:${js(m)})">`,
  (m) => `<style>@import 'https://evil.example/${m}.css';</style>`,
  (m) => `</style><script>${js(m)}</script>`,
  (m) => `</title><script>${js(m)}</script>`,
  (m) => `</textarea><script>${js(m)}</script>`,
  (m) => `]]><script>${js(m)}</script>`,
  (m) => `--><script>${js(m)}</script><!--`,
  (m) => `<!--<script>${js(m)}</script>-->`,
  (m) => `"><script>${js(m)}</script>`,
  (m) => `'><img src=x onerror=${js(m)}>`,
  (m) => `" onmouseover="${js(m)}" x="`,
  (m) => `' onfocus='${js(m)}' autofocus='`,
  (m) => `<scr<script>ipt>${js(m)}</scr</script>ipt>`,
  (m) => `<<script>script>${js(m)}<</script>/script>`,
  (m) => `\u202e<script>${js(m)}</script>`,
  (m) => `<scr\u200bipt>${js(m)}</scr\u200bipt>`,
  (m) => `\ufeff<img src=x onerror="${js(m)}">`,
  (m) => `＜script＞${js(m)}＜/script＞`,
  (m) => `&lt;script&gt;${js(m)}&lt;/script&gt;`,
  (m) => `&#60;script&#62;${js(m)}&#60;/script&#62;`,
  (m) => `<img src=x onerror="&#119;indow.__xss='${m}'">`,
  (m) => `<a href="jav&#x09;ascript:${js(m)}">tab ${m}</a>`,
  (m) => `<a href=" javascript:${js(m)}">space ${m}</a>`,
  (m) => `<a href="JaVaScRiPt:${js(m)}">case ${m}</a>`,
  (m) => `<base href="javascript:${js(m)}//">`,
  (m) => `<meta http-equiv="refresh" content="0;url=javascript:${js(m)}">`,
  (m) => `<link rel="stylesheet" href="https://evil.example/${m}.css">`,
  (m) => `<form action="javascript:${js(m)}"><button>${m}</button></form>`,
  (m) => `{{constructor.constructor("${js(m)}")()}}`,
  (m) => `\${${js(m)}} \`\${${js(m)}}\``,
  (m) => `<noscript><p title="</noscript><img src=x onerror=${js(m)}>">`,
  (m) => `<svg><style><img src=x onerror="${js(m)}"></style></svg>`,
  (m) => `<template><script>${js(m)}</script></template>`,
  (m) => `<xmp><script>${js(m)}</script></xmp>`,
  (m) => `\u2028\u2029</script><script>${js(m)}</script>`,
  (m) => `javascript:${js(m)}`,
  (m) => `<img src="https://evil.example/${m}.png">`,
  (m) => `<svg><animate onbegin="${js(m)}" attributeName=x dur=1s>`,
  (m) => `<a href="vbscript:msgbox('${m}')">vb ${m}</a>`,
  (m) => `*<script>${js(m)}</script>* **[x](javascript:${js(m)})** \`<b>${m}</b>\``,
  (m) => `<p>trasig <b>markup <i ${m}<div onclick="${js(m)}"`,
  // Bidi controls and zero-width characters around and inside markup: the build removes
  // them, which must not join what they separated into live markup.
  (m) => `\u2066<img src=x onerror="${js(m)}">\u2069`,
  (m) => `\u202b"><script>${js(m)}</script>\u202c`,
  (m) => `<img src=x one\u200drror="${js(m)}">`,
  (m) => `<\u200bscript>${js(m)}</script>`,
  (m) => `\u061c<svg onload="${js(m)}">\u200f`,
  (m) => `[länk ${m}](java\u200bscript:${js(m)})`,
  (m) => `\u202e>tpircs/<${js(m)}>tpircs<`,
];

/** One payload: its marker and text. */
export interface Payload {
  marker: string;
  text: string;
}

/** Every payload of the corpus, numbered xss01 …. */
export const PAYLOADS: Payload[] = TEMPLATES.map((t, i) => {
  const marker = `xss${String(i + 1).padStart(2, '0')}`;
  return { marker, text: t(marker) };
});

/** Where payloads are placed, by kind of field, for the checks of each output. */
export interface Placement {
  /** Plain text fields: every output must carry these as the exact text. */
  plain: string[];
  /** Rich text written as Markdown (raw HTML stays literal text). */
  markdown: string[];
  /** Rich text written as `{ html }`: sanitised, so only non-execution is checked. */
  html: string[];
}

/**
 * A report that places every payload in every kind of text field (headings, rich text as
 * Markdown and as {html}, table labels, indicator names, organisation names, signatories,
 * governance words …); singletons (title, municipality, period label …) take one payload each.
 */
export function xssReport(): { yaml: string; kinds: Record<string, keyof Placement> } {
  const p = PAYLOADS.map((x) => x.text);
  const one = (i: number) => p[i % p.length]!;
  // An <img> in an {html} fragment is refused before any output (rich-text-unsupported, the
  // model's corpus case html-image), so in those fields an image payload keeps its
  // attributes and handlers on a <span>: what is checked there is that nothing runs.
  const html = (t: string) => ({ html: t.replace(/<img\b/gi, '<span') });
  const kinds: Record<string, keyof Placement> = {
    'title': 'plain', 'municipality.name': 'plain', 'body.name': 'plain', 'period.label': 'plain', 'caseNumber': 'plain',
    'office.name': 'plain', 'contact': 'plain', 'area.title': 'plain', 'area.body': 'markdown', 'goal.title': 'plain', 'goal.body': 'html',
    'indicator.name': 'plain', 'indicator.description': 'plain', 'commitment.title': 'plain', 'commitment.body': 'markdown',
    'organisation.name': 'plain', 'event.title': 'plain', 'event.body': 'markdown', 'signatory': 'plain', 'table.labels': 'plain',
    'table.note': 'markdown', 'text.section': 'plain', 'indicator.group': 'plain', 'control.item': 'plain', 'deviation.item': 'plain', 'decision': 'html',
  };
  const report = {
    id: '0999-xss-2022',
    kind: 'interim',
    title: `Delårsrapport ${one(0)}`,
    period: { year: 2022, label: one(2), start: '2022-01-01', end: '2022-08-31' },
    municipality: { name: one(3), code: '0999' },
    body: { name: one(30), abbreviation: 'KS' },
    language: 'sv',
    governance: { preset: 'eskilstuna', levels: { area: { singular: one(31), plural: one(32) } }, terms: { contents: one(33) } },
    office: { name: one(24), abbreviation: 'KLK' },
    caseNumber: one(25),
    date: '2022-09-15',
    // contact.email and contact.url must be addresses (the model refuses payloads there, see
    // plugins/open-data/test/iri.test.ts); the payload rides in the query, percent-encoded.
    contact: { name: one(29), email: 'kontakt@example.se', url: `https://example.se/?q=${encodeURIComponent(one(56)).replace(/'/g, '%27')}`, phone: one(35) },
    decision: {
      proposal: p.join('\n\n'),
      description: html(p.join('<br>')),
      office: one(26),
      signatories: p.map((t) => ({ name: t, role: t })),
      attachments: p,
      recipients: p,
    },
    organisations: {
      bodies: [{ abbreviation: 'KS', name: 'Kommunstyrelsen', kind: 'board' }, ...p.map((t, i) => ({ abbreviation: `ORG${i + 1}`, name: t, definite: t, kind: 'other' }))],
      groups: p.map((t, i) => ({ name: `grupp ${i + 1}`, description: t })),
    },
    summary: p.join('\n\n'),
    significantEvents: p.map((t, i) => ({ id: `handelse-${i + 1}`, title: t, body: i % 2 === 0 ? t : html(t) })),
    sections: [
      { id: 'sammanfattning', type: 'summary' },
      { id: 'oversikt', type: 'overview' },
      { id: 'teckenforklaring', type: 'legend' },
      {
        id: 'perspektiv',
        type: 'perspective',
        title: one(4),
        body: one(5),
        areas: p.map((t, i) => ({
          id: `omrade-${i + 1}`,
          title: t,
          assessment: 'partly',
          trend: 'better',
          body: t,
          goals: [
            {
              id: `mal-${i + 1}`,
              title: t,
              body: html(t),
              indicators: [
                { id: `ind-${i + 1}`, name: t, description: t, unit: 'count', higherIsBetter: true, values: [{ year: 2022, kind: 'outcome', total: i + 1 }] },
              ],
            },
          ],
          commitments: [{ id: `ata-${i + 1}`, title: t, responsible: [`ORG${i + 1}`, `grupp ${i + 1}`], status: 'done', completion: 'p100', body: t }],
        })),
      },
      {
        id: 'text',
        type: 'text',
        title: one(6),
        body: html(one(7)),
        sections: p.map((t, i) => ({ id: `text-${i + 1}`, type: 'text', title: t, body: t })),
      },
      { id: 'medarbetare', type: 'workforce', title: one(8), sickLeaveTitle: one(9), sickLeave: [{ year: 2022, total: 4.5, women: 5.5, men: 2.6 }] },
      { id: 'indikatorer', type: 'indicators', title: one(10), groups: p.map((t, i) => ({ title: t, body: t, indicators: [{ id: `grupp-ind-${i + 1}`, name: t, unit: 'percent', higherIsBetter: false, values: [{ year: 2022, kind: 'outcome', total: 1 }] }] })) },
      {
        id: 'ekonomi',
        type: 'finance',
        title: one(11),
        tables: p.map((t, i) => ({
          id: `tabell-${i + 1}`,
          title: t,
          unit: 'tkr',
          rowHeader: t,
          columns: [{ key: 'utfall', label: t, kind: 'outcome', year: 2022 }],
          rows: [{ id: 'rad', label: t, values: { utfall: 1000 + i } }],
          note: t,
        })),
      },
      { id: 'avvikelse', type: 'deviation', title: one(12), explanation: { id: 'avvikelse', unit: 'tkr', deviation: p.length, intro: one(13), items: p.map((t) => ({ label: t, amount: 1 })) } },
      { id: 'kontroll', type: 'internalControl', title: one(14), items: p.map((t) => ({ title: t, body: t, assessment: 'partly' })) },
    ],
  };
  return { yaml: stringify(report, { version: '1.2', lineWidth: 0 }), kinds };
}
