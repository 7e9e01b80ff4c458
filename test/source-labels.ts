// Finds words of the governance presets written into renderer sources: every string
// literal and template text of plugins/*/src and packages/core/src is read with the
// TypeScript parser (comments and import paths are not text a reader sees) and searched
// for the presets' phrases. See `findHardCodedLabels` for what counts as a label.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { containsPhrase, englishPhrases, phraseRegExp, swedishPhrases } from './vocabulary-words.js';

/** One preset word found in a source file. */
export interface LabelFinding {
  /** Path relative to the workspace root. */
  file: string;
  line: number;
  /** The phrase of the presets that was found. */
  word: string;
  /** The string literal it was found in. */
  literal: string;
}

/** The workspace root. */
export const ROOT = join(new URL('.', import.meta.url).pathname, '..');

/** The TypeScript sources of every plugin, of the core and of the CLI's site pages, sorted, relative to the root. */
export function rendererSources(root = ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, p));
    }
  };
  for (const plugin of readdirSync(join(root, 'plugins')).sort()) {
    const src = join(root, 'plugins', plugin, 'src');
    if (statSync(src, { throwIfNoEntry: false })?.isDirectory()) walk(src);
  }
  walk(join(root, 'packages/core/src'));
  // The pages of a published site are written by the CLI's site module.
  walk(join(root, 'packages/cli/src/site'));
  return out;
}

/** Calls whose string arguments are messages to developers and authors, not document text. */
const MESSAGE_CALLS = /^console\.\w+$|(?:^|\.)(?:log|info|warn|error|debug|trace)$|^(?:fail|assert\w*)$/;
/** Constructors whose string arguments are error messages. */
const ERROR_CLASS = /Error$/;

/** Whether a literal is an argument (at any depth) of an error or a log message. */
function inMessage(node: ts.Node, source: ts.SourceFile): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isNewExpression(n) && ERROR_CLASS.test(n.expression.getText(source))) return true;
    if (ts.isCallExpression(n) && MESSAGE_CALLS.test(n.expression.getText(source))) return true;
    if (ts.isThrowStatement(n)) return true;
    if (ts.isFunctionLike(n) || ts.isSourceFile(n)) return false;
  }
  return false;
}

/** The texts of the string literals and template parts of a file, with their lines. */
export function literalsOf(file: string, text: string): { text: string; line: number; node: ts.Node; source: ts.SourceFile }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { text: string; line: number; node: ts.Node; source: ts.SourceFile }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node) || ts.isImportTypeNode(node)) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      out.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, node, source });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A literal that is one lowercase token (`'goal'`, `'not-started'`) or a code (`'SEK'`) is a key, role or code, not a label. */
const IDENTIFIER = /^(?:[a-z][A-Za-z0-9_-]*|[A-Z0-9_]+)$/;

/**
 * Files whose text is the same for every report (it documents a data format, or is data of
 * a language rather than words of a report's vocabulary), with the reason. Nothing else is exempt.
 */
export const EXEMPT: Readonly<Record<string, string>> = {
  'packages/core/src/speech.ts':
    'How a language\'s common abbreviations are said aloud ("o.s.v." → "och så vidare"): language data like the month names taken from Intl, the same for every report, never a label of the governance vocabulary',
  'packages/core/src/document/caption.ts':
    'The words a title cannot end on (prepositions, conjunctions, articles) per language, to tell a title the table\'s rows continue from a name: grammar data like the speech words, never shown',
  'packages/core/src/command-codes.ts':
    'The catalogue of the import and kolada commands: its hints quote what an author\'s workbook and Excel\'s menus say ("Utfall (tkr)", "Sammanfoga och centrera") and name the kommun in English prose, messages to the author about a file, never a label an output shows',
  'plugins/open-data/src/tables.ts':
    'Table Schema titles and descriptions of the published CSV files: documentation of the open-data format for re-users, in English, the same for every report (a Swedish word there is a glossary note such as "(bedömning)")',
};

/**
 * Swedish words the project's English uses as loanwords (see docs/GLOSSARY.md: "the kommun",
 * "each nämnd"). They are searched case-sensitively as the preset writes them, so the
 * label "Kommun" is found and the loanword in "for the kommun and body" is not.
 */
export const LOANWORDS: readonly string[] = ['Kommun', 'Nämnd', 'Förvaltning'];

/** English phrases searched in sources: those the preset writes with a capital, as labels and headings are. */
const englishLabels = englishPhrases.filter((p) => /^\p{Lu}/u.test(p));

/**
 * Preset words written in renderer sources. A Swedish phrase counts anywhere in a string
 * literal, in any case. An English phrase counts when the preset writes it with a capital
 * (labels and headings: "Total", "Outcome", "Not stated"), matched case-sensitively, in a
 * literal that is not a key, role or code and not an error or log message (those speak to
 * developers, in English by design). Lowercase English words ("and", "goal", "percent")
 * are not searched: they are everyday words of code and messages. Files in {@link EXEMPT}
 * are skipped.
 */
export function findHardCodedLabels(files: readonly string[] = rendererSources(), root = ROOT): LabelFinding[] {
  return files.filter((file) => !EXEMPT[file]).flatMap((file) => labelsInText(file, readFileSync(join(root, file), 'utf8')));
}

/** The preset words in the string literals of one source text (see {@link findHardCodedLabels}). */
export function labelsInText(file: string, text: string): LabelFinding[] {
  const findings: LabelFinding[] = [];
  for (const lit of literalsOf(file, text)) {
    const words: string[] = [];
    for (const p of swedishPhrases) if (containsPhrase(lit.text, p, LOANWORDS.includes(p))) words.push(p);
    if (!IDENTIFIER.test(lit.text) && !inMessage(lit.node, lit.source)) {
      for (const p of englishLabels) if (containsPhrase(lit.text, p, true)) words.push(p);
    }
    // Report the longest phrase once: "Delvis uppfyllt" rather than also "uppfyllt".
    const kept = words.filter((w) => !words.some((o) => o !== w && o.length > w.length && containsPhrase(o, w)));
    // The word as the literal writes it, once per literal.
    const once = [...new Set(kept.map((w) => lit.text.match(phraseRegExp(w, LOANWORDS.includes(w) || englishLabels.includes(w) ? 'u' : 'iu'))?.[0] ?? w))];
    for (const word of once) findings.push({ file, line: lit.line, word, literal: lit.text.length > 80 ? `${lit.text.slice(0, 77)}…` : lit.text });
  }
  return findings;
}
