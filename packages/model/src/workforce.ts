// Workforce (medarbetare): headcount by gender and sick leave per year.
import * as t from 'io-ts';
import { strict, NonEmptyString, FiniteNumber, Integer } from './codec.js';
import { Year } from './ids.js';

/** Headcount of permanent employees (tillsvidareanställda) at a date, by gender. */
export const Headcount = strict('Headcount', 'Number of permanent employees (tillsvidareanställda) at a point in time, total and by gender.', {
  asOf: NonEmptyString,
  total: Integer,
  women: Integer,
  men: Integer,
});
export type Headcount = t.TypeOf<typeof Headcount>;

/** Sick leave (sjukfrånvaro) for one year in percent of scheduled hours, total and by gender. */
export const SickLeaveYear = strict('SickLeaveYear', 'Sick leave for one year in percent of scheduled hours.', {
  year: Year,
  total: FiniteNumber,
  women: FiniteNumber,
  men: FiniteNumber,
});
export type SickLeaveYear = t.TypeOf<typeof SickLeaveYear>;

/** Workforce figures (personal). */
export const Workforce = strict(
  'Workforce',
  'Workforce figures: headcount by gender and the sick-leave table.',
  {},
  { headcount: Headcount, sickLeaveTitle: NonEmptyString, sickLeave: t.array(SickLeaveYear) },
);
export type Workforce = t.TypeOf<typeof Workforce>;
