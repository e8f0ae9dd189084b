// Promises to a customer (issue 15, "Information bei geänderten Zusagen"): the next steps agreed in a
// pre-offer conversation, each with a due date, on the owner's work list until kept. Each use case is one
// transaction of synced writes. Changing what was promised (its due date or title) after it was made, or
// withdrawing it, stamps `changed_at`: the customer should hear of it, and the screen offers "Kunde
// informieren". Keeping it leaves a touchpoint on the customer's timeline.
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import type { CustomerPromise, PromiseFields, PromiseListQuery } from '../../../../shared/modules/offers/promise.schema'
import { fieldError } from '../../../../shared/platform/result'
import { eventColumns } from '../../../../shared/platform/event-message'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { checkPromiseReferences, loadOpenPromise, loadPromise, promiseQuery, toPromise } from './promise-rows'

export { promiseCounts, promiseItems } from './promise-items'

export async function getPromise(ctx: ServiceContext, id: string): Promise<CustomerPromise> {
  return toPromise(await loadPromise(ctx.db, id))
}

/** By company or conversation (or all), open ones or all; open first by due date, then the rest, newest first. */
export async function listPromises(ctx: ServiceContext, q: PromiseListQuery): Promise<CustomerPromise[]> {
  let query = promiseQuery(ctx.db)
  if (q.companyId) query = query.where('p.company_id', '=', q.companyId)
  if (q.conversationId) query = query.where('p.conversation_id', '=', q.conversationId)
  if (q.status === 'open') query = query.where('p.status', '=', 'open')
  const rows = await query.orderBy((eb) => eb.case().when('p.status', '=', 'open').then(0).else(1).end())
    .orderBy('p.due_date').orderBy('p.created_at').limit(1000).execute()
  return rows.map(toPromise)
}

/** A new promise; without an owner it is the current user's. A due date before today is a field error. */
export async function createPromise(ctx: ServiceContext, f: PromiseFields): Promise<CustomerPromise> {
  const now = nowIso(ctx)
  const id = newId()
  await ctx.db.transaction().execute(async (trx) => {
    await checkPromiseReferences(trx, f)
    if (f.dueDate < todayOf(ctx)) throw fieldError('dueDate', 'errors.promiseDuePast')
    await insertSynced(trx, 'promises', {
      id, company_id: f.companyId, contact_id: f.contactId || null, conversation_id: f.conversationId || null, offer_id: f.offerId || null,
      title: f.title, due_date: f.dueDate, owner_id: f.ownerId || ctx.userId, created_by: ctx.userId,
    }, now)
  })
  return getPromise(ctx, id)
}

/**
 * Changes an open promise. Its company and conversation stay (an empty conversation keeps the one it has);
 * an empty owner keeps the owner. A new due date before today is refused; a changed due date or title
 * stamps `changed_at`.
 */
export async function updatePromise(ctx: ServiceContext, id: string, f: PromiseFields): Promise<CustomerPromise> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOpenPromise(trx, id)
    if (f.companyId !== row.company_id) throw fieldError('companyId', 'errors.promiseCompanyFixed')
    if (f.conversationId && f.conversationId !== row.conversation_id) throw fieldError('conversationId', 'errors.promiseConversationFixed')
    await checkPromiseReferences(trx, { ...f, conversationId: '' })
    if (f.dueDate !== row.due_date && f.dueDate < todayOf(ctx)) throw fieldError('dueDate', 'errors.promiseDuePast')
    const changed = f.dueDate !== row.due_date || f.title !== row.title
    await updateSynced(trx, 'promises', id, {
      contact_id: f.contactId || null, offer_id: f.offerId || null, title: f.title, due_date: f.dueDate, owner_id: f.ownerId || row.owner_id,
      ...(changed ? { changed_at: now } : {}),
    }, now)
  })
  return getPromise(ctx, id)
}

/** Kept: the status and `done_at`, and a touchpoint on the customer's timeline that belongs to the promise — one transaction. */
export async function keepPromise(ctx: ServiceContext, input: { id: string; channel?: TouchpointChannel; outcome?: string }): Promise<{ id: string; touchpointId: string }> {
  const now = nowIso(ctx)
  const touchpointId = newId()
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOpenPromise(trx, input.id)
    await insertSynced(trx, 'touchpoints', {
      id: touchpointId, company_id: row.company_id, contact_id: row.live_contact_id, occurred_at: now, channel: input.channel ?? 'other', direction: 'outbound',
      mode: 'direct', station: 'offer', summary: input.outcome?.trim() ?? '', ...eventColumns('promise.kept', { title: row.title }), related_type: 'promise', related_id: row.id, created_by: ctx.userId,
    }, now)
    await updateSynced(trx, 'promises', row.id, { status: 'kept', done_at: now }, now)
    await refreshJourney(trx, row.company_id, now)
  })
  return { id: input.id, touchpointId }
}

export async function completePromise(ctx: ServiceContext, id: string): Promise<CustomerPromise> {
  await keepPromise(ctx, { id })
  return getPromise(ctx, id)
}

/** Withdrawn: no longer on the work list; a change the customer should hear of (`changed_at`). */
export async function cancelPromise(ctx: ServiceContext, id: string): Promise<CustomerPromise> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOpenPromise(trx, id)
    await updateSynced(trx, 'promises', row.id, { status: 'cancelled', changed_at: now }, now)
  })
  return getPromise(ctx, id)
}

/** Moved to a later day (after today) from the work list: a new due date is a change (`changed_at`). */
export async function snoozePromise(ctx: ServiceContext, input: { id: string; until: string }): Promise<{ id: string }> {
  if (input.until <= todayOf(ctx)) throw fieldError('until', 'errors.snoozeFuture')
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOpenPromise(trx, input.id)
    await updateSynced(trx, 'promises', row.id, { due_date: input.until, changed_at: now }, now)
  })
  return { id: input.id }
}

/** The open promises of a conversation, by due date: the agreed next steps of its confirmation letter. */
export async function openPromisesOf(ctx: ServiceContext, conversationId: string): Promise<CustomerPromise[]> {
  return listPromises(ctx, { conversationId, status: 'open' })
}
