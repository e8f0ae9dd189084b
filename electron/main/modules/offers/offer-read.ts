// Reading one offer: the whole record for its page and the rows the services check before a change.
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { FollowUp, Offer } from '../../../../shared/modules/offers/offer.types'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'
import { linesOf } from '../../platform/documents/line-items'

type Db = Kysely<Database>

export async function loadOffer(db: Db, id: string) {
  const offer = await db.selectFrom('offers').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!offer) throw new AppError('not_found', 'errors.notFound')
  return offer
}

/**
 * The current revision is frozen once sent. An offer that was sent before it came into the app
 * (imported, or demo data) has no snapshot; it counts as sent too, so it is changed by a new revision.
 */
export async function revisionSent(db: Db, offerId: string, revision: number): Promise<boolean> {
  const revisions = await db.selectFrom('offer_revisions').select('revision').where('offer_id', '=', offerId).where('deleted_at', 'is', null).execute()
  if (revisions.some((r) => r.revision === revision)) return true
  if (revisions.length > 0) return false
  const offer = await db.selectFrom('offers').select('sent_at').where('id', '=', offerId).executeTakeFirst()
  return Boolean(offer?.sent_at)
}

export async function getOffer(ctx: ServiceContext, id: string): Promise<Offer> {
  const db = ctx.db
  const o = await db.selectFrom('offers as o').innerJoin('companies as c', 'c.id', 'o.company_id')
    .leftJoin('contacts as p', 'p.id', 'o.contact_id').leftJoin('users as u', 'u.id', 'o.owner_id').leftJoin('contracts as k', 'k.id', 'o.contract_id')
    .selectAll('o').select(['c.name as company_name', 'p.first_name', 'p.last_name', 'u.display_name as owner_name', 'k.number as contract_number'])
    .where('o.id', '=', id).where('o.deleted_at', 'is', null).executeTakeFirst()
  if (!o) throw new AppError('not_found', 'errors.notFound')
  const itemRows = await db.selectFrom('offer_items').selectAll().where('offer_id', '=', id).where('deleted_at', 'is', null).orderBy('position').execute()
  const { items, totals } = linesOf(itemRows, o.offer_discount_percent, o.skonto_percent)
  const revisions = await db.selectFrom('offer_revisions').select(['revision', 'sent_at']).where('offer_id', '=', id).where('deleted_at', 'is', null).orderBy('revision').execute()
  const followUps = await db.selectFrom('follow_ups').selectAll().where('offer_id', '=', id).where('deleted_at', 'is', null).orderBy('due_date').execute()
  return {
    id: o.id, number: o.number, companyId: o.company_id, companyName: o.company_name, contactId: o.contact_id ?? '',
    contactName: `${o.first_name ?? ''} ${o.last_name ?? ''}`.trim(), conversationId: o.conversation_id ?? '',
    contractId: o.contract_id ?? '', contractNumber: o.contract_number ?? '', contractTermMonths: o.contract_term_months, ownerId: o.owner_id, ownerName: o.owner_name ?? '',
    status: o.status, revision: o.revision,
    currentRevisionSent: revisions.some((r) => r.revision === o.revision) || (revisions.length === 0 && o.sent_at !== null),
    offerDate: o.offer_date, validUntil: o.valid_until, offerDiscountPercent: o.offer_discount_percent, paymentNetDays: o.payment_net_days,
    skontoPercent: o.skonto_percent, skontoDays: o.skonto_days, deliveryTerms: o.delivery_terms, introduction: o.introduction, benefits: o.benefits,
    items, totals, sentAt: o.sent_at, closedAt: o.closed_at, orderDate: o.order_date, orderValueCents: o.order_value_cents,
    lostReason: o.lost_reason, lostCompetitor: o.lost_competitor, lostNote: o.lost_note, recontactOn: o.recontact_on ?? '',
    revisions: revisions.map((r) => ({ revision: r.revision, sentAt: r.sent_at })),
    followUps: followUps.map((f): FollowUp => ({ id: f.id, offerId: f.offer_id, kind: f.kind, dueDate: f.due_date, plannedDate: f.planned_date, status: f.status, doneAt: f.done_at, outcome: f.outcome })),
    createdAt: o.created_at, updatedAt: o.updated_at,
  }
}

