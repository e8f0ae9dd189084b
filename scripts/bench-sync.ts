// `npm run bench:sync` (also part of `npm run bench`): sync figures per store, as JSON lines.
// - initial sync of the large dataset (20,000 companies, 60,000 contacts, 200,000 touchpoints) into
//   a fresh laptop database over HTTP on loopback, rows/s;
// - incremental sync of 100 and 1,000 changes (push on one laptop + pull on another), median of ROUNDS rounds, ms;
// - 50 concurrent laptops each pushing 5 edits and pulling, p50/p99 ms;
// - the same documents replicated by PouchDB to pouchdb-server, and the ratio;
// - pushes per second through a real HAProxy with one and with two server instances on PostgreSQL.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import sqlite3 from 'sqlite3'
import { openDatabase } from '../db/database'
import { newId } from '../db/platform/ids'
import { SCHEMA_VERSION } from '../db/migrations'
import { insertSynced, updateSynced } from '../db/platform/synced-writes'
import type { EngineDeps } from '../electron/main/modules/sync'
import { emptyBreakdown, phasedSync, timeChecksumCompare, type SyncBreakdown } from './bench-sync-breakdown'
import { laptop, recordTouchpoints } from './bench-sync-laptop'
import { emptySyncSummary, httpTransport } from '../electron/main/modules/sync'
import { createTeam, createUser } from '../server/admin/accounts'
import { importRows, type ImportRow } from '../server/admin/import'
import { openStore, type Store } from '../server/store/open-store'
import type { SyncValue } from '../shared/modules/sync'
import type { Role } from '../shared/modules/sync'
import { haproxyAvailable } from '../tests/helpers/load-balancer'
import { tempDir } from '../tests/helpers/temp-db'

const BENCH_DB = path.resolve(process.env.BENCH_DB ?? '.data/bench-large.sqlite')
export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const PASSWORD = 'Bench-Passwort-2026'
const CONCURRENT = 50
const WARM_UP = 10
/** Rounds of each incremental size; the median is printed (`BENCH_SYNC_ROUNDS`). */
export const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 5)

export const emit = (name: string, value: number, unit: string) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }))

const LOCAL = new Set(['local_seq', 'updated_at', 'server_version', 'deleted_at', 'sort_name'])

