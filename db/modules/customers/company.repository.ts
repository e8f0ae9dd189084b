// SQL for companies: lookups, the paged list with search, filters and sort (by health score too), station counts.
import { expressionBuilder, sql, type Expression, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely'
import type { CompanyListQuery } from '../../../shared/modules/customers/company.schema'
import type { HealthLight } from '../../../shared/modules/customers/customer.enums'
import type { JourneyReason } from '../../../shared/modules/customers/journey.rules'
import type { Station } from '../../../shared/modules/customers/journey.stations'
import { foldForSort, trigramQuery } from '../../../shared/platform/search'
import type { CompanyTable, TouchpointTable } from './customers.table'
import type { Database } from '../../database.types'
import { countMatchesUpTo, countUpTo } from '../../platform/capped-count'
import { allOf, inSet, pageForm, type PageForm } from '../../platform/match-set'
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
} as const

/** Conditions on the companies (alias `c`), typed, for the plain list and the list by health score alike. */
const onCompany = expressionBuilder<{ c: CompanyTable }, 'c'>()

/**
 * Whether a company is in a derived set (its journey station, its health light): for a page `lookUp` or `walk`
 * (db/platform/match-set); for the count `join` — the set's rows joined by company, read from the set's index, so a
 * LIMIT stops the count at its bound (an `in (select …)` list would be read whole before the first row is counted).
 */
type MemberForm = 'join' | PageForm
interface DerivedSet {
  table: 'company_journey' | 'company_health'
  column: 'station' | 'light'
  /** The value the column must have; null: none (a company without a station). */
  value: string | null
}
/** The set's condition on its table, or on the table under `alias`. */
function isInSet(set: DerivedSet, alias?: string): RawBuilder<SqlBool> {
  const column = sql.ref(alias ? `${alias}.${set.column}` : set.column)
  return set.value === null ? sql<SqlBool>`${column} is null` : sql<SqlBool>`${column} = ${set.value}`
}
/** For a walk, a look-up of each company in the set's primary key: reading the set into a list first (as `inSet`'s
 * walk does) would read all of a large set (all green companies) for a page. */
function inDerivedSet(form: PageForm, set: DerivedSet): Expression<SqlBool> {
  return form === 'walk'
    ? sql<SqlBool>`exists (select 1 from ${sql.table(set.table)} where company_id = c.id and ${isInSet(set)})`
    : inSet(form, 'c.id', sql`select company_id from ${sql.table(set.table)} where ${isInSet(set)}`)
}

// The health score is the success module's derived table (local, one row per scored company, migration 018).
const healthSet = (light: HealthLight): DerivedSet => ({ table: 'company_health', column: 'light', value: light })

/** The derived sets the list's filters ask for (station, and the health light unless the list reads it itself). */
function derivedSets(q: Parsed<CompanyListQuery>, withHealth: boolean): DerivedSet[] {
  const sets: DerivedSet[] = []
  if (q.station) sets.push({ table: 'company_journey', column: 'station', value: q.station === 'none' ? null : q.station })
  if (withHealth && q.health) sets.push(healthSet(q.health))
  return sets
}

/**
 * The list's search and filters; the derived sets in `form` (none for `join`: the caller joins them). `health` (the
 * light) is left to the caller: the list by score reads it from its own join.
 */
function companyFilters(q: Parsed<CompanyListQuery>, form: MemberForm = 'lookUp'): Expression<SqlBool>[] {
  const filters: Expression<SqlBool>[] = [onCompany('c.deleted_at', 'is', null)]
  if (q.search) {
    const match = trigramQuery(q.search)
    if (match) {
      // The `join` form (the count) joins the full-text index itself.
      if (form !== 'join') filters.push(inSet(form, 'c.local_seq', sql`select rowid from companies_fts where companies_fts match ${match}`))
    } else {
      // Two index range scans joined by UNION; an OR across two columns would scan the whole table.
      const prefix = foldForSort(q.search.trim())
      filters.push(sql<SqlBool>`c.local_seq in (
        select local_seq from companies where sort_name >= ${prefix} and sort_name < ${`${prefix}\uffff`} and deleted_at is null
        union select local_seq from companies where customer_number = ${q.search.trim()} and deleted_at is null)`)
    }
  }
  if (q.status) filters.push(onCompany('c.status', '=', q.status))
  if (q.federalState) filters.push(onCompany('c.federal_state', '=', q.federalState))
  if (q.segment) filters.push(onCompany('c.segment', '=', q.segment))
  if (q.ownerId) filters.push(onCompany('c.owner_id', '=', q.ownerId))
  if (form !== 'join') for (const set of derivedSets(q, false)) filters.push(inDerivedSet(form, set))
  return filters
}

