// `npx tsx scripts/bench-leads.ts` (also part of `npm run bench`), JSON lines. Leads (issue 19):
// - on the large set (20,000 leads with scoring histories; added to a set seeded before leads existed): the lead
//   inbox, the lead report for two years, and the leads on the work list (targets: inbox and report under 100 ms);
// - intake throughput on a fresh server store, SQLite and PostgreSQL: 10,000 leads posted one after the other
//   through the server's HTTP handler (the Hono app, no network) with an Idempotency-Key each, then 1,000 of them
//   posted again unchanged (idempotency by the sender's id: nothing written, checked by the store's sequence),
//   1,000 replayed with their Idempotency-Key, and 1,000 updated with a new scoring event. Posts per second and
//   total seconds (target: 10,000 under 30 s on SQLite). The per-key rate limit (60 a minute) is lifted for the
//   measurement: it is what the bench does not measure.
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startCore } from '../electron/main/core'
import { addDemoLeads, DEMO_LEADS_LARGE } from '../electron/main/modules/demo'
import { leadInbox, leadReport, leadWorkListSource } from '../electron/main/modules/leads'
import type { ServiceContext } from '../electron/main/platform/context'
import { createApp } from '../server/app'
import { createIntegrationKey } from '../server/integrations/keys'
import { openStore, type Store } from '../server/store/open-store'
import { tempDir } from '../tests/helpers/temp-db'

type Report = (name: string, fn: () => Promise<unknown>) => Promise<void>
type Emit = (name: string, value: number, unit: string) => void

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const INTAKE = Number(process.env.BENCH_LEAD_POSTS ?? 10_000)
const AGAIN = Math.min(1_000, INTAKE)

export const emitLine: Emit = (name, value, unit) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }))

