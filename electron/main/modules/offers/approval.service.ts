// Discount approvals (issue 18): an offer over the sender's limits (team setting `discountLimits`) is sent only with
// an approval that covers its current figures. The rep requests one with a comment; an approver (manager, admin)
// approves it — optionally up to a lower discount — or declines it with a reason, never their own request and
// only once. Requests and decisions are synced rows (offer_approvals), so all of it works offline on both sides.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { newId } from '../../../../db/platform/ids'
import { signedInRole } from '../../../../db/platform/rights-guard'
import { readTeamSetting, teamOfCompany } from '../../../../db/platform/team-settings'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import {
  covers, decisionProblem, DISCOUNT_LIMITS_KEY, exceededLimits, figuresOf, readDiscountLimits, withinCap,
  type ApprovalStatus, type DiscountFigures, type Exceeded, type RoleLimit,
} from '../../../../shared/modules/offers/discount.rules'
import type { ApprovalView, DiscountState } from '../../../../shared/modules/offers/approval.types'
import { deniedKey, isRole, may } from '../../../../shared/platform/rights'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { loadOffer } from './offer-read'

type Db = Kysely<Database> | Transaction<Database>

/** The current figures of an offer: its live items with their products' purchase prices. */
export async function offerFigures(db: Db, offerId: string, offerDiscountPercent: number): Promise<DiscountFigures> {
  const lines = await db.selectFrom('offer_items as i').leftJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.quantity', 'i.unit_price_cents', 'i.discount_percent', 'i.optional', 'p.purchase_price_cents'])
    .where('i.offer_id', '=', offerId).where('i.deleted_at', 'is', null).execute()
  return figuresOf(lines.map((l) => ({
    quantity: l.quantity, unitPriceCents: l.unit_price_cents, discountPercent: l.discount_percent, optional: l.optional === 1, purchasePriceCents: l.purchase_price_cents ?? null,
  })), offerDiscountPercent)
}

/** The limit of the signed-in user's role in the company's team; null on a device never connected (its one user decides alone). */
async function limitHere(db: Db, ctx: ServiceContext, companyId: string): Promise<{ role: string; limit: RoleLimit } | null> {
  const role = await signedInRole(db)
  if (role === null) return null
  const company = await db.selectFrom('companies').select('team_id').where('id', '=', companyId).executeTakeFirstOrThrow()
  const limits = readDiscountLimits(await readTeamSetting(db, await teamOfCompany(db, company.team_id, ctx.userId), DISCOUNT_LIMITS_KEY))
  return { role, limit: isRole(role) ? limits[role] : { itemPercent: 0, offerPercent: 0, marginFloorPercent: 100 } }
}

async function approvalsOf(db: Db, offerId: string) {
  return db.selectFrom('offer_approvals as a').leftJoin('users as r', 'r.id', 'a.requested_by').leftJoin('users as d', 'd.id', 'a.decided_by')
    .selectAll('a').select(['r.display_name as requester_name', 'd.display_name as decider_name'])
    .where('a.offer_id', '=', offerId).where('a.deleted_at', 'is', null).orderBy('a.requested_at', 'desc').orderBy('a.id', 'desc').execute()
}
type ApprovalRow = Awaited<ReturnType<typeof approvalsOf>>[number]
const terms = (a: ApprovalRow) => ({
  status: a.status, itemPercent: a.item_percent, offerPercent: a.offer_percent, marginPercent: a.margin_percent, approvedLimitPercent: a.approved_limit_percent,
})

/** Whether the offer may be sent as it stands: within the limits, or covered by an approval. */
function sendable(exceeded: readonly Exceeded[], approvals: readonly ApprovalRow[], figures: DiscountFigures, limit: RoleLimit): boolean {
  return exceeded.length === 0 || approvals.some((a) => covers(terms(a), figures, limit))
}

const view = (a: ApprovalRow, userId: string, role: string | null): ApprovalView => ({
  id: a.id, status: a.status, requestedBy: a.requested_by, requesterName: a.requester_name ?? '', requestedAt: a.requested_at,
  itemPercent: a.item_percent, offerPercent: a.offer_percent, marginPercent: a.margin_percent, comment: a.comment,
  decidedBy: a.decided_by ?? '', deciderName: a.decider_name ?? '', decidedAt: a.decided_at, approvedLimitPercent: a.approved_limit_percent, declineReason: a.decline_reason,
  canDecide: a.status === 'requested' && a.requested_by !== userId && role !== null && may(role, 'discounts.approve'),
})

/** The offer's discount state for its page: figures, the limit, whether it may be sent, the requests and decisions. */
export async function getDiscountState(ctx: ServiceContext, offerId: string): Promise<DiscountState> {
  const offer = await loadOffer(ctx.db, offerId)
  const figures = await offerFigures(ctx.db, offerId, offer.offer_discount_percent)
  const here = await limitHere(ctx.db, ctx, offer.company_id)
  const approvals = await approvalsOf(ctx.db, offerId)
  const exceeded = here ? exceededLimits(figures, here.limit) : []
  const open = approvals.some((a) => a.status === 'requested')
  const overCap = here !== null && !withinCap(figures, here.role)
  return {
    figures, limit: here?.limit ?? null, exceeded, overCap,
    sendable: !overCap && (here === null || sendable(exceeded, approvals, figures, here.limit)),
    canRequest: here !== null && exceeded.length > 0 && !overCap && !open && !sendable(exceeded, approvals, figures, here.limit) && may(here.role, 'offers.write'),
    approvals: approvals.map((a) => view(a, ctx.userId, here?.role ?? null)),
  }
}

