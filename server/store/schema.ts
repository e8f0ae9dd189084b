// The sync server's tables. One generic row store serves every synced table (docs/architecture.md).
import type { Generated } from 'kysely'
import type { Role } from '../../shared/modules/sync'

export interface TeamTable {
  id: string
  name: string
  created_at: string
}

export interface ServerUserTable {
  id: string
  login: string
  display_name: string
  email: string
  role: Role
  team_id: string
  password_hash: string
  created_at: string
  disabled_at: string | null
  /** 1: the password was set by an admin (one-time); the next login must choose a new one (migration 009). */
  must_change_password: number
}

export interface SessionTable {
  /** SHA-256 of the bearer token: a leaked table does not log anybody in. */
  token_hash: string
  user_id: string
  client_id: string
  device_name: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}

export interface LoginAttemptTable {
  id: string
  login: string
  ip: string
  at: string
  success: number
}

/**
 * Login throttling counters, one row per bucket: (login, address) for a pair, ('', address) for an
 * address across logins, (login, '') for a login across addresses (server/auth/rate-limit.ts).
 * Times are epoch milliseconds.
 */
export interface LoginThrottleTable {
  login: string
  address: string
  /** Attempts counted since the counter last started over (failures and attempts in flight). */
  attempts: number
  last_at: number
  /** Pair rows: the last successful login from this address, which makes the address known. */
  last_success_at: number | null
}

export interface SyncCounterTable {
  id: number
  seq: number
}

/** Current state of every synced row, whatever its table: pull reads it in `version` order. */
export interface SyncRowTable {
  table_name: string
  id: string
  scope_id: string
  /** The company a child row hangs off (company scope rule), so a company move can carry its children. */
  parent_id: string | null
  /** Global sequence of the last change to this row. */
  version: number
  deleted: number
  /** JSON object of domain columns. */
  data: string
  /** JSON object column → [seq, clientId, userId, changedAt] of the last write of that column. */
  field_versions: string
  created_seq: number
  updated_by: string
}

/** A row left a scope (its company moved team): clients of the old scope drop it. */
export interface SyncEvictionTable {
  seq: number
  table_name: string
  row_id: string
  old_scope: string
}

export interface SyncClientTable {
  client_id: string
  user_id: string
  /** Highest client_seq applied: the next push must start right after it (gaps are refused). */
  last_seq: number
  /** The scopes last served to this client; a difference means the client must start over. */
  scopes_key: string
  last_push_at: string | null
  last_pull_at: string | null
}

/** Applied operation ids with their stored results: a retried push gets the same answer (exactly once). */
export interface SyncOpTable {
  op_id: string
  client_id: string
  client_seq: number
  result: string
  applied_at: string
}

/**
 * Who holds each customer number (server/sync/customer-numbers.ts): one row per live company with a
 * non-empty number, keyed by the number trimmed and upper-cased, so the uniqueness check is one lookup
 * by primary key on SQLite and PostgreSQL alike (no JSON query into `sync_rows.data`).
 */
export interface CustomerNumberTable {
  number: string
  company_id: string
}

/** A calendar subscription token (server/calendar/tokens.ts): only its hash, one active per user. */
export interface CalendarTokenTable {
  token_hash: string
  user_id: string
  created_at: string
  revoked_at: string | null
}

/**
 * One calendar entry per synced record a feed may show (appointment, task, follow-up, contract's cancel-by
 * date), derived from `sync_rows` (server/calendar/projection.ts). `version` is the source row's, so a
 * slower catch-up never overwrites a newer state.
 */
