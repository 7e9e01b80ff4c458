// The layering of the workspace, read from the sources and the package manifests: arrows
// point one way, plugins → core → model and cli → core (+ the plugins it loads); no plugin
// imports another plugin; nothing imports the cli; tools only read the packages.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every workspace package: its folder, its name and what it may import of the workspace. */
interface Unit {
  dir: string;
  name: string;
  layer: 'model' | 'core' | 'plugin' | 'cli' | 'tool';
}

function units(): Unit[] {
  const out: Unit[] = [];
  for (const group of ['packages', 'plugins', 'tools']) {
    for (const d of readdirSync(join(ROOT, group)).sort()) {
      const pkg = join(ROOT, group, d, 'package.json');
      if (!existsSync(pkg)) continue;
      const name = JSON.parse(readFileSync(pkg, 'utf8')).name as string;
      const layer = group === 'plugins' ? 'plugin' : group === 'tools' ? 'tool' : (d as Unit['layer']);
      out.push({ dir: `${group}/${d}`, name, layer });
    }
  }
  return out;
}

/** The workspace packages each layer may import. */
const ALLOWED: Record<Unit['layer'], (name: string) => boolean> = {
  model: () => false,
  core: (n) => n === '@kommunrapport/model',
  plugin: (n) => n === '@kommunrapport/model' || n === '@kommunrapport/core',
  cli: (n) => n !== '@kommunrapport/cli',
  tool: (n) => n === '@kommunrapport/model' || n === '@kommunrapport/core',
};

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The module specifiers a source file imports or re-exports, statically or with import(). */
export function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

const workspaceName = (spec: string) => spec.match(/^(@kommunrapport\/[^/]+)/)?.[1];

describe('architecture', () => {
  const all = units();

  it('finds the packages it checks', () => {
    expect(all.map((u) => u.layer)).toEqual(expect.arrayContaining(['model', 'core', 'cli', 'plugin', 'tool']));
    expect(all.filter((u) => u.layer === 'plugin').length).toBeGreaterThanOrEqual(4);
    expect(specifiers(`import a from '@kommunrapport/core';\nexport { b } from "./b.js";\nimport './side.js';\nconst c = await import('@kommunrapport/plugin-html');`)).toEqual(['@kommunrapport/core', './b.js', './side.js', '@kommunrapport/plugin-html']);
  });

  it('sources import only the layers below them: plugins → core → model, cli → core and plugins, nothing imports cli', () => {
    const wrong: string[] = [];
    for (const u of all) {
      for (const file of sources(join(ROOT, u.dir, 'src'))) {
        for (const spec of specifiers(readFileSync(file, 'utf8'))) {
          const name = workspaceName(spec);
          if (name !== undefined && name !== u.name && !ALLOWED[u.layer](name)) wrong.push(`${relative(ROOT, file)} imports ${spec}`);
          // A relative import must stay inside its own package.
          if (spec.startsWith('.') && !resolve(dirname(file), spec).startsWith(join(ROOT, u.dir) + '/')) wrong.push(`${relative(ROOT, file)} reaches out of ${u.dir} with ${spec}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('package manifests depend only on the layers below them; no plugin depends on another plugin or on the cli', () => {
    const wrong: string[] = [];
    for (const u of all) {
      const pkg = JSON.parse(readFileSync(join(ROOT, u.dir, 'package.json'), 'utf8'));
      for (const name of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
        if (name.startsWith('@kommunrapport/') && name !== u.name && !ALLOWED[u.layer](name)) wrong.push(`${u.dir}/package.json depends on ${name}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('would catch a plugin importing another plugin', () => {
    const plugin = all.find((u) => u.layer === 'plugin')!;
    expect(ALLOWED[plugin.layer]('@kommunrapport/plugin-pdf')).toBe(false);
    expect(ALLOWED.core('@kommunrapport/plugin-html')).toBe(false);
    expect(ALLOWED.model('@kommunrapport/core')).toBe(false);
    expect(ALLOWED.tool('@kommunrapport/cli')).toBe(false);
  });
});
