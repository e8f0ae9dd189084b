// Line items as offers and contracts share them: a unit price in integer cents, with quantity,
// discount and one of the three German VAT rates.
import { z } from 'zod'
import { optionalIdSchema, requiredText, text } from './common.schema'
import { amountCents } from './money'

/**
 * At most `decimals` places, checked as the totals check it (line-item-totals.ts `toScaledInteger`): the value is the
 * double nearest to its rounded decimal. A looser check let 9.4e-323 pass as a quantity, and the totals then failed
 * after the line had been written.
 */
const atMostDecimals = (decimals: number) => (v: number) => Math.round(v * 10 ** decimals) / 10 ** decimals === v
export const percent = z.number('errors.number').finite('errors.number').min(0, 'errors.notNegative').max(100, 'errors.percentMax')
  .refine(atMostDecimals(2), 'errors.twoDecimals')
export const quantity = z.number('errors.number').finite('errors.number').gt(0, 'errors.quantityPositive').max(1_000_000, 'errors.tooLarge')
  .refine(atMostDecimals(3), 'errors.threeDecimals')
export const vatRate = z.union([z.literal(19), z.literal(7), z.literal(0)], 'errors.invalidChoice')

export const offerItemSchema = z.object({
  productId: optionalIdSchema,
  sku: text(40),
  name: requiredText(200),
  description: text(2000),
  quantity,
  unit: requiredText(20),
  unitPriceCents: amountCents,
  discountPercent: percent,
  vatRate,
  optional: z.boolean(),
})
export type OfferItemFields = z.output<typeof offerItemSchema>


/** A stored line item as the screens get it. */
export interface OfferItem {
  id: string
  position: number
  productId: string
  sku: string
  name: string
  description: string
  quantity: number
  unit: string
  unitPriceCents: number
  discountPercent: number
  vatRate: 19 | 7 | 0
  optional: boolean
  netCents: number
}

