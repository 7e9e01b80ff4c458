// A fast path in front of fontkit's OpenType layout, with the same result. fontkit shapes
// every word through its full GSUB/GPOS machinery, which costs most of a cold render (about
// a thousand words per font before the engine is warm). Most words of a report need none of
// it: no glyph of theirs is touched by a substitution (ligatures, contextual forms) or a mark
// positioning, so their layout is the glyphs of their characters, each advancing by its
// width, plus the font's pair kerning. Those words are laid out here, reading the kerning
// from the font's GPOS table the way fontkit applies it; every other word goes to fontkit.

/** A glyph of fontkit (the fields used here). */
interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A glyph position as fontkit's GlyphPosition holds it (same fields, same order). */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A laid-out run: glyphs, positions and the sum of their advances. */
export interface SimpleRun {
  glyphs: Glyph[];
  positions: Position[];
  readonly advanceWidth: number;
}

type Table = any;

/** The fontkit font object (the fields used here). */
export interface ShapableFont {
  layout(text: string, ...rest: unknown[]): unknown;
  glyphForCodePoint(codePoint: number): Glyph;
  getGlyph(id: number, codePoints?: number[]): Glyph;
  GSUB?: Table;
  GPOS?: Table;
  GDEF?: Table;
  _variationProcessor?: unknown;
}

// The features fontkit's default shaper applies to horizontal, left-to-right text.
const POSITIONINGS = ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt', 'mark', 'mkmk', 'curs', 'kern'];
/** Lookup flags that would make fontkit skip base glyphs or ligatures while pairing. */
const IGNORE_BASE_OR_LIGATURE = 0x0002 | 0x0004;

/** Latin letters (script latn): ASCII letters, ª º, U+00C0–U+024F except × and ÷. */
function isLatin(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0xaa || c === 0xba || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/**
 * Characters of the Common script this path takes: printable ASCII, Latin-1 signs (not the
 * soft hyphen, which fontkit hides), general punctuation up to U+205E (not the invisible
 * ones or the fraction slash), currency signs, arrows, maths, geometric shapes and dingbats.
 * (Letterlike symbols are left out: some of them, like the Kelvin sign, are Latin.)
 */
function isCommon(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xbf && c !== 0xad && c !== 0xaa && c !== 0xba) ||
    c === 0xd7 ||
    c === 0xf7 ||
    (c >= 0x2010 && c <= 0x205e && c !== 0x2044 && !(c >= 0x2028 && c <= 0x202f)) ||
    (c >= 0x20a0 && c <= 0x20bf) ||
    (c >= 0x2190 && c <= 0x22ff) ||
    (c >= 0x25a0 && c <= 0x27bf)
  );
}

/** The items of a fontkit array (a plain array or a lazily decoded one). */
function list(items: Table): Table[] {
  return Array.isArray(items) ? items : items ? items.toArray() : [];
}

/** The glyph ids of a coverage table in coverage order (the index a subtable's arrays use). */
function coverageList(coverage: Table): number[] {
  if (coverage.version === 1) return [...coverage.glyphs];
  const out: number[] = [];
  for (const r of coverage.rangeRecords) for (let g = r.start; g <= r.end; g++) out[r.startCoverageIndex + g - r.start] = g;
  return out;
}

/** The glyph ids a coverage table lists. */
function coverageGlyphs(coverage: Table, into: Set<number>): void {
  if (!coverage) return;
  if (coverage.version === 1) for (const g of coverage.glyphs) into.add(g);
  else if (coverage.version === 2) for (const r of coverage.rangeRecords) for (let g = r.start; g <= r.end; g++) into.add(g);
}

function coverageIndex(coverage: Table, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs.indexOf(glyph);
  for (const r of coverage.rangeRecords) if (r.start <= glyph && glyph <= r.end) return r.startCoverageIndex + glyph - r.start;
  return -1;
}

function classOf(glyph: number, classDef: Table): number {
  if (!classDef) return 0;
  if (classDef.version === 1) {
    const i = glyph - classDef.startGlyph;
    if (i >= 0 && i < classDef.classValueArray.length) return classDef.classValueArray[i];
  } else if (classDef.version === 2) {
    for (const r of classDef.classRangeRecord) if (r.start <= glyph && glyph <= r.end) return r.class;
  }
  return 0;
}

