// The steps of a case after it is made: the shared workflow, the type-specific parts (complaint,
// warranty decision, return steps), assignment and notes, each written to the case's timeline.
import type { Selectable } from 'kysely'
import { updateSynced, type UpdatePatch } from '../../../../db/platform/synced-writes'
import type { CaseTable } from '../../../../db/modules/service/service.table'
import {
  CASE_TRANSITIONS, isOpenCase, RETURN_CASE_STATUS, RETURN_TRANSITIONS, type CaseStatus, type ComplaintCategory, type Priority, type ReturnStatus, type WarrantyDecision,
} from '../../../../shared/modules/service/service.enums'
import type { ServiceCase } from '../../../../shared/modules/service/service.types'
import { acknowledgeDue, resolveDue } from '../../../../shared/modules/service/sla.rules'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { loadCase, loadOfType, logEvent, serviceLevelOf, slaDue } from './case-rows'
import { getCase } from './case.service'

type Row = Selectable<CaseTable>

function statusColumns(row: Row, to: CaseStatus, now: string): UpdatePatch<'cases'> {
  return {
    status: to,
    sla_due: slaDue(to, row.acknowledge_due, row.resolve_due),
    acknowledged_at: row.acknowledged_at ?? (to !== 'new' ? now : null),
    resolved_at: to === 'resolved' ? now : to === 'in_progress' ? null : row.resolved_at,
    closed_at: to === 'closed' || to === 'rejected' ? now : null,
  }
}

/** A step in the shared workflow; a complaint is resolved only with its root cause and corrective action. */
export async function transitionCase(ctx: ServiceContext, input: { id: string; to: CaseStatus; note: string; customerInformed: boolean; rejectionReason: string }): Promise<ServiceCase> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, input.id)
    if (!CASE_TRANSITIONS[row.status].includes(input.to)) throw new AppError('conflict', 'errors.caseTransition')
    if (row.type === 'return' && input.to !== 'rejected' && input.to !== 'closed') throw new AppError('conflict', 'errors.returnUsesSteps')
    if (input.to === 'resolved' && row.type === 'complaint') {
      if (!row.root_cause.trim()) throw fieldError('rootCause', 'errors.rootCauseRequired')
      if (!row.corrective_action.trim()) throw fieldError('correctiveAction', 'errors.correctiveActionRequired')
    }
    if (input.to === 'resolved' && row.type === 'warranty' && !row.warranty_decision) throw fieldError('decision', 'errors.warrantyDecisionRequired')
    await updateSynced(trx, 'cases', row.id, { ...statusColumns(row, input.to, now), rejection_reason: input.to === 'rejected' ? input.rejectionReason : row.rejection_reason }, now)
    const text = [input.to === 'rejected' ? input.rejectionReason : '', input.note].filter(Boolean).join(' – ')
    await logEvent(trx, ctx, row, { kind: 'status', key: 'case.status', params: { to: input.to }, text }, input.customerInformed, now)
    await refreshJourney(trx, row.company_id, now)
  })
  return getCase(ctx, input.id)
}

export async function updateComplaint(ctx: ServiceContext, input: { id: string; category: ComplaintCategory | ''; rootCause: string; correctiveAction: string; goodwillCents: number }): Promise<ServiceCase> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOfType(trx, input.id, 'complaint')
    if (row.status === 'closed' || row.status === 'rejected') throw new AppError('conflict', 'errors.caseClosed')
    await updateSynced(trx, 'cases', row.id, { category: input.category, root_cause: input.rootCause, corrective_action: input.correctiveAction, goodwill_cents: input.goodwillCents }, now)
  })
  return getCase(ctx, input.id)
}

/** The customer's satisfaction with how a complaint was handled, once it is resolved. */
export async function rateCase(ctx: ServiceContext, input: { id: string; satisfaction: number }): Promise<ServiceCase> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOfType(trx, input.id, 'complaint')
    if (row.status !== 'resolved' && row.status !== 'closed') throw fieldError('satisfaction', 'errors.rateAfterResolution')
    await updateSynced(trx, 'cases', row.id, { satisfaction: input.satisfaction }, now)
    await logEvent(trx, ctx, row, { kind: 'note', key: 'case.satisfaction', params: { score: input.satisfaction }, text: '' }, false, now)
  })
  return getCase(ctx, input.id)
}

