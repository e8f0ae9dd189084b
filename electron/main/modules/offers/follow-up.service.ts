// Offer follow-ups as a source of the work list: listed by due date, done with an outcome, or snoozed.
import { sql } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { countsByDay, dueWithin } from '../../../../db/platform/due-range'
import type { DueCounts, DueCountQuery, DueListQuery } from '../../../../shared/platform/due-range'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { FollowUpQueueTable } from '../../../../db/modules/offers'
import { inList } from '../../../../db/platform/sql-values'
import { OPEN_OFFER_STATUSES } from '../../../../shared/modules/offers'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import type { FollowUpItem } from '../../../../shared/modules/offers/offer.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { eventColumns, messageRef } from '../../../../shared/platform/event-message'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'

/**
 * How many open follow-ups fall before, on and after today within the range: summed from follow_up_day_counts
 * (migration 040: the open follow-ups per owner and day, kept by triggers), a few hundred rows however many are open.
 * An open follow-up belongs to an open offer: deciding or expiring an offer closes its follow-ups in the same
 * transaction (offer.service.ts), so the count needs no look at the offers.
 */
export async function followUpCounts(ctx: ServiceContext, q: DueCountQuery): Promise<DueCounts> {
  return countsByDay(ctx.db, 'follow_up_day_counts', q)
}

/** An open offer and a company that has arrived: a follow-up whose offer was decided, deleted or not pulled yet is left out. */
const listed = sql`${inList(sql`+x.offer_status`, OPEN_OFFER_STATUSES)} and x.company_name is not null`

/**
 * The first open follow-ups of the range: the earliest due, the higher value first within a day. They are the first
 * entries of follow_up_queue's index in that order, and the index holds every column the list shows (migration 040:
 * each open follow-up with its offer's value, number, status and validity, its company's name and its contact), so
 * a page is read from index pages alone; only the owner's name is joined.
 */
export async function followUpItems(ctx: ServiceContext, q: DueListQuery): Promise<FollowUpItem[]> {
  const first = sql<FollowUpQueueTable>`(
    select x.follow_up_id, x.due_date, x.gross_cents, x.offer_status, x.company_name, x.owner_id, x.offer_id, x.kind, x.company_id,
      x.offer_number, x.valid_until, x.first_name, x.last_name, x.phone, x.mobile
    from follow_up_queue x indexed by ${sql.raw(q.ownerId ? 'follow_up_queue_owner_day' : 'follow_up_queue_day')}
    where ${dueWithin(sql.ref('x.due_date'), q)} ${q.ownerId ? sql`and x.owner_id = ${q.ownerId}` : sql``} and ${listed}
    order by x.due_date, x.gross_cents desc, x.follow_up_id limit ${q.limit})`
  const rows = await ctx.db.selectFrom(first.as('x')).leftJoin('users as u', 'u.id', 'x.owner_id')
    .selectAll('x').select('u.display_name as owner_name')
    .orderBy('x.due_date').orderBy('x.gross_cents', 'desc').orderBy('x.follow_up_id').execute()
  return rows.map((r): FollowUpItem => {
    const number = r.offer_number ?? ''
    const validUntil = r.valid_until ?? ''
    const company = r.company_name ?? ''
    return {
      source: 'offer', id: r.follow_up_id, offerId: r.offer_id, offerNumber: number, companyId: r.company_id, companyName: company,
      contactName: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(), contactPhone: r.phone || r.mobile || '', ownerId: r.owner_id, ownerName: r.owner_name ?? '',
      kind: r.kind, dueDate: r.due_date, grossCents: r.gross_cents, validUntil,
      view: {
        label: messageRef('worklist.followUp', { kind: r.kind, number, company }),
        subject: { text: number, href: `/offers/${r.offer_id}` },
        detail: messageRef('worklist.followUpDetail', { kind: r.kind, gross: r.gross_cents, validUntil }),
        calendarTitle: messageRef('worklist.followUpCalendar', { number }),
        calendarDetail: messageRef('worklist.followUpCalendarDetail', { validUntil }),
        valueCents: r.gross_cents,
      },
    }
  })
}

async function openFollowUp(ctx: ServiceContext, id: string) {
  const f = await ctx.db.selectFrom('follow_ups as f').innerJoin('offers as o', 'o.id', 'f.offer_id')
    .select(['f.id', 'f.status', 'f.company_id', 'f.offer_id', 'o.number', 'o.contact_id', 'o.status as offer_status'])
    .where('f.id', '=', id).where('f.deleted_at', 'is', null).executeTakeFirst()
  if (!f) throw new AppError('not_found', 'errors.notFound')
  if (f.status !== 'open') throw new AppError('conflict', 'errors.followUpClosed')
  return f
}

/** Done: the outcome becomes a touchpoint on the customer's timeline, in the same transaction. */
export async function completeFollowUp(ctx: ServiceContext, input: { id: string; channel: TouchpointChannel; outcome: string }): Promise<{ id: string; touchpointId: string }> {
  const now = nowIso(ctx)
  const f = await openFollowUp(ctx, input.id)
  const touchpointId = newId()
  await ctx.db.transaction().execute(async (trx) => {
    await insertSynced(trx, 'touchpoints', {
      id: touchpointId, company_id: f.company_id, contact_id: f.contact_id, occurred_at: now, channel: input.channel, direction: 'outbound', mode: 'direct',
      station: 'offer', summary: input.outcome, ...eventColumns('offer.followedUp', { number: f.number }), created_by: ctx.userId,
    }, now)
    await updateSynced(trx, 'follow_ups', f.id, { status: 'done', done_at: now, outcome: input.outcome, touchpoint_id: touchpointId }, now)
    if (f.offer_status === 'sent') await updateSynced(trx, 'offers', f.offer_id, { status: 'negotiation' }, now)
    await refreshJourney(trx, f.company_id, now)
  })
  return { id: f.id, touchpointId }
}

export async function snoozeFollowUp(ctx: ServiceContext, input: { id: string; until: string }): Promise<{ id: string }> {
  const today = todayOf(ctx)
  if (input.until <= today) throw fieldError('until', 'errors.snoozeFuture')
  const f = await openFollowUp(ctx, input.id)
  await ctx.db.transaction().execute((trx) => updateSynced(trx, 'follow_ups', f.id, { due_date: input.until }, nowIso(ctx)))
  return { id: f.id }
}

/** The offer follow-ups as a source of the work list (registered by the worklist module). */
export const followUpWorkListSource = {
  source: 'offer',
  list: followUpItems,
  count: followUpCounts,
  complete: completeFollowUp,
  snooze: snoozeFollowUp,
} as const
