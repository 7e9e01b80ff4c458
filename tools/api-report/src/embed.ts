// Keeps the code samples of the docs compiled: samples live in files (docs/examples/*.ts,
// type-checked with the workspace) and are embedded in Markdown between markers
//   <!-- embed: docs/examples/minimal-plugin.ts -->
//   ```ts
//   …
//   ```
//   <!-- /embed -->
// `embedExamples` rewrites what stands between the markers from the files; a check
// compares the result with the committed Markdown.
import { Project, ts } from 'ts-morph';

const MARKER = /(<!-- embed: ([^\s]+) -->\n)([\s\S]*?)(<!-- \/embed -->)/g;

/** The files a Markdown text embeds, in order. */
export function embeddedFiles(markdown: string): string[] {
  return [...markdown.matchAll(MARKER)].map((m) => m[2]!);
}

/** The Markdown with every embed replaced by the current contents of its file (read with `read`, a repository path). */
export function embedExamples(markdown: string, read: (path: string) => string): string {
  return markdown.replace(MARKER, (_all, open: string, path: string, _old: string, close: string) => {
    const lang = path.endsWith('.ts') ? 'ts' : path.endsWith('.yaml') ? 'yaml' : '';
    const code = read(path).replace(/\s+$/, '');
    return `${open}\`\`\`${lang}\n${code}\n\`\`\`\n${close}`;
  });
}

/** One type error in an example. */
export interface ExampleError {
  file: string;
  line: number;
  message: string;
}

/**
 * Type-checks the given files with the compiler options of `tsconfigPath` (its own
 * `include` is ignored; imports are followed). Returns the errors in those files only.
 */
export function typeCheckFiles(tsconfigPath: string, files: readonly string[], root: string): ExampleError[] {
  const project = new Project({ tsConfigFilePath: tsconfigPath, skipAddingFilesFromTsConfig: true });
  const sources = files.map((f) => project.addSourceFileAtPath(f));
  project.resolveSourceFileDependencies();
  const errors: ExampleError[] = [];
  for (const sf of sources) {
    for (const d of sf.getPreEmitDiagnostics()) {
      if (d.getCategory() !== ts.DiagnosticCategory.Error) continue;
      errors.push({
        file: sf.getFilePath().slice(root.length + 1),
        line: d.getLineNumber() ?? 0,
        message: ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n'),
      });
    }
  }
  return errors;
}