/** A subtable with its lookup type, extension subtables unwrapped. */
function unwrap(type: number, table: Table, extensionType: number): [number, Table] {
  return type === extensionType ? [table.lookupType, table.extension] : [type, table];
}

/** Every coverage of a subtable: the glyphs it can act on or look at. */
function allCoverages(table: Table, into: Set<number>): void {
  for (const key of ['coverage', 'markCoverage', 'mark1Coverage', 'inputCoverage']) coverageGlyphs(table[key], into);
  for (const key of ['coverages', 'backtrackCoverage', 'lookaheadCoverage']) if (Array.isArray(table[key])) for (const c of table[key]) coverageGlyphs(c, into);
}

/** What the fast path needs of one script of the font. */
interface ScriptPlan {
  /** Glyphs a substitution or a non-kerning positioning may touch: words with one go to fontkit. */
  unsafe: Set<number>;
  /** Ligature starts: a word with a first glyph directly followed by one of its seconds goes to fontkit. */
  ligatures: Map<number, Set<number>>;
  /** The one ligature lookup of the script's features (its subtables), formed here; undefined when there is none or several. */
  ligature?: Table[];
  /** The pair-kerning lookups, in the order fontkit applies them. */
  kerning: Table[];
  /** Kerning of glyph pairs, computed on first use. */
  pairs: Map<number, [Position, Position] | null>;
}

/** The feature table fontkit selects for a script tag (default language system). */
function featuresOf(table: Table, scriptTag: string): Map<string, Table> {
  const features = new Map<string, Table>();
  if (!table?.scriptList) return features;
  let entry = table.scriptList.find((e: Table) => e.tag === scriptTag);
  for (const tag of ['DFLT', 'dflt', 'latn']) entry ??= table.scriptList.find((e: Table) => e.tag === tag);
  const langSys = entry?.script.defaultLangSys;
  if (!langSys) return features;
  for (const index of langSys.featureIndexes) {
    const record = table.featureList[index];
    features.set(record.tag, record.feature);
  }
  return features;
}

/** The lookups (by index, sorted) of the named features. */
function lookupsOf(table: Table, features: Map<string, Table>, tags: readonly string[]): { index: number; lookup: Table }[] {
  const indexes = new Set<number>();
  for (const tag of tags) for (const i of features.get(tag)?.lookupListIndexes ?? []) indexes.add(i);
  return [...indexes].sort((a, b) => a - b).map((index) => ({ index, lookup: table.lookupList.get(index) }));
}

/** The glyphs of GDEF class 3 (marks): words with one go to fontkit, and rules that need one never fire. */
function markGlyphs(font: ShapableFont): Set<number> {
  const marks = new Set<number>();
  const classDef = font.GDEF?.glyphClassDef;
  if (classDef?.version === 1) classDef.classValueArray.forEach((c: number, i: number) => c === 3 && marks.add(classDef.startGlyph + i));
  else if (classDef?.version === 2) for (const r of classDef.classRangeRecord) if (r.class === 3) for (let g = r.start; g <= r.end; g++) marks.add(g);
  return marks;
}

/** True when every glyph of class `k` of `classDef` is a mark (class 0 holds every unlisted glyph: never). */
function marksOnly(classDef: Table, k: number, marks: Set<number>): boolean {
  if (k === 0 || !classDef) return false;
  let any = false;
  const check = (g: number) => {
    any = true;
    return marks.has(g);
  };
  if (classDef.version === 1) {
    for (let i = 0; i < classDef.classValueArray.length; i++) if (classDef.classValueArray[i] === k && !check(classDef.startGlyph + i)) return false;
  } else {
    for (const r of classDef.classRangeRecord) if (r.class === k) for (let g = r.start; g <= r.end; g++) if (!check(g)) return false;
  }
  return any;
}

