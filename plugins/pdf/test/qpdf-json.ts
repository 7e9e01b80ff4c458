// Reads a PDF through `qpdf --json` (streams decoded and inlined) and gives access to its
// objects, the structure tree in reading order and every page's content stream operators.
import { run } from './tools.js';

/** A qpdf JSON value: references are strings "n 0 R", names "/X", strings "u:…" or "b:…". */
export type Value = unknown;

/** A structure element read from the file. */
export interface StructNode {
  ref: string;
  type: string;
  dict: Record<string, Value>;
  kids: StructNode[];
  /** MCIDs and annotation references directly under this element. */
  mcids: number[];
  objrs: string[];
  /** The /Pg of each entry of `objrs` (the page the annotation is on). */
  objrPages: string[];
}

/** A PDF read through qpdf. */
export class QpdfFile {
  readonly objects: Record<string, { value?: Value; stream?: { dict: Record<string, Value>; data?: string } }>;

  constructor(readonly file: string) {
    const json = JSON.parse(run('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', '--json-key=qpdf', file])) as { qpdf: [unknown, Record<string, never>] };
    const raw = json.qpdf[1];
    this.objects = {};
    for (const [key, obj] of Object.entries(raw)) this.objects[key.replace(/^obj:/, '')] = obj;
  }

  /** Follows a reference to its value (dictionary of a stream for streams). */
  resolve(v: Value): Value {
    if (typeof v === 'string' && /^\d+ \d+ R$/.test(v)) {
      const o = this.objects[v];
      return o?.value ?? o?.stream?.dict;
    }
    return v;
  }

  /** The dictionary at `v` (resolved). */
  dict(v: Value): Record<string, Value> {
    return (this.resolve(v) ?? {}) as Record<string, Value>;
  }

  get trailer(): Record<string, Value> {
    return this.dict(this.objects.trailer?.value);
  }

  get catalog(): Record<string, Value> {
    return this.dict(this.trailer['/Root']);
  }

  /** Page references in order. */
  pages(): string[] {
    const out: string[] = [];
    const walk = (ref: Value) => {
      const d = this.dict(ref);
      if (d['/Type'] === '/Pages') for (const k of d['/Kids'] as Value[]) walk(k);
      else out.push(ref as string);
    };
    walk(this.catalog['/Pages']);
    return out;
  }

  /** The decoded bytes of a stream object, as latin1 text. */
  streamText(ref: string): string {
    const data = this.objects[ref]?.stream?.data;
    return data ? Buffer.from(data, 'base64').toString('latin1') : '';
  }

  /** The structure tree in reading order, starting at the StructTreeRoot's kids. */
  structTree(): StructNode[] {
    const root = this.dict(this.catalog['/StructTreeRoot']);
    const toArray = (k: Value): Value[] => (Array.isArray(k) ? k : k === undefined || k === null ? [] : [k]);
    const node = (ref: string): StructNode => {
      const d = this.dict(ref);
      const n: StructNode = { ref, type: String(d['/S']).slice(1), dict: d, kids: [], mcids: [], objrs: [], objrPages: [] };
      for (const k of toArray(d['/K'])) {
        if (typeof k === 'number') n.mcids.push(k);
        else if (typeof k === 'string') n.kids.push(node(k));
        else if (k && typeof k === 'object') {
          const kd = k as Record<string, Value>;
          if (kd['/Type'] === '/MCR') n.mcids.push(kd['/MCID'] as number);
          else if (kd['/Type'] === '/OBJR') {
            n.objrs.push(kd['/Obj'] as string);
            n.objrPages.push((kd['/Pg'] ?? d['/Pg']) as string);
          }
        }
      }
      return n;
    };
    return toArray(root['/K']).map((k) => node(k as string));
  }
}

/** Every structure element in reading order (depth first). */
export function flatten(nodes: readonly StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.kids)]);
}

/** A content stream operator with its operands. */
export interface Operation {
  op: string;
  operands: string[];
}

/** Splits a content stream into operators and their operands (strings, arrays and dictionaries kept whole). */
export function operations(content: string): Operation[] {
  const ops: Operation[] = [];
  let operands: string[] = [];
  let i = 0;
  const n = content.length;
  const skipString = () => {
    let depth = 0;
    const start = i;
    for (; i < n; i++) {
      const c = content[i];
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) {
        i++;
        break;
      }
    }
    return content.slice(start, i);
  };
  const skipBalanced = (open: string, close: string) => {
    const start = i;
    let depth = 0;
    while (i < n) {
      if (content[i] === '(') {
        skipString();
        continue;
      }
      if (content.startsWith(open, i)) {
        depth++;
        i += open.length;
        continue;
      }
      if (content.startsWith(close, i)) {
        depth--;
        i += close.length;
        if (depth === 0) break;
        continue;
      }
      i++;
    }
    return content.slice(start, i);
  };
  while (i < n) {
    const c = content[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '%') while (i < n && content[i] !== '\n') i++;
    else if (c === '(') operands.push(skipString());
    else if (content.startsWith('<<', i)) operands.push(skipBalanced('<<', '>>'));
    else if (c === '<') {
      const end = content.indexOf('>', i);
      operands.push(content.slice(i, end + 1));
      i = end + 1;
    } else if (c === '[') operands.push(skipBalanced('[', ']'));
    else {
      const m = /^[^\s()<>[\]{}/%]+|^\/[^\s()<>[\]{}/%]*/.exec(content.slice(i, i + 200))!;
      const tok = m[0] || c;
      i += tok.length;
      if (tok.startsWith('/') || /^[-+.\d]/.test(tok) || tok === 'true' || tok === 'false' || tok === 'null') operands.push(tok);
      else {
        ops.push({ op: tok, operands });
        operands = [];
      }
    }
  }
  return ops;
}

/** Decodes a PDF literal string token `(…)` (escapes, UTF-16BE with BOM or PDFDocEncoding as latin1). */
export function pdfString(token: string): string {
  const body = token.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const n = body[++i]!;
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in simple) bytes.push(simple[n]!);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i];
      bytes.push(parseInt(oct, 8));
    } else if (n === '\r' || n === '\n') continue;
    else bytes.push(n.charCodeAt(0));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  return String.fromCharCode(...bytes);
}

/** The values of `key` (e.g. `/E`, `/ActualText`) in every `/Span` marked-content dictionary of the file. */
export function spanValues(q: QpdfFile, key: string): string[] {
  const out: string[] = [];
  for (const page of q.pages())
    for (const o of operations(q.streamText(q.dict(page)['/Contents'] as string))) {
      if (o.op !== 'BDC' || o.operands[0] !== '/Span') continue;
      const dict = o.operands[1] ?? '';
      const at = dict.indexOf(`${key} (`);
      if (at < 0) continue;
      let i = at + key.length + 1;
      let depth = 0;
      const start = i;
      for (; i < dict.length; i++) {
        if (dict[i] === '\\') i++;
        else if (dict[i] === '(') depth++;
        else if (dict[i] === ')' && --depth === 0) break;
      }
      out.push(pdfString(dict.slice(start, i + 1)));
    }
  return out;
}
