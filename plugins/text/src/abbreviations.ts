// Abbreviations written out at first use: "Stadsbyggnadsnämnden (SBN)" the first time the
// text says SBN, only "SBN" afterwards. Uses the vocabulary's organisation registry.
import type { Vocabulary } from '@kommunrapport/core';

/** Writes out abbreviations at their first use in a document, in the order texts are given. */
export interface AbbreviationWriter {
  /** The text with every abbreviation not seen before written out. */
  write(text: string): string;
  /** The abbreviations met so far, in the order of first use. */
  readonly seen: ReadonlySet<string>;
}

/** A suffix joined to an abbreviation: "KLK:s", "KS-nivå". */
const SUFFIX = /^[:\-\u2010\u2011][\p{L}\p{N}]+/u;
/** An identifier that starts like an abbreviation: "KS/2022:17" is a case number, not Kommunstyrelsen. */
const IDENTIFIER = /^\/\d/u;
/** A parenthesis right after the abbreviation: "EEM (Eskilstuna Energi & Miljö AB)". */
const GLOSS = /^ \(([^()]*)\)/u;

const firstWord = (s: string) => (/^[\p{L}\p{N}]+/u.exec(s.trim())?.[0] ?? '').toLowerCase();

/**
 * Creates a writer for one document. Call `write` on every text in reading order. The first
 * use is written "Name (ABBR)"; when the abbreviation carries a suffix ("KLK:s") the whole
 * word stays and the name follows in parentheses: "KLK:s (Kommunledningskontoret)". Where
 * the author already wrote the name out, before ("Stadsbyggnadsnämnden (SBN)") or after
 * ("EEM (Eskilstuna Energi & Miljö AB)"), that counts as the first use and nothing is added.
 * Later explanations by the author are dropped, so only the abbreviation stays after its first
 * use. Identifiers such as the case number "KS/2022:17" are left alone.
 */
export function createAbbreviationWriter(vocabulary: Vocabulary): AbbreviationWriter {
  const seen = new Set<string>();
  return {
    seen,
    write(text) {
      const segments = vocabulary.segments(text);
      let out = '';
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i]!;
        if ('text' in segment) {
          out += segment.text;
          continue;
        }
        const { abbreviation, name } = segment;
        const next = segments[i + 1];
        const after = next !== undefined && 'text' in next ? next.text : '';
        if (IDENTIFIER.test(after)) {
          out += abbreviation;
          continue;
        }
        const lower = out.toLowerCase();
        const closes = after.startsWith(')');
        const namedBefore = closes && lower.endsWith(`${name} (`.toLowerCase());
        // The name in the genitive before it: "Kommunledningskontorets (KLK)".
        const genitiveBefore = closes && !namedBefore && [`${name}s (`, `${name}'s (`, `${name}’s (`].some((g) => lower.endsWith(g.toLowerCase()));
        const gloss = GLOSS.exec(after);
        const namedAfter = gloss !== null && firstWord(gloss[1]!) === firstWord(name);
        if (seen.has(abbreviation)) {
          // Written out again by the author after its first use: only the abbreviation stays.
          if (namedBefore) {
            out = out.slice(0, out.length - name.length - 2);
            segments[i + 1] = { text: after.slice(1) };
          } else if (genitiveBefore) {
            // The name stays, in the author's genitive; the repeated explanation goes.
            out = out.slice(0, out.length - 2);
            segments[i + 1] = { text: after.slice(1) };
            continue;
          } else if (namedAfter) segments[i + 1] = { text: after.slice(gloss[0].length) };
          out += abbreviation;
          continue;
        }
        seen.add(abbreviation);
        if (namedBefore || genitiveBefore || namedAfter) {
          out += abbreviation;
          continue;
        }
        const suffix = SUFFIX.exec(after)?.[0];
        if (suffix !== undefined && next !== undefined && 'text' in next) {
          out += `${abbreviation}${suffix} (${name})`;
          segments[i + 1] = { text: after.slice(suffix.length) };
        } else out += `${name} (${abbreviation})`;
      }
      return out;
    },
  };
}