/** The glyphs of class `k` of `classDef`, or undefined for class 0 (every glyph not listed). */
function classGlyphs(classDef: Table, k: number): Set<number> | undefined {
  if (k === 0 || !classDef) return undefined;
  const out = new Set<number>();
  if (classDef.version === 1) {
    for (let i = 0; i < classDef.classValueArray.length; i++) if (classDef.classValueArray[i] === k) out.add(classDef.startGlyph + i);
  } else for (const r of classDef.classRangeRecord) if (r.class === k) for (let g = r.start; g <= r.end; g++) out.add(g);
  return out;
}

/** True when a coverage lists only marks. */
function coverageMarksOnly(coverage: Table, marks: Set<number>): boolean {
  const glyphs = new Set<number>();
  coverageGlyphs(coverage, glyphs);
  if (glyphs.size === 0) return false;
  for (const g of glyphs) if (!marks.has(g)) return false;
  return true;
}

/** Every lookupListIndex found anywhere inside a subtable. */
function nestedLookups(value: Table, into: number[], depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 8) return;
  if (typeof value.lookupListIndex === 'number') into.push(value.lookupListIndex);
  const items = Array.isArray(value) ? value : typeof value.toArray === 'function' ? value.toArray() : Object.values(value);
  for (const v of items) nestedLookups(v, into, depth + 1);
}

/**
 * Adds to `unsafe` every glyph a substitution reachable from `start` may act on in a word
 * without marks. Chained rules (by class or by coverage) that need a mark never fire there
 * and are left out; any other contextual subtable counts with every lookup it names.
 * Ligatures go into `ligatures` (first glyph → second glyphs) when given, and their
 * subtables by lookup into `ligatureLookups`.
 */
function substitutable(
  gsub: Table,
  start: readonly number[],
  marks: Set<number>,
  unsafe: Set<number>,
  ligatures?: Map<number, Set<number>>,
  ligatureLookups?: Map<number, Table[]>,
): void {
  const seen = new Set<number>();
  const queue = [...start];
  while (queue.length) {
    const index = queue.pop()!;
    if (seen.has(index)) continue;
    seen.add(index);
    const lookup = gsub.lookupList.get(index);
    if (!lookup) continue;
    for (const raw of list(lookup.subTables)) {
      const [type, table] = unwrap(lookup.lookupType, raw, 7);
      if (type === 4 && ligatures) {
        if (!ligatureLookups?.has(index)) ligatureLookups?.set(index, []);
        ligatureLookups?.get(index)!.push(table);
        // A ligature needs its first glyph directly followed by its second: such pairs send a word to fontkit.
        const firsts = coverageList(table.coverage);
        list(table.ligatureSets).forEach((set: Table, i: number) => {
          const first = firsts[i]!;
          for (const ligature of set ? list(set) : []) {
            const second = ligature.components?.[0];
            if (second === undefined) unsafe.add(first);
            else {
              if (!ligatures.has(first)) ligatures.set(first, new Set());
              ligatures.get(first)!.add(second);
            }
          }
        });
        continue;
      }
      if (type !== 5 && type !== 6) {
        allCoverages(table, unsafe);
        continue;
      }
      if (type === 6 && table.version === 2) {
        const covered = new Set<number>();
        coverageGlyphs(table.coverage, covered);
        list(table.chainClassSet).forEach((rules: Table, first: number) => {
          // The first glyph: covered and of the class this rule set is for.
          const firstGlyphs = classGlyphs(table.inputClassDef, first);
          for (const rule of rules ? list(rules) : []) {
            const dead =
              rule.backtrack.some((k: number) => marksOnly(table.backtrackClassDef, k, marks)) ||
              rule.input.some((k: number) => marksOnly(table.inputClassDef, k, marks)) ||
              rule.lookahead.some((k: number) => marksOnly(table.lookaheadClassDef, k, marks));
            if (dead) continue;
            // A rule that needs a glyph of some class fires only in words holding one: those
            // glyphs send a word to fontkit, and the rule's own substitutions need no more.
            const needed = [
              ...(firstGlyphs ? [new Set([...firstGlyphs].filter((g) => covered.has(g)))] : []),
              ...rule.backtrack.map((k: number) => classGlyphs(table.backtrackClassDef, k)),
              ...rule.input.map((k: number) => classGlyphs(table.inputClassDef, k)),
              ...rule.lookahead.map((k: number) => classGlyphs(table.lookaheadClassDef, k)),
            ]
              .filter((g): g is Set<number> => g !== undefined)
              .map((g) => [...g].filter((x) => !marks.has(x)));
            if (needed.length > 0) {
              // Marks are unsafe already: the class with the fewest other glyphs is the cheapest trigger.
              for (const g of needed.reduce((a, b) => (b.length < a.length ? b : a))) unsafe.add(g);
              continue;
            }
            coverageGlyphs(table.coverage, unsafe);
            for (const r of rule.lookupRecords) queue.push(r.lookupListIndex);
          }
        });
        continue;
      }
      if (type === 6 && table.version === 3) {
        const coverages = [...table.backtrackCoverage, ...table.inputCoverage, ...table.lookaheadCoverage];
        if (coverages.some((c: Table) => coverageMarksOnly(c, marks))) continue;
      }
      allCoverages(table, unsafe);
      const nested: number[] = [];
      nestedLookups(table, nested);
      queue.push(...nested);
    }
  }
}