/** The inbox, the report and the work list's leads on the open large set. */
export async function benchLeads(ctx: ServiceContext, report: Report, emit: Emit): Promise<void> {
  const added = await addDemoLeads(ctx.db, DEMO_LEADS_LARGE, ctx.clock().getTime())
  if (added > 0) emit('leads.added_to_bench_set', added, 'rows')
  const count = Number((await ctx.db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  emit('leads.rows', count, 'rows')
  const inbox = await leadInbox(ctx)
  emit('leads.inbox.handed_over', inbox.leads.length, 'rows')
  emit('leads.inbox.marketing', inbox.marketingCount, 'rows')
  await report('leads.inbox', () => leadInbox(ctx))
  const year = new Date().getFullYear()
  await report('reports.leads.two_years', () => leadReport(ctx, { from: `${year - 1}-01-01`, to: `${year}-12-31` }))
  await report('reports.leads.one_month', () => leadReport(ctx, { from: `${year}-${String(new Date().getMonth() + 1).padStart(2, '0')}-01`, to: `${year}-12-31` }))
  const today = new Date().toISOString().slice(0, 10)
  await report('leads.work_list_page', () => leadWorkListSource.list(ctx, { ownerId: '', from: '', to: `${year + 1}-12-31`, limit: 50 }))
  await report('leads.work_list_counts', () => leadWorkListSource.count(ctx, { ownerId: '', from: '', to: `${year + 1}-12-31`, today }))
}

const lead = (i: number, events = 2) => ({
  id: `bench-${i}`,
  person: { firstName: 'Greta', lastName: `Hansen ${i}`, email: `greta.hansen.${i}@example.de` },
  company: { name: `Hansen Logistik ${i} GmbH` },
  source: ['webinar', 'messe', 'website', 'newsletter'][i % 4]!,
  campaign: 'Herbst 2026',
  score: 30 * events,
  events: Array.from({ length: events }, (_, k) => ({ at: new Date(Date.UTC(2026, 10, 1 + k, 9)).toISOString(), activity: k % 2 ? 'Webinar besucht' : 'Whitepaper geladen', points: 30 })),
  consent: { given: true, at: '2026-11-01T09:00:00Z' },
})

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function intake(kind: 'sqlite' | 'postgres', emit: Emit): Promise<void> {
  const schema = `bench_leads_${Date.now().toString(36)}`
  const store: Store = kind === 'sqlite' ? await openStore(path.join(tempDir(), 'server.sqlite')) : await openStore(PG_URL, { schema })
  try {
    const app = createApp({ store, integrationLimits: { postsPerWindow: 10 * INTAKE } })
    const { key } = await createIntegrationKey(store.db, 'Bench Marketing', ['leads'])
    const post = async (body: unknown, idempotencyKey?: string) => {
      const response = await app.request('http://bench.test/integrations/v1/leads', {
        method: 'POST', body: JSON.stringify(body),
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      })
      if (response.status !== 200) throw new Error(`a bench lead answered ${response.status}`)
      return response.json() as Promise<{ created: boolean; updated: boolean; replayed?: boolean }>
    }
    const check = (ok: boolean, what: string) => {
      if (!ok) throw new Error(`bench-leads ${kind}: ${what}`)
    }
    let created = 0
    const total = await timed(async () => {
      for (let i = 0; i < INTAKE; i++) if ((await post(lead(i), `bench-${i}`)).created) created++
    })
    check(created === INTAKE, `${created} of ${INTAKE} created`)
    emit(`leads.intake.${kind}.posts`, INTAKE, 'posts')
    emit(`leads.intake.${kind}.total`, total / 1000, 's')
    emit(`leads.intake.${kind}.throughput`, INTAKE / (total / 1000), 'posts/s')

    // The same posts again without their Idempotency-Key (an answer lost): idempotent by the sender's id.
    // What a post wrote: rows with a version above the highest before it (PostgreSQL's versions may have gaps).
    const written = async (after: number) => Number((await store.db.selectFrom('sync_rows').select((e) => e.fn.countAll().as('n')).where('version', '>', after).executeTakeFirstOrThrow()).n)
    const sequence = Number((await store.db.selectFrom('sync_rows').select((e) => e.fn.max('version').as('v')).executeTakeFirstOrThrow()).v)
    let unchanged = 0
    const again = await timed(async () => {
      for (let i = 0; i < AGAIN; i++) {
        const answer = await post(lead(i))
        if (!answer.created && !answer.updated) unchanged++
      }
    })
    check(unchanged === AGAIN && (await written(sequence)) === 0, 'a retried post wrote something')
    emit(`leads.intake.${kind}.retried_unchanged`, AGAIN / (again / 1000), 'posts/s')
    let replayed = 0
    const replay = await timed(async () => {
      for (let i = 0; i < AGAIN; i++) if ((await post(lead(i), `bench-${i}`)).replayed) replayed++
    })
    check(replayed === AGAIN && (await written(sequence)) === 0, 'a replay wrote something')
    emit(`leads.intake.${kind}.replayed_idempotency_key`, AGAIN / (replay / 1000), 'posts/s')
    let updated = 0
    const update = await timed(async () => {
      for (let i = 0; i < AGAIN; i++) if ((await post(lead(i, 3))).updated) updated++
    })
    check(updated === AGAIN && (await written(sequence)) === AGAIN, 'an update was lost')
    emit(`leads.intake.${kind}.updated_new_event`, AGAIN / (update / 1000), 'posts/s')
    const rows = Number((await store.db.selectFrom('sync_rows').select((eb) => eb.fn.countAll<number>().as('n')).where('table_name', '=', 'leads').executeTakeFirstOrThrow()).n)
    check(rows === INTAKE, `${rows} lead rows`)
  } finally {
    await store.close()
    if (kind === 'postgres') {
      const pg = (await import('pg')).default
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await client.end()
    }
  }
}

export async function benchLeadIntake(emit: Emit = emitLine): Promise<void> {
  // The machine's load when the intake starts: posts per second are CPU-bound, a shared machine shows fewer.
  emit('leads.intake.load_average_1min', loadavg()[0]!, `load on ${cpus().length} cores`)
  await intake('sqlite', emit)
  await intake('postgres', emit)
}

async function main(): Promise<void> {
  const file = path.resolve(process.env.BENCH_DB ?? '.data/bench-large.sqlite')
  const core = await startCore(file, 'web')
  await core.upkeepDone
  const report: Report = async (name, fn) => {
    for (let i = 0; i < 3; i++) await fn()
    const samples: number[] = []
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now()
      await fn()
      samples.push(performance.now() - t0)
    }
    samples.sort((a, b) => a - b)
    emitLine(`${name}.median`, samples[15]!, 'ms')
    emitLine(`${name}.p95`, samples[28]!, 'ms')
  }
  await benchLeads(core.app.ctx, report, emitLine)
  await core.database.close()
  if (process.env.BENCH_LEAD_INTAKE !== '0') await benchLeadIntake()
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(() => process.exit(0), (err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
