// Keeps each company's derived journey position current; called inside the writing transaction.
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { latestTouchpointStation, saveJourney } from '../../../../db/modules/customers/journey.repository'
import type { Database } from '../../../../db/database.types'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import type { CompanyStatus } from '../../../../shared/modules/customers'
import { currentStation, type JourneyPosition } from '../../../../shared/modules/customers/journey.rules'
import { STATIONS, type Station } from '../../../../shared/modules/customers/journey.stations'

const isStation = (value: string | null): value is Station => value !== null && (STATIONS as readonly string[]).includes(value)

/** What the caller already read about the company, so the refresh needs no second look-up. */
export interface KnownCompany {
  status: string
  station: string | null
  reason: string | null
  /** The latest touchpoint's station after the write, when the caller can tell without a query. */
  latestTouchpointStation?: string | null
  /** Open offers, when the caller read them with the company (saves a query per touchpoint). */
  open_offer_count?: number
}

export async function refreshJourney(db: Kysely<Database>, companyId: string, now: string, known?: KnownCompany): Promise<JourneyPosition> {
  const company: KnownCompany | undefined = known ?? (await db
    .selectFrom('companies as c')
    .leftJoin('company_journey as j', 'j.company_id', 'c.id')
    .select(['c.status', 'j.station', 'j.reason'])
    .where('c.id', '=', companyId)
    .executeTakeFirst())
  if (!company) throw new Error(`refreshJourney: company ${companyId} not found`)
  const latest = company.latestTouchpointStation !== undefined ? company.latestTouchpointStation : await latestTouchpointStation(db, companyId)
  const contracts = await db.selectNoFrom(stationFacts(sql`${companyId}`, berlinDay(now))).executeTakeFirstOrThrow()
  const position = currentStation({
    status: company.status as CompanyStatus,
    latestTouchpointStation: isStation(latest) ? latest : null,
    openOfferCount: company.open_offer_count ?? (await openOffers(db, companyId)),
    ...factsOf(contracts),
  })
  // Most touchpoints do not move the customer: then there is nothing to write.
  if (company.reason !== position.reason || company.station !== position.station) {
    await saveJourney(db, companyId, position.station, position.reason, now)
  }
  return position
}

/** Drafts and offers waiting for the customer's decision put the customer at the offer station. */
async function openOffers(db: Kysely<Database>, companyId: string): Promise<number> {
  const row = await db.selectFrom('offers').select((eb) => eb.fn.countAll().as('n')).where('company_id', '=', companyId)
    .where('deleted_at', 'is', null).where('status', 'in', OPEN_FOR_JOURNEY).executeTakeFirstOrThrow()
  return Number(row.n)
}

const OPEN_FOR_JOURNEY = ['draft', 'sent', 'negotiation']

interface StationFacts {
  active_contract: number
  new_contract: number
  renewal_window: number
  open_cases: number
  referral: number
}

/**
 * The structural facts of a company on `today`: a contract running (renewing, or cancelled but not
 * yet ended); one signed and not started or started in the last 30 days; one inside its renewal
 * window (its lead time before the cancel-by date, up to that date); open cases; a referral given or
 * a promoter's answer in the last twelve months.
 */
function stationFacts(companyId: RawBuilder<unknown>, today: string) {
  const live = sql`k.company_id = ${companyId} and k.deleted_at is null`
  return [
    sql<number>`exists(select 1 from contracts k where ${live} and k.start_date <= ${today} and (k.status in ('active', 'renewed')
      or (k.status in ('cancelled_customer', 'cancelled_us') and coalesce(k.cancellation_effective_on, k.end_date) >= ${today})))`.as('active_contract'),
    sql<number>`exists(select 1 from contracts k where ${live} and k.status <> 'ended' and k.start_date >= date(${today}, '-30 days'))`.as('new_contract'),
    sql<number>`exists(select 1 from contracts k where ${live} and k.status in ('active', 'renewed') and k.cancel_by >= ${today}
      and date(k.cancel_by, '-' || k.renewal_lead_days || ' days') <= ${today})`.as('renewal_window'),
    sql<number>`(select count(*) from cases s where s.company_id = ${companyId} and s.deleted_at is null and s.status in ('new', 'acknowledged', 'in_progress'))`.as('open_cases'),
    // A referral given, or a promoter's NPS, in the last twelve months.
    sql<number>`exists(select 1 from referrals r where r.company_id = ${companyId} and r.deleted_at is null and r.created_at >= date(${today}, '-12 months'))
      or exists(select 1 from feedback f where f.company_id = ${companyId} and f.deleted_at is null and f.kind = 'nps' and f.score >= 9 and f.given_on >= date(${today}, '-12 months'))`.as('referral'),
  ]
}

const factsOf = (row: StationFacts) => ({
  activeContract: Boolean(row.active_contract), newContract: Boolean(row.new_contract), inRenewalWindow: Boolean(row.renewal_window),
  openCaseCount: Number(row.open_cases), referralOrPromoter: Boolean(row.referral),
})

/**
 * The same refresh for many companies at once (applying a pulled page): one query per few hundred
 * companies instead of two per company.
 */
export async function refreshJourneys(db: Kysely<Database>, companyIds: Iterable<string>, now: string): Promise<void> {
  const ids = [...companyIds]
  for (let i = 0; i < ids.length; i += 400) {
    const chunk = ids.slice(i, i + 400)
    const rows = await db
      .selectFrom('companies as c')
      .leftJoin('company_journey as j', 'j.company_id', 'c.id')
      .select((eb) => [
        'c.id', 'c.status', 'j.station', 'j.reason',
        eb.selectFrom('touchpoints as t').select('t.station').whereRef('t.company_id', '=', 'c.id').where('t.deleted_at', 'is', null)
          .orderBy('t.occurred_at', 'desc').limit(1).as('latest'),
        eb.selectFrom('offers as o').select((e) => e.fn.countAll<number>().as('n')).whereRef('o.company_id', '=', 'c.id').where('o.deleted_at', 'is', null)
          .where('o.status', 'in', OPEN_FOR_JOURNEY).as('open_offers'),
        ...stationFacts(sql.ref('c.id'), berlinDay(now)),
      ])
      .where('c.id', 'in', chunk)
      .execute()
    for (const row of rows) {
      const position = currentStation({
        status: row.status as CompanyStatus, latestTouchpointStation: isStation(row.latest) ? row.latest : null, openOfferCount: Number(row.open_offers ?? 0), ...factsOf(row),
      })
      if (row.reason !== position.reason || row.station !== position.station) await saveJourney(db, row.id, position.station, position.reason, now)
    }
  }
}