/** The decision on a warranty claim; accepted only when the app found the asset under warranty. */
export async function decideWarranty(ctx: ServiceContext, input: { id: string; decision: WarrantyDecision; reason: string; customerInformed: boolean }): Promise<ServiceCase> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOfType(trx, input.id, 'warranty')
    if (!isOpenCase(row.status)) throw new AppError('conflict', 'errors.caseClosed')
    if (input.decision === 'accepted' && row.under_warranty !== 1) throw fieldError('decision', 'errors.notUnderWarranty')
    await updateSynced(trx, 'cases', row.id, { warranty_decision: input.decision, decision_reason: input.reason }, now)
    await logEvent(trx, ctx, row, { kind: 'decision', key: 'case.warrantyDecision', params: { decision: input.decision }, text: input.reason }, input.customerInformed, now)
  })
  return getCase(ctx, input.id)
}

/** A return's own steps (requested → approved → received → inspected → replaced | credited); the case status follows. */
export async function returnStep(ctx: ServiceContext, input: { id: string; to: ReturnStatus; note: string; customerInformed: boolean }): Promise<ServiceCase> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOfType(trx, input.id, 'return')
    if (!isOpenCase(row.status) || row.return_status === '' || !RETURN_TRANSITIONS[row.return_status].includes(input.to)) throw new AppError('conflict', 'errors.caseTransition')
    await updateSynced(trx, 'cases', row.id, { ...statusColumns(row, RETURN_CASE_STATUS[input.to], now), return_status: input.to }, now)
    await logEvent(trx, ctx, row, { kind: 'return_status', key: 'case.returnStep', params: { rma: row.rma_number, status: input.to }, text: input.note }, input.customerInformed, now)
    await refreshJourney(trx, row.company_id, now)
  })
  return getCase(ctx, input.id)
}

/** Hands a case to a colleague and/or changes its priority (new deadlines, counted from when it came in). */
export async function assignCase(ctx: ServiceContext, input: { id: string; ownerId: string; priority: Priority }): Promise<ServiceCase> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, input.id)
    if (!isOpenCase(row.status)) throw new AppError('conflict', 'errors.caseClosed')
    const owner = await trx.selectFrom('users').select('display_name').where('id', '=', input.ownerId).executeTakeFirst()
    if (!owner) throw fieldError('ownerId', 'errors.invalidChoice')
    let columns: UpdatePatch<'cases'> = { owner_id: input.ownerId, priority: input.priority }
    if (input.priority !== row.priority) {
      const company = await trx.selectFrom('companies').select(['federal_state', 'team_id']).where('id', '=', row.company_id).executeTakeFirstOrThrow()
      const level = await serviceLevelOf(trx, ctx, company.team_id, input.priority)
      const ackDue = acknowledgeDue(row.received_at, level.acknowledgeHours, company.federal_state)
      const resolveDay = resolveDue(row.received_at, level.resolveBusinessDays, company.federal_state)
      columns = { ...columns, acknowledge_due: ackDue, resolve_due: resolveDay, sla_due: slaDue(row.status, ackDue, resolveDay) }
    }
    if (!(await updateSynced(trx, 'cases', row.id, columns, now))) return
    const reassigned = input.ownerId !== row.owner_id
    const reprioritised = input.priority !== row.priority
    const key = reassigned && reprioritised ? 'case.reassignedReprioritised' : reassigned ? 'case.reassigned' : 'case.reprioritised'
    await logEvent(trx, ctx, row, { kind: 'note', key, params: { ...(reassigned ? { owner: owner.display_name } : {}), ...(reprioritised ? { priority: input.priority } : {}) }, text: '' }, false, now)
  })
  return getCase(ctx, input.id)
}

export async function addCaseNote(ctx: ServiceContext, input: { id: string; text: string; customerInformed: boolean }): Promise<ServiceCase> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, input.id)
    await logEvent(trx, ctx, row, { kind: 'note', text: input.text }, input.customerInformed, now)
  })
  return getCase(ctx, input.id)
}
