// Pushes per second through a real HAProxy (Debian's package) with one and with two sync server processes on
// one PostgreSQL schema (issue 20): part of `npm run bench:sync`; alone with `BENCH_SYNC_ONLY=balanced`.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { openDatabase } from '../db/database'
import { newId } from '../db/platform/ids'
import { SCHEMA_VERSION } from '../db/migrations'
import { insertSynced } from '../db/platform/synced-writes'
import { emptySyncSummary as emptySummary, httpTransport, pushAll, type EngineDeps, type SyncTransport } from '../electron/main/modules/sync'
import type { PushOp } from '../shared/modules/sync'
import { openStore } from '../server/store/open-store'
import { startLoadBalancer } from '../tests/helpers/load-balancer'
import { SERVER_PASSWORD, startServerProcess, type ServerProcess } from '../tests/helpers/server-process'
import { tempDir } from '../tests/helpers/temp-db'


interface Rep {
  database: Awaited<ReturnType<typeof openDatabase>>
  deps: EngineDeps
}

/**
 * `instances` server processes on a fresh PostgreSQL schema behind HAProxy (round-robin), `laptops` reps of `teams`
 * teams logged in through it; `work` runs with them, then the server must hold `expectedCompanies` companies, each
 * with its own version (nothing lost, nothing doubled), or the bench fails.
 */
