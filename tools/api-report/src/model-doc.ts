// Reads the model's codecs with ts-morph and writes the model reference (docs/model.md):
// every `strict(name, description, required, optional)` codec with its fields, and every
// other exported codec (ids, units, unions) as a value type. The Swedish term of a type
// is the first parenthesised words of the doc comment of the exported const or type of
// the same name, e.g. "A goal (processmål, inriktningsmål, nämndmål)", as GLOSSARY.md
// pairs them; where that comment has none, the codec's own description is used.
import { Node, SyntaxKind, type CallExpression, type Expression, type Project, type SourceFile } from 'ts-morph';
import { basename } from 'node:path';

/** A field of a strict codec. */
export interface FieldDoc {
  name: string;
  /** The field's type in words, Markdown links to other codecs included. */
  type: string;
  required: boolean;
}

/** A strict object codec of the model. */
export interface CodecDoc {
  /** The codec's name (the first argument of `strict`). */
  name: string;
  /** The codec's description (the second argument of `strict`). */
  description: string;
  /** The doc comment of the exported const or type of the same name, if any. */
  docComment?: string;
  /** The Swedish term, e.g. `processmål, inriktningsmål, nämndmål`. */
  swedish?: string;
  /** The module that declares it, e.g. `content.ts`. */
  module: string;
  fields: FieldDoc[];
}

/** An exported codec that is not a strict object: an id, a unit, a union of sections. */
export interface ValueTypeDoc {
  name: string;
  docComment?: string;
  swedish?: string;
  module: string;
  /** What values it takes, in words, when that can be read from the code. */
  type: string;
}

