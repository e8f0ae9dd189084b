// Offer follow-ups as a source of the work list: listed by due date, done with an outcome, or snoozed.
import { sql } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { dueCountColumns, dueWithin, toSourceCounts } from '../../../../db/platform/due-range'
import type { DueCounts, DueCountQuery, DueListQuery, DueRange } from '../../../../shared/platform/due-range'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import { openOfferLookedUp } from '../../../../db/modules/offers/offer.predicates'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import type { FollowUpItem } from '../../../../shared/modules/offers/offer.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { eventColumns, messageRef } from '../../../../shared/platform/event-message'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'

/**
 * Open follow-ups due in the range, read from their own index alone (the status a literal, so the partial
 * index serves). An open follow-up belongs to an open offer: deciding or expiring an offer closes its
 * follow-ups in the same transaction (offer.service.ts), so the count needs no look at the offers.
 */
const openFollowUps = (ctx: ServiceContext, q: DueRange & { ownerId: string }) => {
  let query = ctx.db.selectFrom('follow_ups as f')
    .where('f.status', '=', sql.lit('open')).where('f.deleted_at', 'is', null).where(dueWithin(sql.ref('f.due_date'), q))
  if (q.ownerId) query = query.where('f.owner_id', '=', q.ownerId)
  return query
}

/** How many open follow-ups fall before, on and after today within the range. */
export async function followUpCounts(ctx: ServiceContext, q: DueCountQuery): Promise<DueCounts> {
  return toSourceCounts(await openFollowUps(ctx, q).select(dueCountColumns(sql.ref('f.due_date'), q.today)).executeTakeFirst())
}

/**
 * The first open follow-ups of the range: the earliest due, the higher value first within a day. They are the first
 * entries of follow_up_queue's index in that order (migration 039: each open follow-up with its offer's value), the
 * offer's status checked from offers_id_status_gross (index pages only); only those are joined to their names.
 */
export async function followUpItems(ctx: ServiceContext, q: DueListQuery): Promise<FollowUpItem[]> {
  const first = sql<{ id: string; due_date: string; gross_cents: number }>`(
    select x.follow_up_id as id, x.due_date, x.gross_cents
    from follow_up_queue x indexed by ${sql.raw(q.ownerId ? 'follow_up_queue_owner_day' : 'follow_up_queue_day')}
      join offers o indexed by offers_id_status_gross on o.id = x.offer_id
    where ${dueWithin(sql.ref('x.due_date'), q)} ${q.ownerId ? sql`and x.owner_id = ${q.ownerId}` : sql``}
      and ${openOfferLookedUp('o')} and o.deleted_at is null
    order by x.due_date, x.gross_cents desc, x.follow_up_id limit ${q.limit})`
  const rows = await ctx.db.selectFrom(first.as('x'))
    .innerJoin('follow_ups as f', 'f.id', 'x.id')
    .innerJoin('offers as o', 'o.id', 'f.offer_id')
    .innerJoin('companies as c', 'c.id', 'f.company_id')
    .leftJoin('contacts as k', 'k.id', 'o.contact_id')
    .leftJoin('users as u', 'u.id', 'f.owner_id')
    .select(['f.id', 'f.offer_id', 'o.number', 'f.company_id', 'c.name as company_name', 'k.first_name', 'k.last_name', 'k.phone', 'k.mobile',
      'f.owner_id', 'u.display_name as owner_name', 'f.kind', 'f.due_date', 'o.gross_cents', 'o.valid_until'])
    .orderBy('x.due_date').orderBy('x.gross_cents', 'desc').orderBy('x.id').execute()
  return rows.map((r): FollowUpItem => ({
    source: 'offer', id: r.id, offerId: r.offer_id, offerNumber: r.number, companyId: r.company_id, companyName: r.company_name,
    contactName: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(), contactPhone: r.phone || r.mobile || '', ownerId: r.owner_id, ownerName: r.owner_name ?? '',
    kind: r.kind, dueDate: r.due_date, grossCents: r.gross_cents, validUntil: r.valid_until,
    view: {
      label: messageRef('worklist.followUp', { kind: r.kind, number: r.number, company: r.company_name }),
      subject: { text: r.number, href: `/offers/${r.offer_id}` },
      detail: messageRef('worklist.followUpDetail', { kind: r.kind, gross: r.gross_cents, validUntil: r.valid_until }),
      calendarTitle: messageRef('worklist.followUpCalendar', { number: r.number }),
      calendarDetail: messageRef('worklist.followUpCalendarDetail', { validUntil: r.valid_until }),
      valueCents: r.gross_cents,
    },
  }))
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
