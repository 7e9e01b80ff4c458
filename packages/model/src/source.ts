// Reading YAML source: the text becomes a plain value plus a way back from a path in that
// value to its line and column, so every later diagnostic can point into the file.
// YAML 1.2 core schema (so `no` stays text), unique keys, a cap on alias expansion.
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser, YAMLParseError, type CST, type Document, type Node } from 'yaml';
import { COLLECTION_STYLE, constructFromEvents, CORE_SCHEMA, EVENT_ID, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';
import { formatPath, modelDiagnostic, type Diagnostic } from './diagnostics.js';
import { checkSize, countValues, LIMITS, tokenDepth } from './limits.js';
import { findSplitNumbers } from './swedish-numbers.js';
import { DECIMAL_NUMBER, findUnkept, keepsDigits } from './unkept.js';

/** A line and column, both 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** Options of locate. */
export interface LocateOptions {
  /** Point at the key of the last path segment instead of its value. */
  key?: boolean;
  /**
   * Point at line `line` (1-based) of the text at the path, for a finding inside a text (an
   * image, a table row, a link): where that line's first word is written, in a text of
   * several lines; the value's own place in a text of one line.
   */
  line?: number;
}

/** Finds the position of a path in the source; falls back to the nearest ancestor that exists. */
export type Locate = (path: readonly (string | number)[], options?: LocateOptions) => Position | undefined;

/** The result of {@link parseYaml}. */
export interface ParsedSource {
  /** The plain value (undefined when the text could not be read). */
  value: unknown;
  diagnostics: Diagnostic[];
  locate: Locate;
}

/** Options of {@link parseYaml}. */
export interface ParseOptions {
  /** The most alias expansions allowed (default {@link LIMITS}.maxAliasCount, 1 000). */
  maxAliasCount?: number;
  /** The largest text accepted, in UTF-8 bytes (default {@link LIMITS}.maxBytes, 10 MiB). */
  maxBytes?: number;
  /** The deepest nesting of mappings and lists accepted (default {@link LIMITS}.maxDepth, 64). */
  maxDepth?: number;
  /** The most values (scalars and aliases) accepted (default {@link LIMITS}.maxValues, 50 000). */
  maxValues?: number;
  /**
   * Read a plain text first without source positions, composing the positions only when
   * `locate` is first asked (default true); false composes them at once, as every text
   * with anything the fast reading leaves to the full one does.
   */
  fast?: boolean;
}

const CODE_BY_YAML_ERROR: Record<string, 'yaml-duplicate-key' | 'yaml-tab-indent'> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indent',
};

const HINTS: Record<string, string> = {
  'yaml-duplicate-key': 'Remove or rename one of the two keys.',
  'yaml-tab-indent': 'Indent with spaces, never tabs.',
  'yaml-syntax': 'Check quotes, brackets, colons and indentation at this place.',
};

/**
 * Parses YAML text into a plain value with diagnostics for syntax errors and a `locate`
 * function for later ones. A byte-order mark is removed; CRLF line ends are accepted.
 *
 * A plain text (one document, no tags, anchors or aliases, well within the limits; see
 * {@link readPlain}) is read by js-yaml's event parser without source positions, about three times
 * as fast as composing yaml's document with them; the document is composed, and the text
 * read again, only when `locate` is first asked, which every finding does. Any other text
 * is composed at once, so its diagnostics are those of the full reading.
 */
export function parseYaml(text: string, file?: string, options: ParseOptions = {}): ParsedSource {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Limits first: a huge or very deep text would exhaust memory or the stack while parsing.
  const tooLarge = checkSize(utf8Length(source, options.maxBytes ?? LIMITS.maxBytes), file, options.maxBytes);
  if (tooLarge) return { value: undefined, diagnostics: [tooLarge], locate: () => undefined };
  const plain = options.fast === false ? undefined : readPlain(source, options.maxDepth ?? LIMITS.maxDepth, options.maxValues ?? LIMITS.maxValues);
  if (plain) {
    let located: Locate | undefined;
    return { value: plain.value, diagnostics: [], locate: (path, opts) => (located ??= composeYaml(source, file, options).locate)(path, opts) };
  }
  return composeYaml(source, file, options);
}

/** Plain-scalar keys that yaml turns into the key "" and js-yaml into "null". */
const NULL_KEY = /^(?:~|null|Null|NULL)?$/;

