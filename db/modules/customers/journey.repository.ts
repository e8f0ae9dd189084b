// SQL for the derived, local-only journey position of each company.
import type { Kysely } from 'kysely'
import type { Database } from '../../database.types'
import type { JourneyReason } from '../../../shared/modules/customers/journey.rules'
import type { Station } from '../../../shared/modules/customers/journey.stations'

export async function latestTouchpointStation(db: Kysely<Database>, companyId: string): Promise<Station | null> {
  const row = await db
    .selectFrom('touchpoints')
    .select('station')
    .where('company_id', '=', companyId)
    .where('deleted_at', 'is', null)
    .orderBy('occurred_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.station ?? null
}

/** Saves the position; `business` (the status automation's fact, 0/1) only when given, else it stays as stored. */
export async function saveJourney(
  db: Kysely<Database>, companyId: string, station: Station | null, reason: JourneyReason, now: string, business?: number,
): Promise<void> {
  const seen = business === undefined ? {} : { business }
  await db
    .insertInto('company_journey')
    .values({ company_id: companyId, station, reason, computed_at: now, ...seen })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ station, reason, computed_at: now, ...seen }))
    .execute()
}