/** Plans a script, or returns undefined when the font does something this path does not copy. */
function planScript(font: ShapableFont, scriptTag: string): ScriptPlan | undefined {
  const marks = markGlyphs(font);
  const unsafe = new Set<number>(marks);
  let ligatures = new Map<number, Set<number>>();
  const ligatureLookups = new Map<number, Table[]>();
  let ligature: Table[] | undefined;
  if (font.GSUB) {
    const start = lookupsOf(font.GSUB, featuresOf(font.GSUB, scriptTag), POSITIONINGS).map((l) => l.index);
    substitutable(font.GSUB, start, marks, unsafe, ligatures, ligatureLookups);
    // One ligature lookup named by a feature itself (not only from a context) is formed here as fontkit forms it.
    const [only] = ligatureLookups.keys();
    if (ligatureLookups.size === 1 && start.includes(only!)) {
      ligature = ligatureLookups.get(only!);
      ligatures = new Map();
    }
  }
  const kerning: Table[] = [];
  if (font.GPOS) {
    for (const { lookup } of lookupsOf(font.GPOS, featuresOf(font.GPOS, scriptTag), POSITIONINGS)) {
      const subs: [number, Table][] = list(lookup.subTables).map((s: Table) => unwrap(lookup.lookupType, s, 9));
      if (subs.every(([type]) => type === 2)) {
        if (lookup.flags?.ignoreBaseGlyphs || lookup.flags?.ignoreLigatures) return undefined;
        if (typeof lookup.flags === 'number' && lookup.flags & IGNORE_BASE_OR_LIGATURE) return undefined;
        kerning.push(subs.map(([, s]) => s));
      } else if (subs.some(([type]) => type === 2)) return undefined;
      else for (const [, s] of subs) allCoverages(s, unsafe);
    }
  }
  return { unsafe, ligatures, ...(ligature ? { ligature } : {}), kerning, pairs: new Map() };
}

function add(p: Position, value: Table): void {
  if (!value) return;
  if (value.xAdvance != null) p.xAdvance += value.xAdvance;
  if (value.yAdvance != null) p.yAdvance += value.yAdvance;
  if (value.xPlacement != null) p.xOffset += value.xPlacement;
  if (value.yPlacement != null) p.yOffset += value.yPlacement;
}

/** The adjustment of the first and second glyph of a pair, or null when the font does not kern it. */
function pairAdjustment(plan: ScriptPlan, first: number, second: number): [Position, Position] | null {
  const key = first * 65536 + second;
  const known = plan.pairs.get(key);
  if (known !== undefined) return known;
  const a: Position = { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 };
  const b: Position = { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 };
  let any = false;
  for (const subtables of plan.kerning) {
    for (const table of subtables) {
      const index = coverageIndex(table.coverage, first);
      if (index === -1) continue;
      if (table.version === 1) {
        let pair: Table;
        for (const p of table.pairSets.get(index)) {
          if (p.secondGlyph === second) {
            pair = p;
            break;
          }
        }
        if (!pair) continue;
        add(a, pair.value1);
        add(b, pair.value2);
      } else {
        const record = table.classRecords.get(classOf(first, table.classDef1)).get(classOf(second, table.classDef2));
        add(a, record.value1);
        add(b, record.value2);
      }
      any = true;
      break;
    }
  }
  const result: [Position, Position] | null = any ? [a, b] : null;
  plan.pairs.set(key, result);
  return result;
}

