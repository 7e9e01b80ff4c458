// Extracts the public API of a package: every name its entry module exports (through
// re-exports too), with the kind and the signature of each declaration. Signatures come
// from TypeScript's own declaration emit, so inferred types are written out as a
// consumer sees them, and nothing in the report depends on where the repository lives.
import { Node, Project, SyntaxKind, ts } from 'ts-morph';
import { dirname, relative } from 'node:path';

/** One declaration behind an exported name. */
export interface ApiDeclaration {
  /** What it is: function, interface, type, const, let, class, enum or namespace. */
  kind: string;
  /** The declaration as a consumer sees it (declaration emit, doc comments removed). */
  signature: string;
}

/** One exported name and every declaration behind it (a codec and its type share a name). */
export interface ApiEntry {
  name: string;
  declarations: ApiDeclaration[];
}

/** A problem met while extracting, e.g. a declaration emit error. */
export interface ExtractProblem {
  file: string;
  message: string;
}

/** The result of {@link extractApi}. */
export interface ExtractResult {
  entries: ApiEntry[];
  problems: ExtractProblem[];
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/** The kind word of a declaration node. */
export function kindOf(node: Node): string {
  switch (node.getKind()) {
    case SyntaxKind.FunctionDeclaration: return 'function';
    case SyntaxKind.InterfaceDeclaration: return 'interface';
    case SyntaxKind.TypeAliasDeclaration: return 'type';
    case SyntaxKind.ClassDeclaration: return 'class';
    case SyntaxKind.EnumDeclaration: return 'enum';
    case SyntaxKind.ModuleDeclaration: return 'namespace';
    case SyntaxKind.VariableDeclaration: {
      const list = node.getParentIfKind(SyntaxKind.VariableDeclarationList);
      const flags = list?.getFlags() ?? 0;
      return flags & ts.NodeFlags.Const ? 'const' : 'let';
    }
    default: return node.getKindName();
  }
}

/** Prints a declaration without comments, normalised by TypeScript's printer. */
function print(node: Node): string {
  const target = Node.isVariableDeclaration(node) ? node.getVariableStatementOrThrow() : node;
  return printer.printNode(ts.EmitHint.Unspecified, target.compilerNode, target.getSourceFile().compilerNode).trim();
}

/**
 * Extracts every exported declaration of `entryFile` (a file of `project`). Declaration
 * files are emitted in memory for every source file in the entry's folder, then read
 * back to resolve re-exports; names are sorted, declarations keep their source order.
 */
export function extractApi(project: Project, entryFile: string): ExtractResult {
  const entry = project.getSourceFileOrThrow(entryFile);
  const sourceDir = dirname(entry.getFilePath());
  const inPackage = project.getSourceFiles().filter((f) => f.getFilePath().startsWith(`${sourceDir}/`) && !f.isDeclarationFile());
  const dts = new Project({ useInMemoryFileSystem: true, compilerOptions: { ...project.getCompilerOptions(), noEmit: true } });
  const problems: ExtractProblem[] = [];
  for (const file of inPackage) {
    const emitted = project.emitToMemory({ targetSourceFile: file, emitOnlyDtsFiles: true });
    for (const d of emitted.getDiagnostics()) {
      problems.push({ file: relative(sourceDir, d.getSourceFile()?.getFilePath() ?? file.getFilePath()), message: ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n') });
    }
    for (const out of emitted.getFiles()) {
      if (!out.filePath.endsWith('.d.ts')) continue;
      // Keep the emitted file at its source's path relative to the source folder, wherever emit would put it.
      const rel = relative(sourceDir, file.getFilePath()).replace(/\.tsx?$/, '.d.ts');
      dts.createSourceFile(`/api/${rel}`, out.text, { overwrite: true });
    }
  }
  const entryDts = dts.getSourceFileOrThrow(`/api/${relative(sourceDir, entry.getFilePath()).replace(/\.ts$/, '.d.ts')}`);
  const entries: ApiEntry[] = [];
  for (const [name, nodes] of entryDts.getExportedDeclarations()) {
    const declarations = nodes.map((n) => ({ kind: kindOf(n), signature: print(n) }));
    entries.push({ name, declarations });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { entries, problems };
}
