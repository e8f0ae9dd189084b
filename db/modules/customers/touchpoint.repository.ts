// SQL for touchpoints: lookups, the paged list, and a company's timeline.
import { sql, type Kysely, type Selectable } from 'kysely'
import type { TouchpointListQuery } from '../../../shared/modules/customers/touchpoint.schema'
import { trigramQuery } from '../../../shared/platform/search'
import type { TouchpointTable } from './customers.table'
import type { Database } from '../../database.types'
import { countUpTo } from '../../platform/capped-count'

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
  let base = baseQuery(db)
  if (q.search) {
    const match = trigramQuery(q.search)
    base = match
      ? base.where(sql<boolean>`t.local_seq in (select rowid from touchpoints_fts where touchpoints_fts match ${match})`)
      : base.where('t.summary', 'like', `%${q.search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`)
  }
  if (q.companyId) base = base.where('t.company_id', '=', q.companyId)
  if (q.channel) base = base.where('t.channel', '=', q.channel)
  if (q.station) base = base.where('t.station', '=', q.station)
  if (range.from) base = base.where('t.occurred_at', '>=', range.from)
  if (range.toExclusive) base = base.where('t.occurred_at', '<', range.toExclusive)

  const count = await countUpTo(db, base, q, countAhead)
  let page = base.selectAll('t').select(withNames)
  for (const column of SORT_COLUMNS[q.sort]) page = page.orderBy(column, q.dir)
  const rows = await page.orderBy('t.local_seq', q.dir).limit(q.limit).offset(q.offset).execute()
  return { rows, ...count }
}
