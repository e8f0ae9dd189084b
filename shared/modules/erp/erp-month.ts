// ERP months as the facts store them ("YYYY-MM") and as people and ERP exports write them.
import { MONTH_PATTERN } from './erp.enums'

/** Month names and their short forms in German and English, folded to lower case without dots. */
const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['jan', 'januar', 'january', 'jänner', 'jän'],
  ['feb', 'februar', 'february'],
  ['mär', 'mrz', 'mar', 'märz', 'maerz', 'march'],
  ['apr', 'april'],
  ['mai', 'may'],
  ['jun', 'juni', 'june'],
  ['jul', 'juli', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['okt', 'oct', 'oktober', 'october'],
  ['nov', 'november'],
  ['dez', 'dec', 'dezember', 'december'],
]

const month = (year: number, m: number): string | null =>
  year >= 1990 && year <= 2200 && m >= 1 && m <= 12 ? `${year}-${String(m).padStart(2, '0')}` : null

/**
 * Reads a month as "2026-11", "11/2026", "11.2026", "11/26" is refused (a two-digit year is ambiguous),
 * "Nov 2026", "November 2026", "Okt. 2026" (German or English names), or a day of the month as an Excel date
 * cell reads ("01.11.2026" → its month). Answers "YYYY-MM" or null.
 */
export function parseErpMonth(text: string): string | null {
  const s = text.trim().toLowerCase()
  let m = /^(\d{4})-(\d{1,2})$/.exec(s)
  if (m) return month(Number(m[1]), Number(m[2]))
  m = /^(\d{1,2})\s*[/.]\s*(\d{4})$/.exec(s)
  if (m) return month(Number(m[2]), Number(m[1]))
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s)
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 31) return month(Number(m[3]), Number(m[2]))
  m = /^(\p{L}+)\.?\s*[-/ ]?\s*(\d{4})$/u.exec(s)
  if (m) {
    const index = MONTH_NAMES.findIndex((names) => names.includes(m![1]!))
    return index < 0 ? null : month(Number(m[2]), index + 1)
  }
  return null
}

export const isErpMonth = (value: string): boolean => MONTH_PATTERN.test(value)

/** The month `n` months after `value` (negative: before): addMonths("2026-11", -23) → "2024-12". */
export function addMonths(value: string, n: number): string {
  const [y, mo] = value.split('-').map(Number) as [number, number]
  const index = y * 12 + (mo - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Every month from `first` to `last`, both included, in order. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = []
  for (let current = first; current <= last; current = addMonths(current, 1)) out.push(current)
  return out
}
