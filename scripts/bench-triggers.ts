// The early-warning triggers on the large set (issue 17): every rule for every customer (the daily roll evaluates the
// date-based ones; this evaluates all five) and one customer after one event (the refresh hook's share of a write).
// Both run in a transaction that is rolled back, so the bench set stays as it was and every run measures the same.
// Called by scripts/bench.ts on the open bench set.
import type { Transaction } from 'kysely'
import type { Database } from '../db/database.types'
import { fireTriggers } from '../db/modules/success'
import { nowIso, type ServiceContext } from '../electron/main/platform/context'

type Report = (name: string, fn: () => Promise<unknown>) => Promise<void>

class RolledBack extends Error {}

/** Runs `fn` in a transaction and undoes it. */
async function undone(ctx: ServiceContext, fn: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await fn(trx)
    throw new RolledBack()
  }).catch((err: unknown) => {
    if (!(err instanceof RolledBack)) throw err
  })
}

export async function benchTriggers(ctx: ServiceContext, report: Report, emit: (name: string, value: number, unit: string) => void): Promise<void> {
  const now = nowIso(ctx)
  const ids = (await ctx.db.selectFrom('companies').select('id').where('deleted_at', 'is', null).where('status', '=', 'customer').execute()).map((r) => r.id)
  emit('triggers.customers', ids.length, 'rows')
  let fired = 0
  await report('triggers.all_rules_all_customers', async () => {
    fired = 0
    await undone(ctx, async (trx) => {
      for (let i = 0; i < ids.length; i += 500) fired += await fireTriggers(trx, ids.slice(i, i + 500), now)
    })
  })
  emit('triggers.fired_in_full_run', fired, 'rows')
  const one = ids[Math.floor(ids.length / 2)]
  if (one) {
    await report('triggers.one_customer_after_event', () => undone(ctx, async (trx) => {
      await fireTriggers(trx, [one], now)
    }))
  }
}
