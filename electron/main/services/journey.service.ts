// Keeps each company's derived journey position current; called inside the writing transaction.
import type { Kysely } from 'kysely'
import { latestTouchpointStation, saveJourney } from '../../../db/repositories/journey.repository'
import type { Database } from '../../../db/tables/database'
import type { CompanyStatus } from '../../../shared/domain/customers/customer.enums'
import { currentStation, type JourneyPosition } from '../../../shared/domain/journey/journey.rules'
import { STATIONS, type Station } from '../../../shared/domain/journey/journey.stations'

const isStation = (value: string | null): value is Station => value !== null && (STATIONS as readonly string[]).includes(value)

export async function refreshJourney(db: Kysely<Database>, companyId: string, now: string): Promise<JourneyPosition> {
  const company = await db.selectFrom('companies').select('status').where('id', '=', companyId).executeTakeFirst()
  if (!company) throw new Error(`refreshJourney: company ${companyId} not found`)
  const latest = await latestTouchpointStation(db, companyId)
  const position = currentStation({
    status: company.status as CompanyStatus,
    latestTouchpointStation: isStation(latest) ? latest : null,
  })
  await saveJourney(db, companyId, position.station, position.reason, now)
  return position
}