/**
 * The ligature starting at glyph `i`, as fontkit's ligature substitution forms it: the first
 * subtable covering the glyph with a ligature whose components follow; the ligature glyph
 * stands for the characters of all the glyphs it replaces.
 */
function ligate(font: ShapableFont, subtables: Table[], glyphs: readonly Glyph[], i: number): { glyph: Glyph; count: number } | undefined {
  for (const table of subtables) {
    const index = coverageIndex(table.coverage, glyphs[i]!.id);
    if (index === -1) continue;
    for (const ligature of table.ligatureSets.get(index)) {
      const components: number[] = ligature.components;
      if (i + components.length >= glyphs.length) continue;
      if (!components.every((c, k) => glyphs[i + 1 + k]!.id === c)) continue;
      const codePoints = glyphs.slice(i, i + 1 + components.length).flatMap((g) => g.codePoints);
      return { glyph: font.getGlyph(ligature.glyph, codePoints), count: components.length + 1 };
    }
  }
  return undefined;
}

/** Glyphs by code point per font (fontkit looks each one up in the cmap table again). */
const glyphCache = new WeakMap<ShapableFont, Map<number, Glyph>>();

/** Lays `text` out on the fast path, or returns undefined when fontkit must do it. */
export function simpleLayout(font: ShapableFont, plans: Map<string, ScriptPlan | undefined>, text: string): SimpleRun | undefined {
  let byCode = glyphCache.get(font);
  if (!byCode) {
    byCode = new Map();
    glyphCache.set(font, byCode);
  }
  let latin = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLatin(c)) latin = true;
    else if (!isCommon(c)) return undefined;
  }
  const tag = latin ? 'latn' : 'zzzz';
  if (!plans.has(tag)) plans.set(tag, planScript(font, tag));
  const plan = plans.get(tag);
  if (!plan) return undefined;
  const glyphs: Glyph[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let glyph = byCode.get(c);
    if (!glyph) {
      glyph = font.glyphForCodePoint(c);
      byCode.set(c, glyph);
    }
    if (plan.unsafe.has(glyph.id)) return undefined;
    glyphs.push(glyph);
  }
  for (let i = 0; i + 1 < glyphs.length; i++) if (plan.ligatures.get(glyphs[i]!.id)?.has(glyphs[i + 1]!.id)) return undefined;
  if (plan.ligature) {
    for (let i = 0; i < glyphs.length; i++) {
      const formed = ligate(font, plan.ligature, glyphs, i);
      if (!formed) continue;
      if (plan.unsafe.has(formed.glyph.id)) return undefined;
      glyphs.splice(i, formed.count, formed.glyph);
    }
  }
  const positions: Position[] = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
  for (let i = 0; i + 1 < glyphs.length; i++) {
    const adjustment = pairAdjustment(plan, glyphs[i]!.id, glyphs[i + 1]!.id);
    if (!adjustment) continue;
    for (const [p, d] of [
      [positions[i]!, adjustment[0]],
      [positions[i + 1]!, adjustment[1]],
    ] as const) {
      p.xAdvance += d.xAdvance;
      p.yAdvance += d.yAdvance;
      p.xOffset += d.xOffset;
      p.yOffset += d.yOffset;
    }
  }
  return {
    glyphs,
    positions,
    get advanceWidth() {
      let w = 0;
      for (const p of this.positions) w += p.xAdvance;
      return w;
    },
  };
}

/** Puts the fast path in front of `font.layout` (for calls without features); other calls go to fontkit unchanged. */
export function useSimpleShaping(font: ShapableFont): void {
  if (font._variationProcessor) return;
  const full = font.layout.bind(font);
  const plans = new Map<string, ScriptPlan | undefined>();
  font.layout = (text: string, ...rest: unknown[]) => {
    const features = rest[0];
    if (typeof text === 'string' && rest.length <= 1 && (features === undefined || (Array.isArray(features) && features.length === 0))) {
      const run = simpleLayout(font, plans, text);
      if (run) return run;
    }
    return full(text, ...rest);
  };
}
