// The journey over time on the large set (issue 17): the journey map for the last year (all customers, and narrowed
// to one segment and one owner) and one customer's station line. Called by scripts/bench.ts on the open bench set;
// `seedJourneyHistory` adds the demo's year of history to a bench set made before it (scripts/bench-journey-seed.ts).
import { nowIso, todayOf, type ServiceContext } from '../electron/main/platform/context'
import { journeyHistory, journeyMap } from '../electron/main/modules/journey'
import { demoJourneyFor } from '../electron/main/modules/demo'

type Report = (name: string, fn: () => Promise<unknown>) => Promise<void>

const yearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`.replace(/-02-29$/, '-02-28')

export async function benchJourney(ctx: ServiceContext, report: Report, emit: (name: string, value: number, unit: string) => void): Promise<void> {
  const to = todayOf(ctx)
  const from = yearBefore(to)
  const changes = await ctx.db.selectFrom('journey_changes').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()
  emit('journey.changes', Number(changes.n), 'rows')
  await report('journey.map.year', () => journeyMap(ctx, { from, to, segment: '', personaId: '', ownerId: '' }))
  await report('journey.map.year.segment', () => journeyMap(ctx, { from, to, segment: 'mid_market', personaId: '', ownerId: '' }))
  const owner = await ctx.db.selectFrom('companies').select('owner_id').where('owner_id', '!=', '').limit(1).executeTakeFirst()
  if (owner) await report('journey.map.year.owner', () => journeyMap(ctx, { from, to, segment: '', personaId: '', ownerId: owner.owner_id }))
  const company = await ctx.db.selectFrom('journey_changes').select('company_id').limit(1).executeTakeFirst()
  if (company) await report('journey.history.customer', () => journeyHistory(ctx, company.company_id))
}

/** The demo's year of journey history for every company of the set that has none yet, in batches of 500. */
export async function seedJourneyHistory(ctx: ServiceContext): Promise<number> {
  const now = nowIso(ctx)
  const nowMs = ctx.clock().getTime()
  const ids = (await ctx.db.selectFrom('companies').select('id').where('deleted_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('journey_changes as j').select('j.id').whereRef('j.company_id', '=', 'companies.id').where('j.deleted_at', 'is', null))))
    .orderBy('local_seq').execute()).map((r, n) => ({ id: r.id, n }))
  let written = 0
  for (let i = 0; i < ids.length; i += 500) {
    written += await ctx.db.transaction().execute((trx) => demoJourneyFor(trx, ids.slice(i, i + 500), nowMs, now))
  }
  return written
}
