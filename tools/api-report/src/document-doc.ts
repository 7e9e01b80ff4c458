// Reads the document's contract (packages/core/src/document/types.ts) with ts-morph and
// writes docs/document.md: every node kind of the semantic document with its fields and
// their doc comments, then a complete small writer (docs/examples/serialise-blocks.ts).
// Generated, so the page cannot drift from the types.
import { Node, type Project, type SourceFile } from 'ts-morph';

/** One field of a node: its name, type as written, whether optional, and its doc comment. */
export interface DocField {
  name: string;
  type: string;
  optional: boolean;
  doc: string;
}

/** One exported type of the contract: an interface or a type alias, with its fields or its members. */
export interface DocNodeKind {
  name: string;
  doc: string;
  /** Fields of an interface, or of an object type alias. */
  fields: DocField[];
  /** For a union: each member as written (object members by their `kind` or `type` tag). */
  members: { tag: string; text: string }[];
}

const docOf = (node: Node): string =>
  (Node.isJSDocable(node) ? node.getJsDocs().map((d) => d.getDescription().trim()).join(' ') : '').replace(/\s+/g, ' ').trim();

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The exported types of the contract file, in source order. */
export function extractDocumentTypes(file: SourceFile): DocNodeKind[] {
  const out: DocNodeKind[] = [];
  for (const statement of file.getStatements()) {
    if (Node.isInterfaceDeclaration(statement) && statement.isExported()) {
      out.push({
        name: statement.getName(),
        doc: docOf(statement),
        fields: statement.getProperties().map((p) => ({ name: p.getName(), type: oneLine(p.getTypeNode()?.getText() ?? p.getType().getText()), optional: p.hasQuestionToken(), doc: docOf(p) })),
        members: [],
      });
    } else if (Node.isTypeAliasDeclaration(statement) && statement.isExported()) {
      const typeNode = statement.getTypeNodeOrThrow();
      const members = Node.isUnionTypeNode(typeNode) ? typeNode.getTypeNodes() : [typeNode];
      out.push({
        name: statement.getName(),
        doc: docOf(statement),
        fields: [],
        members: members.map((m) => {
          const text = oneLine(m.getText());
          const tag = /(?:kind|type): '([^']+)'/.exec(text)?.[1] ?? text;
          return { tag, text };
        }),
      });
    }
  }
  return out;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The Markdown of docs/document.md. */
export function renderDocumentDoc(kinds: readonly DocNodeKind[], source: string, example: { path: string; text: string }): string {
  const lines = [
    '# The document',
    '',
    `<!-- Generated from ${source} by tools/api-report (\`pnpm api-report\`); do not edit. -->`,
    '',
    'The core builds one semantic document per report (`ctx.document`) and every writer',
    'serialises it: HTML, PDF, text, Word (DOCX), and any plugin of your own. Everything that carries meaning',
    'is decided there, once: the numbering of headings, every word from the vocabulary, the',
    'abbreviations and the one place each is first explained, formatted figures in their text',
    'and spoken forms, keys to symbols as symbol + label + meaning, chart labels with the',
    "indicator's decimals, and a chart text alternative that does not repeat the table before it.",
    'A writer adds no meaning of its own, and never alters the author\'s wording: an',
    'abbreviation node keeps the author\'s text, and `abbreviationExplanation(node)` (or',
    '`phraseText(nodes)` for plain text) says what to add around its first use.',
    '',
    'The builder (`buildDocument`) reads the report in one walk, the model\'s `walkReport`, so',
    'every section, wherever it stands (inside a text section, before or after an area\'s goals),',
    'becomes one section of the document; what each kind of section shows is one table keyed by',
    'every section kind, so a kind added to the model fails to compile until the document shows it.',
    '',
    '## Node kinds',
    '',
  ];
  for (const k of kinds) {
    lines.push(`### \`${k.name}\``, '');
    if (k.doc) lines.push(k.doc, '');
    if (k.fields.length > 0) {
      lines.push('| field | type | meaning |', '| --- | --- | --- |');
      for (const f of k.fields) lines.push(`| \`${f.name}${f.optional ? '?' : ''}\` | \`${cell(f.type)}\` | ${cell(f.doc)} |`);
      lines.push('');
    }
    if (k.members.length > 1) {
      lines.push('| kind | shape |', '| --- | --- |');
      for (const m of k.members) lines.push(`| \`${cell(m.tag)}\` | \`${cell(m.text)}\` |`);
      lines.push('');
    } else if (k.members.length === 1) lines.push(`\`${cell(k.members[0]!.text)}\``, '');
  }
  lines.push(
    '## A complete small writer',
    '',
    `Every kind of block as plain text (\`${example.path}\`, type-checked and tested with the`,
    'workspace). The switch over `kind` is exhaustive, so a new node kind is a type error in',
    'every writer until it is handled.',
    '',
    '```ts',
    example.text.trimEnd(),
    '```',
    '',
  );
  return lines.join('\n');
}

/** Generates docs/document.md from the sources under `root` in `project`. */
export function documentDoc(project: Project, root: string, read: (path: string) => string): { path: string; text: string } {
  const source = 'packages/core/src/document/types.ts';
  const file = project.getSourceFileOrThrow(`${root}/${source}`);
  const examplePath = 'docs/examples/serialise-blocks.ts';
  return { path: 'docs/document.md', text: renderDocumentDoc(extractDocumentTypes(file), source, { path: examplePath, text: read(examplePath) }) };
}