export interface CalendarItemTable {
  table_name: string
  row_id: string
  version: number
  scope_id: string
  company_id: string
  /** A follow-up's offer (its number names the entry). */
  offer_id: string | null
  /** Not in any feed (a done task, an ended contract, a deleted follow-up …). */
  hidden: number
  /** The start as a UTC instant, for the feed's time window (an all-day entry: German midnight). */
  starts_at: string
  all_day: number
  /** UTC ISO instants, or "YYYY-MM-DD" days for all-day entries (the end day exclusive). */
  start_value: string
  end_value: string
  /** STATUS:CANCELLED (a cancelled or deleted appointment). */
  cancelled: number
  sequence: number
  /** The appointment's kind, the follow-up's kind, the contract's number … (what the summary needs). */
  kind: string
  title: string
  location: string
}

/** Whose feed shows an item: the owner (source = the item itself) and each colleague taking part (source = the participant row). */
export interface CalendarMemberTable {
  source_table: string
  source_id: string
  item_table: string
  item_id: string
  /** '' when the source names nobody (a customer's participant, a deleted one). */
  user_id: string
  version: number
}

/** Names the entries show: companies (name) and offers (number). */
export interface CalendarNameTable {
  table_name: string
  row_id: string
  name: string
  version: number
}

/** The projection's high-water mark: every `sync_rows` version up to it is in the calendar tables. */
export interface CalendarProjectionTable {
  id: number
  mark: number
}

/** Integration keys (server/integrations/keys.ts): stored as the SHA-256 of the key, with the kinds it may post. */
export interface IntegrationKeyTable {
  id: string
  name: string
  key_hash: string
  kinds: string
  created_at: string
  revoked_at: string | null
  last_used_at: string | null
}

/** The answer to a post that named an Idempotency-Key: a retry gets it again, nothing is applied twice. */
export interface IntegrationPostTable {
  key_id: string
  idempotency_key: string
  kind: string
  /** SHA-256 of the body: the same key with another body is refused (409). */
  fingerprint: string
  status: number
  result: string
  created_at: string
}

export interface ServerMigrationMarker {
  id: Generated<number>
}

export interface ServerDatabase {
  teams: TeamTable
  users: ServerUserTable
  sessions: SessionTable
  login_attempts: LoginAttemptTable
  login_throttle: LoginThrottleTable
  sync_counter: SyncCounterTable
  sync_rows: SyncRowTable
  sync_evictions: SyncEvictionTable
  sync_clients: SyncClientTable
  sync_ops: SyncOpTable
  customer_numbers: CustomerNumberTable
  calendar_tokens: CalendarTokenTable
  calendar_items: CalendarItemTable
  calendar_members: CalendarMemberTable
  calendar_names: CalendarNameTable
  calendar_projection: CalendarProjectionTable
  integration_keys: IntegrationKeyTable
  integration_posts: IntegrationPostTable
  blobs: BlobTable
  blob_chunks: BlobChunkTable
  intake_arrivals: IntakeArrivalTable
  intake_numbers: IntakeNumberTable
  intake_acks: IntakeAckTable
  intake_mailbox: IntakeMailboxTable
}

/** A file's bytes by SHA-256 (issue 18, server/files/): served only once `complete` (hash checked). */
export interface BlobTable {
  sha256: string
  size: number
  complete: number
  /** The upload whose chunks are (or will be) the blob. */
  upload_id: string
  updated_at: string
}

export interface BlobChunkTable {
  sha256: string
  upload_id: string
  idx: number
  bytes: Buffer
}

/** Service intake (issue 19, server/intake/): one row per arrival, its outcome and reason (never personal). */
export interface IntakeArrivalTable {
  key: string
  source: string
  outcome: string
  reason: string
  case_id: string | null
  request_id: string | null
  created_at: string
}

export interface IntakeNumberTable {
  year: string
  last: number
}

/** The acknowledgement of a case made from a request: sent by the server's SMTP, retried while pending. */
export interface IntakeAckTable {
  case_id: string
  number: string
  to_address: string
  name: string
  subject: string
  language: string
  message_id: string
  status: string
  attempts: number
  last_error: string
  created_at: string
  sent_at: string | null
}

export interface IntakeMailboxTable {
  mailbox: string
  uid_validity: string
  last_uid: number
}