/** The large dataset as it would be imported: companies first, then what hangs off them. */
export async function readDataset(): Promise<ImportRow[]> {
  const db = new sqlite3.Database(BENCH_DB, sqlite3.OPEN_READONLY)
  const all = (query: string) => new Promise<Array<Record<string, SyncValue>>>((resolve, reject) => db.all(query, (err, rows) => (err ? reject(err) : resolve(rows as Array<Record<string, SyncValue>>))))
  const rows: ImportRow[] = []
  for (const table of ['personas', 'companies', 'contacts', 'touchpoints'] as const) {
    for (const r of await all(`select * from ${table} where deleted_at is null`)) {
      const data: Record<string, SyncValue> = {}
      for (const [k, v] of Object.entries(r)) if (!LOCAL.has(k) && k !== 'id') data[k] = v
      rows.push({ table, id: String(r.id), data })
    }
  }
  await new Promise<void>((resolve) => db.close(() => resolve()))
  return rows
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!

async function benchStore(kind: 'sqlite' | 'postgres', dataset: ImportRow[]): Promise<{ initialRowsPerSecond: number; initialWaitMs: number; initialMs: number; incremental: Record<number, number>; breakdown: Record<number, SyncBreakdown>; compare: { server: number; laptop: number }; p50: number; p99: number }> {
  const dir = tempDir()
  const schema = `bench_${Date.now().toString(36)}`
  const storeUrl = kind === 'sqlite' ? path.join(dir, 'server.sqlite') : `${PG_URL}?options=-c%20search_path%3D${schema}`
  const store: Store = kind === 'sqlite' ? await openStore(storeUrl) : await openStore(PG_URL, { schema })
  // The server runs in its own process, as in production: the 50 laptops here do not share its event loop.
  let server: ChildProcess | null = null
  let url = ''
  const startServer = async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, DATABASE_URL: storeUrl, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] })
    server = child
    url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (c: Buffer) => {
        const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(c.toString())
        if (m) resolve(m[1]!)
      })
      child.once('exit', (code) => reject(new Error(`sync server exited with ${code}`)))
    })
  }
  try {
    const nord = await createTeam(store, 'Vertrieb Nord')
    const load = await createTeam(store, 'Lasttest')
    const users: Array<[string, Role, string]> = [['leitung', 'manager', ''], ['aussen', 'field_sales', nord], ...Array.from({ length: CONCURRENT }, (_, i): [string, Role, string] => [`rep${i}`, 'field_sales', load])]
    for (const [login, role, team] of users) await createUser(store, { login, displayName: login, role, teamId: team, password: PASSWORD })
    await importRows(store, dataset, { teamId: nord })
    await startServer()

    // Initial sync: a manager's new laptop downloads everything.
    const manager = await laptop(url, 'leitung', dir, PASSWORD)
    const waitedBefore = manager.waited.ms
    const t0 = performance.now()
    await manager.sync()
    const initialMs = performance.now() - t0
    const initialWaitMs = manager.waited.ms - waitedBefore
    const seconds = initialMs / 1000
    const received = Number((await manager.database.db.selectFrom('touchpoints').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    if (received !== dataset.filter((r) => r.table === 'touchpoints').length) throw new Error(`initial sync incomplete: ${received} touchpoints`)
    const initialRowsPerSecond = dataset.length / seconds

    // Incremental: a rep of the same team records N touchpoints; the manager pulls them.
    const rep = await laptop(url, 'aussen', dir, PASSWORD)
    const companyId = (await manager.database.db.selectFrom('companies').select('id').limit(1).executeTakeFirstOrThrow()).id
    await rep.database.db.transaction().execute((trx) => insertSynced(trx, 'companies', { id: newId(), name: 'Vorlauf GmbH', status: 'prospect' }, new Date().toISOString()))
    // The rep's own first sync is the same team bootstrap; done before measuring.
    await rep.sync()
    await manager.sync()
    const incremental: Record<number, number> = {}
    const breakdown: Record<number, SyncBreakdown> = {}
    // A warm-up round (not counted), as PouchDB's figures are taken after one warm-up push: the first write after the
    // two downloads would otherwise also pay for checkpointing their write-ahead logs. Then ROUNDS rounds of each
    // size, and the median (PouchDB's the same way): one round alone swings by a third on a shared machine.
    const rounds = async (n: number, count: number): Promise<Array<{ ms: number; parts: SyncBreakdown }>> => {
      const out: Array<{ ms: number; parts: SyncBreakdown }> = []
      for (let round = 0; round < count; round++) {
        await recordTouchpoints(rep.database.db, companyId, n)
        const parts = emptyBreakdown()
        const start = performance.now()
        await phasedSync(rep, parts)
        await phasedSync(manager, parts)
        out.push({ ms: performance.now() - start, parts })
      }
      return out
    }
    await rounds(WARM_UP, 1)
    for (const n of [100, 1000]) {
      const measured = (await rounds(n, ROUNDS)).sort((a, b) => a.ms - b.ms)
      const median = measured[Math.floor(measured.length / 2)]!
      incremental[n] = median.ms
      breakdown[n] = median.parts
    }
    // The scope checksum comparison the app runs after a download and then at most every 15 minutes while rows move
    // (CHECK_AFTER_CHANGES_MS): not part of every sync, so measured on its own, for the manager's whole database.
    const compare = await timeChecksumCompare(manager)

    // 50 laptops at once, each with its own company: 5 edits, then push and pull.
    const reps = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => laptop(url, `rep${i}`, dir, PASSWORD)))
    for (const [i, r] of reps.entries()) {
      await r.database.db.transaction().execute((trx) => insertSynced(trx, 'companies', { id: newId(), name: `Last ${i} GmbH`, status: 'prospect', notes: '' }, new Date().toISOString()))
    }
    for (const r of reps) await r.sync()
    for (const r of reps) await r.sync() // everyone has everyone's company now
    for (const [i, r] of reps.entries()) {
      const own = (await r.database.db.selectFrom('companies').select('id').where('name', '=', `Last ${i} GmbH`).executeTakeFirstOrThrow()).id
      for (let e = 0; e < 5; e++) await r.database.db.transaction().execute((trx) => updateSynced(trx, 'companies', own, { notes: `Notiz ${e}` }, new Date().toISOString()))
    }
    const latencies = await Promise.all(reps.map(async (r) => {
      const start = performance.now()
      await r.sync()
      return performance.now() - start
    }))
    latencies.sort((a, b) => a - b)
    for (const r of [...reps, rep, manager]) await r.database.close()
    return { initialRowsPerSecond, initialWaitMs, initialMs, incremental, breakdown, compare, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) }
  } finally {
    const running = server as ChildProcess | null
    if (running && running.exitCode === null) {
      running.kill('SIGTERM')
      await new Promise((resolve) => running.once('exit', resolve))
    }
    await store.close()
    if (kind === 'postgres') {
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await client.end()
    }
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Push throughput of the SQLite store with synchronous=FULL (what the server runs) beside NORMAL (what
 * it ran before): one laptop pushes 3,000 new touchpoints in pushes of 200, validated and applied by the
 * server in-process, so the figure is the store's cost, not the network's.
 */
export async function benchPushDurability(): Promise<void> {
  const { createApp } = await import('../server/app')
  const { pushAll } = await import('../electron/main/modules/sync')
  for (const synchronous of ['NORMAL', 'FULL'] as const) {
    const dir = tempDir()
    const store = await openStore(path.join(dir, 'server.sqlite'), { synchronous })
    try {
      await createUser(store, { login: 'anna', displayName: 'Anna Becker', role: 'field_sales', teamId: await createTeam(store, 'Nord'), password: PASSWORD })
      const app = createApp({ store })
      const transport = httpTransport('http://bench.local', async (url, init) => app.request(url, init))
      const database = await openDatabase(path.join(dir, 'laptop.sqlite'))
      const { token } = await transport.login({ login: 'anna', password: PASSWORD, clientId: database.clientId })
      const deps: EngineDeps = { db: database.db, clientId: database.clientId, token, schemaVersion: SCHEMA_VERSION, transport, clock: () => new Date() }
      const companyId = newId()
      const now = new Date().toISOString()
      await database.db.transaction().execute((trx) => insertSynced(trx, 'companies', { id: companyId, name: 'Brunsviga GmbH', status: 'customer' }, now))
      await pushAll(deps, emptySyncSummary())
      const N = 3000
      await recordTouchpoints(database.db, companyId, N, 'Anruf')
      const started = performance.now()
      await pushAll(deps, emptySyncSummary())
      emit(`sync.sqlite.push_throughput_synchronous_${synchronous.toLowerCase()}`, N / ((performance.now() - started) / 1000), 'ops/s')
      // The common case of a laptop syncing every few minutes: small pushes, one commit (one fsync) each.
      const small = 300
      let elapsed = 0
      for (let i = 0; i < small; i++) {
        await database.db.transaction().execute((trx) => insertSynced(trx, 'touchpoints', {
          id: newId(), company_id: companyId, contact_id: null, occurred_at: now, channel: 'email', direction: 'inbound', mode: 'direct', station: 'offer', summary: `Mail ${i}`, created_by: '',
        }, now))
        const t0 = performance.now()
        await pushAll(deps, emptySyncSummary())
        elapsed += performance.now() - t0
      }
      emit(`sync.sqlite.push_single_op_synchronous_${synchronous.toLowerCase()}`, elapsed / small, 'ms')
      await database.close()
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

export async function benchSync(): Promise<void> {
  const only = process.env.BENCH_SYNC_ONLY // push | balanced | stores | tenfold: one part alone
  if (!only || only === 'push') await benchPushDurability()
  if (only === 'push') return
  if ((!only || only === 'balanced') && haproxyAvailable() && (await postgresReachable())) {
    const { benchBalancedPushes } = await import('./bench-sync-balanced')
    const balanced = await benchBalancedPushes(PG_URL)
    emit('sync.postgres.balanced_pushes_1_instance', balanced[1]!, 'pushes/s')
    emit('sync.postgres.balanced_pushes_2_instances', balanced[2]!, 'pushes/s')
    emit('sync.postgres.balanced_pushes_2_to_1_ratio', balanced[2]! / balanced[1]!, 'x')
    const { benchTeamBurst } = await import('./bench-sync-balanced')
    const laptops = Number(process.env.BENCH_BURST_LAPTOPS ?? 500)
    const burst = await benchTeamBurst(PG_URL, laptops, Math.max(1, Math.round(laptops / 25)))
    for (const [instances, f] of Object.entries(burst)) {
      emit(`sync.postgres.burst_${laptops}_laptops_${instances}_instance.p50`, f.p50, 'ms')
      emit(`sync.postgres.burst_${laptops}_laptops_${instances}_instance.p99`, f.p99, 'ms')
      emit(`sync.postgres.burst_${laptops}_laptops_${instances}_instance.pushes`, f.pushesPerSecond, 'pushes/s')
      emit(`sync.postgres.burst_${laptops}_laptops_${instances}_instance.lock_waits`, f.lockWaits, 'connections')
      emit(`sync.postgres.burst_${laptops}_laptops_${instances}_instance.lock_waits_max`, f.lockWaitsMax, 'connections')
      for (const [part, cores] of Object.entries(f.cpu ?? {})) emit(`sync.postgres.burst_${laptops}_laptops_${instances}_instance.cpu_${part}`, cores, 'cores')
    }
  }
  if (only === 'balanced') return
  if (!existsSync(BENCH_DB)) {
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--size', 'large'], { stdio: ['ignore', 'ignore', 'inherit'] })
    if (seeded.status !== 0) throw new Error('seeding the large dataset failed')
  }
  const dataset = await readDataset()
  emit('sync.dataset_rows', dataset.length, 'rows')
  const pgReachable = await postgresReachable()
  const wanted = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',')
  const stores = (['sqlite', 'postgres'] as const).filter((k) => only !== 'tenfold' && wanted.includes(k) && (k === 'sqlite' || pgReachable))
  const ours: Record<string, Awaited<ReturnType<typeof benchStore>>> = {}
  for (const kind of stores) {
    const r = await benchStore(kind, dataset)
    ours[kind] = r
    emit(`sync.${kind}.initial_sync`, r.initialRowsPerSecond, 'rows/s')
    // Where the first download's time goes: waiting on the server (its reads, the answer, parsing it) and the rest,
    // the laptop writing the pages and working out the journeys.
    emit(`sync.${kind}.initial_sync.total`, r.initialMs, 'ms')
    emit(`sync.${kind}.initial_sync.waiting_on_server`, r.initialWaitMs, 'ms')
    emit(`sync.${kind}.incremental_100`, r.incremental[100]!, 'ms')
    emit(`sync.${kind}.incremental_1000`, r.incremental[1000]!, 'ms')
    // Both laptops of the incremental run together (the rep pushes, the manager pulls; each also pulls and verifies).
    for (const n of [100, 1000]) for (const [part, ms] of Object.entries(r.breakdown[n]!)) emit(`sync.${kind}.incremental_${n}.${part}`, ms, 'ms')
    emit(`sync.${kind}.checksum_compare.server`, r.compare.server, 'ms')
    emit(`sync.${kind}.checksum_compare.laptop`, r.compare.laptop, 'ms')
    emit(`sync.${kind}.concurrent_50_p50`, r.p50, 'ms')
    emit(`sync.${kind}.concurrent_50_p99`, r.p99, 'ms')
  }
  if ((!only || only === 'tenfold') && pgReachable) {
    const { benchTenfold } = await import('./bench-sync-tenfold')
    await benchTenfold(PG_URL, dataset, emit, ROUNDS)
  }
  if (only === 'tenfold') return
  if (ours.sqlite && process.env.BENCH_RAW !== '0') {
    const { rawInsertRowsPerSecond } = await import('./bench-sync-raw')
    const raw = await rawInsertRowsPerSecond(dataset)
    emit('sync.raw_sqlite3.insert', raw, 'rows/s')
    emit('sync.sqlite_to_raw_sqlite3.initial_sync_ratio', ours.sqlite.initialRowsPerSecond / raw, 'x')
  }
  if (process.env.BENCH_POUCH === '0') return
  const pouchDocs = Number(process.env.BENCH_POUCH_DOCS ?? dataset.length)
  const { benchPouchReplication } = await import('./pouchdb-reference')
  const docs = dataset.slice(0, pouchDocs).map((r) => ({ _id: `${r.table}:${r.id}`, ...r.data }))
  const pouch = await benchPouchReplication({ docs, changeBatches: [100, 1000], rounds: ROUNDS })
  emit('sync.pouchdb.documents', docs.length, 'docs')
  emit('sync.pouchdb.initial_sync', pouch.initialRowsPerSecond, 'rows/s')
  emit('sync.pouchdb.incremental_100', pouch.incrementalMs[100]!, 'ms')
  emit('sync.pouchdb.incremental_1000', pouch.incrementalMs[1000]!, 'ms')
  emit('sync.pouchdb.concurrent_50_p50', pouch.concurrentP50Ms, 'ms')
  emit('sync.pouchdb.concurrent_50_p99', pouch.concurrentP99Ms, 'ms')
  const sqlite = ours.sqlite
  if (!sqlite) return
  emit('sync.sqlite_to_pouchdb.initial_sync_ratio', sqlite.initialRowsPerSecond / pouch.initialRowsPerSecond, 'x')
  emit('sync.sqlite_to_pouchdb.incremental_100_ratio', pouch.incrementalMs[100]! / sqlite.incremental[100]!, 'x')
  emit('sync.sqlite_to_pouchdb.concurrent_50_p99_ratio', pouch.concurrentP99Ms / sqlite.p99, 'x')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchSync().then(() => process.exit(0), (err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