/**
 * A block scalar header with an indentation indicator (`|2`, `>-1`, `|+3`): js-yaml and yaml
 * read its lines of spaces differently (`a: |2` over a line of four spaces), so such a text
 * takes the full reading. Anything else after the digit that could end a header counts too.
 */
const EXPLICIT_INDENTATION = /[|>](?:[1-9][+-]?|[+-][1-9])(?![^\s#\u0085])/;

/**
 * A line whose leading blanks hold a tab. js-yaml takes a line of only blanks with a tab
 * after a key without a value (`a:` then a line `\t`) as an empty line, yaml as indentation
 * with a tab (yaml-tab-indent): such texts are left to the full reading.
 */
const TAB_IN_INDENTATION = /^ *\t/m;

/**
 * A plain scalar the fast reading leaves to the full one because its number is not read as
 * written: too large for a double (`1e309`: yaml reads Infinity, js-yaml keeps the text), or
 * with more digits than a double keeps (`0.12345678901234567890`), which the full reading names.
 */
function unkeptNumber(source: string, start: number, end: number): boolean {
  const c = source.charCodeAt(start);
  // Only a plain scalar that starts like a number needs the test.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return false;
  const text = source.slice(start, end);
  return DECIMAL_NUMBER.test(text) && (!Number.isFinite(Number(text)) || !keepsDigits(text));
}

/**
 * The value of a text the fast reading can take, or undefined for the full one: js-yaml's
 * events of exactly one document with a mapping at its root, without directives, tags,
 * anchors or aliases, a plain null as a key, or a key of digits in a flow mapping (which
 * may be a number with a decimal comma, `{ total: 700,5 }`), no tab in a line's leading
 * blanks, no block scalar with an
 * indentation indicator or a number not read as written (see {@link unkeptNumber}), at most half as deep and with
 * at most half as many values as the limits allow, and no error from js-yaml (duplicate
 * keys, tabs as indentation, syntax). Within these, js-yaml's core schema reads a text as
 * yaml's does (the tests compare the two on every fixture and on many changed texts).
 */
function readPlain(source: string, maxDepth: number, maxValues: number): { value: unknown } | undefined {
  if (EXPLICIT_INDENTATION.test(source) || TAB_IN_INDENTATION.test(source)) return undefined;
  try {
    const events: Event[] = parseEvents(source, { maxDepth });
    let documents = 0;
    let values = 0;
    // Per open node: a mapping's flow style and how many keys and values it has had.
    const open: { map: boolean; flow: boolean; items: number }[] = [];
    for (const e of events) {
      const parent = open[open.length - 1];
      const isKey = parent !== undefined && parent.map && parent.items % 2 === 0;
      switch (e.type) {
        case EVENT_ID.DOCUMENT:
          if (++documents > 1 || e.directives.length > 0) return undefined;
          open.push({ map: false, flow: false, items: 0 });
          break;
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
          if (e.tagStart !== -1 || e.anchorStart !== -1 || isKey || 2 * open.length > maxDepth) return undefined;
          if (open.length === 1 && e.type !== EVENT_ID.MAPPING) return undefined;
          parent!.items++;
          open.push({ map: e.type === EVENT_ID.MAPPING, flow: e.style === COLLECTION_STYLE.FLOW, items: 0 });
          break;
        case EVENT_ID.SCALAR: {
          if (e.tagStart !== -1 || e.anchorStart !== -1 || open.length === 1 || 2 * ++values > maxValues) return undefined;
          if (e.style === SCALAR_STYLE.PLAIN && unkeptNumber(source, e.valueStart, e.valueEnd)) return undefined;
          if (isKey && e.style === SCALAR_STYLE.PLAIN) {
            const key = source.slice(e.valueStart, e.valueEnd);
            if (NULL_KEY.test(key) || (parent.flow && /^\d+$/.test(key))) return undefined;
          }
          parent!.items++;
          break;
        }
        case EVENT_ID.POP:
          open.pop();
          break;
        default:
          return undefined;
      }
    }
    if (documents !== 1) return undefined;
    return { value: constructFromEvents(events, { source, schema: CORE_SCHEMA, maxAliases: 0 })[0] };
  } catch {
    return undefined;
  }
}

/** Composes yaml's document of the text with source positions: the full reading, with every diagnostic. */
function composeYaml(source: string, file: string | undefined, options: ParseOptions): ParsedSource {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const where = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const maxValues = options.maxValues ?? LIMITS.maxValues;
  // Every value takes at least one character and is separated from the next by one, so a
  // text shorter than twice the limit cannot pass it: most reports skip the count.
  const values = source.length < 2 * maxValues ? { count: 0 } : countValues(source, maxValues);
  if (values.offset !== undefined) {
    const p = linePosition(source, values.offset);
    return {
      value: undefined,
      diagnostics: [
        modelDiagnostic('too-many-values', { maxValues }, {
          ...(file !== undefined ? { file } : {}),
          line: p.line,
          column: p.column,
          expected: `at most ${maxValues} keys and values`,
          found: `more than ${maxValues}`,
          hint: 'Check that this is the report and not an export or a data dump; publish large data sets as open data beside the report.',
        }),
      ],
      locate: () => undefined,
    };
  }
  const maxDepth = options.maxDepth ?? LIMITS.maxDepth;
  // One concrete syntax tree, measured without recursion, then composed into the document.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const deepest = tokenDepth(tokens, maxDepth);
  if (deepest.depth > maxDepth) {
    const p = linePosition(source, deepest.offset);
    return {
      value: undefined,
      diagnostics: [
        modelDiagnostic('nesting-too-deep', { maxDepth }, {
          ...(file !== undefined ? { file } : {}),
          line: p.line,
          column: p.column,
          expected: `at most ${maxDepth} levels of nesting`,
          found: `more than ${maxDepth} levels`,
          hint: 'Look for unclosed [ or { brackets, or indentation that keeps growing; sections nest only a few levels.',
        }),
      ],
      locate: () => undefined,
    };
  }
  const doc = composeOne(tokens, source.length);
  const locate: Locate = (path, opts) => {
    const found = locateNode(doc, path, opts?.key === true);
    if (found.offset === undefined) return undefined;
    const at = where(found.offset);
    if (opts?.line === undefined || !isScalar(found.node) || typeof found.node.value !== 'string' || !found.node.value.includes('\n')) return at;
    // A block scalar's text begins on the line after its header (`|-`, `>`).
    const start = found.node.type === 'BLOCK_LITERAL' || found.node.type === 'BLOCK_FOLDED' ? source.indexOf('\n', found.offset) + 1 : found.offset;
    return where(lineOffset(source, found.node.value, start, found.node.range?.[1] ?? source.length, opts.line));
  };
  // After the first syntax error the parser's further errors are mostly its consequences:
  // keep the first error and every duplicate key, which does not derail parsing.
  const errors = doc.errors.filter((e, i) => i === 0 || e.code === 'DUPLICATE_KEY');
  for (const err of errors) {
    const code = CODE_BY_YAML_ERROR[err.code] ?? 'yaml-syntax';
    const pos = where(err.pos[0]);
    const said = inWords(err, doc, source, where);
    diagnostics.push(modelDiagnostic(code, { parser: said?.message ?? firstLine(err.message) }, { ...(file !== undefined ? { file } : {}), line: pos.line, column: pos.column, hint: said?.hint ?? HINTS[code]! }));
  }
  if (diagnostics.length > 0) return { value: undefined, diagnostics, locate };
  // A tag would make YAML read a value as something other than what is written (or as
  // nothing), and a number with too many digits would lose some: each is an error where it is.
  const unkept = findUnkept(doc, tokens, source);
  for (const tag of unkept.tags) {
    diagnostics.push(modelDiagnostic('yaml-tag', { tag: tag.tag }, {
      path: formatPath(tag.path),
      ...(file !== undefined ? { file } : {}),
      ...where(tag.offset),
      expected: 'a value without a YAML tag',
      found: tag.tag,
      hint: `Remove ${tag.tag}; to keep a value as text, put it in quotes ("…") instead.`,
    }));
  }
  for (const n of unkept.numbers) {
    diagnostics.push(modelDiagnostic('number-too-precise', { written: n.written, read: n.read, digits: n.digits }, {
      path: formatPath(n.path),
      ...(file !== undefined ? { file } : {}),
      ...where(n.offset),
      expected: 'a number of at most 15 significant digits',
      found: n.digits > 15 ? `${n.written} (${n.digits} significant digits)` : n.written,
      hint: `${n.digits > 15 ? `Write it with fewer decimals (${n.rounded} keeps 15 digits; a report's figures need far fewer)` : 'Check the figure, or write it in a smaller unit'}, or, where text is allowed, put it in quotes ("${n.written}") to keep it as text.`,
    }));
  }
  // `{ total: 700,5 }` reads as 700 and a key "5": an error naming the number it should be.
  for (const split of findSplitNumbers(doc, source)) {
    diagnostics.push(modelDiagnostic('swedish-number', { split: true, written: split.written }, {
      path: formatPath(split.path),
      ...(file !== undefined ? { file } : {}),
      ...where(split.offset),
      expected: 'a number with a decimal point',
      found: split.written,
      hint: `Write ${split.fix}.`,
    }));
  }
  if (diagnostics.length > 0) return { value: undefined, diagnostics, locate };
  // A document marker alone (`---`) is as empty as no text at all.
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && doc.contents.source === '')) {
    diagnostics.push(modelDiagnostic('empty-file', {}, {
      ...(file !== undefined ? { file } : {}),
      line: 1,
      column: 1,
      expected: 'a report (a mapping with id, kind, title, period …)',
      found: 'nothing',
      hint: 'Start from `kommunrapport init` or from an example report.',
    }));
    return { value: undefined, diagnostics, locate };
  }
  try {
    const value = doc.toJS({ maxAliasCount: options.maxAliasCount ?? LIMITS.maxAliasCount });
    return { value, diagnostics, locate };
  } catch (e) {
    const unresolved = e instanceof ReferenceError && /unresolved alias/i.test(e.message) ? firstUnresolvedAlias(doc) : undefined;
    if (unresolved) {
      diagnostics.push(modelDiagnostic('yaml-syntax', { alias: unresolved.name }, {
        ...(file !== undefined ? { file } : {}),
        ...(unresolved.offset !== undefined ? where(unresolved.offset) : {}),
        expected: `an anchor &${unresolved.name} earlier in the file`,
        found: `*${unresolved.name}`,
        hint: 'A * in front of a word makes it an alias; quote the text ("*…") if it is not one, or define the anchor first.',
      }));
      return { value: undefined, diagnostics, locate };
    }
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      diagnostics.push(modelDiagnostic('yaml-alias-limit', { max: options.maxAliasCount ?? LIMITS.maxAliasCount }, { ...(file !== undefined ? { file } : {}), ...firstAlias(doc, where), hint: 'Write the values out instead of nesting aliases of aliases.' }));
      return { value: undefined, diagnostics, locate };
    }
    diagnostics.push(modelDiagnostic('yaml-syntax', { parser: e instanceof Error ? firstLine(e.message) : String(e) }, { ...(file !== undefined ? { file } : {}), hint: HINTS['yaml-syntax']! }));
    return { value: undefined, diagnostics, locate };
  }
}

