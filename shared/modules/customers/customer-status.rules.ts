// The company status follows the business, at the moment the business changes (issue 13, item 7). Pure.
//
// "Business" is a running contract (signed, not ended) or a won offer of its own. When a company gains
// business, a prospect (or a former customer won back) becomes a customer; when it loses its last
// business, a customer becomes a former customer. Only the change moves the status, never the fact as
// such: a status the user sets by hand stays until the business changes again. Each device remembers the
// fact it last saw (company_journey.business, local) and compares.
import type { CompanyStatus } from './customer.enums'

/** What a refresh may do with the status (who refreshes, and why). */
export interface StatusPolicy {
  /** May move prospect / former → customer when business appears (a local write: an offer won, a contract made). */
  raise: boolean
  /** May move customer → former when the last business ends (the daily roll, on one device per company). */
  lapse: boolean
  /** The user chose the status by hand in this write: the fact counts as seen, nothing moves. */
  manual: boolean
}

/** A local write (an offer won, a contract made or changed, a case …): raises, leaves an ending to the roll. */
export const LOCAL_WRITE: StatusPolicy = { raise: true, lapse: false, manual: false }
/** The user saved the company with a status of their choosing. */
export const MANUAL_STATUS: StatusPolicy = { raise: false, lapse: false, manual: true }
/** The daily roll on the device that moves this company by the date (its account owner's). */
export const ROLL_OWNER: StatusPolicy = { raise: true, lapse: true, manual: false }
/** Applying colleagues' changes, or the roll for a company another device moves: the status comes with the sync. */
export const PULLED: StatusPolicy = { raise: false, lapse: false, manual: false }

export interface StatusDecision {
  /** The new status, or null to keep it. */
  move: CompanyStatus | null
  /** Whether the device stores the fact as seen; false keeps a change pending for a device that may act on it. */
  record: boolean
}

/**
 * `seen` is the fact this device stored last, `business` the fact now. A device that never looked
 * (seen null: a laptop that upgraded, a company pulled before it had a journey row) takes the present as
 * seen: a won offer from long ago must not move a status someone chose since. Business that appeared
 * elsewhere came with the sync, together with the status its device chose (or a colleague chose by hand
 * since): a pull takes it as seen, so a later local write cannot raise it over that choice. Only an
 * ending stays pending, for the device that moves this company by the date (its owner's roll).
 */
export function statusDecision(status: CompanyStatus, seen: number | null, business: boolean, policy: StatusPolicy): StatusDecision {
  if (seen === null) return { move: null, record: true }
  const had = seen === 1
  let wanted: CompanyStatus | null = null
  if (!had && business && status !== 'customer') wanted = 'customer'
  if (had && !business && status === 'customer') wanted = 'former'
  if (!wanted) return { move: null, record: true }
  if (policy.manual) return { move: null, record: true }
  const allowed = wanted === 'customer' ? policy.raise : policy.lapse
  if (allowed) return { move: wanted, record: true }
  return { move: null, record: wanted === 'customer' }
}
