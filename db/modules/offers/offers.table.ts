// Tables of the offer station (migration 003). Enum columns carry their value lists' types;
// `Default<…>` marks a column the migration gives a default (optional on insert, see sync-columns.ts).
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { LineItemColumns } from '../../platform/line-items.table'
import type { VatRate } from '../../../shared/platform/line-item-totals'
import type { Attitude, BuyingRole, InfluenceLevel, Segment } from '../../../shared/modules/customers'
import type { ApprovalStatus } from '../../../shared/modules/offers/discount.rules'
import type { DecidedOfferStatus, FollowUpKind, FollowUpStatus, LostReason, OfferStatus } from '../../../shared/modules/offers'

export interface ProductTable extends SyncColumns {
  sku: string
  name: string
  description: Default<string>
  unit: Default<string>
  list_price_cents: number
  vat_rate: Default<VatRate>
  warranty_months: Default<number>
  active: Default<number>
  /** What the product costs us (migration 023): null when unknown; the margin floor checks only known ones. */
  purchase_price_cents: Default<number | null>
}

export interface ConversationTable extends SyncColumns {
  company_id: string
  held_at: string
  situation: Default<string>
  needs: Default<string>
  goals: Default<string>
  worries: Default<string>
  decision_criteria: Default<string>
  budget: Default<string>
  decision_timeline: Default<string>
  decision_process: Default<string>
  competitors: Default<string>
  next_steps: Default<string>
  created_by: Default<string>
}

export interface ConversationParticipantTable extends SyncColumns {
  conversation_id: string
  company_id: string
  contact_id: string
  buying_role: Default<BuyingRole | ''>
  influence: Default<InfluenceLevel | ''>
  attitude: Default<Attitude | ''>
  cares_about: Default<string>
}

export interface OfferTable extends SyncColumns {
  company_id: string
  number: string
  contact_id: string | null
  conversation_id: string | null
  owner_id: Default<string>
  status: OfferStatus
  revision: Default<number>
  offer_date: string
  valid_until: string
  offer_discount_percent: Default<number>
  payment_net_days: Default<number>
  skonto_percent: Default<number>
  skonto_days: Default<number>
  delivery_terms: Default<string>
  introduction: Default<string>
  benefits: Default<string>
  net_cents: Default<number>
  gross_cents: Default<number>
  sent_at: string | null
  closed_at: string | null
  order_date: string | null
  order_value_cents: number | null
  lost_reason: Default<LostReason | ''>
  lost_competitor: Default<string>
  lost_note: Default<string>
  contract_id: string | null
  contract_term_months: Default<number>
  /** Lost for timing or budget: the day the customer named to be contacted again (migration 019). */
  recontact_on: Default<string | null>
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

/** A request to approve an offer's discounts over the sender's limits, and its decision (migration 023). */
export interface OfferApprovalTable extends SyncColumns {
  offer_id: string
  company_id: string
  requested_by: string
  requested_at: string
  /** The figures asked for: the highest item discount, the offer discount, the margin (null: no purchase prices). */
  item_percent: Default<number>
  offer_percent: Default<number>
  margin_percent: Default<number | null>
  comment: Default<string>
  status: Default<ApprovalStatus>
  decided_by: Default<string | null>
  decided_at: Default<string | null>
  /** An approval up to a lower discount than asked for (null: as asked). */
  approved_limit_percent: Default<number | null>
  decline_reason: Default<string>
  /** When the requester took note of the decision (it leaves their work list). */
  seen_at: Default<string | null>
}

export interface FollowUpTable extends SyncColumns {
  offer_id: string
  company_id: string
  owner_id: Default<string>
  kind: FollowUpKind
  due_date: string
  planned_date: string
  status: Default<FollowUpStatus>
  done_at: string | null
  outcome: Default<string>
  touchpoint_id: string | null
}

/**
 * Derived, local-only: each open follow-up with what the work list shows of it, in the list's order (migrations 039,
 * 040, kept by triggers). The offer's columns are null (its value 0) while the offer has not arrived or is deleted
 * (offer_status), the company's name while the company has not arrived.
 */
export interface FollowUpQueueTable {
  follow_up_id: string
  due_date: string
  owner_id: string
  offer_id: string
  kind: FollowUpKind
  company_id: string
  company_name: string | null
  gross_cents: number
  offer_status: OfferStatus | null
  offer_number: string | null
  valid_until: string | null
  contact_id: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  mobile: string | null
}

/** Derived, local-only: decided offers rolled up per month (migration 004, kept by triggers). */
export interface OfferStatsTable {
  month: string
  owner_id: string
  segment: Segment | ''
  conv: number
  status: DecidedOfferStatus
  lost_reason: LostReason | ''
  n: number
  value: number
}

/** Derived, local-only: first follow-ups (not cancelled) per planned month, owner and segment, due and done on time (migration 036, kept by triggers). */
export interface FollowUpStatsTable {
  month: string
  owner_id: string
  segment: Segment | ''
  due: number
  on_time: number
}
