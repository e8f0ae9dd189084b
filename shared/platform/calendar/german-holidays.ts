// German public holidays per federal state (from the date-holidays library), and business-day
// arithmetic on calendar dates (YYYY-MM-DD).
import { gregorianEaster } from 'date-easter'
import Holidays from 'date-holidays'
import { FEDERAL_STATES, type FederalState } from '../federal-states'
import { checkDays, checkYear, dayNumber, DAY_MS, formatDay, parseDate, weekday } from './calendar-days'

export { addCalendarDays } from './calendar-days'

export interface Holiday {
  /** YYYY-MM-DD */
  date: string
  /** German name */
  name: string
}

/** Easter Sunday of a Gregorian year (1583–9999) as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  checkYear(year)
  const { month, day } = gregorianEaster(year)
  return formatDay(dayNumber(year, month, day))
}

function checkState(state: FederalState): void {
  if (!(FEDERAL_STATES as readonly string[]).includes(state)) throw new RangeError(`state must be a federal state code (got ${String(state)})`)
}

/**
 * The names this app has always shown where the library's differ ("Maifeiertag", and Berlin's
 * "Tag der Befreiung (75. Jahrestag)" / "(80. Jahrestag)"); every other name is the library's.
 */
const OUR_NAMES: Readonly<Record<string, string>> = {
  Maifeiertag: 'Tag der Arbeit',
  'Tag der Befreiung (75. Jahrestag)': 'Tag der Befreiung',
  'Tag der Befreiung (80. Jahrestag)': 'Tag der Befreiung',
}

/** One calendar per state ('' = the country's own, federal holidays), made on first use (making one parses the German rules: a few ms). */
const calendars = new Map<FederalState | '', Holidays>()

function calendar(state: FederalState | ''): Holidays {
  let hd = calendars.get(state)
  if (!hd) {
    hd = state ? new Holidays('DE', state, { languages: ['de'] }) : new Holidays('DE', { languages: ['de'] })
    calendars.set(state, hd)
  }
  return hd
}

interface YearCalendar {
  holidays: readonly Readonly<Holiday>[]
  days: ReadonlySet<number>
}

/** Computed holidays per (state, year): business-day arithmetic asks for the same few years over and over. */
const yearCache = new Map<string, YearCalendar>()
const YEAR_CACHE_LIMIT = 2_000

function yearCalendar(year: number, state: FederalState | ''): YearCalendar {
  const key = `${state}${year}`
  let entry = yearCache.get(key)
  if (!entry) {
    // Only `public` holidays count: the library also knows observances (Rosenmontag, Mariä
    // Himmelfahrt statewide in Bavaria), bank holidays (24 and 31 December) and school days off.
    // Holidays of single communities (Mariä Himmelfahrt in Catholic Bavaria, Augsburg's
    // Friedensfest, Fronleichnam in parts of SN/TH) are kept in the library's regions, which a
    // state code does not select. Dates are the library's calendar days in Europe/Berlin.
    const holidays = calendar(state)
      .getHolidays(year, 'de')
      .filter((h) => h.type === 'public' && h.date.startsWith(`${year}-`))
      .map((h) => Object.freeze({ date: h.date.slice(0, 10), name: OUR_NAMES[h.name] ?? h.name }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    entry = { holidays, days: new Set(holidays.map((h) => parseDate(h.date))) }
    if (yearCache.size >= YEAR_CACHE_LIMIT) yearCache.clear()
    yearCache.set(key, entry)
  }
  return entry
}

/**
 * Statutory public holidays of a year (1583–9999) in one federal state, sorted by date, from the
 * date-holidays library (type `public` only). That includes the dated changes (Reformationstag
 * 2017 everywhere and since 2018 in HB/HH/NI/SH, Frauentag in BE since 2019 and MV since 2023,
 * Weltkindertag in TH since 2019) and the one-off days the library knows (Berlin: 8 May 2020 and
 * 2025, 17 June 2028). Holidays of single communities (Mariä Himmelfahrt in Bavaria, Fronleichnam
 * in parts of SN/TH, Augsburger Friedensfest) are not included. Two holidays on one date are both
 * listed. Brandenburg's list includes Ostersonntag and Pfingstsonntag, which its holiday law names.
 */
export function publicHolidays(year: number, state: FederalState): Holiday[] {
  checkYear(year)
  checkState(state)
  return yearCalendar(year, state).holidays.map((h) => ({ ...h }))
}

/**
 * The public holidays of a year that every federal state keeps (the library's country-level calendar: the federal
 * days, and Reformationstag 2017), sorted by date: what counts when a customer's state is not known. One calendar
 * instead of intersecting all sixteen states' (~25 vs ~250 ms for the first year asked; the same days, tested).
 */
export function nationwideHolidays(year: number): Holiday[] {
  checkYear(year)
  return yearCalendar(year, '').holidays.map((h) => ({ ...h }))
}

function isBusinessDayNumber(n: number, state: FederalState): boolean {
  const wd = weekday(n)
  if (wd === 0 || wd === 6) return false
  return !yearCalendar(new Date(n * DAY_MS).getUTCFullYear(), state).days.has(n)
}

/** Monday to Friday and not a public holiday in the state. */
export function isBusinessDay(date: string, state: FederalState): boolean {
  checkState(state)
  return isBusinessDayNumber(parseDate(date), state)
}

/**
 * The date `days` business days later. The start is first moved to the next business day if it is
 * not one (a date falling on a weekend or holiday counts as the following business day), then
 * `days` business days are counted from there: Thursday 2026-12-24 + 3 in any state → 2026-12-30;
 * Saturday + 0 → Monday, Saturday + 1 → Tuesday. So the result grows strictly with `days`, and
 * addBusinessDays(addBusinessDays(d, a), b) = addBusinessDays(d, a + b).
 * @throws RangeError for a malformed date or a negative or fractional `days`.
 */
export function addBusinessDays(date: string, days: number, state: FederalState): string {
  checkState(state)
  checkDays(days, false)
  let n = parseDate(date)
  while (!isBusinessDayNumber(n, state)) n++
  for (let left = days; left > 0; ) {
    n++
    if (isBusinessDayNumber(n, state)) left--
  }
  return formatDay(n)
}

/** The date itself if it is a business day, else the closest earlier business day. */
export function previousBusinessDay(date: string, state: FederalState): string {
  checkState(state)
  let n = parseDate(date)
  while (!isBusinessDayNumber(n, state)) n--
  return formatDay(n)
}
