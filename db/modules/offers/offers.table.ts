// Tables of the offer station (migration 003).
import type { SyncColumns } from '../../platform/sync-columns'
import type { LineItemColumns } from '../../platform/line-items.table'

export interface ProductTable extends SyncColumns {
  sku: string
  name: string
  description: string
  unit: string
  list_price_cents: number
  vat_rate: number
  warranty_months: number
  active: number
}

export interface ConversationTable extends SyncColumns {
  company_id: string
  held_at: string
  situation: string
  needs: string
  goals: string
  worries: string
  decision_criteria: string
  budget: string
  decision_timeline: string
  decision_process: string
  competitors: string
  next_steps: string
  created_by: string
}

export interface ConversationParticipantTable extends SyncColumns {
  conversation_id: string
  company_id: string
  contact_id: string
  buying_role: string
  influence: string
  attitude: string
  cares_about: string
}

export interface OfferTable extends SyncColumns {
  company_id: string
  number: string
  contact_id: string | null
  conversation_id: string | null
  owner_id: string
  status: string
  revision: number
  offer_date: string
  valid_until: string
  offer_discount_percent: number
  payment_net_days: number
  skonto_percent: number
  skonto_days: number
  delivery_terms: string
  introduction: string
  benefits: string
  net_cents: number
  gross_cents: number
  sent_at: string | null
  closed_at: string | null
  order_date: string | null
  order_value_cents: number | null
  lost_reason: string
  lost_competitor: string
  lost_note: string
  contract_id: string | null
  contract_term_months: number
}

export interface OfferItemTable extends LineItemColumns {
  offer_id: string
}

export interface OfferRevisionTable extends SyncColumns {
  offer_id: string
  company_id: string
  revision: number
  sent_at: string
  snapshot: string
}

export interface FollowUpTable extends SyncColumns {
  offer_id: string
  company_id: string
  owner_id: string
  kind: string
  due_date: string
  planned_date: string
  status: string
  done_at: string | null
  outcome: string
  touchpoint_id: string | null
}

/** Derived, local-only: decided offers rolled up per month (migration 004, kept by triggers). */
export interface OfferStatsTable {
  month: string
  owner_id: string
  segment: string
  conv: number
  status: string
  lost_reason: string
  n: number
  value: number
}
