// Money at the boundary: every money field of every channel takes integer cents, named `…Cents`, and
// refuses a float or a string with a field error (shared/platform/money.ts, amountCents).
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract } from '../../shared/ipc/contract'
import { contractFieldsSchema } from '../../shared/modules/contracts/contract.schema'
import { offerFieldsSchema, offerWinSchema, productFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { complaintDetailsSchema, referralThanksSchema } from '../../shared/modules/service/service.schema'
import { toFieldErrors } from '../../shared/platform/field-errors'
import { amountCents, MAX_CENTS } from '../../shared/platform/money'
import { newId } from '../../db/platform/ids'

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : toFieldErrors(result.error as z.ZodError)

const id = newId()
const item = { name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 123_456, discountPercent: 0, vatRate: 7, optional: false }
const VALID: Array<[string, z.ZodType, Record<string, unknown>, string]> = [
  ['an offer item', offerFieldsSchema, { companyId: id, offerDate: '2026-11-20', validUntil: '2026-12-20', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, deliveryTerms: '', introduction: '', benefits: '', items: [item] }, 'items.0.unitPriceCents'],
  ['a product', productFieldsSchema, { sku: 'PS-200', name: 'Prüfstand', description: '', unit: 'Stück', listPriceCents: 149_999, vatRate: 19, warrantyMonths: 24, active: true }, 'listPriceCents'],
  ['a won offer', offerWinSchema, { id, orderDate: '2026-11-20', orderValueCents: 373_897 }, 'orderValueCents'],
  ['a contract', contractFieldsSchema, { companyId: id, type: 'service', title: 'Wartung', startDate: '2027-01-01', minimumTermMonths: 12, noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_200_000, items: [item] }, 'annualValueCents'],
  ['a complaint', complaintDetailsSchema, { id, category: '', rootCause: '', correctiveAction: '', goodwillCents: 15_000 }, 'goodwillCents'],
  ['a referral thanked', referralThanksSchema, { id, reward: 'Gutschein', rewardValueCents: 5_000, note: '' }, 'rewardValueCents'],
]

/** Sets the value at a dotted path ("items.0.unitPriceCents") in a copy of the input. */
function withValue(input: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(input)
  const keys = path.split('.')
  let node = copy as Record<string, unknown>
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>
  node[keys.at(-1)!] = value
  return copy
}

describe('money fields of the channels', () => {
  it.each(VALID)('%s takes integer cents', (_name, schema, input, path) => {
    expect(errorsOf(schema.safeParse(input))).toEqual({})
    expect(errorsOf(schema.safeParse(withValue(input, path, 0)))).toEqual({})
    expect(errorsOf(schema.safeParse(withValue(input, path, MAX_CENTS)))).toEqual({})
  })

  it.each(VALID)('%s refuses euros as a float with a field error', (_name, schema, input, path) => {
    expect(errorsOf(schema.safeParse(withValue(input, path, 1234.56)))).toEqual({ [path]: 'errors.integer' })
    expect(errorsOf(schema.safeParse(withValue(input, path, 0.5)))).toEqual({ [path]: 'errors.integer' })
  })

  it.each(VALID)('%s refuses a string, even one of digits, with a field error', (_name, schema, input, path) => {
    expect(errorsOf(schema.safeParse(withValue(input, path, '123456')))).toEqual({ [path]: 'errors.number' })
    expect(errorsOf(schema.safeParse(withValue(input, path, '1.234,56')))).toEqual({ [path]: 'errors.number' })
  })

  it.each(VALID)('%s refuses negative, too large, not finite and missing amounts', (_name, schema, input, path) => {
    expect(errorsOf(schema.safeParse(withValue(input, path, -1)))).toEqual({ [path]: 'errors.notNegative' })
    expect(errorsOf(schema.safeParse(withValue(input, path, MAX_CENTS + 1)))).toEqual({ [path]: 'errors.tooLarge' })
    expect(errorsOf(schema.safeParse(withValue(input, path, Number.NaN)))).toEqual({ [path]: 'errors.number' })
    expect(errorsOf(schema.safeParse(withValue(input, path, Number.POSITIVE_INFINITY)))).toEqual({ [path]: expect.stringMatching(/^errors\./) })
    expect(errorsOf(schema.safeParse(withValue(input, path, null)))).toEqual({ [path]: 'errors.number' })
    expect(errorsOf(schema.safeParse(withValue(input, path, undefined)))).toEqual({ [path]: 'errors.number' })
  })

  it('refuses unsafe integers', () => {
    expect(amountCents.safeParse(Number.MAX_SAFE_INTEGER + 2).success).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
// No money field in euros is left in the contract: every key of every channel's input is walked.

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; left?: z.ZodType; right?: z.ZodType; in?: z.ZodType; out?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType }
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Every object key of a schema, with the schema of its value, through arrays, intersections, pipes, defaults and unions. */
function keysOf(schema: z.ZodType, out: Array<[string, z.ZodType]> = []): Array<[string, z.ZodType]> {
  const def = defOf(schema)
  if (def.shape) for (const [key, value] of Object.entries(def.shape)) out.push([key, value], ...keysOf(value))
  for (const inner of [def.element, def.left, def.right, def.in, def.out, def.innerType, def.valueType, ...(def.options ?? [])]) if (inner) keysOf(inner, out)
  return out
}

describe('the IPC contract', () => {
  const keys = Object.values(contract).flatMap((c) => keysOf(c.input as z.ZodType))

  it('names every money field …Cents; none is left in euros', () => {
    const names = new Set(keys.map(([key]) => key))
    expect([...names].filter((k) => /^(unitPrice|listPrice|orderValue|annualValue|goodwill|rewardValue|price|amount|euros?)$/i.test(k))).toEqual([])
    expect([...names].filter((k) => k.endsWith('Cents')).sort()).toEqual(['annualValueCents', 'goodwillCents', 'listPriceCents', 'orderValueCents', 'purchasePriceCents', 'rewardValueCents', 'unitPriceCents'])
  })

  it('every …Cents field is the integer-cents schema', () => {
    for (const [key, schema] of keys.filter(([k]) => k.endsWith('Cents'))) {
      expect(schema.safeParse(123_456).success, key).toBe(true)
      expect(schema.safeParse(1234.56).success, key).toBe(false)
      expect(schema.safeParse('123456').success, key).toBe(false)
    }
  })
})

describe('a line item accepts only what its totals can compute', () => {
  // The schema's decimal check is the totals' own: a value it passes never fails lineNetCents after the line is
  // written (a fuzzed contracts.update with quantity 9.4e-323 once committed, then failed).
  it('refuses a quantity or discount too small or too fine to be a decimal of three (two) places', async () => {
    const { offerItemSchema } = await import('../../shared/platform/line-items.schema')
    const { lineNetCents } = await import('../../shared/platform/line-item-totals')
    for (const quantity of [9.4e-323, 1e-7, 0.0004, 1.0005]) {
      expect(offerItemSchema.safeParse({ ...item, quantity }).success, String(quantity)).toBe(false)
    }
    for (const discountPercent of [5e-324, 1e-9, 1.005]) {
      expect(offerItemSchema.safeParse({ ...item, discountPercent }).success, String(discountPercent)).toBe(false)
    }
    for (const [quantity, discountPercent] of [[0.001, 0.01], [0.3, 19.99], [1250.5, 0.07], [1_000_000, 100]] as const) {
      const parsed = offerItemSchema.parse({ ...item, quantity, discountPercent })
      expect(() => lineNetCents(parsed)).not.toThrow()
    }
  })
})
