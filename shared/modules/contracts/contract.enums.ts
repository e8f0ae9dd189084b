// Closed lists of the contract and renewal stations. Labels live in the i18n catalogues (`enum.<list>.<value>`).

export const CONTRACT_TYPES = ['supply', 'service', 'maintenance', 'rental', 'software'] as const
export type ContractType = (typeof CONTRACT_TYPES)[number]

/**
 * `renewed`: running in a term after a tacit renewal or a won renewal offer. A cancelled contract
 * keeps running until its effective date; `ended`: ran out without renewal.
 */
export const CONTRACT_STATUSES = ['active', 'renewed', 'cancelled_customer', 'cancelled_us', 'ended'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]
/** Running and renewing unless someone cancels: these have a cancel-by date that matters. */
export const RENEWING_STATUSES = ['active', 'renewed'] as const satisfies readonly ContractStatus[]
export const CANCELLED_STATUSES = ['cancelled_customer', 'cancelled_us'] as const satisfies readonly ContractStatus[]

export const CANCELLED_BY = ['customer', 'us'] as const
export type CancelledBy = (typeof CANCELLED_BY)[number]

/** The churn-reason catalogue: why a contract was not continued. */
export const CHURN_REASONS = ['price', 'competitor', 'no_need', 'service_quality', 'product_quality', 'budget', 'insolvency', 'merger', 'other'] as const
export type ChurnReason = (typeof CHURN_REASONS)[number]

export const RENEWAL_REMINDER_KINDS = ['renewal_review', 'renewal_final'] as const
export type RenewalReminderKind = (typeof RENEWAL_REMINDER_KINDS)[number]

/** The renewal pipeline's horizons: cancel-by dates in the next 30, 90 and 180 days. */
export const PIPELINE_HORIZONS = [30, 90, 180] as const
