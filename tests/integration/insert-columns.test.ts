// The rule of the typed inserts (db/platform/synced-writes.ts): a column is required exactly when its
// migration makes it NOT NULL without a DEFAULT. The list below is checked against the types by the
// compiler (both ways) and against the migrated schema and the row schemas here, so the three agree.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { sql } from 'kysely'
import { SYNCED_TABLES, type SyncedTable } from '../../db/database.types'
import type { InsertColumns } from '../../db/platform/synced-writes'
import { rowSchema } from '../../shared/modules/sync'
import { openTestDb, type TestDb } from '../helpers/temp-db'

/** The columns an insert into T must name (the compiler's view). */
type RequiredColumn<T extends SyncedTable> = { [K in keyof InsertColumns<T>]-?: object extends Pick<InsertColumns<T>, K> ? never : K }[keyof InsertColumns<T>]

const REQUIRED = {
  companies: ['name', 'status'],
  contacts: ['company_id', 'last_name'],
  personas: ['name'],
  touchpoints: ['channel', 'company_id', 'direction', 'mode', 'occurred_at', 'station', 'summary'],
  sync_conflicts: ['field', 'kind', 'row_id', 'table_name'],
  products: ['list_price_cents', 'name', 'sku'],
  conversations: ['company_id', 'held_at'],
  conversation_participants: ['company_id', 'contact_id', 'conversation_id'],
  offers: ['company_id', 'number', 'offer_date', 'status', 'valid_until'],
  offer_items: ['company_id', 'name', 'offer_id', 'position', 'quantity', 'unit_price_cents'],
  offer_revisions: ['company_id', 'offer_id', 'revision', 'sent_at', 'snapshot'],
  follow_ups: ['company_id', 'due_date', 'kind', 'offer_id', 'planned_date'],
  contracts: ['cancel_by', 'company_id', 'end_date', 'minimum_term_months', 'notice_unit', 'notice_value', 'number', 'start_date', 'status', 'term_start', 'title', 'type'],
  contract_items: ['company_id', 'contract_id', 'name', 'position', 'quantity', 'unit_price_cents'],
  assets: ['company_id', 'name'],
  cases: ['acknowledge_due', 'channel', 'company_id', 'number', 'priority', 'received_at', 'resolve_due', 'status', 'subject', 'type'],
  case_lines: ['case_id', 'company_id', 'name', 'position', 'quantity', 'reason'],
  case_events: ['at', 'case_id', 'company_id', 'kind'],
  referrals: ['company_id', 'referred_company_id'],
  feedback: ['company_id', 'given_on', 'kind'],
  erasures: ['company_id', 'erased_at', 'erased_by', 'row_id', 'table_name'],
  consents: ['company_id', 'contact_id', 'channel', 'given_on', 'purpose'],
  audit_events: ['at', 'channel', 'kind'],
  promises: ['company_id', 'due_date', 'owner_id', 'title'],
  tasks: ['company_id', 'due_date', 'owner_id', 'title'],
  appointments: ['company_id', 'ends_at', 'owner_id', 'starts_at', 'title'],
  appointment_participants: ['appointment_id', 'company_id'],
  erp_facts: ['company_id', 'month'],
  leads: ['company_name', 'external_id', 'last_name', 'received_at', 'source'],
  service_requests: ['email', 'external_id', 'reason', 'received_at', 'source', 'subject'],
  team_settings: ['key', 'value'],
  trigger_rules: ['signal', 'threshold'],
  trigger_firings: ['company_id', 'fired_on', 'message_key', 'occasion', 'signal'],
  journey_changes: ['changed_on', 'company_id', 'reason', 'status'],
  offer_approvals: ['company_id', 'offer_id', 'requested_at', 'requested_by'],
  attachments: ['company_id', 'mime', 'name', 'sha256', 'size'],
} as const satisfies { [T in SyncedTable]: readonly RequiredColumn<T>[] }

type Listed<T extends SyncedTable> = (typeof REQUIRED)[T][number]
/** Tables whose list misses a column the compiler requires (the `satisfies` above checks the other way). */
type Unlisted = { [T in SyncedTable]: [RequiredColumn<T>] extends [Listed<T>] ? never : T }[SyncedTable]

/** Bookkeeping columns: written by the synced-write path (id, created_at, updated_at) or the sync engine. */
const BOOKKEEPING = ['local_seq', 'id', 'created_at', 'updated_at', 'server_version', 'deleted_at']

let t: TestDb
beforeAll(async () => {
  t = await openTestDb()
})
afterAll(async () => t.cleanup())

describe('required insert columns', () => {
  it('are listed completely: the compiler requires no column the list leaves out', () => {
    expectTypeOf<Unlisted>().toBeNever()
  })

  it.each(SYNCED_TABLES)('%s: are the NOT NULL columns without a DEFAULT of the migrated table', async (table) => {
    const { rows } = await sql<{ name: string; notnull: number; dflt_value: string | null; hidden: number }>`select name, "notnull", dflt_value, hidden from pragma_table_xinfo(${table})`.execute(t.database.db)
    const required = rows.filter((c) => c.notnull === 1 && c.dflt_value === null && c.hidden === 0 && !BOOKKEEPING.includes(c.name)).map((c) => c.name).sort()
    expect(required).toEqual([...REQUIRED[table]].sort())
  })

  it.each(SYNCED_TABLES)('%s: are the columns the row schema requires of an insert', (table) => {
    const shape = rowSchema(table).shape
    const required = Object.keys(shape).filter((column) => column !== 'created_at' && !shape[column]!.safeParse(undefined).success).sort()
    expect(required).toEqual([...REQUIRED[table]].sort())
  })
})
