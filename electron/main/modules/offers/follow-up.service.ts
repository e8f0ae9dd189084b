// Offer follow-ups as a source of the work list: listed by due date, done with an outcome, or snoozed.
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import { openOffer } from '../../../../db/modules/offers/offer.predicates'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import type { FollowUpItem } from '../../../../shared/modules/offers/offer.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { eventColumns, messageRef } from '../../../../shared/platform/event-message'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'

/** The open follow-ups of open offers (sent, awaiting the decision), due up to `horizon` (all overdue ones included). */
export async function followUpItems(ctx: ServiceContext, q: { ownerId: string; horizon: string }): Promise<FollowUpItem[]> {
  let query = ctx.db.selectFrom('follow_ups as f')
    .innerJoin('offers as o', 'o.id', 'f.offer_id')
    .innerJoin('companies as c', 'c.id', 'f.company_id')
    .leftJoin('contacts as k', 'k.id', 'o.contact_id')
    .leftJoin('users as u', 'u.id', 'f.owner_id')
    .select(['f.id', 'f.offer_id', 'o.number', 'f.company_id', 'c.name as company_name', 'k.first_name', 'k.last_name', 'k.phone', 'k.mobile',
      'f.owner_id', 'u.display_name as owner_name', 'f.kind', 'f.due_date', 'o.gross_cents', 'o.valid_until'])
    .where('f.status', '=', 'open').where('f.deleted_at', 'is', null).where('f.due_date', '<=', q.horizon)
    .where(openOffer('o')).where('o.deleted_at', 'is', null)
  if (q.ownerId) query = query.where('f.owner_id', '=', q.ownerId)
  const rows = await query.orderBy('f.due_date').orderBy('o.gross_cents', 'desc').limit(1000).execute()
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
  complete: completeFollowUp,
  snooze: snoozeFollowUp,
} as const
