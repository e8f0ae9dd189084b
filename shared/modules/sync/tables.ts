// Which tables sync, and how the server derives each row's scope (docs/sync.md, guarantee 7).

/**
 * - `team`: the row names its team in `teamField` (companies).
 * - `company`: the row hangs off a company through `parentField` and goes wherever that company goes.
 * - `org`: everyone in the organisation sees it (personas, the user directory).
 * - `row`: conflict records take the scope of the row they are about.
 */
export type ScopeRule =
  | { kind: 'team'; teamField: string }
  | { kind: 'company'; parentField: string }
  | { kind: 'org' }
  | { kind: 'row' }

export interface SyncTableRule {
  scope: ScopeRule
  /** Clients may push inserts, updates and deletes. */
  clientWritable: boolean
  /** Columns a client may change when `clientWritable` is false but updates are allowed. */
  clientUpdatable?: readonly string[]
}

export const SYNC_TABLE_RULES = {
  companies: { scope: { kind: 'team', teamField: 'team_id' }, clientWritable: true },
  contacts: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  touchpoints: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  personas: { scope: { kind: 'org' }, clientWritable: true },
  products: { scope: { kind: 'org' }, clientWritable: true },
  conversations: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  conversation_participants: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  offers: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  offer_items: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  offer_revisions: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  follow_ups: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  promises: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  contracts: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  contract_items: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  assets: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  cases: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  case_lines: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  case_events: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  referrals: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  feedback: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  // DSGVO Art. 17: one insert-only row per erasure, ids only; the trigger of the purge and its audit log.
  erasures: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  consents: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  // Insert-only (every column immutable, deletes refused in server/sync/push.ts); the server names the writer.
  audit_events: { scope: { kind: 'org' }, clientWritable: true },
  tasks: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  appointments: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  appointment_participants: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  erp_facts: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  team_settings: { scope: { kind: 'team', teamField: 'team_id' }, clientWritable: true },
  // Early-warning triggers (issue 17): a team's edited rules, and each firing with its customer.
  trigger_rules: { scope: { kind: 'team', teamField: 'team_id' }, clientWritable: true },
  trigger_firings: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  // Discount approvals (issue 18): requests and decisions, with the offer's company (so managers of every team get them).
  offer_approvals: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  journey_changes: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  // Files (issue 18): metadata only; the bytes travel through /files/v1 and follow this row's scope.
  attachments: { scope: { kind: 'company', parentField: 'company_id' }, clientWritable: true },
  // Leads (issue 19): written by the server's intake endpoint, organisation-wide so inside sales of every team
  // see new ones; a laptop only records the decision (converted or rejected), never inserts or deletes one.
  leads: { scope: { kind: 'org' }, clientWritable: false, clientUpdatable: ['status', 'reject_reason', 'converted_company_id', 'contact_id', 'decided_by', 'decided_at',
    // Qualification and assignment (issue 19): inside sales complete the address, qualify and name the rep.
    'postal_code', 'city', 'federal_state', 'budget', 'need', 'timing', 'decision_maker', 'assigned_to'] },
  // Service requests without a customer (issue 19): written by the server's intake, organisation-wide (no team owns
  // them yet); a laptop only records the triage decision (a case made, or discarded with a reason).
  service_requests: { scope: { kind: 'org' }, clientWritable: false, clientUpdatable: ['status', 'discard_reason', 'case_id', 'company_id', 'decided_by', 'decided_at'] },
  sync_conflicts: { scope: { kind: 'row' }, clientWritable: false, clientUpdatable: ['resolved_at', 'resolved_by', 'resolution'] },
  users: { scope: { kind: 'org' }, clientWritable: false },
} as const satisfies Record<string, SyncTableRule>

export type SyncTableName = keyof typeof SYNC_TABLE_RULES
export const SYNC_TABLE_NAMES = Object.keys(SYNC_TABLE_RULES) as SyncTableName[]

/**
 * What a conflict record (`sync_conflicts.kind`) is about, written only by the server:
 * - `field`: two people changed the same field; the first to reach the server applies.
 * - `deleted`: an edit of a record that was deleted meanwhile.
 * - `deleted_after_edit`: a delete by someone who had not seen a colleague's edit.
 * - `duplicate_number`: a company's customer number another company already holds; the company was
 *   kept without it (insert) or with its previous number (update) (server/sync/customer-numbers.ts).
 */
export const CONFLICT_KINDS = ['field', 'deleted', 'deleted_after_edit', 'duplicate_number'] as const
export type ConflictKind = (typeof CONFLICT_KINDS)[number]

/** The roles (shared/platform/rights.ts holds them with what each may do). */
export { ROLES, type Role } from '../../platform/rights'
import type { Role } from '../../platform/rights'

/** Managers and admins see every team; everyone else their own team and the organisation-wide rows. */
export const seesAllTeams = (role: Role): boolean => role === 'manager' || role === 'admin'

export const ORG_SCOPE = 'org'
export const UNASSIGNED_SCOPE = 'unassigned'
export const teamScope = (teamId: string): string => (teamId ? `team:${teamId}` : UNASSIGNED_SCOPE)
