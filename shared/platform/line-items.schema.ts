// Line items as offers and contracts share them: a unit price in integer cents, with quantity,
// discount and one of the three German VAT rates.
import { z } from 'zod'
import { optionalIdSchema, requiredText, text } from './common.schema'
import { amountCents } from './money'

export const percent = z.number('errors.number').finite('errors.number').min(0, 'errors.notNegative').max(100, 'errors.percentMax')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'errors.twoDecimals')
export const quantity = z.number('errors.number').finite('errors.number').gt(0, 'errors.quantityPositive').max(1_000_000, 'errors.tooLarge')
  .refine((v) => Math.abs(Math.round(v * 1000) - v * 1000) < 1e-6, 'errors.threeDecimals')
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

