// The page's stylesheet: readable type in a column of --measure, tables that break out of
// that column up to the window's width (less its margins) and scroll inside their own
// region only when even that is too narrow, reflow down to 320 px, visible focus, and a
// print stylesheet for A4.
import { palette as p } from './palette.js';

/** The built-in stylesheet. */
export const stylesheet = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
:root{--measure:50rem}
body{container-type:inline-size;margin:0;background:${p.background};color:${p.text};font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;overflow-wrap:break-word;hyphens:auto}
header,nav,main,footer{max-width:var(--measure);margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem;border-bottom:1px solid ${p.rule}}
footer{margin-top:3rem;padding-bottom:2rem;border-top:1px solid ${p.rule};color:${p.muted}}
h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.75rem 0 .5rem}
h1{font-size:2rem;margin-top:.5rem}h2{font-size:1.6rem}h3{font-size:1.3rem}h4{font-size:1.15rem}h5,h6{font-size:1rem}
a{color:${p.link}}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid ${p.focus};outline-offset:2px}
.skip{position:absolute;left:.5rem;top:-10rem;background:${p.background};padding:.5rem 1rem;z-index:1}
.skip:focus{top:.5rem}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
nav ol{padding-left:1.25rem}nav li{margin:.2rem 0}
#other-formats{padding:0;margin:1rem 0}#other-formats h2{font-size:1.15rem;margin:0 0 .25rem}
#other-formats ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem}
.size{color:${p.muted}}
.csv{margin:-.5rem 0 1rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}
.facts>div{display:contents}
dt{font-weight:600}dd{margin:0}
.badge{display:inline-flex;gap:.35em;align-items:baseline}
.sym{font-weight:700;min-width:1em;text-align:center}
.tw{position:relative;overflow-x:auto;margin:1rem calc((min(var(--measure),100cqi) - 100cqi)/2);container-type:inline-size;display:grid;grid-template-columns:minmax(calc(100% - 100cqi + min(var(--measure),100cqi)),max-content);justify-content:safe center}
table{border-collapse:collapse}
caption{text-align:start;font-weight:600;padding:.25rem 0;position:sticky;left:0;max-width:100cqw}
th,td{text-align:start;vertical-align:top;padding:.3rem .6rem;border-bottom:1px solid ${p.rule}}
thead th{background:${p.shade};border-bottom:2px solid ${p.text};vertical-align:bottom}
tbody th{font-weight:400;position:sticky;left:0;background:${p.background}}
thead th:first-child{position:sticky;left:0}
.num{text-align:end;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
tr.em-subtotal>*{font-weight:600}
tr.em-total>*{font-weight:700;border-top:2px solid ${p.text}}
th.grp{text-align:center;border-bottom:1px solid ${p.text}}
tr.rowgroup>th{font-weight:700;padding-top:.7rem}
a.noteref{white-space:nowrap}
section[data-role="goal"],section[data-role="commitment"]{border-left:3px solid ${p.divider};padding-left:.75rem}
.note{font-size:.95rem;color:${p.muted}}
.fig{margin:1rem 0 1.5rem;max-width:26rem}
.fig svg{display:block;width:100%;height:auto}
figcaption p{margin:.25rem 0;font-size:.95rem}
.image{margin:1rem 0 1.5rem}
.image img{display:block;max-width:100%;height:auto}
.image figcaption{margin-top:.25rem;font-size:.95rem}
.key{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;margin:0;font-size:.95rem}
.key li{display:flex;align-items:center;gap:.4em;max-width:100%}
@media (max-width:30rem){.facts{grid-template-columns:1fr;gap:0}dd{margin-bottom:.5rem}h1{font-size:1.6rem}h2{font-size:1.4rem}}
@page{size:A4;margin:18mm 16mm}
@media print{
body{font-size:10.5pt}
nav,.skip,.csv{display:none}
header,main,footer{max-width:none;padding:0}
.tw{overflow:visible;margin-inline:0;display:block}
thead{display:table-header-group}
tr,.tw,.fig,.image,.facts>div,li{break-inside:avoid}
caption,thead{break-after:avoid}
h1,h2,h3,h4,h5,h6{break-after:avoid;break-inside:avoid}
a{color:inherit}
}
`.trim();

/**
 * The site's colours as CSS custom properties, set in one place: `--brand` (the primary
 * colour) for headings, `--accent` for the rules of header and footer. Only colours that
 * passed the contrast check (core's `siteColours`) are given.
 */
export function brandStyle(colours: { primary?: string; accent?: string }): string {
  const vars = [colours.primary ? `--brand:${colours.primary}` : '', colours.accent ? `--accent:${colours.accent}` : ''].filter(Boolean).join(';');
  return [
    `:root{${vars}}`,
    colours.primary ? 'h1,h2,h3,h4,h5,h6{color:var(--brand)}' : '',
    colours.accent ? 'header{border-bottom:.25rem solid var(--accent)}footer{border-top:.25rem solid var(--accent)}' : '',
    '.logo{display:block;max-height:4rem;max-width:100%;width:auto;height:auto}',
  ].join('');
}

/** Makes stylesheet text safe to place inside <style>: it cannot end the element. */
export function escapeStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
