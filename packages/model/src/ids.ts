// Values with rules: ids, kommunkod, dates, years, colours. Checked once when decoding.
import { pattern, Integer } from './codec.js';
import * as t from 'io-ts';

/** A local id: lowercase letters, digits and hyphens, e.g. `naringsliv-och-arbete`. */
export const Id = pattern('id (lowercase a–z, 0–9 and -, e.g. "naringsliv")', /^[a-z0-9][a-z0-9-]{0,79}$/);
export type Id = t.TypeOf<typeof Id>;

/** Kommunkod: the municipality's 4-digit code from SCB, e.g. "0484" for Eskilstuna. */
export const Kommunkod = pattern('kommunkod (4 digits, e.g. "0484")', /^\d{4}$/);
export type Kommunkod = t.TypeOf<typeof Kommunkod>;

/** A calendar date written YYYY-MM-DD. */
export const IsoDate = pattern('date (YYYY-MM-DD)', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
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
