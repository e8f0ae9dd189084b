// SQL for companies: lookups, the paged list with search, filters and sort, station counts.
import { sql, type Kysely, type Selectable } from 'kysely'
import type { CompanyListQuery } from '../../../shared/modules/customers/company.schema'
import type { JourneyReason } from '../../../shared/modules/customers/journey.rules'
import type { Station } from '../../../shared/modules/customers/journey.stations'
import { foldForSort, trigramQuery } from '../../../shared/platform/search'
import type { CompanyTable, TouchpointTable } from './customers.table'
import type { Database } from '../../database.types'
import { journeyFacts } from './journey.facts'

type Parsed<T> = Required<T>
export type CompanyRow = Selectable<CompanyTable> & {
  owner_name: string | null
  station: Station | null
  reason: JourneyReason | null
  latest_touchpoint_at: string | null
  latest_touchpoint_station: Station | null
  /** Offers not decided yet, drafts included (the journey fact `openOfferCount`). */
  open_offer_count: number
}

const latestTouchpoint = <C extends 'occurred_at' | 'station'>(column: C) =>
  sql<Selectable<TouchpointTable>[C] | null>`(select ${sql.ref(`t.${column}`)} from touchpoints t where t.company_id = c.id and t.deleted_at is null order by t.occurred_at desc limit 1)`

export function findCompany(db: Kysely<Database>, id: string): Promise<CompanyRow | undefined> {
  return db
    .selectFrom('companies as c')
    .leftJoin('company_journey as j', 'j.company_id', 'c.id')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .selectAll('c')
    .select(['u.display_name as owner_name', 'j.station', 'j.reason'])
    .select([latestTouchpoint('occurred_at').as('latest_touchpoint_at'), latestTouchpoint('station').as('latest_touchpoint_station')])
    .select(journeyFacts().openOfferCount(sql.ref('c.id')).as('open_offer_count'))
    .where('c.id', '=', id)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function isCustomerNumberTaken(db: Kysely<Database>, customerNumber: string, exceptId: string | null): Promise<boolean> {
  if (customerNumber === '') return false
  let query = db.selectFrom('companies').select('id').where('customer_number', '=', customerNumber).where('deleted_at', 'is', null)
  if (exceptId) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

const SORT_COLUMNS = {
  name: ['c.sort_name'],
  customerNumber: ['c.customer_number', 'c.sort_name'],
  city: ['c.city', 'c.sort_name'],
  status: ['c.status', 'c.sort_name'],
  updatedAt: ['c.updated_at'],
  health: ['h.score', 'c.sort_name'],
} as const

export async function listCompanies(db: Kysely<Database>, q: Parsed<CompanyListQuery>) {
  let base = db.selectFrom('companies as c').where('c.deleted_at', 'is', null)
  if (q.search) {
    const match = trigramQuery(q.search)
    if (match) {
      base = base.where(sql<boolean>`c.local_seq in (select rowid from companies_fts where companies_fts match ${match})`)
    } else {
      // Two index range scans joined by UNION; an OR across two columns would scan the whole table.
      const prefix = foldForSort(q.search.trim())
      base = base.where(sql<boolean>`c.local_seq in (
        select local_seq from companies where sort_name >= ${prefix} and sort_name < ${`${prefix}\uffff`} and deleted_at is null
        union select local_seq from companies where customer_number = ${q.search.trim()} and deleted_at is null)`)
    }
  }
  if (q.status) base = base.where('c.status', '=', q.status)
  if (q.federalState) base = base.where('c.federal_state', '=', q.federalState)
  if (q.segment) base = base.where('c.segment', '=', q.segment)
  if (q.ownerId) base = base.where('c.owner_id', '=', q.ownerId)
  if (q.station === 'none') {
    base = base.where(sql<boolean>`c.id in (select company_id from company_journey where station is null)`)
  } else if (q.station) {
    base = base.where(sql<boolean>`c.id in (select company_id from company_journey where station = ${q.station})`)
  }
  // The health score is the success module's derived table (local, one row per scored company, migration 018);
  // the light filter reads its index by light.
  if (q.health) base = base.where(sql<boolean>`c.id in (select company_id from company_health where light = ${q.health})`)

  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  // The score joins by primary key, only for the rows of the page (and for the sort by it).
  let page = base
    .leftJoin('company_health as h', 'h.company_id', 'c.id')
    .select([
      'c.id',
      'c.name',
      'c.customer_number',
      'c.city',
      'c.federal_state',
      'c.status',
      'c.segment',
      'c.updated_at',
      sql<Station | null>`(select station from company_journey where company_id = c.id)`.as('station'),
      sql<string | null>`(select display_name from users where id = c.owner_id)`.as('owner_name'),
      'h.score as health_score',
      'h.light as health_light',
    ])
  // Companies without a score come last whichever way the score is sorted.
  if (q.sort === 'health') page = page.orderBy(sql`h.score is null`)
  for (const column of SORT_COLUMNS[q.sort]) page = page.orderBy(column, q.dir)
  const rows = await page.orderBy('c.local_seq', q.dir).limit(q.limit).offset(q.offset).execute()
  return { rows, total: Number(count.n) }
}

export async function countByStation(db: Kysely<Database>) {
  return db
    .selectFrom('company_journey as j')
    .innerJoin('companies as c', 'c.id', 'j.company_id')
    .where('c.deleted_at', 'is', null)
    .select(['j.station', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('j.station')
    .execute()
}
