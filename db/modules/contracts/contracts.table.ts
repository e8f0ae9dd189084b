// Tables of the contract and renewal stations (migration 005).
import type { SyncColumns } from '../../platform/sync-columns'
import type { LineItemColumns } from '../../platform/line-items.table'

export interface ContractTable extends SyncColumns {
  company_id: string
  number: string
  contact_id: string | null
  offer_id: string | null
  type: string
  title: string
  owner_id: string
  status: string
  start_date: string
  minimum_term_months: number
  term_start: string
  end_date: string
  cancel_by: string
  notice_value: number
  notice_unit: string
  renewal_months: number
  renewal_lead_days: number
  annual_value_cents: number
  notes: string
  /** JSON: the terms so far, [{ start, end, via, offerId? }]. */
  terms_log: string
  review_due: string | null
  review_done_at: string | null
  final_due: string | null
  final_done_at: string | null
  cancelled_by: string
  cancellation_received_on: string | null
  cancellation_effective_on: string | null
  churn_reason: string
  churn_note: string
}

export interface ContractItemTable extends LineItemColumns {
  contract_id: string
}
