// The demo database: a file of its own next to the user's database (the path is derived in
// electron/main/core.ts), marked as demo when it is made and filled with the demo data on first use.
// Demo data never goes into a database that is or may be connected to a sync server: `demo.load` and
// the filling refuse a file without the mark, and the sync controller of a demo database refuses to
// connect. What the filling writes to the outbox is dropped (the demo can never push it).
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { readSettings, writeSetting } from '../../../../db/platform/local.repository'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'
import { DEMO_DEVICE_CODE, DEMO_SIZES, loadDemoData } from './demo-data.service'

/** app_settings keys of a demo database (local, never synced). */
const MARK = 'database'
const FILLED = 'demoFilledAt'
/** The device code numbering uses in this file instead of the one hashed from its client id. */
const DEVICE_CODE = 'deviceCode'

/** True when the file was made as the demo database. */
export async function isDemoDatabase(db: Kysely<Database>): Promise<boolean> {
  return (await readSettings(db))[MARK] === 'demo'
}

/** Marks a newly made file as the demo database (before anything else is written to it). */
export async function markDemoDatabase(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await writeSetting(trx, MARK, 'demo')
    await writeSetting(trx, DEVICE_CODE, DEMO_DEVICE_CODE)
  })
}

/** Fills the demo database with the demo data once; refuses any other database. Answers how many companies it holds. */
export async function ensureDemoData(ctx: ServiceContext): Promise<{ companies: number }> {
  const settings = await readSettings(ctx.db)
  if (settings[MARK] !== 'demo') throw new AppError('forbidden', 'demo.errors.loadRefused')
  if (!settings[FILLED]) {
    await loadDemoData(ctx, DEMO_SIZES.small)
    await ctx.db.transaction().execute(async (trx) => {
      // The demo can never be connected, so these operations could never be pushed: no "1,618 changes not yet synced".
      await trx.deleteFrom('sync_outbox').execute()
      await writeSetting(trx, FILLED, ctx.clock().toISOString())
    })
  }
  const row = await ctx.db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()
  return { companies: Number(row.n) }
}
