// Money in the renderer: one formatter for amounts shown, one parser for amounts typed.
//
// Shown: `formatCents(cents, language)` — "1.234,56 €" (de-DE) or "€1,234.56" (en-GB), the same
// formatter the letters use, so screen and document never differ.
//
// Typed: `parseMoneyInput(text, language)` reads what a person typed into a money field. The app's
// language (not the browser's) decides the decimal separator: ',' in German, '.' in English; the
// other character separates thousands. Because people type the other way round, too:
// - with the decimal separator present, the other character may only group thousands
//   ("1.234,56" → 123456; "1.23,45" is refused);
// - without it, a single grouping character followed by exactly three digits groups thousands
//   ("1.234" → 123400 in German), followed by one or two digits it is the decimal point
//   ("1250.50" → 125050 in German, "12,5" → 1250 in English); several of them must group thousands;
// - at most two decimals (cents); "€", "EUR" and spaces are ignored; anything else is refused (null).
// Forms keep sending what the IPC contract asks for (euros as a number): `centsToEuros` turns the
// parsed cents into that number, `eurosToCents` turns a number from the contract back into cents.
import type { Language } from '../../../shared/modules/customers'
import { formatCents as formatCentsShared } from '../../../shared/platform/line-item-totals'

/** Integer cents as an amount in the UI language: "1.234,56 €" / "€1,234.56". */
export const formatCents = (cents: number, language: Language): string => formatCentsShared(cents, language)

/** @deprecated Use `formatCents`; kept for pages that still import the old name. */
export const money = formatCents

const SEPARATORS: Record<Language, { decimal: string; group: string }> = {
  de: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
}

const escape = (c: string) => `\\${c}`

/** Digits grouped by thousands ("1.234.567"), the first group without a leading zero. */
const groupedDigits = (group: string) => new RegExp(`^[1-9]\\d{0,2}(?:${escape(group)}\\d{3})+$`)

function integerDigits(part: string, group: string): string | null {
  if (part === '') return '0'
  if (/^\d+$/.test(part)) return part
  return groupedDigits(group).test(part) ? part.split(group).join('') : null
}

function toCents(negative: boolean, whole: string, fraction: string): number | null {
  if (fraction.length > 2 || !/^\d*$/.test(fraction)) return null
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(cents)) return null
  return negative && cents !== 0 ? -cents : cents
}

/**
 * Cents from a typed amount, or null when the text is empty or not an amount (see the rules above).
 * parseMoneyInput('1.234,56', 'de') → 123456; parseMoneyInput('1250.50', 'de') → 125050.
 */
export function parseMoneyInput(text: string, language: Language): number | null {
  const { decimal, group } = SEPARATORS[language]
  const currency = /^(?:€|eur)|(?:€|eur)$/gi
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(currency, '')
  const negative = /^[-\u2212]/.test(s)
  if (negative) s = s.slice(1).replace(currency, '')
  if (s === '' || !/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null

  const decimals = s.split(decimal)
  if (decimals.length > 2) return null
  if (decimals.length === 2) {
    const whole = integerDigits(decimals[0]!, group)
    return whole === null ? null : toCents(negative, whole, decimals[1]!)
  }

  const parts = s.split(group)
  if (parts.length === 2 && parts[1]!.length !== 3) {
    // One grouping character not followed by three digits: typed as a decimal point.
    return parts[0] === '' && parts[1] === '' ? null : toCents(negative, parts[0] || '0', parts[1]!)
  }
  const whole = integerDigits(s, group)
  return whole === null ? null : toCents(negative, whole, '')
}

/** Cents from euros given as a number (the contract's float euros), exact for two decimals. */
export function eurosToCents(euros: number): number {
  if (!Number.isFinite(euros)) return Number.NaN
  // "12.345" → "12.345e2" → 1234.5: shifting the decimal text avoids 1.005 * 100 = 100.49999….
  const shifted = Number(`${euros}e2`)
  return Math.round(Number.isFinite(shifted) ? shifted : euros * 100)
}

/** Euros as a number (what the forms send) from cents. */
export const centsToEuros = (cents: number): number => cents / 100

/**
 * An amount for a money input, as a person would type it in the UI language: no thousands
 * separators, decimals only when there are cents ("12000", "1499,99", "12,50"; English "1499.99").
 */
export function formatMoneyInput(cents: number, language: Language): string {
  if (!Number.isSafeInteger(cents)) return ''
  const abs = Math.abs(cents)
  const whole = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}`
  return abs % 100 === 0 ? whole : `${whole}${SEPARATORS[language].decimal}${String(abs % 100).padStart(2, '0')}`
}
