// Pushes per second through a real HAProxy (Debian's package) with one and with two sync server processes on
// one PostgreSQL schema (issue 20): part of `npm run bench:sync`; alone with `BENCH_SYNC_ONLY=balanced`.
import { rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { openDatabase } from '../db/database'
import { newId } from '../db/platform/ids'
import { SCHEMA_VERSION } from '../db/migrations'
import { insertSynced } from '../db/platform/synced-writes'
import { httpTransport, pushAll, type EngineDeps } from '../electron/main/modules/sync'
import { openStore } from '../server/store/open-store'
import { startLoadBalancer } from '../tests/helpers/load-balancer'
import { SERVER_PASSWORD, startServerProcess, type ServerProcess } from '../tests/helpers/server-process'
import { tempDir } from '../tests/helpers/temp-db'

const emptySummary = () => ({ pushed: 0, pulled: 0, conflicts: 0, rejected: 0, quarantined: 0, reidentified: false, redownloaded: [] })

/**
 * Pushes per second through HAProxy (round-robin) with one and with two server processes on one PostgreSQL
 * schema: LAPTOPS laptops of TEAMS teams each make ROUNDS pushes of CHANGES new companies, all at once.
 * Afterwards the server must hold every company exactly once, or the bench fails.
 */
export async function benchBalancedPushes(pgUrl: string, laptops = 40, teams = 4, rounds = 10, changes = 5): Promise<Record<number, number>> {
  const figures: Record<number, number> = {}
  for (const instances of [1, 2]) {
    const dir = tempDir()
    const schema = `bench_lb_${Date.now().toString(36)}`
    const storeUrl = `${pgUrl}?options=-c%20search_path%3D${schema}`
    await (await openStore(pgUrl, { schema })).close()
    const servers: ServerProcess[] = []
    let stopBalancer = async () => {}
    try {
      const users = Array.from({ length: laptops }, (_, i) => ({ login: `rep${i}`, name: `Rep ${i}`, role: 'field_sales' as const, team: `Team ${i % teams}` }))
      servers.push(await startServerProcess({ storeUrl, users }))
      for (let i = 1; i < instances; i++) servers.push(await startServerProcess({ storeUrl, users: [] }))
      const lb = await startLoadBalancer(servers.map((s) => s.url))
      stopBalancer = lb.stop
      const transport = httpTransport(lb.url)
      const reps = await Promise.all(users.map(async (u) => {
        const database = await openDatabase(path.join(dir, `${u.login}.sqlite`))
        const { token } = await transport.login({ login: u.login, password: SERVER_PASSWORD, clientId: database.clientId })
        const deps: EngineDeps = { db: database.db, clientId: database.clientId, token, schemaVersion: SCHEMA_VERSION, transport, clock: () => new Date() }
        return { database, deps }
      }))
      const started = performance.now()
      await Promise.all(reps.map(async (r, i) => {
        for (let round = 0; round < rounds; round++) {
          const now = new Date().toISOString()
          await r.database.db.transaction().execute(async (trx) => {
            for (let c = 0; c < changes; c++) await insertSynced(trx, 'companies', { id: newId(), name: `Rep ${i} Runde ${round} Firma ${c}`, status: 'prospect' }, now)
          })
          await pushAll(r.deps, emptySummary())
        }
      }))
      const seconds = (performance.now() - started) / 1000
      figures[instances] = (laptops * rounds) / seconds
      for (const r of reps) await r.database.close()
      const store = await openStore(storeUrl)
      try {
        const rows = await store.db.selectFrom('sync_rows').select([(eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.count('version').distinct().as('v')]).where('table_name', '=', 'companies').executeTakeFirstOrThrow()
        if (Number(rows.n) !== laptops * rounds * changes || Number(rows.v) !== Number(rows.n)) throw new Error(`balanced pushes: ${rows.n} companies with ${rows.v} versions on the server, expected ${laptops * rounds * changes}`)
      } finally {
        await store.close()
      }
    } finally {
      await stopBalancer()
      for (const s of servers) await s.cleanup()
      const client = new pg.Client({ connectionString: pgUrl })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await client.end()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return figures
}
