// Running text with the organisation registry's abbreviations marked up: every known
// abbreviation becomes <abbr title="full name">, and the first one in reading order is
// also written out in text ("Stadsbyggnadsnämnden (SBN)"). Strings only ever become text nodes.
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { Vocabulary } from '@kommunrapport/core';

/** Turns strings into hast text with abbreviations; remembers which were written out. */
export interface TextRenderer {
  /** The hast nodes of one piece of running text, in reading order. */
  text(value: string): ElementContent[];
}

/** Creates a renderer for one page: call it in reading order, so "first use" is the first one a reader meets. */
export function createTextRenderer(vocabulary: Vocabulary): TextRenderer {
  const introduced = new Set<string>();
  return {
    text(value) {
      const out: ElementContent[] = [];
      const segments = vocabulary.segments(value);
      segments.forEach((seg, i) => {
        if ('text' in seg) {
          out.push({ type: 'text', value: seg.text });
          return;
        }
        const abbr = h('abbr', { title: seg.name }, seg.abbreviation);
        // Already written out by the author, before ("Stadsbyggnadsnämnden (SBN)") or after
        // ("SBN (Stadsbyggnadsnämnden)"): only mark it up.
        const prev = segments[i - 1];
        const next = segments[i + 1];
        const writtenOut =
          (prev !== undefined && 'text' in prev && prev.text.trimEnd().endsWith(`${seg.name} (`)) ||
          (next !== undefined && 'text' in next && next.text.trimStart().startsWith(`(${seg.name})`));
        if (introduced.has(seg.abbreviation) || writtenOut) out.push(abbr);
        else out.push({ type: 'text', value: `${seg.name} (` }, abbr, { type: 'text', value: ')' });
        introduced.add(seg.abbreviation);
      });
      return out;
    },
  };
}
