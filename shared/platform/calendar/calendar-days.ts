// Calendar days (YYYY-MM-DD) as whole days since 1970-01-01 (UTC), so local time zones never shift
// a date. No holidays here: code that only counts calendar days (and the renderer) need not load the
// holiday library through german-holidays.ts.

export const DAY_MS = 86_400_000
export const MIN_YEAR = 1583 // first full year of the Gregorian calendar
export const MAX_YEAR = 9999

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR} (got ${String(year)})`)
  }
}

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS
}

export function parseDate(date: string): number {
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null
  if (!match) throw new RangeError(`date must be a YYYY-MM-DD string (got ${String(date)})`)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  checkYear(year)
  const n = dayNumber(year, month, day)
  if (month < 1 || month > 12 || day < 1 || day > 31 || formatDay(n) !== date) throw new RangeError(`date is not a calendar date (got ${date})`)
  return n
}

export function formatDay(n: number): string {
  const d = new Date(n * DAY_MS)
  const year = d.getUTCFullYear()
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new RangeError(`date is outside the years ${MIN_YEAR} to ${MAX_YEAR}`)
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(n: number): number {
  return new Date(n * DAY_MS).getUTCDay()
}

export function checkDays(days: number, allowNegative: boolean): void {
  if (!Number.isSafeInteger(days) || (!allowNegative && days < 0)) {
    throw new RangeError(`days must be a whole number${allowNegative ? '' : ' of at least 0'} (got ${String(days)})`)
  }
}

/** The date `days` calendar days later (earlier for negative `days`). */
export function addCalendarDays(date: string, days: number): string {
  checkDays(days, true)
  return formatDay(parseDate(date) + days)
}
