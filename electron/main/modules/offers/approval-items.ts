// Discount approvals on the work list (issue 18): an open request on the list of every approver but its requester
// (due the day it was made), and a decision on its requester's list until they take note of it (due the day it was
// made). Neither is done or snoozed like a reminder: a request is decided on the offer's page, a decision noted.
import { sql } from 'kysely'
import type { ApprovalItem } from '../../../../shared/modules/offers/approval.types'
import { messageRef } from '../../../../shared/platform/event-message'
import { AppError } from '../../../../shared/platform/result'
import { may } from '../../../../shared/platform/rights'
import type { DueCounts, DueCountQuery, DueListQuery, DueRange } from '../../../../shared/platform/due-range'
import { dueCountColumns, dueWithin, toSourceCounts } from '../../../../db/platform/due-range'
import { signedInRole } from '../../../../db/platform/rights-guard'
import type { ServiceContext } from '../../platform/context'

const DUE = sql<string>`substr(case when a.status = 'requested' then a.requested_at else a.decided_at end, 1, 10)`

/** The entries of the signed-in user: requests they may decide, and their own requests decided and not yet noted. */
async function entries(ctx: ServiceContext, q: DueRange) {
  const role = await signedInRole(ctx.db)
  const approver = role !== null && may(role, 'discounts.approve')
  return ctx.db.selectFrom('offer_approvals as a').where('a.deleted_at', 'is', null).where(dueWithin(DUE, q)).where((eb) => eb.or([
    eb.and([eb('a.status', '=', 'requested'), eb('a.requested_by', '!=', ctx.userId), sql<boolean>`${approver ? 1 : 0} = 1`]),
    eb.and([eb('a.status', '!=', 'requested'), eb('a.requested_by', '=', ctx.userId), eb('a.seen_at', 'is', null)]),
  ]))
}

export async function approvalCounts(ctx: ServiceContext, q: DueCountQuery): Promise<DueCounts> {
  return toSourceCounts(await (await entries(ctx, q)).select(dueCountColumns(DUE, q.today)).executeTakeFirst())
}

export async function approvalItems(ctx: ServiceContext, q: DueListQuery): Promise<ApprovalItem[]> {
  const rows = await (await entries(ctx, q)).innerJoin('offers as o', 'o.id', 'a.offer_id').innerJoin('companies as c', 'c.id', 'a.company_id')
    .leftJoin('users as r', 'r.id', 'a.requested_by').leftJoin('users as d', 'd.id', 'a.decided_by').leftJoin('users as w', 'w.id', 'o.owner_id')
    .select(['a.id', 'a.offer_id', 'a.company_id', 'a.status', 'a.item_percent', 'a.offer_percent', 'a.decline_reason', 'a.requested_by', 'o.number', 'o.owner_id', 'o.gross_cents',
      'c.name as company_name', 'r.display_name as requester', 'd.display_name as decider', 'w.display_name as owner_name'])
    .select(DUE.as('due')).orderBy('due').orderBy('a.id').limit(q.limit).execute()
  return rows.map((r): ApprovalItem => {
    const detail = r.status === 'requested'
      ? messageRef('approval.workListRequested', { requester: r.requester ?? '', item: r.item_percent, offer: r.offer_percent })
      : r.status === 'approved' ? messageRef('approval.workListApproved', { decider: r.decider ?? '' }) : messageRef('approval.workListDeclined', { decider: r.decider ?? '', reason: r.decline_reason })
    return {
      source: 'approval', kind: r.status === 'requested' ? 'approvalRequested' : 'approvalDecided', id: r.id, offerId: r.offer_id, offerNumber: r.number, status: r.status,
      companyId: r.company_id, companyName: r.company_name, contactName: '', contactPhone: '', ownerId: r.owner_id, ownerName: r.owner_name ?? '', dueDate: r.due,
      view: {
        label: messageRef('approval.workList', { number: r.number, company: r.company_name }),
        subject: { text: r.number, href: `/offers/${r.offer_id}` },
        detail,
        calendarTitle: messageRef('approval.calendar', { number: r.number }),
        calendarDetail: detail,
        valueCents: r.gross_cents,
      },
    }
  })
}

const decideOnOffer = (): never => {
  throw new AppError('conflict', 'errors.approvalDecideOnOffer')
}

export const approvalWorkListSource = {
  source: 'approval',
  list: approvalItems,
  count: approvalCounts,
  complete: decideOnOffer,
  snooze: decideOnOffer,
} as const
