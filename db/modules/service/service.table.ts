// Tables of the use phase (migration 006). Enum columns carry their value lists' types;
// `Default<…>` marks a column the migration gives a default (optional on insert, see sync-columns.ts).
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { Segment, Station } from '../../../shared/modules/customers'
import type {
  CaseChannel, CaseEventKind, CaseStatus, CaseType, ComplaintCategory, FeedbackKind, Priority, ReturnReason, ReturnStatus, WarrantyDecision,
} from '../../../shared/modules/service'
import type { ServiceRequestDiscardReason, ServiceRequestSource, ServiceRequestStatus, TriageReason } from '../../../shared/modules/service/service-intake'

export interface AssetTable extends SyncColumns {
  company_id: string
  product_id: string | null
  name: string
  serial_number: Default<string>
  site: Default<string>
  delivered_on: string | null
  installed_on: string | null
  warranty_end: string | null
  contract_id: string | null
  owner_id: Default<string>
  notes: Default<string>
  warranty_reminder_due: string | null
  warranty_reminder_done_at: string | null
}

export interface CaseTable extends SyncColumns {
  company_id: string
  number: string
  type: CaseType
  contact_id: string | null
  asset_id: string | null
  channel: CaseChannel
  received_at: string
  subject: string
  description: Default<string>
  priority: Priority
  owner_id: Default<string>
  status: CaseStatus
  acknowledge_due: string
  resolve_due: string
  sla_due: string | null
  acknowledged_at: string | null
  resolved_at: string | null
  closed_at: string | null
  rejection_reason: Default<string>
  category: Default<ComplaintCategory | ''>
  root_cause: Default<string>
  corrective_action: Default<string>
  goodwill_cents: Default<number>
  satisfaction: number | null
  under_warranty: number | null
  warranty_decision: Default<WarrantyDecision | ''>
  decision_reason: Default<string>
  rma_number: Default<string>
  return_status: Default<ReturnStatus | ''>
}

export interface CaseLineTable extends SyncColumns {
  case_id: string
  company_id: string
  position: number
  product_id: string | null
  name: string
  quantity: number
  reason: ReturnReason
}

export interface CaseEventTable extends SyncColumns {
  case_id: string
  company_id: string
  at: string
  kind: CaseEventKind
  text: Default<string>
  message_key: string | null
  message_params: string | null
  customer_informed: Default<number>
  created_by: Default<string>
}

export interface ReferralTable extends SyncColumns {
  company_id: string
  contact_id: string | null
  referred_company_id: string
  owner_id: Default<string>
  note: Default<string>
  thank_due: string | null
  thanked_at: string | null
  reward: Default<string>
  reward_value_cents: Default<number>
}

export interface FeedbackTable extends SyncColumns {
  company_id: string
  contact_id: string | null
  kind: FeedbackKind
  station: Default<Station | ''>
  given_on: string
  score: number | null
  comment: Default<string>
  quote_permission: Default<number>
  before_figure: Default<string>
  after_figure: Default<string>
  owner_id: Default<string>
  ask_due: string | null
  ask_done_at: string | null
}

/**
 * Derived, local-only: scored feedback per month, kind and segment (migration 035, kept by triggers). NPS answers of
 * live companies under their segment; satisfaction scores of any company under ''.
 */
export interface FeedbackStatsTable {
  month: string
  kind: Extract<FeedbackKind, 'nps' | 'satisfaction'>
  segment: Segment | ''
  answers: number
  promoters: number
  detractors: number
  score_sum: number
}

/** A service request the sync server could not match to a customer (issue 19, migration 028): the triage list. */
export interface ServiceRequestTable extends SyncColumns {
  source: ServiceRequestSource
  /** The sender's id (API), the form submission's or the mail's Message-ID: a second arrival creates nothing. */
  external_id: string
  name: Default<string>
  email: string
  customer_number: Default<string>
  subject: string
  description: Default<string>
  received_at: string
  reason: TriageReason
  status: Default<ServiceRequestStatus>
  discard_reason: ServiceRequestDiscardReason | null
  case_id: string | null
  company_id: string | null
  decided_by: string | null
  decided_at: string | null
}