/** The model as documented. */
export interface ModelDoc {
  codecs: CodecDoc[];
  valueTypes: ValueTypeDoc[];
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The anchor GitHub gives a heading made of a type name. */
export const anchor = (name: string) => `#${name.toLowerCase()}`;

/** The first parenthesised words of a text, unless they are an example or code. */
export function swedishTerm(text: string | undefined): string | undefined {
  if (!text) return undefined;
  for (const m of text.matchAll(/\(([^()]+)\)/g)) {
    const inner = m[1]!.trim();
    if (/^(e\.g\.|i\.e\.|see |default)/i.test(inner) || /[`=/"]|\d/.test(inner)) continue;
    // English words mean an explanation in brackets, not a term.
    if (/\b(the|when|a|an|is|as|by|of|with|from|to|after|before)\b/i.test(inner)) continue;
    return inner;
  }
  return undefined;
}

/**
 * Reads the glossary table (`| Swedish | English name in code | meaning |`) into a map from
 * each English name to its Swedish term. Where both cells list the same number of names
 * (`decision, proposal` ↔ `tjänsteskrivelse, förslag till beslut`) they pair by position.
 */
export function parseGlossary(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  const strip = (x: string) => x.replace(/\([^)]*\)/g, '').trim();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length < 2 || /^-+$/.test(cells[0]!) || cells[1] === 'English name in code') continue;
    const swedish = strip(cells[0]!).split(/\s*[,/]\s*/).filter(Boolean);
    const english = strip(cells[1]!).replace(/^[^:]*:/, (m) => (/^[a-z]+:$/i.test(m.replace(/\s/g, '')) ? '' : m)).split(/\s*[,/]\s*/).map((e) => e.trim());
    english.forEach((name, i) => {
      if (!/^[A-Za-z]+$/.test(name) || out.has(name)) return;
      out.set(name, swedish.length === english.length ? swedish[i]! : swedish.join(', '));
    });
  }
  return out;
}

function stringArg(call: CallExpression, index: number): string | undefined {
  const arg = call.getArguments()[index];
  if (arg && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg))) return arg.getLiteralValue();
  return undefined;
}

const calleeName = (call: CallExpression) => call.getExpression().getText();

/** Whether a call is `strict('Name', 'description', …)`. */
const isStrictCall = (node: Node): node is CallExpression =>
  Node.isCallExpression(node) && calleeName(node) === 'strict' && stringArg(node, 0) !== undefined;

/** The JSDoc text of a declaration's statement (description only). */
function docOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const holder = Node.isVariableDeclaration(node) ? node.getVariableStatement() : node;
  if (!holder || !Node.isJSDocable(holder)) return undefined;
  const text = holder.getJsDocs().map((d) => d.getDescription().trim()).filter(Boolean).join('\n\n');
  return text ? text.replace(/\s*\n\s*/g, ' ') : undefined;
}

/**
 * Reads the model's codecs from the given source files of `project`. The Swedish term of
 * a type comes from its doc comment, else its description, else `glossary` (English name
 * in code → Swedish, see {@link parseGlossary}) looked up by the type's name.
 */
export function extractModel(project: Project, files: readonly SourceFile[], glossary: ReadonlyMap<string, string> = new Map()): ModelDoc {
  const fromGlossary = (name: string) => glossary.get(name.charAt(0).toLowerCase() + name.slice(1));
  // Exported declarations by name, for doc comments and links.
  const consts = new Map<string, Node>();
  const types = new Map<string, Node>();
  for (const f of files) {
    for (const v of f.getVariableDeclarations()) if (v.isExported()) consts.set(v.getName(), v);
    for (const i of f.getInterfaces()) if (i.isExported()) types.set(i.getName(), i);
    for (const a of f.getTypeAliases()) if (a.isExported()) types.set(a.getName(), a);
  }
  const strictCalls = files.flatMap((f) => f.getDescendantsOfKind(SyntaxKind.CallExpression).filter(isStrictCall));
  const strictNames = new Set(strictCalls.map((c) => stringArg(c, 0)!));
  const docOfName = (name: string) => docOf(consts.get(name)) ?? docOf(types.get(name));
  const link = (name: string) => `[${name}](${anchor(name)})`;
  const valueNames = new Set<string>();

  let depth = 0;
  const describe = (expr: Node): string => {
    if (Node.isParenthesizedExpression(expr) || Node.isAsExpression(expr)) return describe(expr.getExpression());
    if (Node.isIdentifier(expr)) {
      const name = expr.getText();
      if (strictNames.has(name) || valueNames.has(name)) return link(name);
      // A value and a type may share the name (a codec and an imported type): take the value.
      const symbol = expr.getSymbol();
      const decl = [...(symbol?.getDeclarations() ?? []), ...(symbol?.getAliasedSymbol()?.getDeclarations() ?? [])].find((d) => Node.isVariableDeclaration(d));
      if (decl && Node.isVariableDeclaration(decl)) {
        const init = decl.getInitializer();
        if (init && Node.isCallExpression(init) && isStrictCall(init)) return link(stringArg(init, 0)!);
        // A module-private codec has no section of its own: say what it accepts in place.
        if (init && !decl.isExported() && depth < 4) {
          depth++;
          try {
            return describe(init);
          } finally {
            depth--;
          }
        }
      }
      return `\`${name}\``;
    }
    if (Node.isPropertyAccessExpression(expr)) {
      const simple: Record<string, string> = { 't.string': 'string', 't.number': 'number', 't.boolean': 'boolean', 't.null': 'null', 't.unknown': 'any value' };
      return simple[expr.getText()] ?? `\`${expr.getText()}\``;
    }
    if (Node.isCallExpression(expr)) {
      const callee = calleeName(expr);
      const args = expr.getArguments();
      if (isStrictCall(expr)) return link(stringArg(expr, 0)!);
      if (callee === 't.array' && args[0]) return `list of ${describe(args[0])}`;
      if (callee === 't.literal' && args[0]) return `\`${args[0].getText().replace(/^'|'$/g, '"')}\``;
      if (callee === 'literal' && args[0]) return `\`${args[0].getText().replace(/^'|'$/g, '"')}\``;
      if (callee === 'nullable' && args[0]) return `${describe(args[0])} or null`;
      if (callee === 't.keyof' && args[0] && Node.isObjectLiteralExpression(args[0]))
        return `one of ${args[0].getProperties().map((p) => `\`${(Node.isPropertyAssignment(p) ? p.getName() : p.getText()).replace(/^'|'$/g, '')}\``).join(', ')}`;
      if (callee === 't.union' && args[0] && Node.isArrayLiteralExpression(args[0])) return args[0].getElements().map(describe).join(' or ');
      if (callee === 't.tuple' && args[0] && Node.isArrayLiteralExpression(args[0])) return `pair of ${args[0].getElements().map(describe).join(' and ')}`;
      if (callee === 't.record' && args[1]) return `map from ${describe(args[0]!)} to ${describe(args[1])}`;
      if ((callee === 't.recursion' || callee === 'taggedUnion') && args[0]) {
        const name = Node.isStringLiteral(args[0]) ? args[0].getLiteralValue() : undefined;
        if (name && (strictNames.has(name) || valueNames.has(name))) return link(name);
      }
    }
    return `\`${expr.getText().replace(/\s+/g, ' ')}\``;
  };

  // Fields of an object argument: literal props (spreads of local consts expanded), else the checker's view.
  const fieldsOf = (arg: Node | undefined, required: boolean): FieldDoc[] => {
    if (!arg) return [];
    if (Node.isObjectLiteralExpression(arg)) {
      const out: FieldDoc[] = [];
      for (const p of arg.getProperties()) {
        if (Node.isPropertyAssignment(p)) out.push({ name: p.getName().replace(/^'|'$/g, ''), type: describe(p.getInitializerOrThrow()), required });
        else if (Node.isShorthandPropertyAssignment(p)) out.push({ name: p.getName(), type: describe(p.getNameNode()), required });
        else if (Node.isSpreadAssignment(p)) {
          const target = p.getExpression();
          const decl = Node.isIdentifier(target) ? target.getSymbol()?.getDeclarations()[0] : undefined;
          const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
          out.push(...fieldsOf(init, required));
        }
      }
      return out;
    }
    if (Node.isIdentifier(arg)) {
      const decl = arg.getSymbol()?.getDeclarations()[0];
      const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
      if (init) return fieldsOf(init, required);
    }
    // Computed shapes (e.g. one string per term key): read the names and types from the checker.
    const props = [...arg.getType().getProperties()].sort((a, b) => (a.getName() < b.getName() ? -1 : a.getName() > b.getName() ? 1 : 0));
    return props.map((prop) => {
      const text = prop.getTypeAtLocation(arg).getText(arg);
      const word = /StringC$/.test(text) ? 'string' : /NumberC$/.test(text) ? 'number' : /BooleanC$/.test(text) ? 'boolean' : `\`${text}\``;
      return { name: prop.getName(), type: word, required };
    });
  };

  // Value types: exported codecs that are not strict objects (ids, units, unions).
  const valueTypes: ValueTypeDoc[] = [];
  for (const [name, decl] of consts) {
    if (strictNames.has(name) || !Node.isVariableDeclaration(decl)) continue;
    const type = decl.getType();
    if (!type.getProperty('decode') || !type.getProperty('encode') || !type.getProperty('is')) continue;
    valueNames.add(name);
  }
  for (const name of valueNames) {
    const decl = consts.get(name) as import('ts-morph').VariableDeclaration;
    const init = decl.getInitializer();
    let type = '';
    if (init && Node.isCallExpression(init)) {
      const callee = calleeName(init);
      let inner: Node = init;
      if (callee === 't.recursion') {
        const fn = init.getArguments()[1];
        const body = fn && Node.isArrowFunction(fn) ? fn.getBody() : undefined;
        if (body && Node.isCallExpression(body)) inner = body;
      }
      if (Node.isCallExpression(inner) && calleeName(inner) === 'taggedUnion') {
        const tag = stringArg(inner, 1);
        const members = inner.getArguments()[2];
        if (tag && members && Node.isObjectLiteralExpression(members))
          type = `chosen by \`${tag}\`: ${members.getProperties().map((p) => `\`${Node.isPropertyAssignment(p) ? p.getName() : p.getText()}\` → ${Node.isPropertyAssignment(p) ? describe(p.getInitializerOrThrow()) : ''}`).join(', ')}`;
      } else if (callee === 'pattern') {
        type = `string: ${stringArg(init, 0) ?? ''}`;
      } else if (callee !== 't.recursion') {
        type = describe(init);
        if (type === link(name)) type = '';
      }
    } else if (init && Node.isNewExpression(init)) {
      const first = init.getArguments()[0];
      if (first && Node.isStringLiteral(first)) type = first.getLiteralValue();
    }
    const docComment = docOfName(name);
    const swedish = swedishTerm(docComment) ?? fromGlossary(name);
    valueTypes.push({ name, module: basename(decl.getSourceFile().getFilePath()), type, ...(docComment ? { docComment } : {}), ...(swedish ? { swedish } : {}) });
  }

  const codecs: CodecDoc[] = strictCalls.map((call) => {
    const name = stringArg(call, 0)!;
    const description = stringArg(call, 1) ?? '';
    const args = call.getArguments();
    const docComment = docOfName(name);
    const swedish = swedishTerm(docComment) ?? swedishTerm(description) ?? fromGlossary(name);
    return {
      name,
      description,
      module: basename(call.getSourceFile().getFilePath()),
      fields: [...fieldsOf(args[2], true), ...fieldsOf(args[3], false)],
      ...(docComment ? { docComment } : {}),
      ...(swedish ? { swedish } : {}),
    };
  });
  return { codecs: codecs.sort(byName), valueTypes: valueTypes.sort(byName) };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Renders the model reference as Markdown. */
export function renderModelDoc(model: ModelDoc, source: string): string {
  const lines: string[] = [
    '# The report model',
    '',
    `<!-- Generated by \`pnpm api-report\` from ${source}. Do not edit by hand: change the doc comments and descriptions in the model, then run \`pnpm api-report\`. -->`,
    '',
    'Every type of a report, as the model\'s codecs define it. Keys are English; the Swedish term is what',
    'readers of a report call the thing (see the [glossary](glossary.md)). Every object type is strict: a key that is',
    'not listed here is an error, not ignored. Fields marked optional may be left out.',
    '',
    '## Contents',
    '',
    '| Type | Swedish term | Module |',
    '| --- | --- | --- |',
    ...model.codecs.map((c) => `| [${c.name}](${anchor(c.name)}) | ${cell(c.swedish ?? '')} | \`${c.module}\` |`),
    '',
    'Value types: ' + model.valueTypes.map((v) => `[${v.name}](${anchor(v.name)})`).join(', ') + '.',
    '',
    '## Object types',
    '',
  ];
  for (const c of model.codecs) {
    lines.push(`### ${c.name}`, '');
    const meta = [c.swedish ? `Swedish: *${c.swedish}*` : undefined, `Module: \`${c.module}\``].filter(Boolean).join(' · ');
    lines.push(meta, '');
    if (c.docComment && c.docComment !== c.description) lines.push(c.docComment, '');
    if (c.description) lines.push(c.description, '');
    if (c.fields.length === 0) lines.push('No fields.', '');
    else {
      lines.push('| Field | Type | Required |', '| --- | --- | --- |');
      for (const f of c.fields) lines.push(`| \`${f.name}\` | ${cell(f.type)} | ${f.required ? 'required' : 'optional'} |`);
      lines.push('');
    }
  }
  lines.push('## Value types', '');
  for (const v of model.valueTypes) {
    lines.push(`### ${v.name}`, '');
    const meta = [v.swedish ? `Swedish: *${v.swedish}*` : undefined, `Module: \`${v.module}\``].filter(Boolean).join(' · ');
    lines.push(meta, '');
    if (v.docComment) lines.push(v.docComment, '');
    if (v.type) lines.push(`Values: ${v.type}.`.replace(/\.\.$/, '.'), '');
  }
  return lines.join('\n');
}
