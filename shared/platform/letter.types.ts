// What every letter (DOCX, DIN 5008) is made from: the parties and the item lines. Pure data: amounts
// in cents, dates as ISO strings, texts as the user typed them. What one kind of letter adds lives with
// its module (OfferLetterInput in shared/modules/offers, ContractLetterInput in shared/modules/contracts).

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

/** The customer company and the addressee. */
export interface LetterRecipient {
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

/** The rep who signs: their direct line is already joined to the main number (letter-profile.ts, joinPhone). */
export interface LetterRep {
  name: string
  jobTitle: string
  phone: string
  email: string
  /** Absent in snapshots frozen before the mobile number was asked for. */
  mobile?: string
}

/** Who writes to whom, and in which language: what every letter to a customer shares. */
export interface LetterParties {
  language: 'de' | 'en'
  seller: CompanyProfile
  recipient: LetterRecipient
  rep: LetterRep
}
