// Rules for a new plugin's name: it becomes a folder (plugins/<name>), a package
// (@kommunrapport/plugin-<name>), a format name (--format <name>) and part of identifiers.

/** Names a plugin may not take: words of the workspace and of JavaScript. */
export const RESERVED_NAMES: readonly string[] = [
  'all', 'api-report', 'bin', 'build', 'cli', 'core', 'create-plugin', 'default', 'dist', 'docs', 'examples', 'index',
  'init', 'kommunrapport', 'model', 'node-modules', 'none', 'plugin', 'plugins', 'preview', 'src', 'test', 'tools', 'validate',
  // JavaScript reserved words (the name becomes part of identifiers and module paths).
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch',
  'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'await',
];

/** The longest name accepted. */
export const MAX_NAME_LENGTH = 40;

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Why `name` cannot be a new plugin's name (expected, found, hint in one sentence), or
 * undefined when it can. `existing` lists the plugin folder names and format names in use.
 */
export function nameProblem(name: string, existing: readonly string[] = []): string | undefined {
  const found = JSON.stringify(name);
  if (name === '') return 'A plugin name is required, e.g. `pnpm create-plugin outline`.';
  if (!KEBAB.test(name)) {
    const suggestion = name.trim().replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[0-9-]+/, '');
    return `Expected a lowercase kebab-case name (a–z, 0–9 and single hyphens, starting with a letter), found ${found}.${suggestion && KEBAB.test(suggestion) ? ` Try "${suggestion}".` : ''}`;
  }
  if (name.length > MAX_NAME_LENGTH) return `Expected at most ${MAX_NAME_LENGTH} characters, found ${name.length} in ${found}. Choose a shorter name.`;
  if (name.startsWith('plugin-')) return `Expected the name without the "plugin-" prefix, found ${found}: the package is named @kommunrapport/plugin-<name> already. Try "${name.slice(7)}".`;
  if (RESERVED_NAMES.includes(name)) return `${found} is a reserved word of the workspace or of JavaScript. Choose another name, e.g. "${name}-export".`;
  if (existing.includes(name)) return `A plugin or format named ${found} exists already (plugins/${name} or a format of another plugin). Choose another name.`;
  return undefined;
}

/** `my-format` → `MyFormat`. */
export const pascalCase = (name: string) => name.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** `my-format` → `myFormat`. */
export const camelCase = (name: string) => {
  const p = pascalCase(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
};
