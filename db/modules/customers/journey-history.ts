// The journey over time (issue 17): every change of a company's journey position, recorded where the position is
// saved (electron/main/modules/customers/journey.service.ts), synced with the company (docs/journey-history.md).
import { derivedId } from '../../platform/ids'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.types'
import type { SyncColumns } from '../../platform/sync-columns'
import { insertSynced } from '../../platform/synced-writes'
import { berlinDay } from '../../../shared/platform/berlin-time'
import type { CompanyStatus } from '../../../shared/modules/customers/customer.enums'
import type { JourneyPosition, JourneyReason } from '../../../shared/modules/customers/journey.rules'
import type { Station } from '../../../shared/modules/customers/journey.stations'

export interface JourneyChangeTable extends SyncColumns {
  company_id: string
  /** The new station; null: the company left the journey (a former customer). */
  station: Station | null
  reason: JourneyReason
  /** The company's status with the new position (prospect, customer, former): tells a lost prospect from a churned customer. */
  status: CompanyStatus
  /** The Berlin day of the change, "YYYY-MM-DD". */
  changed_on: string
}

/**
 * UUID-shaped sha-256 of `journey:<company>:<station>:<day>` (and `:<n>` for the n-th same station that day), version
 * nibble 7 like the ids the app makes: every laptop that makes the same change on the same day makes the same row.
 */
export function journeyChangeId(companyId: string, station: Station | null, day: string, n = 0): string {
  return derivedId(`journey:${companyId.toLowerCase()}:${station ?? 'none'}:${day}${n > 0 ? `:${n}` : ''}`)
}

/** The position a company stood at before a refresh, as this laptop stored it (null: never positioned). */
export interface PositionBefore {
  station: Station | null
  reason: JourneyReason | null
  status: CompanyStatus
}

async function insertChange(trx: Transaction<Database>, companyId: string, station: Station | null, reason: JourneyReason, status: CompanyStatus, day: string, now: string): Promise<void> {
  const { n } = await trx.selectFrom('journey_changes').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('company_id', '=', companyId).where('changed_on', '=', day).where(station === null ? (eb) => eb('station', 'is', null) : (eb) => eb('station', '=', station))
    .executeTakeFirstOrThrow()
  // A merge moves another company's changes here under their own ids, and a tombstone keeps its id: the next free
  // number is taken, so the same change on two laptops still meets as one record and nothing collides.
  let next = Number(n)
  let id = journeyChangeId(companyId, station, day, next)
  while (await trx.selectFrom('journey_changes').select('id').where('id', '=', id).executeTakeFirst()) id = journeyChangeId(companyId, station, day, ++next)
  await insertSynced(trx, 'journey_changes', { id, company_id: companyId, station, reason, status, changed_on: day }, now)
}

/**
 * Records a change of position unless the company's latest recorded change already names it (a colleague's change
 * pulled with its record, or the same change made here before). A new company's first position is not recorded (it
 * is its position since the day it was made, which every laptop knows from the company): its first change records
 * that starting entry first, dated the day the company was made — as it does for a company from before the history.
 */
export async function recordJourneyChange(
  trx: Transaction<Database>, companyId: string, before: PositionBefore, after: JourneyPosition, status: CompanyStatus, now: string,
  known?: Map<string, LatestChange>,
): Promise<void> {
  const latest = known ? known.get(companyId) : await trx.selectFrom('journey_changes').select(['station', 'reason'])
    .where('company_id', '=', companyId).where('deleted_at', 'is', null)
    .orderBy('changed_on', 'desc').orderBy('local_seq', 'desc').limit(1).executeTakeFirst()
  if (latest && latest.station === after.station && latest.reason === after.reason) return
  if (!latest) {
    if (before.reason === null) return
    const company = await trx.selectFrom('companies').select('created_at').where('id', '=', companyId).executeTakeFirstOrThrow()
    await insertChange(trx, companyId, before.station, before.reason, before.status, berlinDay(company.created_at), now)
  }
  await insertChange(trx, companyId, after.station, after.reason, status, berlinDay(now), now)
}

export interface LatestChange {
  station: Station | null
  reason: JourneyReason
}

/**
 * The latest recorded change of each of these companies (what `recordJourneyChange` compares with), in one query for
 * a chunk of a bulk refresh instead of one per company; a company without any is not in the map.
 */
export async function latestJourneyChanges(trx: Transaction<Database>, companyIds: readonly string[]): Promise<Map<string, LatestChange>> {
  const latest = new Map<string, LatestChange>()
  if (companyIds.length === 0) return latest
  const rows = await trx.selectFrom('journey_changes').select(['company_id', 'station', 'reason'])
    .where('company_id', 'in', companyIds).where('deleted_at', 'is', null)
    .orderBy('company_id').orderBy('changed_on', 'desc').orderBy('local_seq', 'desc').execute()
  for (const row of rows) if (!latest.has(row.company_id)) latest.set(row.company_id, { station: row.station, reason: row.reason })
  return latest
}
