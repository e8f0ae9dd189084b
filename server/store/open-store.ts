// Opens the server's store: one SQLite file by default, PostgreSQL when DATABASE_URL says so.
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { openHandle } from '../../db/platform/sqlite/sqlite3-handle'
import { Sqlite3Dialect } from '../../db/platform/sqlite/sqlite3-dialect'
import { SERVER_MIGRATIONS } from './migrations'
import type { ServerDatabase } from './schema'

export type StoreKind = 'sqlite' | 'postgres'

export interface Store {
  db: Kysely<ServerDatabase>
  kind: StoreKind
  close(): Promise<void>
}

// int8 (bigint) columns come back as numbers: sequences stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value))

/** `postgres://…` selects PostgreSQL; anything else is a SQLite file path (`sqlite:` prefix optional). */
export interface StoreOptions {
  /** PostgreSQL: a schema of its own (tests, benchmarks). */
  schema?: string
  /**
   * SQLite: FULL (default) syncs the WAL at every commit, so a push acknowledged to a laptop survives a
   * power cut — laptops drop what the server acknowledged, and a rolled-back sequence would be handed out
   * twice. NORMAL exists only to measure the difference (`npm run bench:sync`).
   */
  synchronous?: 'FULL' | 'NORMAL'
}

export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  let store: Store
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    })
    if (options.schema) {
      const client = await pool.connect()
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '')}"`)
      } finally {
        client.release()
      }
    }
    const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) })
    // Writers take their numbers and locks in `writeWithSequence` (server/sync/sequence.ts).
    store = { db, kind: 'postgres', close: () => db.destroy() }
  } else {
    const path = url.replace(/^sqlite:/, '')
    const handle = await openHandle(path, 'readwrite')
    const synchronous = options.synchronous ?? 'FULL'
    await handle.exec(`PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous}; PRAGMA cache_size = -65536; PRAGMA secure_delete = ON`)
    // secure_delete: pages and cells freed by an erasure (or any delete) are zeroed, so no remnant of a person stays in the file.
    const db = new Kysely<ServerDatabase>({ dialect: new Sqlite3Dialect(handle) })
    // SQLite has one writer, and our dialect opens every transaction with BEGIN IMMEDIATE.
    store = { db, kind: 'sqlite', close: () => db.destroy() }
  }
  try {
    // Kysely's migrator looks for its own tables in every schema unless told which one: a store in a fresh
    // schema of a database where another schema already holds them (a second instance, a test running
    // beside another) would skip creating its own and fail. The schema is the connection's own.
    const migrationTableSchema = store.kind === 'postgres'
      ? (await sql<{ s: string | null }>`select current_schema() as s`.execute(store.db)).rows[0]?.s ?? undefined
      : undefined
    const { error } = await new Migrator({ db: store.db, migrationTableSchema, provider: { getMigrations: async () => SERVER_MIGRATIONS } }).migrateToLatest()
    if (error) throw error instanceof Error ? error : new Error(String(error))
  } catch (err) {
    await store.close()
    throw err
  }
  return store
}
