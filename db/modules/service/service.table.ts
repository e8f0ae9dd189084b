// Tables of the use phase (migration 006).
import type { SyncColumns } from '../../platform/sync-columns'

export interface AssetTable extends SyncColumns {
  company_id: string
  product_id: string | null
  name: string
  serial_number: string
  site: string
  delivered_on: string | null
  installed_on: string | null
  warranty_end: string | null
  contract_id: string | null
  owner_id: string
  notes: string
  warranty_reminder_due: string | null
  warranty_reminder_done_at: string | null
}

export interface CaseTable extends SyncColumns {
  company_id: string
  number: string
  type: string
  contact_id: string | null
  asset_id: string | null
  channel: string
  received_at: string
  subject: string
  description: string
  priority: string
  owner_id: string
  status: string
  acknowledge_due: string
  resolve_due: string
  sla_due: string | null
  acknowledged_at: string | null
  resolved_at: string | null
  closed_at: string | null
  rejection_reason: string
  category: string
  root_cause: string
  corrective_action: string
  goodwill_cents: number
  satisfaction: number | null
  under_warranty: number | null
  warranty_decision: string
  decision_reason: string
  rma_number: string
  return_status: string
}

export interface CaseLineTable extends SyncColumns {
  case_id: string
  company_id: string
  position: number
  product_id: string | null
  name: string
  quantity: number
  reason: string
}

export interface CaseEventTable extends SyncColumns {
  case_id: string
  company_id: string
  at: string
  kind: string
  text: string
  message_key: string | null
  message_params: string | null
  customer_informed: number
  created_by: string
}

export interface ReferralTable extends SyncColumns {
  company_id: string
  contact_id: string | null
  referred_company_id: string
  owner_id: string
  note: string
  thank_due: string | null
  thanked_at: string | null
  reward: string
  reward_value_cents: number
}

export interface FeedbackTable extends SyncColumns {
  company_id: string
  contact_id: string | null
  kind: string
  station: string
  given_on: string
  score: number | null
  comment: string
  quote_permission: number
  before_figure: string
  after_figure: string
  owner_id: string
  ask_due: string | null
  ask_done_at: string | null
}
