// A sync server on a temporary store (SQLite file or a PostgreSQL schema) and app clients on
// temporary databases, talking in-process through the server's fetch handler.
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterEach, beforeEach } from 'vitest'
import { openDatabase, type AppDatabase } from '../../db/database'
import { SCHEMA_VERSION } from '../../db/migrations'
import type { ServiceContext } from '../../electron/main/platform/context'
import { syncOnce, takeNewClientId, type EngineDeps } from '../../electron/main/modules/sync/engine'
import { httpTransport, type FetchLike, type SyncTransport } from '../../electron/main/modules/sync/transport'
import { createTeam, createUser } from '../../server/admin/accounts'
import { createApp } from '../../server/app'
import { openStore, type Store } from '../../server/store/open-store'
import type { Role } from '../../shared/modules/sync/tables'
import { tempDir } from './temp-db'

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const PASSWORD = 'Geheim-Passwort-2026'

let pgAvailable: boolean | null = null
export async function postgresAvailable(): Promise<boolean> {
  if (pgAvailable !== null) return pgAvailable
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    pgAvailable = true
  } catch {
    pgAvailable = false
  } finally {
    await client.end().catch(() => {})
  }
  return pgAvailable
}

/** The stores the server suite runs against. PostgreSQL is required in CI and skipped elsewhere only if absent. */
export const STORE_KINDS = ['sqlite', 'postgres'] as const
export type StoreKind = (typeof STORE_KINDS)[number]

export interface TestStore {
  store: Store
  url: string
  cleanup(): Promise<void>
}

export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = tempDir()
    const url = path.join(dir, 'server.sqlite')
    const store = await openStore(url)
    return { store, url, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }) } }
  }
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const store = await openStore(PG_URL, { schema })
  return {
    store,
    url: `${PG_URL}?options=-c%20search_path%3D${schema}`,
    cleanup: async () => {
      await store.close()
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await client.end()
    },
  }
}

export interface Harness extends TestStore {
  teams: { nord: string; sued: string }
  fetch: FetchLike
  /** Lets a test lose or duplicate requests on the way. */
  setFetch(wrapper: ((inner: FetchLike) => FetchLike) | null): void
  transport: SyncTransport
  clock: { now: Date }
}

export async function startHarness(kind: StoreKind): Promise<Harness> {
  const testStore = await openTestStore(kind)
  const { store } = testStore
  const clock = { now: new Date('2026-11-20T09:00:00.000Z') }
  const app = createApp({ store, clock: () => clock.now })
  const base: FetchLike = async (url, init) => app.request(url, init)
  let current: FetchLike = base
  const fetchImpl: FetchLike = (url, init) => current(url, init)
  const nord = await createTeam(store, 'Vertrieb Nord')
  const sued = await createTeam(store, 'Vertrieb Süd')
  const users: Array<[string, string, Role, string]> = [
    ['anna', 'Anna Becker', 'field_sales', nord],
    ['ben', 'Ben Schulz', 'inside_sales', nord],
    ['carla', 'Carla Öztürk', 'field_sales', sued],
    ['max', 'Max Leitner', 'manager', ''],
  ]
  for (const [login, name, role, teamId] of users) await createUser(store, { login, displayName: name, role, teamId, password: PASSWORD })
  return {
    ...testStore,
    teams: { nord, sued },
    fetch: fetchImpl,
    setFetch: (wrapper) => {
      current = wrapper ? wrapper(base) : base
    },
    transport: httpTransport('http://sync.test', fetchImpl),
    clock,
  }
}

export interface TestClient {
  name: string
  dir: string
  file: string
  database: AppDatabase
  ctx: ServiceContext
  deps: EngineDeps
  sync(): ReturnType<typeof syncOnce>
  /** Closes and reopens the database, as after a crash or a restart of the app. */
  restart(): Promise<void>
  cleanup(): Promise<void>
}

/** A laptop logged in through `h.transport`: the in-process harness, or any server reached over HTTP (a load balancer). */
export async function connectClient(h: Pick<Harness, 'transport' | 'clock'>, login: string): Promise<TestClient> {
  const dir = tempDir()
  const file = path.join(dir, `${login}.sqlite`)
  let database = await openDatabase(file)
  const response = await h.transport.login({ login, password: PASSWORD, clientId: database.clientId })
  const ctx: ServiceContext = { db: database.db, clock: () => h.clock.now, userId: response.user.id, userName: response.user.displayName }
  const deps: EngineDeps = {
    db: database.db, clientId: database.clientId, token: response.token, schemaVersion: SCHEMA_VERSION, transport: h.transport, clock: () => h.clock.now,
    // Every run compares the checksums, so each test's "nothing re-downloaded" is checked after every exchange.
    checkAfterChangesMs: 0,
    reidentify: () => takeNewClientId(client.deps.db, h.transport, client.deps.token, SCHEMA_VERSION, (t) => t),
  }
  const client: TestClient = {
    name: login, dir, file, database, ctx, deps,
    sync: () => syncOnce(client.deps),
    restart: async () => {
      await database.close()
      database = await openDatabase(file)
      client.database = database
      client.ctx.db = database.db
      client.deps = { ...client.deps, db: database.db }
    },
    cleanup: async () => {
      await database.close().catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return client
}

/** Swaps the laptop's database file for another one (a backup, a copy), as a restore does. */
export async function replaceDatabase(c: TestClient, source: string): Promise<void> {
  await c.database.close()
  for (const suffix of ['', '-wal', '-shm']) rmSync(c.file + suffix, { force: true })
  copyFileSync(source, c.file)
  c.database = await openDatabase(c.file)
  c.ctx.db = c.database.db
  c.deps = { ...c.deps, db: c.database.db }
}

/**
 * A fresh server for every test of the calling `describe` and the laptops a test connects, all removed
 * after it. `skip` (PostgreSQL not reachable) starts nothing.
 */
export function harnessPerTest(kind: StoreKind, skip: boolean): { readonly h: Harness; client(login: string): Promise<TestClient> } {
  let harness: Harness | null = null
  const clients: TestClient[] = []
  beforeEach(async () => {
    if (!skip) harness = await startHarness(kind)
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.cleanup()
    await harness?.cleanup()
    harness = null
  })
  return {
    get h() {
      if (!harness) throw new Error('no harness outside a test')
      return harness
    },
    client: async (login) => {
      if (!harness) throw new Error('no harness outside a test')
      const c = await connectClient(harness, login)
      clients.push(c)
      return c
    },
  }
}

/**
 * The highest version written to the store (rows and evictions): unchanged means nothing was written. Not the
 * sequence: on PostgreSQL every writer takes a number, also one that then writes nothing (gaps are allowed).
 */
export async function highestVersion(store: Store): Promise<number> {
  const rows = await store.db.selectFrom('sync_rows').select((e) => e.fn.max('version').as('v')).executeTakeFirstOrThrow()
  const evictions = await store.db.selectFrom('sync_evictions').select((e) => e.fn.max('seq').as('v')).executeTakeFirstOrThrow()
  return Math.max(Number(rows.v ?? 0), Number(evictions.v ?? 0))
}
