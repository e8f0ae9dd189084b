// Keeps each company's derived journey position current; called inside the writing transaction.
import { sql, type Kysely } from 'kysely'
import { latestTouchpointStation, saveJourney } from '../../../../db/modules/customers/journey.repository'
import { journeyFacts, structuralFacts } from '../../../../db/modules/customers/journey.facts'
import type { Database } from '../../../../db/database.types'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import type { CompanyStatus } from '../../../../shared/modules/customers'
import { currentStation, type JourneyFacts, type JourneyPosition, type JourneyReason } from '../../../../shared/modules/customers/journey.rules'
import type { Station } from '../../../../shared/modules/customers/journey.stations'

/** What the caller already read about the company, so the refresh needs no second look-up. */
export interface KnownCompany {
  status: CompanyStatus
  station: Station | null
  reason: JourneyReason | null
  /** The latest touchpoint's station after the write, when the caller can tell without a query. */
  latestTouchpointStation?: Station | null
  /** Undecided offers, when the caller read them with the company (saves a query per touchpoint). */
  open_offer_count?: number
}

/** The structural facts as read (`structuralFacts`): numbers, booleans as 0/1. */
interface FactsRow {
  activeContract: number
  newContract: number
  inRenewalWindow: number
  openCaseCount: number
  referralOrPromoter: number
}

const factsOf = (row: FactsRow, openOfferCount: number): Omit<JourneyFacts, 'status' | 'latestTouchpointStation'> => ({
  activeContract: Boolean(row.activeContract), newContract: Boolean(row.newContract), inRenewalWindow: Boolean(row.inRenewalWindow),
  openCaseCount: Number(row.openCaseCount), referralOrPromoter: Boolean(row.referralOrPromoter), openOfferCount: Number(openOfferCount),
})

export async function refreshJourney(db: Kysely<Database>, companyId: string, now: string, known?: KnownCompany): Promise<JourneyPosition> {
  const company: KnownCompany | undefined = known ?? (await db
    .selectFrom('companies as c')
    .leftJoin('company_journey as j', 'j.company_id', 'c.id')
    .select(['c.status', 'j.station', 'j.reason'])
    .where('c.id', '=', companyId)
    .executeTakeFirst())
  if (!company) throw new Error(`refreshJourney: company ${companyId} not found`)
  const latest = company.latestTouchpointStation !== undefined ? company.latestTouchpointStation : await latestTouchpointStation(db, companyId)
  const id = sql<string>`${companyId}`
  const facts = await db.selectNoFrom(structuralFacts(id, berlinDay(now))).executeTakeFirstOrThrow()
  const openOffers = company.open_offer_count ?? (await db.selectNoFrom(journeyFacts().openOfferCount(id).as('n')).executeTakeFirstOrThrow()).n
  const position = currentStation({ status: company.status, latestTouchpointStation: latest, ...factsOf(facts, openOffers) })
  // Most touchpoints do not move the customer: then there is nothing to write.
  if (company.reason !== position.reason || company.station !== position.station) {
    await saveJourney(db, companyId, position.station, position.reason, now)
  }
  return position
}

/**
 * The same refresh for many companies at once (applying a pulled page): one query per few hundred
 * companies instead of two per company.
 */
export async function refreshJourneys(db: Kysely<Database>, companyIds: Iterable<string>, now: string): Promise<void> {
  const ids = [...companyIds]
  for (let i = 0; i < ids.length; i += 400) {
    const chunk = ids.slice(i, i + 400)
    const id = sql.ref<string>('c.id')
    const rows = await db
      .selectFrom('companies as c')
      .leftJoin('company_journey as j', 'j.company_id', 'c.id')
      .select((eb) => [
        'c.id', 'c.status', 'j.station', 'j.reason',
        eb.selectFrom('touchpoints as t').select('t.station').whereRef('t.company_id', '=', 'c.id').where('t.deleted_at', 'is', null)
          .orderBy('t.occurred_at', 'desc').limit(1).as('latest'),
        journeyFacts().openOfferCount(id).as('open_offers'),
        ...structuralFacts(id, berlinDay(now)),
      ])
      .where('c.id', 'in', chunk)
      .execute()
    for (const row of rows) {
      const position = currentStation({ status: row.status, latestTouchpointStation: row.latest, ...factsOf(row, row.open_offers) })
      if (row.reason !== position.reason || row.station !== position.station) await saveJourney(db, row.id, position.station, position.reason, now)
    }
  }
}
