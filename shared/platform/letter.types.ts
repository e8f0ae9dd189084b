// Everything the offer letter (DOCX, DIN 5008) needs, gathered by the offer service. Pure data:
// amounts in cents, dates as ISO strings, texts as the user typed them.

/**
 * The seller: letterhead and footer. No logo and no other file path: a sent revision's snapshot is
 * synced to other laptops, so the logo is never part of the letter input — each device embeds the
 * logo of its own company profile when it renders the letter.
 */
export interface CompanyProfile {
  name: string
  street: string
  postalCode: string
  city: string
  phone: string
  email: string
  website: string
  managingDirectors: string
  registerCourt: string
  registerNumber: string
  vatId: string
  bankName: string
  iban: string
  bic: string
}

export interface LetterItem {
  position: number
  sku: string
  name: string
  description: string
  quantity: number
  unit: string
  unitPriceCents: number
  discountPercent: number
  vatRate: number
  /** Net line amount after the item discount, in cents. */
  netCents: number
  /** Optional items are listed but not in the totals. */
  optional: boolean
}

export interface LetterTotals {
  itemsNetCents: number
  offerDiscountPercent: number
  offerDiscountCents: number
  netCents: number
  vat: Array<{ rate: number; baseCents: number; vatCents: number }>
  grossCents: number
  optionalNetCents: number
}

export interface OfferLetterInput {
  language: 'de' | 'en'
  seller: CompanyProfile
  /** The customer company and the addressee. */
  recipient: {
    companyName: string
    street: string
    postalCode: string
    city: string
    salutation: 'mr' | 'ms' | 'none'
    title: string
    firstName: string
    lastName: string
    jobFunction: string
  }
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
  totals: LetterTotals
  paymentTerms: { netDays: number; skontoPercent: number; skontoDays: number }
  deliveryTerms: string
  rep: { name: string; jobTitle: string; phone: string; email: string }
}
