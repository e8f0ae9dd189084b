// Open promises as entries of the work list: due up to the horizon (all overdue ones included), each with
// its view — the title linking to the conversation it was agreed in (or the customer), the due date and
// when it last changed, as messages the reader's language renders (promise.events.ts).
import type { PromiseItem } from '../../../../shared/modules/offers/promise.schema'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import { messageRef } from '../../../../shared/platform/event-message'
import type { ServiceContext } from '../../platform/context'
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

/** The open promises due up to `horizon`; `ownerId` '' = everyone's. */
export async function promiseItems(ctx: ServiceContext, q: { ownerId: string; horizon: string }): Promise<PromiseItem[]> {
  let query = promiseQuery(ctx.db).where('p.status', '=', 'open').where('p.due_date', '<=', q.horizon)
  if (q.ownerId) query = query.where('p.owner_id', '=', q.ownerId)
  const rows = await query.orderBy('p.due_date').orderBy('p.created_at').limit(1000).execute()
  return rows.map((r): PromiseItem => ({
    source: 'promise', kind: 'promise', id: r.id, companyId: r.company_id, companyName: r.company_name, contactName: contactNameOf(r), contactPhone: r.phone || r.mobile || '',
    ownerId: r.owner_id, ownerName: r.owner_name ?? '', dueDate: r.due_date, title: r.title, conversationId: r.conversation_id ?? '', changedAt: r.changed_at,
    view: view(r),
  }))
}