const LIST_COLUMNS = ['c.id', 'c.name', 'c.customer_number', 'c.city', 'c.federal_state', 'c.status', 'c.segment', 'c.updated_at'] as const
// Correlated lookups by primary key: computed only for the rows of the page, after the sort and the offset.
const stationOfRow = () => sql<Station | null>`(select station from company_journey where company_id = c.id)`.as('station')
const ownerOfRow = () => sql<string | null>`(select display_name from users where id = c.owner_id)`.as('owner_name')

export async function listCompanies(db: Kysely<Database>, q: Parsed<CompanyListQuery>, countAhead?: number) {
  const filtered = (form: PageForm) => {
    let base = db.selectFrom('companies as c')
    for (const filter of companyFilters(q, form)) base = base.where(filter)
    return q.health ? base.where(inDerivedSet(form, healthSet(q.health))) : base
  }
  const sets = derivedSets(q, true)
  const match = q.search ? trigramQuery(q.search) : null
  const joins: RawBuilder<unknown>[] = sets.map((set, i) => sql`join ${sql.table(set.table)} as ${sql.id(`m${i}`)} on ${sql.ref(`m${i}.company_id`)} = c.id and ${isInSet(set, `m${i}`)}`)
  // A search drives the count from its full-text index: CROSS JOIN keeps it the outer loop (SQLite would otherwise
  // be free to walk the companies and ask the index once per company, which is slow).
  const from = match ? sql`companies_fts f cross join companies c on c.local_seq = f.rowid` : sql`companies c`
  const matched = match ? [sql<SqlBool>`f.companies_fts match ${match}`] : []
  const count = !match && joins.length === 0
    ? await countUpTo(db, filtered('lookUp'), q, countAhead)
    : await countMatchesUpTo(db, (limit) => sql`select 1 from ${from} ${sql.join(joins, sql` `)} where ${allOf([...matched, ...companyFilters(q, 'join')])} limit ${limit}`, q, countAhead)
  if (q.sort === 'health') return { rows: await pageByHealth(db, q), ...count }
  let page = filtered(pageForm(count, true)).select([
    ...LIST_COLUMNS, stationOfRow(), ownerOfRow(),
    sql<number | null>`(select score from company_health where company_id = c.id)`.as('health_score'),
    sql<HealthLight | null>`(select light from company_health where company_id = c.id)`.as('health_light'),
  ])
  for (const column of SORT_COLUMNS[q.sort]) page = page.orderBy(column, q.dir)
  const rows = await page.orderBy('c.local_seq', q.dir).limit(q.limit).offset(q.offset).execute()
  return { rows, ...count }
}

/**
 * The page of the list by health score: first the scored companies in score order, then those without a score,
 * by name (last in either direction). The scored part walks the score index — company_health(score), or
 * (light, score) under the light filter (migration 018) — so LIMIT stops after the page instead of sorting every
 * company; only equal scores are sorted (by name). The range `score >= 0` (always true: scores are 0..100) is what
 * makes SQLite take that index: without it, and without statistics, it scans and sorts the whole table. A filter
 * on the companies that narrows more (a search, a status) still leads, as in the other sorts.
 * Companies without a score are read only when the page reaches past the scored ones.
 */
async function pageByHealth(db: Kysely<Database>, q: Parsed<CompanyListQuery>) {
  const filters = companyFilters(q)
  let scored = db.selectFrom('company_health as h').innerJoin('companies as c', 'c.id', 'h.company_id').where('h.score', '>=', 0)
  if (q.health) scored = scored.where('h.light', '=', q.health)
  for (const filter of filters) scored = scored.where(filter)
  const rows = await scored
    .select([...LIST_COLUMNS, stationOfRow(), ownerOfRow(), 'h.score as health_score', 'h.light as health_light'])
    .orderBy('h.score', q.dir).orderBy('c.sort_name', q.dir).orderBy('c.local_seq', q.dir)
    .limit(q.limit).offset(q.offset).execute()
  if (rows.length === q.limit || q.health) return rows

  const scoredCount = rows.length > 0 ? q.offset + rows.length : Number((await scored.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  let unscored = db.selectFrom('companies as c').where(sql<SqlBool>`not exists (select 1 from company_health where company_id = c.id)`)
  for (const filter of filters) unscored = unscored.where(filter)
  const rest = await unscored
    .select([...LIST_COLUMNS, stationOfRow(), ownerOfRow(), sql<number | null>`null`.as('health_score'), sql<HealthLight | null>`null`.as('health_light')])
    .orderBy('c.sort_name', q.dir).orderBy('c.local_seq', q.dir)
    .limit(q.limit - rows.length).offset(Math.max(0, q.offset - scoredCount)).execute()
  return [...rows, ...rest]
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
