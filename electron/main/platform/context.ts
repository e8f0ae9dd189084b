// What every use case needs: the database, a clock tests can move, and who is working.
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/platform/database.types'

export interface ServiceContext {
  db: Kysely<Database>
  clock: () => Date
  /** The user working on this device and their display name; set at start-up and by settings.update. */
  userId: string
  userName: string
}

export const nowIso = (ctx: ServiceContext): string => ctx.clock().toISOString()

/** Today's date (YYYY-MM-DD) on the context's clock. */
export const todayOf = (ctx: ServiceContext): string => nowIso(ctx).slice(0, 10)
