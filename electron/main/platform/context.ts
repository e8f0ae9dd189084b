// What every use case needs: the database, a clock tests can move, and who is working.
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.types'
import { berlinToday } from '../../../shared/platform/berlin-time'

export interface ServiceContext {
  db: Kysely<Database>
  clock: () => Date
  /** The user working on this device and their display name; set at start-up and by settings.update. */
  userId: string
  userName: string
}

export const nowIso = (ctx: ServiceContext): string => ctx.clock().toISOString()

/** Today's date (YYYY-MM-DD) in Germany on the context's clock — never the UTC date. */
export const todayOf = (ctx: Pick<ServiceContext, 'clock'>): string => berlinToday(ctx.clock)
