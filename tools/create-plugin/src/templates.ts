// The files of a new plugin package. The plugin works as generated: it writes the outline
// of a report (title and every heading, indented by level) as a text artifact, rendered
// from the core's DocumentModel, with options decoded by an io-ts codec with defaults.
import { camelCase, pascalCase } from './name.js';

/** A file to write, relative to the new plugin's folder. */
export interface TemplateFile {
  path: string;
  contents: string;
}

/** What the templates need to know besides the name. */
export interface TemplateOptions {
  /** The io-ts version the workspace uses, e.g. `2.2.22`. */
  ioTsVersion: string;
}

/** Every file of `plugins/<name>/`, in a stable order. */
export function pluginFiles(name: string, options: TemplateOptions): TemplateFile[] {
  return [
    { path: 'package.json', contents: packageJson(name, options) },
    { path: 'rollup.config.mjs', contents: rollupConfig() },
    { path: 'src/index.ts', contents: indexTs(name) },
    { path: 'src/plugin.ts', contents: pluginTs(name) },
    { path: 'test/plugin.test.ts', contents: testTs(name) },
    { path: 'README.md', contents: readme(name) },
  ];
}

/** The package name of a plugin. */
export const packageName = (name: string) => `@kommunrapport/plugin-${name}`;

function packageJson(name: string, options: TemplateOptions): string {
  const pkg = {
    name: packageName(name),
    version: '0.1.0',
    description: `The ${name} output format for kommunrapport: the outline of a report as text.`,
    license: 'EUPL-1.2',
    type: 'module',
    exports: { '.': { '@kommunrapport/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' } },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    files: ['dist'],
    scripts: { build: 'rollup -c --silent' },
    dependencies: { '@kommunrapport/model': 'workspace:*', '@kommunrapport/core': 'workspace:*', 'io-ts': options.ioTsVersion },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function rollupConfig(): string {
  return `import { createConfig } from '../../rollup.config.base.mjs';\n\nexport default createConfig(import.meta.url);\n`;
}

function indexTs(name: string): string {
  return `// Public API of ${packageName(name)}: the plugin as default export, its options and renderer.\nexport { default } from './plugin.js';\nexport * from './plugin.js';\n`;
}

function pluginTs(name: string): string {
  const P = pascalCase(name);
  const c = camelCase(name);
  return `// The ${name} plugin: the outline of a report as plain text, the title and every heading
// indented by its level. It serialises the core's DocumentModel, so its headings are the
// same, in the same order, as in every other format; every word comes from the report
// or its governance vocabulary, never from this file.
import * as t from 'io-ts';
import { NonEmptyString, strict } from '@kommunrapport/model';
import { definePlugin, walkSections, withDefaults, type DocumentModel } from '@kommunrapport/core';

/** The options of the ${name} plugin; every option has a default, so none is required. */
export const ${P}Options = withDefaults(
  strict('${P}Options', 'Options of the ${name} plugin: the file to write and the indentation per heading level.', {}, {
    file: NonEmptyString,
    indent: t.number,
  }),
  { file: '${name}.txt', indent: 2 },
);
/** The decoded options, defaults filled in. */
export type ${P}Options = t.TypeOf<typeof ${P}Options>;

/** The outline of a document: its title, then each heading indented by \`indent\` spaces per level below the top. */
export function render${P}(doc: DocumentModel, options: Pick<${P}Options, 'indent'>): string {
  const lines = [doc.title];
  for (const section of walkSections(doc.sections)) {
    lines.push(\`\${' '.repeat(Math.max(0, section.level - 2) * options.indent)}\${section.title}\`);
  }
  return \`\${lines.join('\\n')}\\n\`;
}

/** The \`${name}\` format: one text file with the outline of the report. */
const ${c}Plugin = definePlugin({
  name: '${name}',
  formats: ['${name}'],
  options: ${P}Options,
  render(_report, ctx) {
    // ctx.document: the report's document, built once by the core for every writer.
    return [{ path: ctx.options.file, contents: render${P}(ctx.document, ctx.options), mediaType: 'text/plain; charset=utf-8' }];
  },
});

export default ${c}Plugin;
`;
}

function testTs(name: string): string {
  const P = pascalCase(name);
  return `// The ${name} plugin renders a real report: one text artifact whose lines are the title
// and every heading of the DocumentModel in reading order, indented by level.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadReport } from '@kommunrapport/model';
import { createRenderContext, decodeOptions, walkSections } from '@kommunrapport/core';
import plugin, { ${P}Options } from '../src/index.js';

const root = resolve(import.meta.dirname, '../../..');
// The bundled Eskilstuna example when present, else the model's small valid report.
const file = ['examples/eskilstuna-ks-2022-delar2/rapport.yaml', 'packages/model/test/fixtures/valid/minimal.yaml']
  .map((p) => join(root, p))
  .find((p) => existsSync(p))!;
const { report, diagnostics } = loadReport(readFileSync(file, 'utf8'), file);

async function render(raw: unknown = {}) {
  const decoded = decodeOptions(plugin, raw);
  expect(decoded.diagnostics).toEqual([]);
  return plugin.render(report!, createRenderContext(report!, decoded.value!));
}

describe('${name} plugin', () => {
  it('loads the example report without errors', () => {
    expect(report, JSON.stringify(diagnostics)).toBeDefined();
  });

  it('writes one text file with the title and every heading in reading order', async () => {
    const artifacts = await render();
    expect(artifacts.map((a) => [a.path, a.mediaType])).toEqual([['${name}.txt', 'text/plain; charset=utf-8']]);
    const lines = String(artifacts[0]!.contents).trimEnd().split('\\n');
    const sections = [...walkSections(createRenderContext(report!, {}).document.sections)];
    expect(sections.length).toBeGreaterThan(2);
    expect(lines[0]).toBe(report!.title);
    expect(lines.slice(1).map((l) => l.trim())).toEqual(sections.map((s) => s.title));
  });

  it('indents each heading by its level', async () => {
    const [artifact] = await render({ indent: 4 });
    const lines = String(artifact!.contents).split('\\n').slice(1);
    const sections = [...walkSections(createRenderContext(report!, {}).document.sections)];
    sections.forEach((s, i) => expect(lines[i]!.length - lines[i]!.trimStart().length).toBe((s.level - 2) * 4));
    expect(sections.some((s) => s.level > 2)).toBe(true);
  });

  it('is deterministic', async () => {
    expect(await render()).toEqual(await render());
  });

  it('fills in defaults and rejects bad or unknown options with the plugin named', () => {
    expect(${P}Options.decode(undefined)).toEqual({ _tag: 'Right', right: { file: '${name}.txt', indent: 2 } });
    const bad = decodeOptions(plugin, { indent: 'two', colour: true });
    expect(bad.value).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.plugin, d.path]).sort()).toEqual([['${name}', 'options.${name}.colour'], ['${name}', 'options.${name}.indent']]);
  });
});
`;
}

function readme(name: string): string {
  const P = pascalCase(name);
  return `# ${packageName(name)}

## What it is
The \`${name}\` output format for kommunrapport: the outline of a report (its title and
every heading, indented by level) as a UTF-8 text file. It renders the core's
DocumentModel, so its headings match every other format. Generated by
\`pnpm create-plugin ${name}\`: change \`src/plugin.ts\` to make it yours.

## Install
It is a workspace package: \`pnpm install\` links it. Elsewhere:
\`pnpm add ${packageName(name)}\`.

## Use
\`\`\`sh
pnpm --filter ${packageName(name)} build
pnpm kommunrapport build examples/eskilstuna-ks-2022-delar2/rapport.yaml --format ${name}
# or, without registering it: --plugin ./plugins/${name}/dist/index.js
\`\`\`

## API
- default export: the plugin, \`definePlugin({ name: '${name}', formats: ['${name}'], options, render })\`.
- \`${P}Options\`: the options codec (io-ts, with defaults).
- \`render${P}(doc, { indent })\`: the outline text of a DocumentModel.

## Options
| option | default | meaning |
| --- | --- | --- |
| \`file\` | \`${name}.txt\` | the file written, relative to the report's output folder |
| \`indent\` | \`2\` | spaces of indentation per heading level below the top |

Give them in \`kommunrapport.config.yaml\` under \`options.${name}\`.

## Errors
- Bad or unknown options fail with the core's \`plugin-options\` problem, naming
  \`options.${name}.<option>\`, what was expected and what was found.
- An error thrown in \`render\` is reported by the core as \`plugin-failed\` with the plugin
  name and the report; nothing is written.
`;
}
