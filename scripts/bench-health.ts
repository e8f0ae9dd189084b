// The Customer Health Score on the large set (issue 17): the full recompute of every company's score (a changed
// setting, the daily recompute), the incremental refresh of one company after one event, and the complaint's write
// with its refresh in the same transaction. Called by scripts/bench.ts on the open bench set.
import { sql } from 'kysely'
import { nowIso, type ServiceContext } from '../electron/main/platform/context'
import { createCase } from '../electron/main/modules/service'
import { recomputeAllHealth, refreshHealth } from '../db/modules/success'
import { caseFieldsSchema } from '../shared/modules/service'

type Report = (name: string, fn: () => Promise<unknown>) => Promise<void>
type Emit = (name: string, value: number, unit: string) => void

/** Runs `fn` `runs` times and answers the median in ms (the full recompute takes seconds: few runs). */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

export async function benchHealth(ctx: ServiceContext, report: Report, emit: Emit, options: { fullRuns?: number } = {}): Promise<void> {
  const now = nowIso(ctx)
  let companies = 0
  const full = await median(options.fullRuns ?? 3, () => ctx.db.transaction().execute(async (trx) => (companies = await recomputeAllHealth(trx, now))))
  emit('health.companies', companies, 'rows')
  emit('health.full_recompute.median', full, 'ms')
  const lights = await sql<{ light: string; n: number }>`select light, count(*) as n from company_health group by light`.execute(ctx.db)
  for (const l of lights.rows) emit(`health.light.${l.light}`, Number(l.n), 'rows')
  // The customer with the most cases: the heaviest facts query for one company.
  const busiest = await ctx.db.selectFrom('cases').select(['company_id', (eb) => eb.fn.countAll<number>().as('n')]).where('deleted_at', 'is', null)
    .groupBy('company_id').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow()
  await report('health.incremental_refresh.one_company', () => ctx.db.transaction().execute((trx) => refreshHealth(trx, [busiest.company_id], now)))
  // One new complaint written through the service: the case, its journey refresh and the score, in one transaction.
  await report('health.complaint_write_with_refresh', () => createCase(ctx, caseFieldsSchema.parse({
    type: 'complaint', companyId: busiest.company_id, channel: 'phone', receivedAt: now, subject: 'Bench: Reklamation', description: '', priority: 'normal',
  })))
}
