// Leads (issue 19), written by the sync server's intake endpoint and synced organisation-wide.
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { LeadRejectReason, LeadStatus } from '../../../shared/modules/leads'

export interface LeadTable extends SyncColumns {
  /** The sender's own id of the lead (idempotency: a second post with it creates nothing). */
  external_id: string
  /** The name of the integration key that posted it. */
  integration: Default<string>
  source: string
  campaign: Default<string>
  first_name: Default<string>
  last_name: string
  email: string | null
  phone: string | null
  company_name: string
  score: Default<number>
  /** The scoring history: a JSON array of `{ at, activity, points }` (leadEventsSchema). */
  events: Default<string>
  consent_given: Default<0 | 1>
  consent_at: string | null
  received_at: string
  status: Default<LeadStatus>
  reject_reason: LeadRejectReason | null
  converted_company_id: string | null
  contact_id: string | null
  decided_by: string | null
  decided_at: string | null
  /** The company's address (posted or completed by inside sales): it proposes the field rep by territory. */
  postal_code: Default<string>
  city: Default<string>
  country: Default<string>
  federal_state: Default<string>
  /** The qualification: later the pre-offer conversation's budget, needs, decision timeline and decision process. */
  budget: Default<string>
  need: Default<string>
  timing: Default<string>
  decision_maker: Default<string>
  /** The field rep the converted company went to. */
  assigned_to: string | null
}
