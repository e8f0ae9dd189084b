// Dates at the boundary of a form: typed and shown as the UI language writes them, whatever the
// browser's locale ("01.12.2026" in German, "01/12/2026" in English — day first in both: the app's
// English is British), handed to the data layer as ISO days ("2026-12-01").
//
// Read: day, month, year separated by ".", "/" or "-" ("1.12.2026", "01.12.26" — a two-digit year is
// the nearest one not more than 20 years ahead), or an ISO day as pasted from elsewhere ("2026-12-01"). Anything else, and days that do
// not exist (31.02.2026), are refused (null). Our own code: no library reads German partial dates
// without a locale of the browser, and the rules fit in a dozen lines.

type Language = 'de' | 'en'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return null
  const date = new Date(Date.UTC(2000, month - 1, day))
  date.setUTCFullYear(year)
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

function twoDigitYear(yy: number, thisYear: number): number {
  // The window of a hundred years that ends 20 years ahead of this year.
  let year = Math.floor(thisYear / 100) * 100 + yy
  if (year > thisYear + 20) year -= 100
  if (year <= thisYear - 80) year += 100
  return year
}

/**
 * An ISO day from a typed date, or null when it is not one (see above). A two-digit year is the one
 * within 20 years ahead of `thisYear` or else the century before ("01.01.98" in 2026 is 1998,
 * "01.01.45" is 2045), as German forms read it.
 */
export function parseDateInput(text: string, thisYear: number = new Date().getFullYear()): string | null {
  const s = text.trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(s)
  if (!dmy) return null
  const year = dmy[3]!.length === 2 ? twoDigitYear(Number(dmy[3]), thisYear) : Number(dmy[3])
  return isoDay(year, Number(dmy[2]), Number(dmy[1]))
}

/** An ISO day as the UI language writes it in a field: "01.12.2026" / "01/12/2026"; other text as it is. */
export function formatDateInput(value: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return value
  return language === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`
}

/** What the field shows while empty: the pattern to type. */
export const DATE_PATTERN_HINT: Record<Language, string> = { de: 'TT.MM.JJJJ', en: 'DD/MM/YYYY' }

/**
 * A local date and time ("YYYY-MM-DDTHH:MM", as the browser's date-time field gives it) from what was
 * typed: a date as above, then the time of day ("29.11.2026 14:30", "29.11.26, 9:05"); null otherwise.
 */
export function parseDateTimeInput(text: string): string | null {
  const m = /^(.+?)(?:,\s*|\s+|T)(\d{1,2})[:.](\d{2})(?:\s*Uhr)?$/i.exec(text.trim())
  if (!m) return null
  const day = parseDateInput(m[1]!)
  const hour = Number(m[2])
  const minute = Number(m[3])
  if (!day || hour > 23 || minute > 59) return null
  return `${day}T${pad(hour)}:${pad(minute)}`
}

/** A local date and time for a field in the UI language: "29.11.2026 14:30" / "29/11/2026 14:30"; other text as it is. */
export function formatDateTimeInput(value: string, language: Language): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value)
  return m ? `${formatDateInput(m[1]!, language)} ${m[2]}` : value
}

export const DATE_TIME_PATTERN_HINT: Record<Language, string> = { de: 'TT.MM.JJJJ HH:MM', en: 'DD/MM/YYYY HH:MM' }
