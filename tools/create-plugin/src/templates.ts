// The files of a new plugin package. The plugin works as generated: it writes the outline
// of a report (title and every heading, indented by level) as a text artifact, rendered
// from the core's DocumentModel, with options decoded by an io-ts codec with defaults.
import { camelCase, pascalCase } from './name.js';
import { VERSIONS } from './versions.js';

/** A file to write, relative to the new plugin's folder. */
export interface TemplateFile {
  path: string;
  contents: string;
}

/** What the templates need to know besides the name. */
export interface TemplateOptions {
  /** The io-ts version to depend on, e.g. `2.2.22`. */
  ioTsVersion: string;
  /**
   * `workspace`: `plugins/<name>/` inside this repository (workspace dependencies, the
   * shared rollup build). `standalone`: a package of its own in any folder, depending on
   * the released `@kommunrapport/core` and `@kommunrapport/model` by version, built with tsc.
   */
  mode?: 'workspace' | 'standalone';
}

/** Every file of a new plugin package, in a stable order. */
export function pluginFiles(name: string, options: TemplateOptions): TemplateFile[] {
  const mode = options.mode ?? 'workspace';
  const common = [
    { path: 'src/index.ts', contents: indexTs(name, mode) },
    { path: 'src/plugin.ts', contents: pluginTs(name) },
    { path: 'test/plugin.test.ts', contents: testTs(name) },
    { path: 'README.md', contents: readme(name, mode) },
  ];
  if (mode === 'standalone') {
    return [
      { path: 'package.json', contents: standalonePackageJson(name, options) },
      { path: 'tsconfig.json', contents: standaloneTsconfig() },
      { path: '.gitignore', contents: 'node_modules/\ndist/\nout/\n' },
      ...common,
    ];
  }
  return [{ path: 'package.json', contents: packageJson(name, options) }, { path: 'rollup.config.mjs', contents: rollupConfig() }, ...common];
}

/** The package name of a plugin: `@kommunrapport/plugin-<name>` inside this repository, `kommunrapport-plugin-<name>` outside it. */
export const packageName = (name: string, mode: 'workspace' | 'standalone' = 'workspace') => (mode === 'workspace' ? `@kommunrapport/plugin-${name}` : `kommunrapport-plugin-${name}`);

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

