// What an erasure (DSGVO Art. 17) decides and records: closed value lists, also used by the row schema.

/** An open offer addressed to the person: kept for the statistics without its addressee, or withdrawn. */
export const OFFER_DECISIONS = ['keepWithoutContact', 'withdraw'] as const
export type OfferDecision = (typeof OFFER_DECISIONS)[number]

/** The kinds of record an erasure may be about (today only a contact person). */
/** A contact person, or a lead that was never converted (its erasure names no company: organisation-wide). */
export const ERASED_TABLES = ['contacts', 'leads'] as const
export type ErasedTable = (typeof ERASED_TABLES)[number]
