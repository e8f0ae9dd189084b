// The demo database: a file of its own next to the user's database (the path is derived in
// electron/main/core.ts), marked as demo when it is made and filled with the demo data on first use.
// Demo data never goes into a database that is or may be connected to a sync server: `demo.load` and
// the filling refuse a file without the mark, and the sync controller of a demo database refuses to
// connect. What the filling writes to the outbox is dropped (the demo can never push it).
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { readSettings, writeSetting } from '../../../../db/platform/local.repository'
import { AppError } from '../../../../shared/platform/result'
import { companyProfileSchema } from '../../../../shared/modules/settings'
import type { ServiceContext } from '../../platform/context'
import { rollContracts } from '../contracts'
import { recomputeHealthIfNewDay, rollTriggers } from '../success'
import { expireOffers } from '../offers'
import { ensureCurrentUser, updateProfile } from '../settings'
import { DEMO_DEVICE_CODE, DEMO_SIZES, loadDemoData } from './demo-data.service'

/** The demo's own letterhead (the first sample colleague signs), so offers can be sent and the first-start assistant stays closed. */
const DEMO_PROFILE = {
  repName: 'Anna Schneider', repEmail: 'a.schneider@kundenreise.example', repJobTitle: 'Vertrieb Niedersachsen', repPhone: '12',
  name: 'Demo Prüftechnik GmbH', street: 'Hamburger Straße 267', postalCode: '38114', city: 'Braunschweig', phone: '+49 531 000000-0',
  email: 'vertrieb@demo.kundenreise.example', website: '', managingDirectors: 'Erika Mustermann', registerCourt: 'Amtsgericht Braunschweig', registerNumber: 'HRB 000000',
  vatId: 'DE000000000', bankName: 'Demobank', iban: 'DE89 3704 0044 0532 0130 00', bic: 'DEMODEFFXXX',
}

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
    await ensureCurrentUser(ctx)
    await updateProfile(ctx, companyProfileSchema.parse(DEMO_PROFILE))
    // Today's upkeep before the outbox is dropped, so what it writes (offers expired, contracts rolled,
    // statuses following the business, early warnings fired) is not left waiting for a server either.
    await expireOffers(ctx)
    await rollContracts(ctx)
    // Every score was computed as its company was written (the refresh hook); this marks today's recompute done.
    await recomputeHealthIfNewDay(ctx)
    await rollTriggers(ctx)
    await ctx.db.transaction().execute(async (trx) => {
      // The demo can never be connected, so these operations could never be pushed: no "1,618 changes not yet synced".
      await trx.deleteFrom('sync_outbox').execute()
      await writeSetting(trx, FILLED, ctx.clock().toISOString())
    })
  }
  const row = await ctx.db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()
  return { companies: Number(row.n) }
}
