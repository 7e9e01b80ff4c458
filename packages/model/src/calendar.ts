// The length of a month, for telling a date that exists (2024-02-29) from one of the right
// form that does not (2023-02-29, 2022-04-31). Internal: the codec and its hint use it.

/** The days of a month (1–12) of a year in the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
