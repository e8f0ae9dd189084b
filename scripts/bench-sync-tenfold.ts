// Ten times the data on the server (issue 20, scope 3): part of `npm run bench:sync`, alone with
// `BENCH_SYNC_ONLY=tenfold`. The large set's 280,000 rows are split into slices of 2,000 companies with their contacts
// and touchpoints (~28,000 rows), one slice per team. Today's server holds 10 such teams (280,000 rows), the tenfold
// one 100 (2.8 million rows, the slices copied with new ids). A rep of the first team downloads its scope on a new
// laptop, then pulls a colleague's 100 new touchpoints (median of ROUNDS): since a pull reads only the rep's scopes,
// both must stay within 20 % of today's (`sync.tenfold.*.ratio`, 10× ÷ 1×). PostgreSQL, the production store.
import { rmSync } from 'node:fs'
import pg from 'pg'
import { newId } from '../db/platform/ids'
import { createTeam, createUser } from '../server/admin/accounts'
import { importRows, type ImportRow } from '../server/admin/import'
import { openStore } from '../server/store/open-store'
import type { SyncValue } from '../shared/modules/sync'
import { SERVER_PASSWORD, startServerProcess } from '../tests/helpers/server-process'
import { tempDir } from '../tests/helpers/temp-db'
import { laptop, recordTouchpoints } from './bench-sync-laptop'

type Emit = (name: string, value: number, unit: string) => void
const COMPANIES_PER_TEAM = 2_000

/** The dataset cut into team slices: each company with everything that hangs off it. */
export function slices(dataset: ImportRow[]): { org: ImportRow[]; teams: ImportRow[][] } {
  const org = dataset.filter((r) => r.table === 'personas')
  const slice = new Map<string, number>()
  const teams: ImportRow[][] = []
  for (const r of dataset) {
    if (r.table !== 'companies') continue
    const n = Math.floor(slice.size / COMPANIES_PER_TEAM)
    slice.set(r.id, n)
    ;(teams[n] ??= []).push(r)
  }
  for (const r of dataset) {
    if (r.table === 'companies' || r.table === 'personas') continue
    const n = slice.get(String(r.data.company_id))
    if (n !== undefined) teams[n]!.push(r)
  }
  return { org, teams }
}

/** A slice with new ids (references follow; customer numbers stay unique), for the copies of the tenfold set. */
export function copied(rows: ImportRow[], copy: number): ImportRow[] {
  if (copy === 0) return rows
  const ids = new Map<string, string>()
  const idOf = (id: SyncValue | undefined) => (typeof id === 'string' && id ? (ids.get(id) ?? ids.set(id, newId()).get(id)!) : id ?? null)
  return rows.map((r) => {
    const data: Record<string, SyncValue> = { ...r.data }
    for (const column of ['company_id', 'contact_id']) if (column in data) data[column] = idOf(data[column])
    if (typeof data.customer_number === 'string' && data.customer_number) data.customer_number = `${data.customer_number}-${copy}`
    return { table: r.table, id: idOf(r.id) as string, data }
  })
}

async function measure(pgUrl: string, dataset: ImportRow[], teamCount: number, rounds: number): Promise<{ rows: number; initialRowsPerSecond: number; initialMs: number; pullMs: number }> {
  const schema = `bench_x${teamCount}_${Date.now().toString(36)}`
  const storeUrl = `${pgUrl}?options=-c%20search_path%3D${schema}`
  const dir = tempDir()
  const store = await openStore(pgUrl, { schema })
  const { org, teams: base } = slices(dataset)
  let serverRows = 0
  let server: Awaited<ReturnType<typeof startServerProcess>> | null = null
  try {
    let firstTeam = ''
    for (let t = 0; t < teamCount; t++) {
      const team = await createTeam(store, `Team ${t}`)
      if (t === 0) firstTeam = team
      const rows = copied(base[t % base.length]!, Math.floor(t / base.length))
      serverRows += await importRows(store, t === 0 ? [...org, ...rows] : rows, { teamId: team })
    }
    // A server that holds this data has long since vacuumed, analysed and checkpointed it (autovacuum); right after
    // the import PostgreSQL would still be writing the import's pages back while the download reads.
    const admin = new pg.Client({ connectionString: pgUrl })
    await admin.connect()
    try {
      await admin.query(`SET search_path = "${schema}"`)
      await admin.query('VACUUM ANALYZE sync_rows')
      await admin.query('CHECKPOINT')
    } finally {
      await admin.end()
    }
    for (const login of ['rep', 'kollegin']) await createUser(store, { login, displayName: login, role: 'field_sales', teamId: firstTeam, password: SERVER_PASSWORD })
    await store.close()
    server = await startServerProcess({ storeUrl, users: [] })
    const rep = await laptop(server.url, 'rep', dir, SERVER_PASSWORD)
    const t0 = performance.now()
    await rep.sync()
    const initialMs = performance.now() - t0
    const received = Number((await rep.database.db.selectFrom('touchpoints').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const expected = base[0]!.filter((r) => r.table === 'touchpoints').length
    if (received !== expected) throw new Error(`tenfold: the rep received ${received} touchpoints, expected ${expected}`)
    const rowsInScope = base[0]!.length + org.length
    const colleague = await laptop(server.url, 'kollegin', dir, SERVER_PASSWORD)
    await colleague.sync()
    const companyId = (await colleague.database.db.selectFrom('companies').select('id').limit(1).executeTakeFirstOrThrow()).id
    const times: number[] = []
    for (let round = 0; round < rounds + 1; round++) {
      await recordTouchpoints(colleague.database.db, companyId, 100)
      await colleague.sync()
      const start = performance.now()
      await rep.sync()
      if (round > 0) times.push(performance.now() - start) // the first round warms up
    }
    times.sort((a, b) => a - b)
    await rep.database.close()
    await colleague.database.close()
    return { rows: serverRows, initialRowsPerSecond: rowsInScope / (initialMs / 1000), initialMs, pullMs: times[Math.floor(times.length / 2)]! }
  } finally {
    await server?.cleanup()
    const client = new pg.Client({ connectionString: pgUrl })
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await client.end()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchTenfold(pgUrl: string, dataset: ImportRow[], emit: Emit, rounds: number): Promise<void> {
  const today = await measure(pgUrl, dataset, 10, rounds)
  const tenfold = await measure(pgUrl, dataset, 100, rounds)
  for (const [label, r] of [['1x', today], ['10x', tenfold]] as const) {
    emit(`sync.tenfold.${label}.server_rows`, r.rows, 'rows')
    emit(`sync.tenfold.${label}.initial_download`, r.initialMs, 'ms')
    emit(`sync.tenfold.${label}.initial_rows_per_s`, r.initialRowsPerSecond, 'rows/s')
    emit(`sync.tenfold.${label}.pull_100`, r.pullMs, 'ms')
  }
  emit('sync.tenfold.initial_download_ratio', tenfold.initialMs / today.initialMs, 'x')
  emit('sync.tenfold.pull_100_ratio', tenfold.pullMs / today.pullMs, 'x')
}
