// Wires a new plugin into the workspace with ts-morph: finds the plugin names and formats
// in use, the CLI's registry of first-party plugins (a list or map that names the
// `@kommunrapport/plugin-*` packages, or imports them), and the tsconfig include or
// references that must cover the new folder. Each edit is the smallest one that fits
// the code as it stands, made in the registry's own style.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Node, Project, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import { camelCase, pascalCase } from './name.js';
import { packageName } from './templates.js';

const PLUGIN_PACKAGE = /^@kommunrapport\/plugin-([a-z0-9-]+)$/;

/** Folders where a registry of known plugins may live. */
export const REGISTRY_FOLDERS = ['packages/cli/src', 'packages/core/src'] as const;

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

/** A registry of plugins found in the code: the literal holding the entries. */
interface Registry {
  file: SourceFile;
  /** The array or object literal listing the plugins. */
  literal: Node;
  /** Names of the plugins it lists, in order. */
  names: string[];
}

const pluginOfString = (n: Node) => (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n) ? PLUGIN_PACKAGE.exec(n.getLiteralValue())?.[1] : undefined);

/** Unwraps `x as const`, `x satisfies T`, `Object.freeze(x)` and parentheses. */
function unwrap(node: Node): Node {
  if (Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isParenthesizedExpression(node)) return unwrap(node.getExpression());
  if (Node.isCallExpression(node) && node.getExpression().getText() === 'Object.freeze' && node.getArguments()[0]) return unwrap(node.getArguments()[0]!);
  return node;
}

/** The plugin an entry of a registry names: a package string anywhere in it, or an identifier imported from a plugin package. */
function pluginOfEntry(entry: Node, imports: Map<string, string>): string | undefined {
  if (Node.isIdentifier(entry)) return imports.get(entry.getText());
  if (Node.isShorthandPropertyAssignment(entry)) return imports.get(entry.getName());
  const direct = pluginOfString(entry);
  if (direct) return direct;
  for (const s of entry.getDescendants()) {
    const p = pluginOfString(s) ?? (Node.isIdentifier(s) ? imports.get(s.getText()) : undefined);
    if (p) return p;
  }
  return undefined;
}

/** Finds the registry: the array or object literal naming the most first-party plugins (at least two). */
export function findRegistry(project: Project): Registry | undefined {
  let best: Registry | undefined;
  for (const file of project.getSourceFiles()) {
    const imports = importedPlugins(file);
    for (const literal of [...file.getDescendantsOfKind(SyntaxKind.ArrayLiteralExpression), ...file.getDescendantsOfKind(SyntaxKind.ObjectLiteralExpression)]) {
      const entries = Node.isArrayLiteralExpression(literal) ? literal.getElements() : (literal as import('ts-morph').ObjectLiteralExpression).getProperties();
      const names = entries.map((e) => pluginOfEntry(e, imports)).filter((n): n is string => n !== undefined);
      // Entries must each name a plugin, and no outer literal that merely contains the registry counts.
      if (names.length < 2 || names.length !== entries.length || new Set(names).size !== names.length) continue;
      if (!best || names.length > best.names.length) best = { file, literal, names };
    }
  }
  return best;
}

/** Default or named imports from `@kommunrapport/plugin-*`: local name → plugin name. */
function importedPlugins(file: SourceFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const imp of file.getImportDeclarations()) {
    const m = PLUGIN_PACKAGE.exec(imp.getModuleSpecifierValue());
    if (!m) continue;
    const def = imp.getDefaultImport();
    if (def) out.set(def.getText(), m[1]!);
    for (const n of imp.getNamedImports()) out.set((n.getAliasNode() ?? n.getNameNode()).getText(), m[1]!);
  }
  return out;
}

/**
 * Replaces every spelling of plugin `from` by `to`'s in a piece of code: the package name,
 * quoted names (`'open-data'`), then identifiers (`OpenData`, `openData`).
 */
