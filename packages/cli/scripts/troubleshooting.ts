// Writes the "Felsökning / Troubleshooting" section of the root README from the catalogue
// of diagnostic codes, between the markers <!-- troubleshooting:start --> and
// <!-- troubleshooting:end -->; nothing outside them is touched. `--check` fails (exit 1)
// when the README is out of date. Run with `pnpm docs:troubleshooting`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_CODES, LIMITS, formatBytes, type DiagnosticInfo } from '@kommunrapport/model';

/** The markers the section is written between. */
export const START = '<!-- troubleshooting:start -->';
export const END = '<!-- troubleshooting:end -->';

/** The groups of the section, in the order a writer meets them, each with its codes. */
const GROUPS: { title: string; codes: string[] }[] = [
  { title: 'The file cannot be read', codes: ['file-unreadable', 'not-a-file', 'input-too-large', 'file-encoding', 'empty-file'] },
  { title: 'The YAML is broken', codes: ['yaml-syntax', 'yaml-tab-indent', 'yaml-duplicate-key', 'yaml-alias-limit', 'nesting-too-deep', 'too-many-values'] },
  { title: 'A key or value does not fit the model', codes: ['unknown-key', 'missing-field', 'invalid-type', 'invalid-value', 'control-character', 'invisible-character', 'unknown-scale-key', 'duplicate-id', 'unresolved-reference'] },
  {
    title: 'The figures do not agree',
    codes: ['sum-mismatch', 'difference-mismatch', 'gender-sum-mismatch', 'deviation-sum-mismatch', 'percent-out-of-range', 'unit-slip', 'figure-mismatch', 'missing-value-reason', 'value-and-missing', 'year-outside-period', 'date-outside-period'],
  },
];

/** The section's text (without the markers), generated from the catalogue. */
export function renderTroubleshooting(): string {
  const catalogue = DIAGNOSTIC_CODES as Record<string, DiagnosticInfo>;
  const listed = new Set(GROUPS.flatMap((g) => g.codes));
  const rest = Object.keys(catalogue).filter((c) => !listed.has(c));
  const groups = rest.length > 0 ? [...GROUPS, { title: 'Other findings', codes: rest }] : GROUPS;
  const lines: string[] = [
    '## Felsökning / Troubleshooting',
    '',
    '<!-- Generated from the catalogue in packages/model/src/diagnostics.ts by `pnpm docs:troubleshooting`; do not edit by hand. -->',
    '',
    '`kommunrapport validate rapport.yaml` prints each finding as `file:line:column  severity  code  path`,',
    'then what was expected, what was found and a hint. Exit codes: 0 valid, 1 errors (or warnings',
    'under `--strict`), 2 usage or I/O problem. The most common findings and their fixes:',
  ];
  for (const g of groups) {
    lines.push('', `### ${g.title}`, '', '| code | problem | fix |', '|---|---|---|');
    for (const code of g.codes) {
      const info = catalogue[code];
      if (!info) throw new Error(`troubleshooting: ${code} is not in the catalogue`);
      const cell = (s: string) => s.replace(/\|/g, '\\|');
      lines.push(`| \`${code}\` (${info.severity}) | **${cell(info.title)}.** ${cell(info.meaning)} | ${cell(info.fix)} |`);
    }
  }
  lines.push(
    '',
    `Limits of a report file: ${formatBytes(LIMITS.maxBytes)}, ${LIMITS.maxValues.toLocaleString('en').replace(/,/g, ' ')} keys and values, nesting ${LIMITS.maxDepth} levels deep, ${LIMITS.maxAliasCount.toLocaleString('en').replace(/,/g, ' ')} alias expansions, UTF-8 only (see packages/model/README.md, section Limits).`,
  );
  return lines.join('\n');
}

/** The README with the section replaced (markers appended at the end when missing). */
export function withTroubleshooting(readme: string): string {
  const section = `${START}\n${renderTroubleshooting()}\n${END}`;
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a === -1 || b === -1 || b < a) return `${readme.replace(/\n*$/, '\n')}\n${section}\n`;
  return readme.slice(0, a) + section + readme.slice(b + END.length);
}

/** The root README. */
export const readmePath = fileURLToPath(new URL('../../../README.md', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const current = readFileSync(readmePath, 'utf8');
  const next = withTroubleshooting(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      process.stderr.write('README.md: the troubleshooting section is out of date; run `pnpm docs:troubleshooting`.\n');
      process.exitCode = 1;
    }
  } else if (next !== current) {
    writeFileSync(readmePath, next);
    process.stdout.write('README.md: troubleshooting section written.\n');
  } else process.stdout.write('README.md: troubleshooting section up to date.\n');
}
