// Keeps each company's derived journey position current; called inside the writing transaction.
import { sql, type Transaction } from 'kysely'
import { latestTouchpointStation, saveJourney, saveJourneys, type JourneySave } from '../../../../db/modules/customers/journey.repository'
import { latestJourneyChanges, recordJourneyChange } from '../../../../db/modules/customers/journey-history'
import { runCompanyRefreshHooks, type CompanyRefreshOrigin } from '../../../../db/modules/customers/company-refresh'
import { journeyFacts, structuralFacts } from '../../../../db/modules/customers/journey.facts'
import { statusMovedBy, wonOfferOfItsOwn } from '../../../../db/modules/customers/company-status.facts'
import type { Database } from '../../../../db/database.types'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import type { CompanyStatus } from '../../../../shared/modules/customers'
import { currentStation, type JourneyFacts, type JourneyPosition, type JourneyReason } from '../../../../shared/modules/customers/journey.rules'
import type { Station } from '../../../../shared/modules/customers/journey.stations'
import { LOCAL_WRITE, PULLED, ROLL_OWNER, type StatusPolicy } from '../../../../shared/modules/customers/customer-status.rules'
import { followBusiness } from './customer-status.service'

/** What the caller already read about the company, so the refresh needs no second look-up. */
export interface KnownCompany {
  status: CompanyStatus
  station: Station | null
  reason: JourneyReason | null
  /** The latest touchpoint's station after the write, when the caller can tell without a query. */
  latestTouchpointStation?: Station | null
  /** Undecided offers, when the caller read them with the company (saves a query per touchpoint). */
  open_offer_count?: number
  /** The business fact this device stored last (company_journey.business), read with the company. */
  business?: number | null
}

/** The structural facts as read (`structuralFacts`): numbers, booleans as 0/1. */
interface FactsRow {
  activeContract: number
  newContract: number
  inRenewalWindow: number
  openCaseCount: number
  referralOrPromoter: number
  /** A won offer of its own (no contract made from it): with a running contract, the business of a customer. */
  wonOffer: number
}

/** Business that makes the company a customer (shared/modules/customers/customer-status.rules.ts). */
const hasBusiness = (row: FactsRow) => Boolean(row.activeContract) || Boolean(row.newContract) || Boolean(row.wonOffer)

const factsOf = (row: FactsRow, openOfferCount: number): Omit<JourneyFacts, 'status' | 'latestTouchpointStation'> => ({
  activeContract: Boolean(row.activeContract), newContract: Boolean(row.newContract), inRenewalWindow: Boolean(row.inRenewalWindow),
  openCaseCount: Number(row.openCaseCount), referralOrPromoter: Boolean(row.referralOrPromoter), openOfferCount: Number(openOfferCount),
})

/**
 * Refreshes the company's journey position, and first its status when its business changed (a won offer,
 * a contract): `policy` says what this write may move (customer-status.rules.ts). A caller that passes
 * `known` writes a touchpoint only, which changes no business: the status is left alone.
 */
export async function refreshJourney(
  db: Transaction<Database>, companyId: string, now: string, known?: KnownCompany, policy: StatusPolicy = LOCAL_WRITE,
): Promise<JourneyPosition> {
  const company: KnownCompany | undefined = known ?? (await db
    .selectFrom('companies as c')
    .leftJoin('company_journey as j', 'j.company_id', 'c.id')
    .select(['c.status', 'j.station', 'j.reason', 'j.business'])
    .where('c.id', '=', companyId)
    .executeTakeFirst())
  if (!company) throw new Error(`refreshJourney: company ${companyId} not found`)
  let latest = company.latestTouchpointStation !== undefined ? company.latestTouchpointStation : await latestTouchpointStation(db, companyId)
  const id = sql<string>`${companyId}`
  const facts = await db.selectNoFrom([...structuralFacts(id, berlinDay(now)), wonOfferOfItsOwn(id).as('wonOffer')]).executeTakeFirstOrThrow()
  const openOffers = company.open_offer_count ?? (await db.selectNoFrom(journeyFacts().openOfferCount(id).as('n')).executeTakeFirstOrThrow()).n
  let status = company.status
  let business: number | undefined
  if (!known) {
    const seen = company.business ?? null
    const outcome = await followBusiness(db, companyId, status, seen, hasBusiness(facts), policy, now)
    status = outcome.status
    latest = outcome.eventStation ?? latest
    if (outcome.business !== seen) business = outcome.business
  }
  const position = currentStation({ status, latestTouchpointStation: latest, ...factsOf(facts, openOffers) })
  // Most touchpoints do not move the customer: then there is nothing to write.
  if (company.reason !== position.reason || company.station !== position.station || business !== undefined) {
    await saveJourney(db, companyId, position.station, position.reason, now, business)
    if (company.reason !== position.reason || company.station !== position.station) await recordJourneyChange(db, companyId, company, position, status, now)
  }
  await runCompanyRefreshHooks(db, [companyId], now, policy === LOCAL_WRITE ? 'local' : policy === PULLED ? 'pulled' : 'roll')
  return position
}

