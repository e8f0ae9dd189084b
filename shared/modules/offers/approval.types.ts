// Discount approvals (issue 18): what the offer page shows and the inputs of the approvals.* channels.
import { z } from 'zod'
import { requiredIdSchema, text } from '../../platform/common.schema'
import type { ApprovalStatus, DiscountFigures, Exceeded, RoleLimit } from './discount.rules'
import type { WorkItemBase } from '../../platform/work-item'

export interface ApprovalView {
  id: string
  status: ApprovalStatus
  requestedBy: string
  requesterName: string
  requestedAt: string
  itemPercent: number
  offerPercent: number
  marginPercent: number | null
  comment: string
  decidedBy: string
  deciderName: string
  decidedAt: string | null
  approvedLimitPercent: number | null
  declineReason: string
  /** Whether the signed-in user may decide it (an approver, not its requester, still open). */
  canDecide: boolean
}

export interface DiscountState {
  figures: DiscountFigures
  /** The limit of the signed-in user's role; null on a device never connected (no limits). */
  limit: RoleLimit | null
  exceeded: Exceeded[]
  /** Above the hard cap of the user's role: neither sendable nor requestable. */
  overCap: boolean
  sendable: boolean
  canRequest: boolean
  /** Newest first: the offer's approval history. */
  approvals: ApprovalView[]
}

export const approvalStateSchema = z.object({ offerId: requiredIdSchema })
export const approvalRequestSchema = z.object({ offerId: requiredIdSchema, comment: text(2000) })
const limitPercent = z.number('errors.number').finite('errors.number').min(0, 'errors.notNegative').max(100, 'errors.percentMax').nullable().default(null)
export const approvalDecideSchema = z.discriminatedUnion('decision', [
  z.object({ id: requiredIdSchema, decision: z.literal('approved'), limitPercent, reason: text(2000) }),
  z.object({ id: requiredIdSchema, decision: z.literal('declined'), limitPercent, reason: z.string('errors.required').trim().min(1, 'errors.declineReasonRequired').max(2000, 'errors.tooLong') }),
])
export type ApprovalDecideInput = z.output<typeof approvalDecideSchema>

/** An entry of the work list: an open request for an approver, or a decision for its requester to take note of. */
export interface ApprovalItem extends WorkItemBase {
  source: 'approval'
  kind: 'approvalRequested' | 'approvalDecided'
  offerId: string
  offerNumber: string
  status: ApprovalStatus
}
