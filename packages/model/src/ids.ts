// Values with rules: ids, kommunkod, dates, years, colours. Checked once when decoding.
import { pattern, Integer } from './codec.js';
import { daysInMonth } from './calendar.js';
import * as t from 'io-ts';

/** A local id: lowercase letters, digits and hyphens, e.g. `naringsliv-och-arbete`. */
export const Id = pattern('id (lowercase a–z, 0–9 and -, e.g. "naringsliv")', /^[a-z0-9][a-z0-9-]{0,79}$/);
export type Id = t.TypeOf<typeof Id>;

/** Kommunkod: the municipality's 4-digit code from SCB, e.g. "0484" for Eskilstuna. */
export const Kommunkod = pattern('kommunkod (4 digits, e.g. "0484")', /^\d{4}$/);
export type Kommunkod = t.TypeOf<typeof Kommunkod>;

/** A day that exists in its month: 2024-02-29, not 2023-02-29 or 2022-04-31. */
const inCalendar = (date: string): boolean => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return d <= daysInMonth(y, m);
};

/**
 * A calendar date written YYYY-MM-DD that exists: 2022-02-30 and 2023-02-29 are refused
 * (the form alone let them through, and every format printed a day that never was). The
 * JSON Schema keeps the form's pattern.
 */
export const IsoDate = pattern('date (YYYY-MM-DD)', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, inCalendar);
export type IsoDate = t.TypeOf<typeof IsoDate>;

/** A year between 1900 and 2200. */
export const Year = new t.Type<number, number, unknown>(
  'year (e.g. 2022)',
  (u): u is number => Integer.is(u) && u >= 1900 && u <= 2200,
  (u, c) => (Integer.is(u) && u >= 1900 && u <= 2200 ? t.success(u) : t.failure(u, c)),
  t.identity,
);
export type Year = t.TypeOf<typeof Year>;

/** A colour written #rrggbb. */
export const HexColour = pattern('colour (#rrggbb)', /^#[0-9a-fA-F]{6}$/);
export type HexColour = t.TypeOf<typeof HexColour>;

// Characters no IRI written into RDF/XML, HTML or a CSV may hold: white space, quotes,
// angle brackets and the other characters RFC 3987 excludes, controls, bidi and zero-width.
const NOT_IN_IRI = String.raw`\s<>"'{}|\\^\x60\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff`;

/**
 * A web address (webbadress): an absolute IRI with the scheme https, http (with a host) or
 * mailto, and none of the characters an IRI may not hold. Anything else (`javascript:`,
 * a relative path, text with spaces or quotes) is refused, so it can never be written
 * into linked data, a link or a page as an address.
 */
export const WebIri = pattern(
  'web address (absolute https://, http:// or mailto: IRI without spaces or quotes, e.g. "https://www.eskilstuna.se/")',
  new RegExp(`^(?:https?://[^/?#@${NOT_IN_IRI}]+(?:[/?#][^${NOT_IN_IRI}]*)?|mailto:[^@${NOT_IN_IRI}]+@[^@${NOT_IN_IRI}]+)$`, 'i'),
);
export type WebIri = t.TypeOf<typeof WebIri>;

/** An e-mail address (e-postadress), e.g. `kommunstyrelsen@eskilstuna.se` (a leading `mailto:` is allowed). */
export const EmailAddress = pattern(
  'e-mail address (name@domain, e.g. "kommunstyrelsen@eskilstuna.se")',
  new RegExp(String.raw`^(?:mailto:)?[^@(),;:${NOT_IN_IRI}]+@[^@(),;:${NOT_IN_IRI}]+\.[^@(),;:${NOT_IN_IRI}]+$`, 'i'),
);
export type EmailAddress = t.TypeOf<typeof EmailAddress>;
