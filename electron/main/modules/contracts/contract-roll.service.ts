// The daily roll of contracts, on every device at start and hourly: tacit renewals, ended contracts,
// and the journey of the customers whose contract facts changed with the date.
import { sql } from 'kysely'
import { updateSynced } from '../../../../db/platform/synced-writes'
import { renewingContract } from '../../../../db/modules/contracts/contract.predicates'
import { companiesWithFlippedFacts } from '../../../../db/modules/customers'
import { AppError } from '../../../../shared/platform/result'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourneys } from '../customers'
import { rolledColumns, workdayRule } from './contract-terms'

/**
 * Daily upkeep on every device: tacit renewals and ended contracts, then the journey of every
 * customer whose renewal window opened or closed, or whose contract started or ended, since the last
 * run. Rolling is idempotent (the same values on every device), so two laptops doing it never conflict.
 */
export async function rollContracts(ctx: ServiceContext): Promise<{ rolled: number; refreshed: number }> {
  const now = nowIso(ctx)
  const day = todayOf(ctx)
  const due = await ctx.db.selectFrom('contracts').select('id').where('deleted_at', 'is', null).where(renewingContract())
    .where('end_date', '<', day).limit(2000).execute()
  for (const { id } of due) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        // Read again inside the transaction: a cancellation written meanwhile must not be rolled over.
        const row = await trx.selectFrom('contracts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
        if (!row) return
        const rolled = rolledColumns(row, day, await workdayRule(trx, row.company_id))
        if (rolled) await updateSynced(trx, 'contracts', row.id, rolled, now)
      })
    } catch (err) {
      // One damaged contract stays as it is (and says so when opened); the others still roll.
      if (!(err instanceof AppError)) throw err
      console.error(`[contracts] not rolled: ${id} (${err.message})`)
    }
  }
  const last = (await ctx.db.selectFrom('app_settings').select('value').where('key', '=', 'contractsRolledOn').executeTakeFirst())?.value ?? '0000-00-00'
  let refreshed = 0
  if (last < day || due.length > 0) {
    // Every company whose journey facts flip with the date between the last run and today (each module
    // says when its facts do), and those of the contracts just rolled.
    const companies = await sql<{ company_id: string }>`${companiesWithFlippedFacts(last, day)}
      union select company_id from contracts where deleted_at is null and id in (${sql.join(due.length ? due.map((d) => d.id) : [''])})`.execute(ctx.db)
    await ctx.db.transaction().execute(async (trx) => {
      // This device moves the status of the companies it owns when their last contract ended (one device per company).
      await refreshJourneys(trx, companies.rows.map((r) => r.company_id), now, ctx.userId)
      await trx.insertInto('app_settings').values({ key: 'contractsRolledOn', value: day }).onConflict((oc) => oc.column('key').doUpdateSet({ value: day })).execute()
    })
    refreshed = companies.rows.length
  }
  return { rolled: due.length, refreshed }
}