/**
 * The parser's errors an author meets when editing by hand, in the report's words: a second
 * document, a key written twice (named, with the line of the first), and a line indented so
 * that the parser cannot tell which mapping or list it belongs to.
 */
function inWords(err: YAMLParseError, doc: Document.Parsed, source: string, where: (offset: number) => Position): { message: string; hint: string } | undefined {
  switch (err.code) {
    case 'MULTIPLE_DOCS':
      return {
        message: 'A second YAML document begins here: a line "---" (or "...") inside the file ends the report\'s document.',
        hint: 'A report is one document: remove the "---" line (one before the first key is allowed); if what follows is another report, put it in a file of its own.',
      };
    case 'DUPLICATE_KEY': {
      const offset = err.pos[0];
      let key: string | undefined;
      let first: number | undefined;
      const visit = (node: unknown): void => {
        if (key !== undefined) return;
        if (isMap(node)) {
          const at = node.items.findIndex((p) => isScalar(p.key) && p.key.range?.[0] === offset);
          if (at >= 0) {
            const k = node.items[at]!.key as Node & { value: unknown };
            key = String(k.value);
            const before = node.items.slice(0, at).find((p) => isScalar(p.key) && p.key.value === k.value);
            first = isScalar(before?.key) ? before.key.range?.[0] : undefined;
            return;
          }
          for (const p of node.items) visit(p.value);
        } else if (isSeq(node)) node.items.forEach(visit);
      };
      visit(doc.contents);
      if (key === undefined) return undefined;
      return {
        message: `The key "${key}" is written twice in one mapping${first !== undefined ? ` (first at line ${where(first).line})` : ''}; YAML allows each key once.`,
        hint: 'Remove one of the two, or, if this one belongs to the item above or below, indent it as far as that item\'s keys.',
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BAD_INDENT':
      return {
        message: `The indentation here or on the line above does not fit the lines around it, so YAML cannot tell which mapping or list the line belongs to (${firstLine(err.message).replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())}).`,
        hint: 'Keys of one mapping start in the same column, and the items of one list start with "- " in the same column: compare this line and the one above with the lines of the mapping or list they belong to.',
      };
    default:
      return undefined;
  }
}

/** The first document of the tokens, as yaml's parseDocument composes it: a second document is an error. */
function composeOne(tokens: CST.Token[], length: number): Document.Parsed {
  // logLevel 'error': the parser's warnings would go to the process, not into diagnostics.
  const composer = new Composer({ uniqueKeys: true, version: '1.2', schema: 'core', keepSourceTokens: false, prettyErrors: false, logLevel: 'error' });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

/** The UTF-8 length of a text, counted only up to just past `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Line and column of an offset, counted directly (no parsed document exists yet). */
function linePosition(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) (line++, (start = i + 1));
  return { line, column: offset - start + 1 };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '.').replace(/\.\.$/, '.');
}

/** The first alias whose anchor is not defined before it. */
function firstUnresolvedAlias(doc: Document): { name: string; offset?: number } | undefined {
  const anchors = new Set<string>();
  let found: { name: string; offset?: number } | undefined;
  // Iterative, in document order: anchors count only when defined before the alias.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0 && !found) {
    const node = stack.pop();
    if (isAlias(node)) {
      if (!anchors.has(node.source)) found = { name: node.source, ...(node.range ? { offset: node.range[0] } : {}) };
      continue;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.add(anchor);
    if (isMap(node) || isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    else if (isPair(node)) stack.push(node.value, node.key);
  }
  return found;
}

function firstAlias(doc: Document, where: (offset: number) => Position): Partial<Position> {
  let found: Position | undefined;
  const visit = (node: unknown): void => {
    if (found) return;
    if (isAlias(node)) {
      if (node.range) found = where(node.range[0]);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) visit(item);
    } else if (isPair(node)) {
      visit(node.value);
    }
  };
  visit(doc.contents);
  return found ?? {};
}

/** The node at a path and where it starts; the nearest ancestor's start (and no node) when the path goes further than the document. */
function locateNode(doc: Document, path: readonly (string | number)[], atKey: boolean): { node?: unknown; offset: number | undefined } {
  let node: unknown = doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    // A path through an alias (`- *rad`) is written where the alias is: the anchor's place is
    // the other copy's, whose path a finding on this one does not name.
    if (isAlias(node)) return { node, offset };
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) return { offset };
      const last = i === path.length - 1;
      if (last && atKey) return { node: pair.key, offset: rangeStart(pair.key) ?? offset };
      node = pair.value;
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node)) {
      const item = typeof seg === 'number' ? node.items[seg] : undefined;
      if (item === undefined) return { offset };
      node = item;
      offset = rangeStart(item) ?? offset;
    } else {
      return { offset };
    }
  }
  return { node, offset };
}

/**
 * Where line `line` (1-based) of a text of several lines begins in the source, its value
 * starting at `start`. Each style writes the text's words in order, whatever it does between
 * them: a block scalar (`|`, `>`) folds or keeps line breaks, a quoted one may fold lines and
 * escape characters. So the words of the lines before are found one after another, and then
 * the first word of the line asked for. Only the part of a word before a quote or a backslash
 * is looked for, as those may be written escaped. A word not found before the value's `end` (an
 * escaped letter) is not looked for further on: the last place found is given.
 */
function lineOffset(source: string, text: string, start: number, end: number, line: number): number {
  const lines = text.split('\n');
  let cursor = start;
  for (let i = 0; i < Math.min(line, lines.length); i++) {
    const words = lines[i]!.split(/\s+/).map((w) => w.replace(/["'\\].*$/s, '')).filter((w) => w !== '');
    for (const [k, word] of words.entries()) {
      const at = source.indexOf(word, cursor);
      if (at < 0 || at + word.length > end) return cursor;
      if (i === line - 1 && k === 0) return at;
      cursor = at + word.length;
    }
  }
  return cursor;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
