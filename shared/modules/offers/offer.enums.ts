// Closed lists of the offer station. Labels live in the i18n catalogues (`enum.<list>.<value>`).
import { isOneOf } from '../../platform/value-lists'

export const OFFER_STATUSES = ['draft', 'sent', 'negotiation', 'won', 'lost', 'withdrawn', 'expired'] as const
export type OfferStatus = (typeof OFFER_STATUSES)[number]

// The business predicates over an offer's status, each defined once here (SQL: db/modules/offers/offer.predicates.ts).
/**
 * Open: sent and waiting for the customer's decision. These get follow-ups, expire after their validity,
 * can be won or lost, and make a referral's status "offer sent".
 */
export const OPEN_OFFER_STATUSES = ['sent', 'negotiation'] as const satisfies readonly OfferStatus[]
export type OpenOfferStatus = (typeof OPEN_OFFER_STATUSES)[number]
/**
 * Undecided: not closed yet, drafts included. These put the customer at the offer station (the journey's
 * `openOfferCount`), are the offer list's "open" filter, and allow one renewal offer per contract at a time.
 */
export const UNDECIDED_OFFER_STATUSES = ['draft', ...OPEN_OFFER_STATUSES] as const satisfies readonly OfferStatus[]
export type UndecidedOfferStatus = (typeof UNDECIDED_OFFER_STATUSES)[number]
/** Closed: no longer changed (no edit, no revision, no sending). */
export const CLOSED_OFFER_STATUSES = ['won', 'lost', 'withdrawn', 'expired'] as const satisfies readonly OfferStatus[]
/** Decided by the customer (or by time): what the order rate counts. A withdrawn offer was never decided. */
export const DECIDED_OFFER_STATUSES = ['won', 'lost', 'expired'] as const satisfies readonly OfferStatus[]
export type DecidedOfferStatus = (typeof DECIDED_OFFER_STATUSES)[number]

export const isOpenOffer = (status: string): status is OpenOfferStatus => isOneOf(OPEN_OFFER_STATUSES, status)
export const isUndecidedOffer = (status: string): status is UndecidedOfferStatus => isOneOf(UNDECIDED_OFFER_STATUSES, status)
export const isClosedOffer = (status: string): boolean => isOneOf(CLOSED_OFFER_STATUSES, status)

/** The default catalogue of lost reasons (DOMAIN: "Gründe für verlorene Aufträge"). */
export const LOST_REASONS = ['price', 'competitor', 'timing', 'no_budget', 'no_decision', 'requirements', 'relationship', 'other'] as const
export type LostReason = (typeof LOST_REASONS)[number]
/** Lost for these, the customer may name a day to be contacted again ("Wieder melden am"). */
export const RECONTACT_REASONS = ['timing', 'no_budget'] as const satisfies readonly LostReason[]

export const FOLLOW_UP_KINDS = ['after_first', 'after_second', 'before_expiry'] as const
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]
export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const
/** A promise to the customer (a next step agreed in a conversation): open until kept, or cancelled. */
export const PROMISE_STATUSES = ['open', 'kept', 'cancelled'] as const
export type PromiseStatus = (typeof PROMISE_STATUSES)[number]
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

export const UNITS = ['Stück', 'Stunde', 'Tag', 'Pauschale', 'Meter', 'kg', 'Lizenz', 'Monat'] as const

/** Default follow-up cadence: business days after sending, and calendar days before the validity ends. */
export const DEFAULT_CADENCE = { afterBusinessDays: [3, 10], daysBeforeExpiry: 5 } as const
export const DEFAULT_VALIDITY_DAYS = 30
