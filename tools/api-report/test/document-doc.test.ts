// docs/document.md is generated from the document's types: every exported node kind and
// every kind of block appears, with the doc comments of its fields, and the writer example.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Project } from 'ts-morph';
import { documentDoc, extractDocumentTypes } from '../src/index.js';

const root = resolve(import.meta.dirname, '../../..');
const project = new Project({ tsConfigFilePath: join(root, 'tsconfig.base.json'), skipAddingFilesFromTsConfig: true });
const types = project.addSourceFileAtPath(join(root, 'packages/core/src/document/types.ts'));

describe('docs/document.md', () => {
  const kinds = extractDocumentTypes(types);
  const doc = documentDoc(project, root, (p) => readFileSync(join(root, p), 'utf8'));

  it('has a section for every exported type of the contract, in source order', () => {
    const exported = types.getStatements().flatMap((s) => ('isExported' in s && (s as any).isExported() ? [(s as any).getName() as string] : []));
    expect(kinds.map((k) => k.name)).toEqual(exported);
    for (const name of exported) expect(doc.text).toContain(`### \`${name}\``);
  });

  it('lists every kind of block and every inline node with their fields and meanings', () => {
    const blocks = kinds.find((k) => k.name === 'DocBlock')!;
    expect(blocks.members.map((m) => m.tag)).toEqual(['richText', 'badges', 'facts', 'list', 'table', 'legend', 'chart', 'image', 'section']);
    const inline = kinds.find((k) => k.name === 'Inline')!;
    expect(inline.members.map((m) => m.text)).toEqual(['TextNode', 'EmphasisNode', 'StrongNode', 'LinkNode', 'AbbreviationNode', 'ForeignNode']);
    expect(doc.text).toContain('| `first` | `boolean` | True where a writer explains it (first use, not explained by the author). |');
    expect(doc.text).toContain('| `meaning?` | `string` |');
  });

  it('ends with the complete writer of docs/examples/serialise-blocks.ts', () => {
    expect(doc.text).toContain(readFileSync(join(root, 'docs/examples/serialise-blocks.ts'), 'utf8').trimEnd());
  });
});