/** Refuses to send (or queue the mail of) an offer over the sender's limits without an approval that covers it. */
export async function checkDiscountApproved(trx: Transaction<Database>, ctx: ServiceContext, offer: { id: string; company_id: string; offer_discount_percent: number }): Promise<void> {
  const here = await limitHere(trx, ctx, offer.company_id)
  if (!here) return
  const figures = await offerFigures(trx, offer.id, offer.offer_discount_percent)
  if (!withinCap(figures, here.role)) throw new AppError('conflict', 'errors.discountOverCap')
  const exceeded = exceededLimits(figures, here.limit)
  if (!sendable(exceeded, await approvalsOf(trx, offer.id), figures, here.limit)) throw new AppError('conflict', 'errors.discountNeedsApproval')
}

/** A discount above the hard cap of the user's role is refused when the offer is saved (not even requestable). */
export async function checkDiscountCap(trx: Transaction<Database>, input: { offerDiscountPercent: number; items: ReadonlyArray<{ discountPercent: number }> }): Promise<void> {
  const role = await signedInRole(trx)
  // A role that may not write offers at all hears that from the rights guard.
  if (role === null || !may(role, 'offers.write')) return
  const refuse = (field: string) => new AppError('forbidden', 'errors.discountOverCap', { [field]: 'errors.discountOverCap' })
  if (!withinCap({ itemPercent: 0, offerPercent: input.offerDiscountPercent }, role)) throw refuse('offerDiscountPercent')
  const over = input.items.findIndex((i) => !withinCap({ itemPercent: i.discountPercent, offerPercent: 0 }, role))
  if (over >= 0) throw refuse(`items.${over}.discountPercent`)
}

/** "Freigabe anfordern": a request with the offer's current figures and the rep's comment. */
export async function requestApproval(ctx: ServiceContext, input: { offerId: string; comment: string }): Promise<DiscountState> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const offer = await loadOffer(trx, input.offerId)
    const here = await limitHere(trx, ctx, offer.company_id)
    const figures = await offerFigures(trx, offer.id, offer.offer_discount_percent)
    if (!here) throw new AppError('conflict', 'errors.approvalNotNeeded')
    if (!may(here.role, 'offers.write')) throw new AppError('forbidden', deniedKey('offers.write'))
    if (!withinCap(figures, here.role)) throw new AppError('conflict', 'errors.discountOverCap')
    const exceeded = exceededLimits(figures, here.limit)
    const approvals = await approvalsOf(trx, offer.id)
    if (approvals.some((a) => a.status === 'requested')) throw new AppError('conflict', 'errors.approvalOpen')
    if (sendable(exceeded, approvals, figures, here.limit)) throw new AppError('conflict', 'errors.approvalNotNeeded')
    await insertSynced(trx, 'offer_approvals', {
      id: newId(), offer_id: offer.id, company_id: offer.company_id, requested_by: ctx.userId, requested_at: now,
      item_percent: figures.itemPercent, offer_percent: figures.offerPercent, margin_percent: figures.marginPercent, comment: input.comment, status: 'requested',
    }, now)
  })
  return getDiscountState(ctx, input.offerId)
}

/** "Freigeben" (optionally up to a lower discount) or "Ablehnen" (with a reason), by an approver, once, never their own. */
export async function decideApproval(ctx: ServiceContext, input: { id: string; decision: Exclude<ApprovalStatus, 'requested'>; limitPercent: number | null; reason: string }): Promise<DiscountState> {
  const now = nowIso(ctx)
  const offerId = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('offer_approvals').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst()
    if (!row) throw new AppError('not_found', 'errors.notFound')
    const role = await signedInRole(trx)
    if (role !== null && !may(role, 'discounts.approve')) throw new AppError('forbidden', deniedKey('discounts.approve'))
    const decision = {
      status: input.decision, decided_by: ctx.userId, decided_at: now,
      approved_limit_percent: input.decision === 'approved' ? input.limitPercent : null, decline_reason: input.decision === 'declined' ? input.reason.trim() : '',
    }
    const problem = decisionProblem(row, decision, ctx.userId)
    if (problem === 'errors.declineReasonRequired') throw fieldError('reason', problem)
    if (problem === 'errors.approvedLimitTooHigh') throw fieldError('limitPercent', problem)
    if (problem) throw new AppError('conflict', problem)
    await updateSynced(trx, 'offer_approvals', row.id, decision, now)
    return row.offer_id
  })
  return getDiscountState(ctx, offerId)
}

/** The requester took note of the decision: it leaves their work list. */
export async function acknowledgeDecision(ctx: ServiceContext, id: string): Promise<void> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('offer_approvals').select(['id', 'requested_by', 'status', 'seen_at']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
    if (!row || row.requested_by !== ctx.userId) throw new AppError('not_found', 'errors.notFound')
    if (row.status === 'requested') throw new AppError('conflict', 'errors.approvalNotDecided')
    if (row.seen_at === null) await updateSynced(trx, 'offer_approvals', id, { seen_at: now }, now)
  })
}
