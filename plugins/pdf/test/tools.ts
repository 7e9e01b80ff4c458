// Command-line tools the PDF checks run (poppler-utils and qpdf from Debian), with a clear
// message naming the package to install when one is missing.
import { execFileSync, spawnSync } from 'node:child_process';

const INSTALL = 'apt-get install -y poppler-utils qpdf';

/** Throws an error naming the Debian packages when a tool is not on PATH. */
export function requireTools(tools: readonly string[]): void {
  const missing = tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length > 0) throw new Error(`The PDF checks need ${missing.join(', ')}, which is not installed. Install it with: ${INSTALL}`);
}

/** Runs a tool and returns its standard output as text. */
export function run(tool: string, args: readonly string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** Runs a tool and returns its exit status and output, without throwing on failure. */
export function runStatus(tool: string, args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The tools every PDF check here uses. */
export const PDF_TOOLS = ['qpdf', 'pdftotext', 'pdffonts', 'pdfinfo', 'pdftoppm'] as const;
