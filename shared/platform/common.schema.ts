// Building blocks for input schemas. Messages are i18n keys so form and handler speak the user's language.
import { z } from 'zod'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
export const idSchema = z.string('errors.invalid').regex(UUID_V7, 'errors.invalid')
/** A reference the user must choose: "required" when empty, "invalid" when not an id. */
export const requiredIdSchema = z.string('errors.required').min(1, 'errors.required').regex(UUID_V7, 'errors.invalid')

/** No stored text holds a NUL (the sync server refuses rows with one); typed or pasted, it is a field error. */
const noNul = (value: string) => !value.includes('\u0000')
const trimmed = (max: number) => z.string('errors.invalid').trim().max(max, 'errors.tooLong').refine(noNul, 'errors.invalid')
/** Optional free text: trimmed; an omitted field is the empty string. */
export const text = (max: number) => trimmed(max).default('')
export const requiredText = (max: number) => z.string('errors.required').trim().min(1, 'errors.required').max(max, 'errors.tooLong').refine(noNul, 'errors.invalid')
/** Optional text that must match a pattern when given. */
export const patternText = (max: number, pattern: RegExp, message: string) => trimmed(max).regex(pattern, message).default('')

export const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values, 'errors.invalidChoice'), z.literal('')], 'errors.invalidChoice').default('')

export const emailSchema = trimmed(254).refine((v) => v === '' || z.regexes.email.test(v), 'errors.email').default('')
export const phoneSchema = patternText(40, /^[+0-9 ()/.-]*$/, 'errors.phone')
export const optionalIdSchema = z.union([idSchema, z.literal('')], 'errors.invalid').default('')

/**
 * A calendar day the app works with: 1900–2199. Term, notice, business-day and time-zone arithmetic stays
 * far inside the calendar's range (year 0000 is a valid ISO date, but no customer's day).
 */
export const FIRST_DAY = '1900-01-01'
export const LAST_DAY = '2199-12-31'
export const daySchema = z.iso.date('errors.date').refine((d) => d >= FIRST_DAY && d <= LAST_DAY, 'errors.date')

/** An instant (UTC), as ISO 8601 with offset. */
export const instantSchema = z.iso.datetime({ offset: true, error: 'errors.dateTime' })

export const sortDirSchema = z.enum(['asc', 'desc'])
export const pagingSchema = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}

export interface Page<T> {
  rows: T[]
  /** The number of matches; a lower bound when `totalIsLowerBound` (a long list counts only so far ahead, db/platform/capped-count). */
  total: number
  offset: number
  totalIsLowerBound?: boolean
}

/**
 * The most characters a text field of a schema takes (`text(4000)` → 4000), for the form's counter, so
 * the limit is said once, in the schema. Undefined for anything that is not a limited text.
 */
export function maxLengthOf(field: z.ZodType): number | undefined {
  const inner = field instanceof z.ZodDefault || field instanceof z.ZodOptional ? field.unwrap() : field
  return inner instanceof z.ZodString ? (inner.maxLength ?? undefined) : undefined
}
