// SQL for the derived, local-only journey position of each company.
import { CompiledQuery, type Kysely } from 'kysely'
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

export interface JourneySave {
  companyId: string
  station: Station | null
  reason: JourneyReason
  business?: number
}

const SAVES_PER_STATEMENT = 200

/**
 * `saveJourney` for many companies, a few hundred to a statement (refreshing a whole first download wrote 20,000
 * companies one statement each). Rows that carry `business` and rows that leave it as stored go in separate statements.
 */
export async function saveJourneys(db: Pick<Kysely<Database>, 'executeQuery'>, saves: readonly JourneySave[], now: string): Promise<void> {
  for (const withBusiness of [false, true]) {
    const group = saves.filter((s) => (s.business !== undefined) === withBusiness)
    const columns = withBusiness ? '(company_id, station, reason, computed_at, business)' : '(company_id, station, reason, computed_at)'
    const tuple = withBusiness ? '(?, ?, ?, ?, ?)' : '(?, ?, ?, ?)'
    const update = `station = excluded.station, reason = excluded.reason, computed_at = excluded.computed_at${withBusiness ? ', business = excluded.business' : ''}`
    for (let i = 0; i < group.length; i += SAVES_PER_STATEMENT) {
      const rows = group.slice(i, i + SAVES_PER_STATEMENT)
      const values = rows.flatMap((r) => (withBusiness ? [r.companyId, r.station, r.reason, now, r.business!] : [r.companyId, r.station, r.reason, now]))
      await db.executeQuery(CompiledQuery.raw(
        `insert into company_journey ${columns} values ${rows.map(() => tuple).join(', ')} on conflict(company_id) do update set ${update}`, values,
      ))
    }
  }
}