/**
 * The same refresh for many companies at once (applying a pulled page, the daily roll): one query per few
 * hundred companies instead of two per company. The status moves only on the device of `statusBy` (the
 * roll's user) for the companies it moves by the date (`statusMovedBy`); applying a pull never moves it,
 * the colleague's device did and its edit comes with the same sync. `origin` tells the refresh hooks where the change
 * came from (an import on this device is `local`).
 */
export async function refreshJourneys(
  db: Transaction<Database>, companyIds: Iterable<string>, now: string, statusBy?: string, origin: CompanyRefreshOrigin = statusBy ? 'roll' : 'pulled',
): Promise<void> {
  const ids = [...companyIds]
  for (let i = 0; i < ids.length; i += 400) {
    const chunk = ids.slice(i, i + 400)
    const id = sql.ref<string>('c.id')
    const rows = await db
      .selectFrom('companies as c')
      .leftJoin('company_journey as j', 'j.company_id', 'c.id')
      .select((eb) => [
        'c.id', 'c.status', 'j.station', 'j.reason', 'j.business',
        eb.selectFrom('touchpoints as t').select('t.station').whereRef('t.company_id', '=', 'c.id').where('t.deleted_at', 'is', null)
          .orderBy('t.occurred_at', 'desc').limit(1).as('latest'),
        journeyFacts().openOfferCount(id).as('open_offers'),
        ...structuralFacts(id, berlinDay(now)),
        wonOfferOfItsOwn(id).as('wonOffer'),
        (statusBy ? statusMovedBy(id, sql.ref<string>('c.owner_id'), statusBy) : sql<number>`0`).as('moves'),
      ])
      .where('c.id', 'in', chunk)
      .execute()
    // One write of the chunk's positions and, only when some moved, one read of their latest recorded changes per few
    // hundred companies (a pull of edits that move nobody, the common case, reads no history at all).
    const saves: JourneySave[] = []
    const moved: Array<{ row: (typeof rows)[number]; position: JourneyPosition; status: CompanyStatus }> = []
    for (const row of rows) {
      const outcome = await followBusiness(db, row.id, row.status, row.business, hasBusiness(row), row.moves ? ROLL_OWNER : PULLED, now)
      const business = outcome.business !== row.business ? outcome.business : undefined
      const position = currentStation({ status: outcome.status, latestTouchpointStation: outcome.eventStation ?? row.latest, ...factsOf(row, row.open_offers) })
      if (row.reason !== position.reason || row.station !== position.station || business !== undefined) {
        saves.push({ companyId: row.id, station: position.station, reason: position.reason, business })
        if (row.reason !== position.reason || row.station !== position.station) moved.push({ row, position, status: outcome.status })
      }
    }
    if (moved.length > 0) {
      const latestChanges = await latestJourneyChanges(db, moved.map((m) => m.row.id))
      for (const { row, position, status } of moved) await recordJourneyChange(db, row.id, row, position, status, now, latestChanges)
    }
    // Written before the hooks run: they read the positions.
    await saveJourneys(db, saves, now)
    await runCompanyRefreshHooks(db, chunk, now, origin)
  }
}
