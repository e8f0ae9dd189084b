// Money at the boundary: amounts are integer cents everywhere — in every channel's input and output,
// in the database, in the letters. Text becomes cents only here, and cents become text only here.
//
// Shown: `formatCents(cents, language)` — "1.234,56 €" (de-DE) or "€1,234.56" (en-GB), the one
// formatter of the screens and the letters, so screen and document never differ.
//
// Typed: `parseMoneyInput(text, language)` reads what a person typed into a money field (and what a
// price list's cell holds). The language (not the browser's locale) decides the decimal separator:
// ',' in German, '.' in English; the other character separates thousands. Because people type the
// other way round, too:
// - with the decimal separator present, the other character may only group thousands
//   ("1.234,56" → 123456; "1.23,45" is refused);
// - without it, a single grouping character followed by exactly three digits groups thousands
//   ("1.234" → 123400 in German), followed by one or two digits it is the decimal point
//   ("1250.50" → 125050 in German, "12,5" → 1250 in English); several of them must group thousands;
// - at most two decimals (cents); "€", "EUR" and spaces are ignored; anything else is refused (null).
// The digits are read as text, never through a float.
import { z } from 'zod'

type Language = 'de' | 'en'

/** The largest amount a channel takes: 100 million euros, in cents. */
export const MAX_CENTS = 10_000_000_000

/** An amount in integer cents, 0 to 100 million euros: what every money field of a channel takes. */
export const amountCents = z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(MAX_CENTS, 'errors.tooLarge')

const CURRENCY_FORMATS = {
  de: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
} as const

/**
 * Formats integer cents as euros: "1.234,56 €" (de-DE, with a no-break space before €) or
 * "€1,234.56" (en-GB). The amount is handed to Intl as an exact decimal string, so large amounts
 * are not rounded through floating point.
 * @throws RangeError when `cents` is not a safe integer.
 */
export function formatCents(cents: number, language: Language): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a whole number (got ${String(cents)})`)
  const abs = Math.abs(cents)
  const decimal = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
  return CURRENCY_FORMATS[language].format(decimal as Intl.StringNumericLiteral)
}

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

function toScaled(negative: boolean, whole: string, fraction: string, decimals: number): number | null {
  if (fraction.length > decimals || !/^\d*$/.test(fraction)) return null
  const scaled = Number(`${whole}${fraction.padEnd(decimals, '0')}`)
  if (!Number.isSafeInteger(scaled)) return null
  return negative && scaled !== 0 ? -scaled : scaled
}

/**
 * A typed number as an integer in units of 10^-decimals (cents for 2), or null when the text is empty
 * or not a number with at most `decimals` decimals (see the rules above).
 */
export function parseScaledInput(text: string, language: Language, decimals: number): number | null {
  const { decimal, group } = SEPARATORS[language]
  const currency = /^(?:€|eur)|(?:€|eur)$/gi
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(currency, '')
  const negative = /^[-\u2212]/.test(s)
  if (negative) s = s.slice(1).replace(currency, '')
  if (s === '' || !/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null

  const decimalParts = s.split(decimal)
  if (decimalParts.length > 2) return null
  if (decimalParts.length === 2) {
    const whole = integerDigits(decimalParts[0]!, group)
    return whole === null ? null : toScaled(negative, whole, decimalParts[1]!, decimals)
  }

  const parts = s.split(group)
  if (parts.length === 2 && parts[1]!.length !== 3) {
    // One grouping character not followed by three digits: typed as a decimal point.
    return parts[0] === '' && parts[1] === '' ? null : toScaled(negative, parts[0] || '0', parts[1]!, decimals)
  }
  const whole = integerDigits(s, group)
  return whole === null ? null : toScaled(negative, whole, '', decimals)
}

/**
 * Cents from a typed amount, or null when the text is empty or not an amount (see the rules above).
 * parseMoneyInput('1.234,56', 'de') → 123456; parseMoneyInput('1250.50', 'de') → 125050.
 */
export const parseMoneyInput = (text: string, language: Language): number | null => parseScaledInput(text, language, 2)

/**
 * A typed quantity, percentage or count (the same rules, at most `decimals` decimals):
 * parseDecimalInput('1.250', 'de', 3) → 1250 (a German user means thousands), ('2,5', 'de', 3) → 2.5,
 * ('7,5', 'de', 0) → null (a whole number was asked for).
 */
export function parseDecimalInput(text: string, language: Language, decimals: number): number | null {
  const scaled = parseScaledInput(text, language, decimals)
  return scaled === null ? null : Number((scaled / 10 ** decimals).toFixed(decimals))
}

const DECIMAL_FORMATS = new Map<string, Intl.NumberFormat>()
/**
 * A number for an input field after the user left it, as the UI language writes it, grouped so that
 * what was read is plain ("1250" → "1.250"; money with two decimals: "1.250,00").
 */
export function formatDecimalInput(value: number, language: Language, options: { minDecimals?: number; maxDecimals?: number; grouping?: boolean } = {}): string {
  if (!Number.isFinite(value)) return ''
  const { minDecimals = 0, maxDecimals = 3, grouping = true } = options
  const key = `${language}:${minDecimals}:${maxDecimals}:${grouping}`
  let format = DECIMAL_FORMATS.get(key)
  if (!format) {
    const locale = language === 'de' ? 'de-DE' : 'en-GB'
    DECIMAL_FORMATS.set(key, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals, useGrouping: grouping })))
  }
  return format.format(value)
}

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
