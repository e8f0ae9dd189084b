// SQL for touchpoints: lookups, the paged list, and a company's timeline.
import { expressionBuilder, sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely'
import type { TouchpointListQuery } from '../../../shared/modules/customers/touchpoint.schema'
import { trigramQuery } from '../../../shared/platform/search'
import type { TouchpointTable } from './customers.table'
import type { Database } from '../../database.types'
import { countMatchesUpTo, countUpTo } from '../../platform/capped-count'
import { allOf, inSet, pageForm, type PageForm } from '../../platform/match-set'

export type TouchpointRow = Selectable<TouchpointTable> & { company_name: string; contact_name: string | null; created_by_name: string | null }

/**
 * No join for filtering or counting: a company's delete tombstones its touchpoints too (locally and,
 * through the outbox, everywhere), so a live touchpoint always belongs to a live company.
 */
const baseQuery = (db: Kysely<Database>) => db.selectFrom('touchpoints as t').where('t.deleted_at', 'is', null)

const withNames = [
  sql<string>`(select name from companies where id = t.company_id)`.as('company_name'),
  sql<string | null>`(select trim(first_name || ' ' || last_name) from contacts where id = t.contact_id)`.as('contact_name'),
  sql<string | null>`(select display_name from users where id = t.created_by)`.as('created_by_name'),
] as const

export function findTouchpoint(db: Kysely<Database>, id: string): Promise<TouchpointRow | undefined> {
  return baseQuery(db).selectAll('t').select(withNames).where('t.id', '=', id).executeTakeFirst()
}

/** The touchpoints that belong to one record (an offer's mails and the replies in their thread), newest first. */
export function touchpointsOfRecord(db: Kysely<Database>, relatedType: string, relatedId: string): Promise<TouchpointRow[]> {
  return baseQuery(db).selectAll('t').select(withNames)
    .where('t.related_type', '=', relatedType as never).where('t.related_id', '=', relatedId)
    .orderBy('t.occurred_at', 'desc').limit(500).execute()
}

const SORT_COLUMNS = {
  occurredAt: [sql`t.occurred_at`],
  companyName: [sql`(select sort_name from companies where id = t.company_id)`, sql`t.occurred_at`],
  channel: [sql`t.channel`, sql`t.occurred_at`],
  station: [sql`t.station`, sql`t.occurred_at`],
} as const

/** `from`/`to` are calendar days; `toExclusive` is the instant after `to`, computed by the caller. */
export async function listTouchpoints(db: Kysely<Database>, q: Required<TouchpointListQuery>, range: { from: string | null; toExclusive: string | null }, countAhead?: number) {
  const on = expressionBuilder<{ t: TouchpointTable }, 't'>()
  const filters: Expression<SqlBool>[] = [on('t.deleted_at', 'is', null)]
  const match = q.search ? trigramQuery(q.search) : null
  // Too short for the trigram index: LIKE, with the user's % and _ taken as typed (escaped, and the escape declared).
  if (q.search && !match) filters.push(sql<SqlBool>`t.summary like ${`%${q.search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`)
  if (q.companyId) filters.push(on('t.company_id', '=', q.companyId))
  if (q.channel) filters.push(on('t.channel', '=', q.channel))
  if (q.station) filters.push(on('t.station', '=', q.station))
  if (range.from) filters.push(on('t.occurred_at', '>=', range.from))
  if (range.toExclusive) filters.push(on('t.occurred_at', '<', range.toExclusive))
  const filtered = (form: PageForm) => {
    let base = baseQuery(db)
    for (const filter of filters) base = base.where(filter)
    return match ? base.where(inSet(form, 't.local_seq', sql`select rowid from touchpoints_fts where touchpoints_fts match ${match}`)) : base
  }

  // A search is counted from the full-text index joined to the rows, so the count stops at its bound (a list of the
  // matches would be read whole first; CROSS JOIN keeps the index the outer loop, asking it once per row is slow);
  // a page of many matches walks the sort's index (db/platform/match-set).
  const count = match
    ? await countMatchesUpTo(db, (limit) => sql`select 1 from touchpoints_fts f cross join touchpoints t on t.local_seq = f.rowid
        where f.touchpoints_fts match ${match} and ${allOf(filters)} limit ${limit}`, q, countAhead)
    : await countUpTo(db, filtered('lookUp'), q, countAhead)
  let page = filtered(pageForm(count, q.sort !== 'companyName')).selectAll('t').select(withNames)
  for (const column of SORT_COLUMNS[q.sort]) page = page.orderBy(column, q.dir)
  const rows = await page.orderBy('t.local_seq', q.dir).limit(q.limit).offset(q.offset).execute()
  return { rows, ...count }
}
