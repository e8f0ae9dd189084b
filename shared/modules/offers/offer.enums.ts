// Closed lists of the offer station. Labels live in the i18n catalogues (`enum.<list>.<value>`).

export const OFFER_STATUSES = ['draft', 'sent', 'negotiation', 'won', 'lost', 'withdrawn', 'expired'] as const
export type OfferStatus = (typeof OFFER_STATUSES)[number]
/** Offers still waiting for the customer's decision: they count as "open" on the journey and get follow-ups. */
export const OPEN_OFFER_STATUSES = ['sent', 'negotiation'] as const satisfies readonly OfferStatus[]
export const CLOSED_OFFER_STATUSES = ['won', 'lost', 'withdrawn', 'expired'] as const satisfies readonly OfferStatus[]

/** The default catalogue of lost reasons (DOMAIN: "Gründe für verlorene Aufträge"). */
export const LOST_REASONS = ['price', 'competitor', 'timing', 'no_budget', 'no_decision', 'requirements', 'relationship', 'other'] as const
export type LostReason = (typeof LOST_REASONS)[number]

export const FOLLOW_UP_KINDS = ['after_first', 'after_second', 'before_expiry'] as const
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]
export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const

export const UNITS = ['Stück', 'Stunde', 'Tag', 'Pauschale', 'Meter', 'kg', 'Lizenz', 'Monat'] as const

/** Default follow-up cadence: business days after sending, and calendar days before the validity ends. */
export const DEFAULT_CADENCE = { afterBusinessDays: [3, 10], daysBeforeExpiry: 5 } as const
export const DEFAULT_VALIDITY_DAYS = 30
