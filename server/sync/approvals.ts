// Discount approvals (issue 18) on the sync server: what the rights matrix cannot see because it depends on who
// pushes, not on their role. A request is made by its pusher and only as a request, within the pusher's hard cap;
// a decision is made once, by the approver who pushes it, never on their own request. Every refusal is logged
// with the user's id and role only (no names, no figures of the customer).
import type { PushOp, SyncValue } from '../../shared/modules/sync'
import { APPROVAL_DECISION_COLUMNS } from '../../shared/platform/rights'
import { capOf, decisionProblem } from '../../shared/modules/offers'
import type { Actor } from '../auth/sessions'
import { Rejected } from './validate'

type Data = Record<string, SyncValue>

function refuse(actor: Actor, op: PushOp, reason: string): never {
  console.warn(`[sync] refused ${op.kind} of offer_approvals by user ${actor.userId} (${actor.role}): ${reason}`)
  throw new Rejected(`forbidden: ${reason}`)
}

/** Refuses a pushed operation on `offer_approvals` that no laptop of this user could have made. */
export function checkApprovalOp(actor: Actor, op: PushOp, stored: Data | null): void {
  const after: Data = Object.fromEntries(Object.entries(op.fields).map(([column, change]) => [column, change.new]))
  if (op.kind === 'insert') {
    if (after.requested_by !== actor.userId) refuse(actor, op, 'approvalRequestedByOther')
    if ((after.status ?? 'requested') !== 'requested' || APPROVAL_DECISION_COLUMNS.some((c) => c !== 'status' && after[c] != null && after[c] !== '')) refuse(actor, op, 'approvalInsertedDecided')
    if (Number(after.item_percent ?? 0) > capOf(actor.role) || Number(after.offer_percent ?? 0) > capOf(actor.role)) refuse(actor, op, 'discountOverCap')
    return
  }
  if (op.kind !== 'update' || !stored) return
  if (Object.keys(op.fields).some((c) => (APPROVAL_DECISION_COLUMNS as readonly string[]).includes(c))) {
    const problem = decisionProblem(stored, { ...stored, ...after }, actor.userId)
    if (problem) refuse(actor, op, problem.replace('errors.', ''))
  }
  if ('seen_at' in op.fields && stored.requested_by !== actor.userId) refuse(actor, op, 'approvalSeenByOther')
}
