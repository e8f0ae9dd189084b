// Closed lists of the contract and renewal stations. Labels live in the i18n catalogues (`enum.<list>.<value>`).
import { isOneOf } from '../../platform/value-lists'

export const CONTRACT_TYPES = ['supply', 'service', 'maintenance', 'rental', 'software'] as const
export type ContractType = (typeof CONTRACT_TYPES)[number]

/**
 * `renewed`: running in a term after a tacit renewal or a won renewal offer. A cancelled contract
 * keeps running until its effective date; `ended`: ran out without renewal.
 */
export const CONTRACT_STATUSES = ['active', 'renewed', 'cancelled_customer', 'cancelled_us', 'ended'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

// The business predicates over a contract, each defined once here (SQL: db/modules/contracts/contract.predicates.ts).
/** Renewing: running and renewing unless someone cancels. These have a cancel-by date that matters. */
export const RENEWING_STATUSES = ['active', 'renewed'] as const satisfies readonly ContractStatus[]
export type RenewingStatus = (typeof RENEWING_STATUSES)[number]
/** Cancelled by either side: the contract still runs until its effective end. */
export const CANCELLED_STATUSES = ['cancelled_customer', 'cancelled_us'] as const satisfies readonly ContractStatus[]
/** The statuses of a contract that can be running: renewing ones always, cancelled ones until their effective end. */
export const RUNNING_CONTRACT_STATUSES = [...RENEWING_STATUSES, ...CANCELLED_STATUSES] as const satisfies readonly ContractStatus[]
/** A renewal has been decided at least once: renewed, cancelled, or ran out (every status but a first term still running). */
export const RENEWAL_DECIDED_STATUSES = ['renewed', ...CANCELLED_STATUSES, 'ended'] as const satisfies readonly ContractStatus[]

export const isRenewing = (status: string): status is RenewingStatus => isOneOf(RENEWING_STATUSES, status)

/**
 * Running on `today`: renewing, or cancelled and not yet at its effective end (the agreed date, else the end
 * of the running term). The contract list's "running" filter; the journey's usage station also needs it started.
 */
export function isRunningContract(c: { status: ContractStatus; cancellationEffectiveOn: string | null; endDate: string }, today: string): boolean {
  if (isRenewing(c.status)) return true
  return isOneOf(CANCELLED_STATUSES, c.status) && (c.cancellationEffectiveOn ?? c.endDate) >= today
}

export const CANCELLED_BY = ['customer', 'us'] as const
export type CancelledBy = (typeof CANCELLED_BY)[number]

/** The churn-reason catalogue: why a contract was not continued. */
export const CHURN_REASONS = ['price', 'competitor', 'no_need', 'service_quality', 'product_quality', 'budget', 'insolvency', 'merger', 'other'] as const
export type ChurnReason = (typeof CHURN_REASONS)[number]

export const RENEWAL_REMINDER_KINDS = ['renewal_review', 'renewal_final'] as const
export type RenewalReminderKind = (typeof RENEWAL_REMINDER_KINDS)[number]

/** The renewal pipeline's horizons: cancel-by dates in the next 30, 90 and 180 days. */
export const PIPELINE_HORIZONS = [30, 90, 180] as const
