// German public holidays per federal state, and business-day arithmetic on calendar dates (YYYY-MM-DD).
import { FEDERAL_STATES, type FederalState } from '../../modules/customers/customer.enums'

export interface Holiday {
  /** YYYY-MM-DD */
  date: string
  /** German name */
  name: string
}

const DAY_MS = 86_400_000
const MIN_YEAR = 1583 // first full year of the Gregorian calendar
const MAX_YEAR = 9999

// Dates are handled as whole days since 1970-01-01 (UTC), so local time zones never shift a date.

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR} (got ${String(year)})`)
  }
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS
}

function parseDate(date: string): number {
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null
  if (!match) throw new RangeError(`date must be a YYYY-MM-DD string (got ${String(date)})`)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  checkYear(year)
  const n = dayNumber(year, month, day)
  if (month < 1 || month > 12 || day < 1 || day > 31 || formatDay(n) !== date) throw new RangeError(`date is not a calendar date (got ${date})`)
  return n
}

function formatDay(n: number): string {
  const d = new Date(n * DAY_MS)
  const year = d.getUTCFullYear()
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new RangeError(`date is outside the years ${MIN_YEAR} to ${MAX_YEAR}`)
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(n: number): number {
  return new Date(n * DAY_MS).getUTCDay()
}

function checkDays(days: number, allowNegative: boolean): void {
  if (!Number.isSafeInteger(days) || (!allowNegative && days < 0)) {
    throw new RangeError(`days must be a whole number${allowNegative ? '' : ' of at least 0'} (got ${String(days)})`)
  }
}

function easterDayNumber(year: number): number {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return dayNumber(year, month, day)
}

/** Easter Sunday of a Gregorian year (1583–9999) as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  checkYear(year)
  return formatDay(easterDayNumber(year))
}

function holidayDays(year: number, state: FederalState): Array<{ day: number; name: string }> {
  const easter = easterDayNumber(year)
  const fixed = (month: number, day: number) => dayNumber(year, month, day)
  const inStates = (...states: FederalState[]) => states.includes(state)
  const list: Array<{ day: number; name: string }> = []
  const add = (day: number, name: string, applies = true) => {
    if (applies) list.push({ day, name })
  }

  add(fixed(1, 1), 'Neujahr')
  add(fixed(1, 6), 'Heilige Drei Könige', inStates('BW', 'BY', 'ST'))
  add(fixed(3, 8), 'Internationaler Frauentag', (state === 'BE' && year >= 2019) || (state === 'MV' && year >= 2023))
  add(easter - 2, 'Karfreitag')
  // Brandenburg names Easter and Whit Sunday in its holiday law; elsewhere they are ordinary Sundays
  // (Hessen declares every Sunday a holiday, so it does not list them separately).
  add(easter, 'Ostersonntag', state === 'BB')
  add(easter + 1, 'Ostermontag')
  add(fixed(5, 1), 'Tag der Arbeit')
  // One-off holidays in Berlin for the 75th and 80th anniversary of the end of the war in Europe.
  add(fixed(5, 8), 'Tag der Befreiung', state === 'BE' && (year === 2020 || year === 2025))
  add(easter + 39, 'Christi Himmelfahrt')
  add(easter + 49, 'Pfingstsonntag', state === 'BB')
  add(easter + 50, 'Pfingstmontag')
  // Fronleichnam is also a holiday in some Catholic communities of SN and TH; not modelled (state level only).
  add(easter + 60, 'Fronleichnam', inStates('BW', 'BY', 'HE', 'NW', 'RP', 'SL'))
  // Mariä Himmelfahrt: statewide in SL. In BY it is a holiday only in communities with a Catholic
  // majority, which a state code cannot tell, so it is left out for BY (as is Augsburg's Friedensfest).
  add(fixed(8, 15), 'Mariä Himmelfahrt', state === 'SL')
  add(fixed(9, 20), 'Weltkindertag', state === 'TH' && year >= 2019)
  add(fixed(10, 3), 'Tag der Deutschen Einheit')
  add(fixed(10, 31), 'Reformationstag',
    inStates('BB', 'MV', 'SN', 'ST', 'TH') || (inStates('HB', 'HH', 'NI', 'SH') && year >= 2018) || year === 2017)
  add(fixed(11, 1), 'Allerheiligen', inStates('BW', 'BY', 'NW', 'RP', 'SL'))
  // Buß- und Bettag: the Wednesday before 23 November (16–22 November). Only SN since 1995.
  const nov22 = fixed(11, 22)
  add(nov22 - ((weekday(nov22) - 3 + 7) % 7), 'Buß- und Bettag', state === 'SN')
  add(fixed(12, 25), '1. Weihnachtstag')
  add(fixed(12, 26), '2. Weihnachtstag')
  return list.sort((x, y) => x.day - y.day)
}

function checkState(state: FederalState): void {
  if (!(FEDERAL_STATES as readonly string[]).includes(state)) throw new RangeError(`state must be a federal state code (got ${String(state)})`)
}

/**
 * Statutory public holidays of a year (1583–9999) in one federal state, sorted by date. Rules are
 * today's law plus the dated changes since 2017 (Reformationstag, Frauentag, Weltkindertag, Berlin's
 * 8 May 2020/2025); earlier history (e.g. the nationwide Buß- und Bettag until 1994) is not modelled.
 * Holidays of single communities (Mariä Himmelfahrt in Bavaria, Fronleichnam in parts of SN/TH,
 * Augsburger Friedensfest) are not included. Two holidays on one date are both listed.
 */
export function publicHolidays(year: number, state: FederalState): Holiday[] {
  checkYear(year)
  checkState(state)
  return holidayDays(year, state).map(({ day, name }) => ({ date: formatDay(day), name }))
}

const holidayCache = new Map<string, ReadonlySet<number>>()

function holidaySet(year: number, state: FederalState): ReadonlySet<number> {
  const key = `${state}${year}`
  let set = holidayCache.get(key)
  if (!set) {
    set = new Set(holidayDays(year, state).map((h) => h.day))
    holidayCache.set(key, set)
  }
  return set
}

function isBusinessDayNumber(n: number, state: FederalState): boolean {
  const wd = weekday(n)
  if (wd === 0 || wd === 6) return false
  return !holidaySet(new Date(n * DAY_MS).getUTCFullYear(), state).has(n)
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

/** The date `days` calendar days later (earlier for negative `days`). */
export function addCalendarDays(date: string, days: number): string {
  checkDays(days, true)
  return formatDay(parseDate(date) + days)
}
