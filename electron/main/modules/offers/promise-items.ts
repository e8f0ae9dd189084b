// Open promises as entries of the work list: due up to the horizon (all overdue ones included), each with
// its view — the title linking to the conversation it was agreed in (or the customer), the due date and
// when it last changed, as messages the reader's language renders (promise.events.ts).
import type { PromiseItem } from '../../../../shared/modules/offers/promise.schema'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import { messageRef } from '../../../../shared/platform/event-message'
import type { ServiceContext } from '../../platform/context'
import { sql } from 'kysely'
import { countsByDay, dueWithin } from '../../../../db/platform/due-range'
import type { DueCounts, DueCountQuery, DueListQuery, DueRange } from '../../../../shared/platform/due-range'
import { contactNameOf, promiseQuery, type PromiseRow } from './promise-rows'

const view = (r: PromiseRow): PromiseItem['view'] => ({
  label: messageRef('promise.workList', { title: r.title, company: r.company_name }),
  subject: { text: r.title, href: r.conversation_id ? `/conversations/${r.conversation_id}` : `/companies/${r.company_id}` },
  detail: r.changed_at
    ? messageRef('promise.workListDetailChanged', { dueDate: r.due_date, changedOn: berlinDay(r.changed_at) })
    : messageRef('promise.workListDetail', { dueDate: r.due_date }),
  calendarTitle: messageRef('promise.calendar', { title: r.title }),
  calendarDetail: messageRef('promise.calendarDetail', { dueDate: r.due_date }),
  // A promise has no value of its own; within a day the valued reminders (offers, renewals) come first.
  valueCents: 0,
})

/**
 * Open promises due in the range, read from their own index alone (the status a literal, so the partial index
 * serves). Deleting or merging a company tombstones or moves what hangs off it in the same transaction
 * (COMPANY_CHILD_TABLES), so the count needs no look at the companies; the list joins them for their names.
 */
const openPromises = (ctx: ServiceContext, q: DueRange & { ownerId: string }) => {
  let query = ctx.db.selectFrom('promises as p')
    .where('p.status', '=', sql.lit('open')).where('p.deleted_at', 'is', null).where(dueWithin(sql.ref('p.due_date'), q))
  if (q.ownerId) query = query.where('p.owner_id', '=', q.ownerId)
  return query
}

/** How many open promises fall before, on and after today within the range: from their roll-up per owner and day (migration 043). */
export async function promiseCounts(ctx: ServiceContext, q: DueCountQuery): Promise<DueCounts> {
  return countsByDay(ctx.db, 'promises_day_counts', q)
}

/** The first open promises of the range, the earliest due first: picked from the promises alone, then joined to their names. */
export async function promiseItems(ctx: ServiceContext, q: DueListQuery): Promise<PromiseItem[]> {
  const first = openPromises(ctx, q).select([sql<number>`p.rowid`.as('rid'), 'p.due_date', 'p.created_at']).orderBy('p.due_date').orderBy('p.created_at').limit(q.limit)
  // By row number: the index hands it out, so only the page's rows are read (migration 042).
  const rows = await promiseQuery(ctx.db).innerJoin(first.as('x'), (join) => join.on(sql`x.rid`, '=', sql`p.rowid`)).orderBy('x.due_date').orderBy('x.created_at').execute()
  return rows.map((r): PromiseItem => ({
    source: 'promise', kind: 'promise', id: r.id, companyId: r.company_id, companyName: r.company_name, contactName: contactNameOf(r), contactPhone: r.phone || r.mobile || '',
    ownerId: r.owner_id, ownerName: r.owner_name ?? '', dueDate: r.due_date, title: r.title, conversationId: r.conversation_id ?? '', changedAt: r.changed_at,
    view: view(r),
  }))
}
