// Row types of the customer tables (snake_case, as stored).
import type { ReadOnly, SyncColumns } from '../../platform/sync-columns'

export interface CompanyTable extends SyncColumns {
  name: string
  sort_name: ReadOnly<string>
  customer_number: string
  street: string
  postal_code: string
  city: string
  federal_state: string
  industry: string
  segment: string
  status: string
  owner_id: string
  lead_source: string
  notes: string
  /** The team the company belongs to: its sync scope. Empty until the server assigns the creator's team. */
  team_id: string
}

export interface ContactTable extends SyncColumns {
  company_id: string
  salutation: string
  title: string
  first_name: string
  last_name: string
  sort_name: ReadOnly<string>
  job_function: string
  email: string
  phone: string
  mobile: string
  language: string
  buying_role: string
  attitude: string
  influence: string
  worries: string
  goals: string
  persona_id: string | null
  notes: string
}

export interface PersonaTable extends SyncColumns {
  name: string
  motto: string
  who: string
  why_goals: string
  wants_to_know: string
  job_function: string
  language_style: string
  information_prejudices: string
  worries: string
  information_channels: string
  values_attitudes: string
  contact_channel: string
  trigger_events: string
  former_customer: string
  knows_competitors: string
}

export interface TouchpointTable extends SyncColumns {
  company_id: string
  contact_id: string | null
  occurred_at: string
  channel: string
  direction: string
  mode: string
  station: string
  summary: string
  /** An event the app recorded (shared/platform/event-message.ts): its key and JSON parameters; null for what a user wrote. */
  message_key: string | null
  message_params: string | null
  created_by: string
}

/** Users come from the sync server (read-only here); one local user exists before the first login. */
export interface UserTable {
  id: string
  display_name: string
  email: string
  role: string
  team_id: string
  server_version: number | null
  deleted_at: string | null
}

/** Derived, local-only: each client recomputes it from synced facts. */
export interface CompanyJourneyTable {
  company_id: string
  station: string | null
  reason: string
  computed_at: string
}
