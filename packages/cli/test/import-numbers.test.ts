// Swedish number formats, unit headers and exact unit conversion of the import.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSwedishNumber, shiftDecimal, splitUnit, unitShift } from '../src/import/numbers.js';
import { csvCellCount, decodeCsv, detectDelimiter, parseCsv } from '../src/import/sheet.js';

const value = (s: string) => {
  const r = parseSwedishNumber(s);
  return r.ok ? r.value : `error: ${r.reason}`;
};

describe('parseSwedishNumber', () => {
  it.each([
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5], // non-breaking space, as Excel writes thousands
    ['1\u202f234,5', 1234.5], // narrow non-breaking space
    ['12 345 678', 12345678],
    ['−12,3', -12.3], // U+2212
    ['-12,3', -12.3],
    ['–12,3', -12.3], // en dash typed as minus
    ['(1 234)', -1234],
    ['(1 234,5)', -1234.5],
    ['+5', 5],
    ['0,5', 0.5],
    [',5', 0.5],
    ['12.5', 12.5],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['12 %', 12],
    ['−3,5 %', -3.5],
    ['0', 0],
    ['-0', 0],
  ])('reads %j as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each(['', '   ', '-', '–', '—', '−', '..'])('reads %j as no value', (text) => {
    expect(value(text)).toBeNull();
  });

  it.each(['abc', '12,3,4', '1 2,3a', '12..5', '#DIV/0!', '(12', '1,234.5'])('rejects %j', (text) => {
    expect(value(text)).toMatch(/^error:/);
  });

  it.each([
    ['0,12345678901234567890', '0.12345678901234568'],
    ['1 234 567 890 123,456789', '1234567890123.4568'],
  ])('refuses %j, with more digits than a number can keep, as a report does (it was rounded silently)', (text, read) => {
    expect(value(text)).toBe(`error: written with more digits than a number can keep (it would be read as ${read}); round it to at most 15 digits`);
  });

  it('marks a trailing % as a percentage', () => {
    expect(parseSwedishNumber('12 %')).toEqual({ ok: true, value: 12, percent: true });
    expect(parseSwedishNumber('12')).toEqual({ ok: true, value: 12, percent: false });
  });

  it('reads back every number written the Swedish way (property)', () => {
    // Any amount with up to 2 decimals, written with space grouping, decimal comma and U+2212
    // or parentheses for negatives, reads back as the same number.
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom(' ', '\u00a0', '\u202f'), fc.boolean(), (cents, decimals, space, parens) => {
        const n = cents / 10 ** decimals;
        const abs = Math.abs(n).toFixed(decimals);
        const [int, frac] = abs.split('.') as [string, string | undefined];
        const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, space) + (frac ? `,${frac}` : '');
        const text = n < 0 ? (parens ? `(${grouped})` : `−${grouped}`) : grouped;
        expect(value(text)).toBe(Number(n.toFixed(decimals)) || 0);
      }),
    );
  });
});

describe('units', () => {
  it.each([
    ['Utfall aug (tkr)', 'Utfall aug', 'tkr'],
    ['Utfall aug, mnkr', 'Utfall aug', 'mnkr'],
    ['Belopp i miljoner kronor', 'Belopp', 'mnkr'],
    ['Belopp i tkr', 'Belopp', 'tkr'],
    ['Andel %', 'Andel', 'percent'],
    ['tkr', '', 'tkr'],
    ['Kr', '', 'kr'],
    ['Budget helår', 'Budget helår', undefined],
    ['Kommunikation, IT och digitalisering', 'Kommunikation, IT och digitalisering', undefined],
  ])('splits %j into %j and %s', (header, label, unit) => {
    expect(splitUnit(header)).toEqual(unit ? { label, unit } : { label });
  });

  it('converts between kr, tkr and mnkr by powers of ten and refuses amount ↔ percent', () => {
    expect(unitShift('tkr', 'mnkr')).toBe(-3);
    expect(unitShift('kr', 'mnkr')).toBe(-6);
    expect(unitShift('mnkr', 'tkr')).toBe(3);
    expect(unitShift('tkr', 'tkr')).toBe(0);
    expect(unitShift('percent', 'percent')).toBe(0);
    expect(unitShift('tkr', 'percent')).toBeUndefined();
  });

  it('shifts decimals exactly (30 210 tkr is 30,21 mnkr, not 30,209999…)', () => {
    expect(shiftDecimal(30210, -3)).toBe(30.21);
    expect(shiftDecimal(-1234.5, -3)).toBe(-1.2345);
    expect(shiftDecimal(0.15, 3)).toBe(150);
    expect(shiftDecimal(0.07, 2)).toBe(7); // 0.07 * 100 is 7.000000000000001 in floating point
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        expect(shiftDecimal(shiftDecimal(n, -3), 3)).toBe(n);
        expect(shiftDecimal(n / 10, -3)).toBe(Number(`${n}e-4`));
      }),
    );
  });
});

describe('CSV as Swedish Excel writes it', () => {
  it('decodes Windows-1252, UTF-8 with and without BOM', () => {
    expect(decodeCsv(Uint8Array.from([0x48, 0xe5, 0x6c, 0x6c]))).toEqual({ text: 'Håll', encoding: 'windows-1252' });
    // 0x96 is the en dash Excel writes for "no value", 0x80 the euro sign (not Latin-1 controls).
    expect(decodeCsv(Uint8Array.from([0x96, 0x3b, 0x80, 0x3b, 0xd6]))).toEqual({ text: '–;€;Ö', encoding: 'windows-1252' });
    expect(decodeCsv(new TextEncoder().encode('Håll'))).toEqual({ text: 'Håll', encoding: 'utf-8' });
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Håll')]))).toEqual({ text: 'Håll', encoding: 'utf-8 (BOM)' });
  });

  it('counts the cells of a CSV as parseCsv splits them, without making them', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ';', ',', '"', '\n', '\r', ' ') }), (text) => {
        expect(csvCellCount(text)).toBe(parseCsv(text).reduce((n, row) => n + row.length, 0));
      }),
      { seed: 20221031, numRuns: 2000 },
    );
  });

  it('detects ; or , and keeps quoted delimiters, quotes and line breaks', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(parseCsv('Rad;"Kommunikation; IT";"Säg ""hej"""\r\n"två\nrader";2;3\r\n')).toEqual([
      ['Rad', 'Kommunikation; IT', 'Säg "hej"'],
      ['två\nrader', '2', '3'],
    ]);
  });
});
