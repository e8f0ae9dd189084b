// The server's own migrations: portable schema-builder code that runs on SQLite and PostgreSQL.
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely'
import { backfillCustomerNumbers } from '../sync/customer-numbers'
import { WRITERS_LOCK_KEY, withSequence } from '../sync/sequence'
import { upgradeEventFields } from '../sync/upgrade-events'
import type { ServerDatabase } from './schema'
import { m008IntegrationKeys } from '../integrations/migration'
import { m009MustChangePassword } from '../admin/migration'
import { m010Files } from '../files/migration'
import { m011ServiceIntake } from '../intake/migration'
import { m012ConcurrentWriters } from '../sync/migration'

const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('login', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute()
    await db.schema.createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('device_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute()
    await db.schema.createTable('login_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('login', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('success', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('login_attempts_login').on('login_attempts').columns(['login', 'at']).execute()
    await db.schema.createIndex('login_attempts_ip').on('login_attempts').columns(['ip', 'at']).execute()
    await db.schema.createTable('sync_counter')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute()
    await sql`insert into sync_counter (id, seq) values (1, 0)`.execute(db)
    await db.schema.createTable('sync_rows')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('field_versions', 'text', (c) => c.notNull())
      .addColumn('created_seq', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_rows_pk', ['table_name', 'id'])
      .execute()
    await db.schema.createIndex('sync_rows_scope_version').on('sync_rows').columns(['scope_id', 'version']).execute()
    await db.schema.createIndex('sync_rows_version').on('sync_rows').column('version').unique().execute()
    await db.schema.createIndex('sync_rows_parent').on('sync_rows').columns(['parent_id']).execute()
    await db.schema.createTable('sync_evictions')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('old_scope', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('sync_evictions_scope').on('sync_evictions').columns(['old_scope', 'seq']).execute()
    await db.schema.createTable('sync_clients')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .addColumn('scopes_key', 'text', (c) => c.notNull())
      .addColumn('last_push_at', 'text')
      .addColumn('last_pull_at', 'text')
      .execute()
    await db.schema.createTable('sync_ops')
      .addColumn('op_id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('client_seq', 'bigint', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute()
  },
}

/**
 * Operation ids belong to the client that made them: keyed by (client_id, op_id), one client's id can
 * never return another client's stored result (and drop the sender's operation).
 */
const m002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('sync_ops_by_client')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('op_id', 'text', (c) => c.notNull())
      .addColumn('client_seq', 'bigint', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_ops_by_client_pk', ['client_id', 'op_id'])
      .execute()
    await sql`insert into sync_ops_by_client (client_id, op_id, client_seq, result, applied_at)
      select client_id, op_id, client_seq, result, applied_at from sync_ops`.execute(db)
    await db.schema.dropTable('sync_ops').execute()
    await db.schema.alterTable('sync_ops_by_client').renameTo('sync_ops').execute()
  },
}

/**
 * Login throttling as atomic counters per (login, address), per address and per login, instead of
 * counting `login_attempts` rows (which raced: the check ran before the failure was recorded).
 * `login_attempts` stays as an audit log of verified attempts, pruned by time.
 */
const m003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('login_throttle')
      .addColumn('login', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'bigint', (c) => c.notNull())
      .addColumn('last_success_at', 'bigint')
      .addPrimaryKeyConstraint('login_throttle_pk', ['login', 'address'])
      .execute()
    await db.schema.createIndex('login_throttle_last_at').on('login_throttle').column('last_at').execute()
    await db.schema.createIndex('login_attempts_at').on('login_attempts').column('at').execute()
    await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute()
  },
}

/** Sent revisions stored before schema 7 carry the sender's logo path: remove it (the logo is each device's own). */
const m004: Migration = {
  async up(db: Kysely<unknown>) {
    const rows = await sql<{ id: string; data: string }>`select id, data from sync_rows where table_name = 'offer_revisions'`.execute(db)
    for (const row of rows.rows) {
      const data = JSON.parse(row.data) as Record<string, unknown>
      if (typeof data.snapshot !== 'string' || !/"[A-Za-z]*[Pp]ath"\s*:/.test(data.snapshot)) continue
      try {
        data.snapshot = JSON.stringify(JSON.parse(data.snapshot), (key, value: unknown) => (/[Pp]ath$/.test(key) ? undefined : value))
      } catch {
        continue // not JSON: laptops set such a row aside
      }
      await sql`update sync_rows set data = ${JSON.stringify(data)} where table_name = 'offer_revisions' and id = ${row.id}`.execute(db)
    }
  },
}

/** Touchpoints and case events stored as German sentences before schema 8 get their message key and parameters. */
const m005: Migration = {
  async up(db: Kysely<unknown>) {
    const rows = await sql<{ table_name: string; id: string; data: string }>`select table_name, id, data from sync_rows
      where table_name in ('touchpoints', 'case_events') and deleted = 0`.execute(db)
    for (const row of rows.rows) {
      const data = JSON.parse(row.data) as Record<string, string | number | null>
      const upgraded = upgradeEventFields(row.table_name, data)
      if (upgraded === data) continue
      await sql`update sync_rows set data = ${JSON.stringify(upgraded)} where table_name = ${row.table_name} and id = ${row.id}`.execute(db)
    }
  },
}

/**
 * Customer numbers unique across the organisation: who holds which number (trimmed, upper-cased), one
 * indexed lookup per push. Existing stores are filled in `created_seq` order: the first company keeps a
 * number, later ones lose it and their team gets a `duplicate_number` conflict (server/sync/customer-numbers.ts).
 */
const m006: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('customer_numbers')
      .addColumn('number', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().unique())
      .execute()
    // Another instance of an older version may still be taking sequence numbers on the same database.
    if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(${sql.lit(WRITERS_LOCK_KEY)})`.execute(db)
    const now = new Date().toISOString()
    // The store's tables all exist by now (m001 … this one), so the typed view is true here.
    await withSequence(db as Kysely<ServerDatabase>, (trx, seq) => backfillCustomerNumbers(trx, seq, now))
  },
}

/**
 * The calendar subscription (docs/calendar-feed.md): one token per user (stored as its SHA-256, apart from
 * the login and its sessions), and a projection of the synced rows a feed shows, caught up from
 * `sync_rows.version` at each feed request (server/calendar/projection.ts), so a feed is read by user id
 * instead of parsing every row's JSON. It starts empty: the first request catches up on the whole store.
 */
const m007: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('calendar_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute()
    // One active token per user: a reset revokes the old one in the same transaction.
    await sql`create unique index calendar_tokens_active on calendar_tokens (user_id) where revoked_at is null`.execute(db)
    await db.schema.createTable('calendar_items')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('company_id', 'text', (c) => c.notNull())
      .addColumn('offer_id', 'text')
      .addColumn('hidden', 'integer', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('all_day', 'integer', (c) => c.notNull())
      .addColumn('start_value', 'text', (c) => c.notNull())
      .addColumn('end_value', 'text', (c) => c.notNull())
      .addColumn('cancelled', 'integer', (c) => c.notNull())
      .addColumn('sequence', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('location', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('calendar_items_pk', ['table_name', 'row_id'])
      .execute()
    await db.schema.createTable('calendar_members')
      .addColumn('source_table', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('item_table', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('calendar_members_pk', ['source_table', 'source_id'])
      .execute()
    await db.schema.createIndex('calendar_members_user').on('calendar_members').columns(['user_id', 'item_table', 'item_id']).execute()
    await db.schema.createTable('calendar_names')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('calendar_names_pk', ['table_name', 'row_id'])
      .execute()
    await db.schema.createTable('calendar_projection')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('mark', 'bigint', (c) => c.notNull())
      .execute()
    await sql`insert into calendar_projection (id, mark) values (1, 0)`.execute(db)
  },
}

export const SERVER_MIGRATIONS: Record<string, Migration> = {
  '2026-11-22-001-sync': m001,
  '2026-11-29-002-ops-per-client': m002,
  '2026-11-29-003-login-throttle': m003,
  '2026-11-29-004-snapshots-without-paths': m004,
  '2026-11-29-005-event-messages': m005,
  '2026-11-29-006-customer-numbers': m006,
  '2026-11-29-007-calendar-feed': m007,
  '2026-11-30-008-integration-keys': m008IntegrationKeys,
  '2026-11-30-009-must-change-password': m009MustChangePassword,
  '2026-11-30-010-files': m010Files,
  '2026-11-30-011-service-intake': m011ServiceIntake,
  '2026-12-01-012-concurrent-writers': m012ConcurrentWriters,
}