export function renameInCode(code: string, from: string, to: string): string {
  const pairs: [string, string][] = [
    [packageName(from), packageName(to)],
    [`'${from}'`, `'${to}'`],
    [`"${from}"`, `"${to}"`],
    [pascalCase(from), pascalCase(to)],
    [camelCase(from), camelCase(to)],
  ];
  if (from.includes('-')) pairs.push([from, to]);
  let out = code;
  for (const [a, b] of pairs) out = out.split(a).join(b);
  return out;
}

/**
 * Inserts `text` as a new entry after `entry` in its list, in the list's own layout: on a
 * new line with the same indentation when the list is written one entry per line (its
 * trailing comma kept), else after a comma and a space.
 */
function appendAfter(entry: Node, text: string): void {
  const file = entry.getSourceFile();
  const full = file.getFullText();
  const lineStart = full.lastIndexOf('\n', entry.getStart() - 1) + 1;
  const before = full.slice(lineStart, entry.getStart());
  const multiline = /^\s*$/.test(before);
  file.insertText(entry.getEnd(), multiline ? `,\n${before}${text}` : `, ${text}`);
}

/** An object key for a plugin name: bare when it is an identifier, else quoted. */
const keyFor = (name: string) => (/^[a-z][a-z0-9]*$/.test(name) ? name : `'${name}'`);

/**
 * Adds plugin `name` to the registry of known plugins in `REGISTRY_FOLDERS`, copying the
 * style of its last entry (and of that entry's import, if it is imported). Returns the
 * edits made; none when no registry exists or it lists the plugin already.
 */
export function registerPlugin(root: string, name: string): WorkspaceEdit[] {
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  for (const folder of REGISTRY_FOLDERS) if (existsSync(join(root, folder))) project.addSourceFilesAtPaths(join(root, folder, '**/*.ts'));
  const registry = findRegistry(project);
  if (!registry || registry.names.includes(name)) return [];
  const { file, literal, names } = registry;
  const last = names[names.length - 1]!;
  const imports = importedPlugins(file);
  const edits: WorkspaceEdit[] = [];
  const rel = relative(root, file.getFilePath());
  // Import the new plugin the way the last one is imported.
  const lastImport = file.getImportDeclarations().find((i) => i.getModuleSpecifierValue() === packageName(last));
  if (lastImport && [...imports.values()].includes(last)) {
    const index = lastImport.getChildIndex();
    file.insertStatements(index + 1, renameInCode(lastImport.getText(), last, name));
  }
  if (Node.isArrayLiteralExpression(literal)) {
    const lastEntry = literal.getElements()[literal.getElements().length - 1]!;
    appendAfter(lastEntry, renameInCode(lastEntry.getText(), last, name));
  } else if (Node.isObjectLiteralExpression(literal)) {
    const props = literal.getProperties();
    const lastProp = props[props.length - 1]!;
    // A key that is the plugin's name is written as the new name, quoted when needed.
    const text = Node.isPropertyAssignment(lastProp) && lastProp.getName().replace(/^['"]|['"]$/g, '') === last
      ? `${keyFor(name)}: ${renameInCode(lastProp.getInitializerOrThrow().getText(), last, name)}`
      : renameInCode(lastProp.getText(), last, name);
    appendAfter(lastProp, text);
  }
  file.saveSync();
  edits.push({ file: rel, what: `registered ${packageName(name)} in the list of known plugins` });
  // The registry's package must depend on the new plugin so that it resolves.
  const pkgDir = REGISTRY_FOLDERS.map((f) => f.replace(/\/src$/, '')).find((d) => file.getFilePath().startsWith(join(root, d) + '/'));
  if (pkgDir) {
    const pkgPath = join(root, pkgDir, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { dependencies?: Record<string, string> };
    if (pkg.dependencies && pkg.dependencies[packageName(last)] && !pkg.dependencies[packageName(name)]) {
      pkg.dependencies[packageName(name)] = 'workspace:*';
      writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
      edits.push({ file: `${pkgDir}/package.json`, what: `added the dependency ${packageName(name)}: workspace:*` });
    }
  }
  return edits;
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
