// Everything the offer letter (DOCX, DIN 5008) needs, gathered by the offer service and frozen in a sent
// revision's snapshot. Pure data: amounts in cents, dates as ISO strings, texts as the user typed them.
import type { LetterItem, LetterParties } from '../../platform/letter.types'

export interface OfferLetterTotals {
  itemsNetCents: number
  offerDiscountPercent: number
  offerDiscountCents: number
  netCents: number
  vat: Array<{ rate: number; baseCents: number; vatCents: number }>
  grossCents: number
  optionalNetCents: number
}

export interface OfferLetterInput extends LetterParties {
  offerNumber: string
  revision: number
  offerDate: string
  validUntil: string
  customerNumber: string
  /** From the pre-offer conversation (empty without one): what the letter's introduction takes up. */
  conversation: {
    date: string
    needs: string
    goals: string
    worries: string
    decisionCriteria: string
  } | null
  /** Benefits the rep wrote in answer to the needs and worries (one per line). */
  benefits: string
  /** Free introduction text (optional; replaces the generated opening paragraph when set). */
  introduction: string
  items: LetterItem[]
  totals: OfferLetterTotals
  paymentTerms: { netDays: number; skontoPercent: number; skontoDays: number }
  deliveryTerms: string
}