async function withBalancedTeams<T>(
  pgUrl: string, instances: number, laptops: number, teams: number, work: (reps: Rep[], transport: SyncTransport, users: Array<{ login: string }>, servers: ServerProcess[]) => Promise<T>, expectedCompanies: number, withDatabases = true,
): Promise<T> {
  const dir = tempDir()
  const schema = `bench_lb_${Date.now().toString(36)}`
  const storeUrl = `${pgUrl}?options=-c%20search_path%3D${schema}`
  await (await openStore(pgUrl, { schema })).close()
  const servers: ServerProcess[] = []
  let stopBalancer = async () => {}
  const reps: Rep[] = []
  try {
    const users = Array.from({ length: laptops }, (_, i) => ({ login: `rep${i}`, name: `Rep ${i}`, role: 'field_sales' as const, team: `Team ${i % teams}` }))
    servers.push(await startServerProcess({ storeUrl, users }))
    for (let i = 1; i < instances; i++) servers.push(await startServerProcess({ storeUrl, users: [] }))
    const lb = await startLoadBalancer(servers.map((s) => s.url))
    stopBalancer = lb.stop
    const transport = httpTransport(lb.url)
    for (const u of withDatabases ? users : []) {
      const database = await openDatabase(path.join(dir, `${u.login}.sqlite`))
      const { token } = await transport.login({ login: u.login, password: SERVER_PASSWORD, clientId: database.clientId })
      reps.push({ database, deps: { db: database.db, clientId: database.clientId, token, schemaVersion: SCHEMA_VERSION, transport, clock: () => new Date() } })
    }
    const result = await work(reps, transport, users, servers)
    const store = await openStore(storeUrl)
    try {
      const rows = await store.db.selectFrom('sync_rows').select([(eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.count('version').distinct().as('v')]).where('table_name', '=', 'companies').executeTakeFirstOrThrow()
      if (Number(rows.n) !== expectedCompanies || Number(rows.v) !== Number(rows.n)) throw new Error(`balanced: ${rows.n} companies with ${rows.v} versions on the server, expected ${expectedCompanies}`)
    } finally {
      await store.close()
    }
    return result
  } finally {
    for (const r of reps) await r.database.close()
    await stopBalancer()
    for (const s of servers) await s.cleanup()
    const client = new pg.Client({ connectionString: pgUrl })
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await client.end()
    rmSync(dir, { recursive: true, force: true })
  }
}

const newCompanies = (r: Rep, names: string[]) => r.database.db.transaction().execute(async (trx) => {
  const now = new Date().toISOString()
  for (const name of names) await insertSynced(trx, 'companies', { id: newId(), name, status: 'prospect' }, now)
})

/**
 * Pushes per second through HAProxy (round-robin) with one and with two server processes on one PostgreSQL
 * schema: LAPTOPS laptops of TEAMS teams each make ROUNDS pushes of CHANGES new companies, all at once.
 * Afterwards the server must hold every company exactly once, or the bench fails.
 */
export async function benchBalancedPushes(pgUrl: string, laptops = 40, teams = 4, rounds = 10, changes = 5): Promise<Record<number, number>> {
  const figures: Record<number, number> = {}
  for (const instances of [1, 2]) {
    figures[instances] = await withBalancedTeams(pgUrl, instances, laptops, teams, async (reps) => {
      const started = performance.now()
      await Promise.all(reps.map(async (r, i) => {
        for (let round = 0; round < rounds; round++) {
          await newCompanies(r, Array.from({ length: changes }, (_, c) => `Rep ${i} Runde ${round} Firma ${c}`))
          await pushAll(r.deps, emptySummary())
        }
      }))
      return (laptops * rounds) / ((performance.now() - started) / 1000)
    }, laptops * rounds * changes)
  }
  return figures
}

/**
 * The team-scale moment (issue 20, scope 2): LAPTOPS simulated laptops of TEAMS teams each push CHANGES new companies
 * and pull everyone's at the same moment, through HAProxy with one and with two server processes. The laptops speak
 * the sync protocol over HTTP without a database of their own: 500 real laptops' SQLite work would run on 500
 * machines, here it would all queue on this one's threads and measure the simulator, not the server. Each laptop's
 * push + pull is timed (p50, p99); afterwards each must have received exactly its team's new companies, once each.
 */
/**
 * How many server connections wait for a lock (pg_stat_activity, every 20 ms) while `work` runs: on average, and at
 * most. With one writers' lock held by every push, a burst kept ~12 pushes waiting for it; with pushes side by side,
 * only pushes that change the same rows wait for each other.
 */
async function lockWaitsDuring<T>(pgUrl: string, work: () => Promise<T>): Promise<{ result: T; average: number; max: number }> {
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  const counts: number[] = []
  let running = true
  const sampling = (async () => {
    while (running) {
      const { rows } = await client.query<{ n: string }>("select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")
      counts.push(Number(rows[0]!.n))
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })()
  try {
    const result = await work()
    return { result, average: counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length), max: Math.max(0, ...counts) }
  } finally {
    running = false
    await sampling
    await client.end()
  }
}

export interface BurstFigures {
  p50: number
  p99: number
  pushesPerSecond: number
  /** Server connections waiting for a lock during the burst: average and highest of the samples. */
  lockWaits: number
  lockWaitsMax: number
  /** Cores used on average during the burst: where the machine's time went (null: no /proc). */
  cpu: CpuCores | null
}

interface CpuCores {
  servers: number
  postgres: number
  /** This process: the simulated laptops. */
  laptops: number
  haproxy: number
}

interface CpuSnapshot {
  servers: number
  postgres: number
  haproxy: number
  self: number
}

/** CPU seconds of processes by /proc (Linux; USER_HZ is 100 there): the given pids, or every process named `comm`. */
function procCpuSeconds(match: (pid: number, comm: string) => boolean): number {
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      if (!match(pid, comm)) continue
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100
}

function cpuSnapshot(servers: ServerProcess[]): CpuSnapshot | null {
  if (!existsSync('/proc/self/stat')) return null
  const pids = new Set(servers.map((s) => s.pid()))
  const usage = process.cpuUsage()
  return {
    servers: procCpuSeconds((pid) => pids.has(pid)),
    postgres: procCpuSeconds((_pid, comm) => comm === 'postgres'),
    haproxy: procCpuSeconds((_pid, comm) => comm === 'haproxy'),
    self: (usage.user + usage.system) / 1e6,
  }
}

function cpuCores(before: CpuSnapshot | null, after: CpuSnapshot | null, seconds: number): CpuCores | null {
  if (!before || !after) return null
  return {
    servers: (after.servers - before.servers) / seconds,
    postgres: (after.postgres - before.postgres) / seconds,
    laptops: (after.self - before.self) / seconds,
    haproxy: (after.haproxy - before.haproxy) / seconds,
  }
}

export async function benchTeamBurst(pgUrl: string, laptops = 500, teams = 20, changes = 5): Promise<Record<number, BurstFigures>> {
  const figures: Record<number, BurstFigures> = {}
  for (const instances of [1, 2]) {
    figures[instances] = await withBalancedServers(pgUrl, instances, laptops, teams, async (transport, logins, servers) => {
      const pullFrom = async (l: SimulatedLaptop, seen: Map<string, number>) => {
        for (;;) {
          const page = await transport.pull(l.token, SCHEMA_VERSION, { clientId: l.clientId, cursor: l.cursor, limit: 1000, bootstrap: false, withRemaining: false })
          for (const c of page.changes) if (c.table === 'companies') seen.set(c.id, (seen.get(c.id) ?? 0) + 1)
          l.cursor = page.cursor
          if (!page.hasMore) return
        }
      }
      const sims: SimulatedLaptop[] = logins.map((l) => ({ ...l, cursor: 0, seen: new Map() }))
      for (const l of sims) await pullFrom(l, new Map()) // the first download (the team's directory; no companies yet)
      const now = new Date().toISOString()
      const started = performance.now()
      const cpuBefore = cpuSnapshot(servers)
      const burst = await lockWaitsDuring(pgUrl, () => Promise.all(sims.map(async (l, i) => {
        const ops: PushOp[] = Array.from({ length: changes }, (_, c) => ({
          opId: crypto.randomUUID(), clientSeq: c + 1, table: 'companies', rowId: newId(), kind: 'insert', baseVersion: null, schemaVersion: SCHEMA_VERSION, createdAt: now,
          fields: { created_at: { old: null, new: now }, name: { old: null, new: `Rep ${i} Firma ${c}` }, status: { old: null, new: 'prospect' } },
        }))
        const t0 = performance.now()
        const { results } = await transport.push(l.token, SCHEMA_VERSION, { clientId: l.clientId, schemaVersion: SCHEMA_VERSION, ops })
        if (results.some((r) => r.status !== 'applied')) throw new Error(`team burst: a push of rep ${i} was not applied: ${JSON.stringify(results)}`)
        await pullFrom(l, l.seen)
        return performance.now() - t0
      })))
      const latencies = burst.result
      const seconds = (performance.now() - started) / 1000
      const cpu = cpuCores(cpuBefore, cpuSnapshot(servers), seconds)
      // Whoever pulled before a colleague's push committed gets it at the next pull: one more, then count.
      for (const l of sims) await pullFrom(l, l.seen)
      const expected = (laptops / teams) * changes
      for (const [i, l] of sims.entries()) {
        const twice = [...l.seen.values()].filter((n) => n > 1).length
        if (l.seen.size !== expected || twice > 0) throw new Error(`team burst: rep ${i} received ${l.seen.size} companies (${twice} twice), expected ${expected} once each`)
      }
      latencies.sort((a, b) => a - b)
      const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!
      return { p50: at(0.5), p99: at(0.99), pushesPerSecond: laptops / seconds, lockWaits: burst.average, lockWaitsMax: burst.max, cpu }
    }, laptops * changes)
  }
  return figures
}

interface SimulatedLaptop {
  login: string
  token: string
  clientId: string
  cursor: number
  seen: Map<string, number>
}

/** As withBalancedTeams, for laptops without a database: each login gets a client id and a session. */
async function withBalancedServers<T>(pgUrl: string, instances: number, laptops: number, teams: number, work: (transport: SyncTransport, logins: Array<{ login: string; token: string; clientId: string }>, servers: ServerProcess[]) => Promise<T>, expectedCompanies: number): Promise<T> {
  return withBalancedTeams(pgUrl, instances, laptops, teams, async (_reps, transport, users, servers) => {
    const logins: Array<{ login: string; token: string; clientId: string }> = []
    for (const u of users) {
      const clientId = crypto.randomUUID()
      logins.push({ login: u.login, clientId, token: (await transport.login({ login: u.login, password: SERVER_PASSWORD, clientId })).token })
    }
    return work(transport, logins, servers)
  }, expectedCompanies, false)
}
