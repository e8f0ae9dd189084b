// Tables of the contract and renewal stations (migration 005). Enum columns carry their value lists' types;
// `Default<…>` marks a column the migration gives a default (optional on insert, see sync-columns.ts).
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { LineItemColumns } from '../../platform/line-items.table'
import type { CancelledBy, ChurnReason, ContractStatus, ContractType, NoticeUnit } from '../../../shared/modules/contracts'

export interface ContractTable extends SyncColumns {
  company_id: string
  number: string
  contact_id: string | null
  offer_id: string | null
  type: ContractType
  title: string
  owner_id: Default<string>
  status: ContractStatus
  start_date: string
  minimum_term_months: number
  term_start: string
  end_date: string
  cancel_by: string
  notice_value: number
  notice_unit: NoticeUnit
  renewal_months: Default<number>
  renewal_lead_days: Default<number>
  annual_value_cents: Default<number>
  notes: Default<string>
  /** JSON: the terms so far, [{ start, end, via, offerId? }]. */
  terms_log: Default<string>
  review_due: string | null
  review_done_at: string | null
  final_due: string | null
  final_done_at: string | null
  cancelled_by: Default<CancelledBy | ''>
  cancellation_received_on: string | null
  cancellation_effective_on: string | null
  churn_reason: Default<ChurnReason | ''>
  churn_note: Default<string>
}

export interface ContractItemTable extends LineItemColumns {
  contract_id: string
}

/** A renewal decision's outcome: renewed, ran out ('no_renewal'), or the churn reason of a cancellation. */
export type RenewalOutcome = 'renewed' | 'no_renewal' | ChurnReason

/** Derived, local-only: renewal decisions per month, owner and outcome, with their annual value (migration 037, kept by triggers). */
export interface RenewalStatsTable {
  month: string
  owner_id: string
  outcome: RenewalOutcome
  decisions: number
  value_cents: number
}

/** The same per day, read for the partial months at a report range's edges (migration 037). */
export interface RenewalDayStatsTable {
  day: string
  owner_id: string
  outcome: RenewalOutcome
  decisions: number
  value_cents: number
}
