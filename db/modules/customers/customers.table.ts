// Row types of the customer tables (snake_case, as stored). Enum columns carry their value lists' types;
// `Default<…>` marks a column the migration gives a default (optional on insert, see sync-columns.ts).
import type { Default, ReadOnly, SyncColumns } from '../../platform/sync-columns'
import type {
  Attitude, BuyingRole, CompanyStatus, ConsentChannel, ConsentPurpose, Direction, FederalState, InfluenceLevel, JourneyReason, Language, LeadSource, Salutation, Segment, Station,
  TouchpointChannel, TouchpointMode, TouchpointRelatedType, YesNoUnknown,
} from '../../../shared/modules/customers'

export interface CompanyTable extends SyncColumns {
  name: string
  sort_name: ReadOnly<string>
  customer_number: Default<string>
  street: Default<string>
  postal_code: Default<string>
  city: Default<string>
  federal_state: Default<FederalState | ''>
  industry: Default<string>
  segment: Default<Segment | ''>
  status: CompanyStatus
  owner_id: Default<string>
  lead_source: Default<LeadSource | ''>
  notes: Default<string>
  /** The team the company belongs to: its sync scope. Empty until the server assigns the creator's team. */
  team_id: Default<string>
  /** Customer numbers of companies merged into this one, space-separated. */
  former_numbers: Default<string>
  /** Set on a company merged away, just before its tombstone: the survivor's id. */
  merged_into: Default<string>
}

export interface ContactTable extends SyncColumns {
  company_id: string
  salutation: Default<Salutation>
  title: Default<string>
  first_name: Default<string>
  last_name: string
  sort_name: ReadOnly<string>
  job_function: Default<string>
  email: Default<string>
  phone: Default<string>
  mobile: Default<string>
  language: Default<Language>
  buying_role: Default<BuyingRole | ''>
  attitude: Default<Attitude | ''>
  influence: Default<InfluenceLevel | ''>
  worries: Default<string>
  goals: Default<string>
  persona_id: string | null
  notes: Default<string>
}

/** A person's consent for one channel and purpose: given on a day from a source, withdrawn on a day (DSGVO). */
export interface ConsentTable extends SyncColumns {
  company_id: string
  contact_id: string
  channel: ConsentChannel
  purpose: ConsentPurpose
  given_on: string
  source: Default<string>
  withdrawn_on: string | null
  note: Default<string>
}

export interface PersonaTable extends SyncColumns {
  name: string
  motto: Default<string>
  who: Default<string>
  why_goals: Default<string>
  wants_to_know: Default<string>
  job_function: Default<string>
  language_style: Default<string>
  information_prejudices: Default<string>
  worries: Default<string>
  information_channels: Default<string>
  values_attitudes: Default<string>
  contact_channel: Default<string>
  trigger_events: Default<string>
  former_customer: Default<YesNoUnknown>
  knows_competitors: Default<string>
}

export interface TouchpointTable extends SyncColumns {
  company_id: string
  contact_id: string | null
  occurred_at: string
  channel: TouchpointChannel
  direction: Direction
  mode: TouchpointMode
  station: Station
  summary: string
  /**
   * An event the app recorded (shared/platform/event-message.ts): its key and JSON parameters; null for what a
   * user wrote. The keys belong to the modules that record them (offers, contracts, service), which this
   * module may not import: the row schema holds the closed list.
   */
  message_key: string | null
  message_params: string | null
  created_by: Default<string>
  /** The record the touchpoint belongs to (an offer's mail shows on the offer); null for the customer alone. */
  related_type: Default<TouchpointRelatedType | null>
  related_id: Default<string | null>
  /** A mail's Message-ID (without angle brackets) and its envelope (`MailMeta` as JSON); null for anything else. */
  mail_message_id: Default<string | null>
  mail_meta: Default<string | null>
}

/** Users come from the sync server (read-only here); one local user exists before the first login. */
export interface UserTable {
  id: string
  display_name: string
  email: Default<string>
  role: Default<string>
  team_id: Default<string>
  server_version: number | null
  deleted_at: string | null
}

/** Derived, local-only: each client recomputes it from synced facts. */
export interface CompanyJourneyTable {
  company_id: string
  station: Station | null
  reason: JourneyReason
  computed_at: string
  /**
   * Whether the company had business (a won offer, a running contract) when this laptop last refreshed it
   * (1/0; null: not refreshed since migration 009). The status automation acts on its change.
   */
  business: number | null
}
