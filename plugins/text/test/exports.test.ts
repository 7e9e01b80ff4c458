// Pins the public API of @kommunrapport/plugin-text and checks that no word a reader sees
// is hard-coded in the plugin: every word comes from the vocabulary or the report.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eskilstuna, generic, TERM_KEYS } from '@kommunrapport/model';
import * as api from '../src/index.js';
import { ROOT } from './helpers.js';

describe('@kommunrapport/plugin-text', () => {
  it('exports the plugin as default and these names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'MARKDOWN_FILE', 'MIN_WRAP', 'SPEECH_WRAP', 'TEXT_FILE', 'TextOptions', 'default', 'defaultTextOptions',
        'displayAddress', 'listMarker', 'markdownDialect', 'plainDialect', 'renderText', 'textWidth', 'wrapLine',
      ].sort(),
    );
    expect(api.default.name).toBe('text');
    expect(api.default.formats).toEqual(['text']);
  });

  it('has an index that only re-exports', () => {
    const index = readFileSync(resolve(ROOT, 'plugins/text/src/index.ts'), 'utf8');
    for (const line of index.split('\n')) if (line.trim() && !line.startsWith('//')) expect(line).toMatch(/^export (\*|\{[^}]*\}) from '\.\/[a-z-]+\.js';$/);
  });

  it('hard-codes no word of the vocabularies in its string literals', () => {
    // The Swedish presets' words; words that are also names in code (term keys such as
    // "minus" or "status", the project's name, the `minus` option's value "word", which the
    // term "Word-dokument" also holds) are not words a reader sees from the plugin.
    const keys = new Set<string>([...TERM_KEYS.map((k) => k.toLowerCase()), 'kommunrapport', 'word']);
    const words = new Set<string>();
    for (const g of [eskilstuna, generic]) {
      const texts = [
        ...Object.values(g.terms), ...Object.values(g.levels).flatMap((l) => [l.singular, l.plural]),
        ...[...g.assessment, ...g.trend, ...g.commitmentStatus, ...g.completion].flatMap((s) => [s.label, s.textAlternative]),
        ...Object.values(g.units).flatMap((u) => [u.short, u.long]),
      ];
      // A term's {placeholders} (e.g. {value}) are names in code, filled in by the document.
      for (const text of texts) for (const w of text.replace(/\{\w+\}/g, ' ').split(/[^\p{L}]+/u)) if (w.length >= 4 && !keys.has(w.toLowerCase())) words.add(w.toLowerCase());
    }
    const dir = resolve(ROOT, 'plugins/text/src');
    const found: string[] = [];
    for (const file of readdirSync(dir)) {
      const code = readFileSync(resolve(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
      for (const m of code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) {
        const literal = m[1] ?? m[2] ?? m[3] ?? '';
        for (const w of literal.split(/[^\p{L}]+/u)) if (words.has(w.toLowerCase())) found.push(`${file}: '${literal}'`);
      }
    }
    expect(words.size).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });
});