function standalonePackageJson(name: string, options: TemplateOptions): string {
  const pkg = {
    name: packageName(name, 'standalone'),
    version: '0.1.0',
    description: `The ${name} output format for kommunrapport: the outline of a report as text.`,
    license: 'UNLICENSED',
    type: 'module',
    keywords: ['kommunrapport', 'kommunrapport-plugin'],
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    files: ['dist'],
    engines: { node: '>=20.19' },
    scripts: { build: 'tsc -p tsconfig.json', test: 'vitest run', prepack: 'tsc -p tsconfig.json' },
    dependencies: { '@kommunrapport/core': `^${VERSIONS.core}`, '@kommunrapport/model': `^${VERSIONS.model}`, 'io-ts': options.ioTsVersion },
    devDependencies: { '@kommunrapport/cli': `^${VERSIONS.cli}`, '@types/node': VERSIONS.typesNode, typescript: VERSIONS.typescript, vitest: VERSIONS.vitest },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function standaloneTsconfig(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      declaration: true,
      rootDir: 'src',
      outDir: 'dist',
      skipLibCheck: true,
      types: ['node'],
    },
    include: ['src'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function rollupConfig(): string {
  return `import { createConfig } from '../../rollup.config.base.mjs';\n\nexport default createConfig(import.meta.url);\n`;
}

function indexTs(name: string, mode: 'workspace' | 'standalone'): string {
  return `// Public API of ${packageName(name, mode)}: the plugin as default export, its options and renderer.\nexport { default } from './plugin.js';\nexport * from './plugin.js';\n`;
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
  return `// The ${name} plugin on a real report: the sample report of @kommunrapport/core/testing,
// built with this plugin through the core's own pipeline (options decoded by the codec,
// the artifacts checked and written), exactly as \`kommunrapport build\` would.
import { describe, expect, it } from 'vitest';
import { buildDocument, createRenderContext, walkSections } from '@kommunrapport/core';
import { loadSampleReport, renderWith } from '@kommunrapport/core/testing';
import plugin, { ${P}Options } from '../src/index.js';

const report = loadSampleReport();
const ctx = createRenderContext(report, {});
const doc = buildDocument(report, ctx.vocabulary, ctx.format);
const sections = [...walkSections(doc.sections)];

describe('${name} plugin', () => {
  it('writes one text file: the title, then every heading in reading order', async () => {
    const out = await renderWith(plugin);
    expect(out.messages).toBe('');
    expect(out.files.map((f) => [f.path, f.mediaType])).toEqual([['${name}.txt', 'text/plain; charset=utf-8']]);
    const lines = out.text('${name}.txt').trimEnd().split('\\n');
    expect(lines[0]).toBe(doc.title);
    expect(lines.slice(1).map((l) => l.trim())).toEqual(sections.map((s) => s.title));
  });

  it('indents each heading by \`indent\` spaces per level below the top', async () => {
    const out = await renderWith(plugin, { options: { indent: 4 } });
    const lines = out.text('${name}.txt').split('\\n').slice(1);
    sections.forEach((s, i) => expect(lines[i]!.length - lines[i]!.trimStart().length).toBe((s.level - 2) * 4));
    expect(sections.some((s) => s.level > 2)).toBe(true);
  });

  it('writes the same bytes every time', async () => {
    expect((await renderWith(plugin)).files).toEqual((await renderWith(plugin)).files);
  });

  it('fills in defaults, and refuses bad or unknown options with their path', async () => {
    expect(${P}Options.decode(undefined)).toEqual({ _tag: 'Right', right: { file: '${name}.txt', indent: 2 } });
    const bad = await renderWith(plugin, { options: { indent: 'two', colour: true } });
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => d.path).sort()).toEqual(['options.${name}.colour', 'options.${name}.indent']);
  });
});
`;
}

function readme(name: string, mode: 'workspace' | 'standalone'): string {
  const P = pascalCase(name);
  const pkg = packageName(name, mode);
  const install = mode === 'workspace'
    ? `It is a package of the kommunrapport workspace: \`pnpm install\` links it. Build it with
\`pnpm --filter ${pkg} build\`.`
    : `\`\`\`sh
npm install ${pkg}          # next to your reports, or where you run kommunrapport
\`\`\`
While developing it: \`npm install\`, \`npm test\`, \`npm run build\` in this folder.`;
  const use = mode === 'workspace'
    ? `pnpm kommunrapport build examples/eskilstuna-ks-2022-delar2/rapport.yaml --plugin ./plugins/${name} --format ${name}`
    : `npx kommunrapport build rapport.yaml --plugin ${pkg} --format ${name}     # installed
npx kommunrapport build rapport.yaml --plugin ./${pkg} --format ${name}   # its folder`;
  return `# ${pkg}

## What it is
The \`${name}\` output format for kommunrapport: the outline of a report (its title and
every heading, indented by level) as a UTF-8 text file. It renders the core's
DocumentModel, so its headings match every other format. Generated by
\`create-plugin ${name}\`: change \`src/plugin.ts\` to make it yours.

## Install
${install}

## Use
\`\`\`sh
${use}
\`\`\`
Or name it in \`kommunrapport.config.yaml\` next to the reports:
\`\`\`yaml
plugins: [${mode === 'workspace' ? `../../plugins/${name}` : pkg}]
options:
  ${name}:
    indent: 4
\`\`\`
\`kommunrapport formats\` lists it with its options once it is named there.

## API
- default export: the plugin, \`definePlugin({ name: '${name}', formats: ['${name}'], options, render })\`.
- \`${P}Options\`: the options codec (io-ts, with defaults).
- \`render${P}(doc, { indent })\`: the outline text of a DocumentModel.

## Options
| option | default | meaning |
| --- | --- | --- |
| \`file\` | \`${name}.txt\` | the file written, relative to the report's output folder |
| \`indent\` | \`2\` | spaces of indentation per heading level below the top |

Give them in \`kommunrapport.config.yaml\` under \`options.${name}\`, or on the command line:
\`-O ${name}.indent=4\`.

## Errors
- Bad or unknown options fail with the core's \`plugin-options\` problem, naming
  \`options.${name}.<option>\`, what was expected and what was found.
- An error thrown in \`render\` is reported by the core as \`plugin-failed\` with the plugin
  name and the report; nothing is written.
`;
}
