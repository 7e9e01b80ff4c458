// The document's description: one or two sentences a search engine or a catalogue shows
// under the title (HTML's meta description, a PDF's Subject). Taken from the author's own
// words: the summary's first paragraphs, else the cover decision's description; a report
// with neither is described by its title and cover facts in the vocabulary's words.
import { inlineText, type Report, type RichText } from '@kommunrapport/model';
import type { Vocabulary } from '../vocabulary.js';
import { ownerFacts } from './owner.js';

/** The longest description, in characters: what search engines show in full. */
export const DESCRIPTION_LENGTH = 160;

/** The text of the paragraphs of rich text (lists left out), one space between paragraphs. */
const paragraphs = (blocks: RichText | undefined): string =>
  (blocks ?? []).flatMap((b) => (b.type === 'paragraph' ? [inlineText(b.children).trim()] : [])).filter((p) => p !== '').join(' ');

/**
 * Cuts text to at most `max` characters: whole sentences when the first one fits, else
 * whole words and an ellipsis. White space is folded to single spaces.
 */
export function clipText(text: string, max = DESCRIPTION_LENGTH): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= max) return folded;
  // A sentence ends at . ! or ? followed by a space and a capital letter or digit (not "t.ex. att").
  let end = 0;
  for (const m of folded.matchAll(/[.!?](?= [\p{Lu}\d])/gu)) {
    if (m.index + 1 > max) break;
    end = m.index + 1;
  }
  if (end > 0) return folded.slice(0, end);
  const cut = folded.slice(0, max).replace(/\s+\S*$/u, '').replace(/[\s,;:–—-]+$/u, '');
  return `${cut}…`;
}

/** The description of a report, deterministic, at most {@link DESCRIPTION_LENGTH} characters. */
export function describeReport(report: Report, v: Vocabulary): string {
  const own = paragraphs(report.summary) || paragraphs(report.decision?.description);
  if (own) return clipText(own);
  // The body first, then its kommun (a kommunalförbund: its members, else its seat), then the period.
  const owner = ownerFacts(report, v);
  const body = owner.find((f) => f.term === v.bodyTerm())!;
  const place = owner.find((f) => f !== body)!;
  const facts = [`${body.term}: ${body.value}`, `${place.term}: ${place.value}`, `${v.term('period')}: ${report.period.label}`];
  return clipText(`${report.title}. ${facts.join('. ')}.`);
}
