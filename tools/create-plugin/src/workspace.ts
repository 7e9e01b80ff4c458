// The workspace around a new plugin: the plugin names and formats in use (read with
// ts-morph, so a new plugin cannot take a format another declares) and the tsconfig
// include or references that must cover the new folder. The CLI is never edited: it finds
// plugins named with --plugin or in kommunrapport.config.yaml.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Node, Project, SyntaxKind, ts } from 'ts-morph';

/** The plugin folder names and the format names declared by plugins (`formats: ['html']`). */
export function namesInUse(root: string): string[] {
  const dir = join(root, 'plugins');
  if (!existsSync(dir)) return [];
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const project = new Project({ useInMemoryFileSystem: true });
  const formats: string[] = [];
  for (const folder of folders) {
    const src = join(dir, folder, 'src');
    if (!existsSync(src)) continue;
    for (const f of readdirSync(src).filter((x) => x.endsWith('.ts'))) {
      const sf = project.createSourceFile(`/${folder}/${f}`, readFileSync(join(src, f), 'utf8'), { overwrite: true });
      for (const p of sf.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) {
        const init = p.getInitializer();
        if (p.getName() === 'formats' && init && Node.isArrayLiteralExpression(init))
          for (const e of init.getElements()) if (Node.isStringLiteral(e)) formats.push(e.getLiteralValue());
      }
    }
  }
  return [...new Set([...folders, ...formats])].sort();
}

/** One change made to the workspace, for the summary. */
export interface WorkspaceEdit {
  file: string;
  what: string;
}

/** Whether a tsconfig glob (`plugins/*\/src`) matches a folder path. */
export function globMatches(glob: string, path: string): boolean {
  const re = glob
    .replace(/\/+$/, '')
    .split('/')
    .map((seg) => (seg === '**' ? '.*' : seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
    .join('/');
  return new RegExp(`^${re}(/.*)?$`).test(path);
}

/**
 * Makes the root tsconfig.json cover the new plugin: adds `plugins/<name>/src` and `/test`
 * to `include` unless a glob covers them already, and a project reference when the config
 * uses `references`. Returns the edits made (none when the globs cover it).
 */
export function updateTsconfig(root: string, name: string): WorkspaceEdit[] {
  const path = join(root, 'tsconfig.json');
  if (!existsSync(path)) return [];
  const parsed = ts.parseConfigFileTextToJson(path, readFileSync(path, 'utf8'));
  if (parsed.error) throw new Error(`tsconfig.json cannot be read: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  const config = parsed.config as { include?: string[]; references?: { path: string }[] };
  const edits: WorkspaceEdit[] = [];
  const folders = [`plugins/${name}/src`, `plugins/${name}/test`];
  if (config.include) {
    const missing = folders.filter((f) => !config.include!.some((g) => globMatches(g, f)));
    if (missing.length > 0) {
      config.include.push(...missing);
      edits.push({ file: 'tsconfig.json', what: `added ${missing.join(' and ')} to include` });
    }
  }
  if (config.references && !config.references.some((r) => r.path.replace(/\/$/, '') === `plugins/${name}`)) {
    config.references.push({ path: `plugins/${name}` });
    edits.push({ file: 'tsconfig.json', what: `added the reference plugins/${name}` });
  }
  if (edits.length > 0) writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return edits;
}
