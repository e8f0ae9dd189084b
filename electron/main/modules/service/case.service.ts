// Cases of the support station — service requests, complaints, warranty claims, returns — with one
// workflow, service levels by priority, a timeline of actions, and the type-specific parts.
import type { Kysely, Selectable, Transaction } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced, type UpdatePatch } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { CaseTable } from '../../../../db/modules/service/service.table'
import { openCase, overdueCase } from '../../../../db/modules/service/service.predicates'
import type { Page } from '../../../../shared/platform/common.schema'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import {
  CASE_TRANSITIONS, isOpenCase, isOverdueCase, RETURN_CASE_STATUS, RETURN_TRANSITIONS, type CaseChannel, type CaseEventKind, type CaseStatus, type CaseType,
  type ComplaintCategory, type Priority, type ReturnStatus, type WarrantyDecision,
} from '../../../../shared/modules/service/service.enums'
import type { CaseFields } from '../../../../shared/modules/service/service.schema'
import type { CaseListItem, ServiceCase, ServiceWorkList } from '../../../../shared/modules/service/service.types'
import type { CaseEventKey } from '../../../../shared/modules/service/service.events'
import { eventColumns, parseEventParams, type EventParams } from '../../../../shared/platform/event-message'
import { acknowledgeDue, berlinDay, berlinOffsetMs, resolveDue, underWarranty } from '../../../../shared/modules/service/sla.rules'
import { addCalendarDays } from '../../../../shared/platform/calendar/german-holidays'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { nextNumber } from '../../platform/numbering'
import { deviceSettings } from '../../platform/device-profile'
import { serviceSettingsSchema } from '../../../../shared/modules/service/service-settings.schema'

type Db = Kysely<Database>
type Trx = Transaction<Database>
type Row = Selectable<CaseTable>

/** The instant a German calendar day ends (the resolve-by deadline as a point in time). */
export function endOfGermanDay(day: string): string {
  const next = Date.parse(`${addCalendarDays(day, 1)}T00:00:00.000Z`)
  return new Date(next - berlinOffsetMs(next - 3_600_000) - 1).toISOString()
}

/** The next deadline of an open case: acknowledging while it is new, then resolving. */
const slaDue = (status: CaseStatus, ackDue: string, resolveDay: string): string | null =>
  status === 'new' ? ackDue : isOpenCase(status) ? endOfGermanDay(resolveDay) : null

async function loadCase(db: Db, id: string): Promise<Row> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return row
}

/** An entry on the case's timeline: what happened as a message key and parameters, and the user's own text. */
interface CaseEvent {
  kind: CaseEventKind
  key?: CaseEventKey
  params?: EventParams
  text: string
}

async function logEvent(trx: Trx, ctx: ServiceContext, row: Pick<Row, 'id' | 'company_id' | 'contact_id' | 'number'>, e: CaseEvent, customerInformed: boolean, now: string): Promise<void> {
  const message = e.key ? eventColumns(e.key, e.params) : { message_key: null, message_params: null }
  await insertSynced(trx, 'case_events', {
    id: newId(), case_id: row.id, company_id: row.company_id, at: now, kind: e.kind, text: e.text, ...message, customer_informed: customerInformed ? 1 : 0, created_by: ctx.userId,
  }, now)
  // What the customer was told belongs on the customer's timeline too.
  if (customerInformed) {
    const told = e.key
      ? eventColumns('case.customerInformedOf', { number: row.number, detail: e.key, ...e.params })
      : eventColumns('case.customerInformed', { number: row.number })
    await insertSynced(trx, 'touchpoints', {
      id: newId(), company_id: row.company_id, contact_id: row.contact_id, occurred_at: now, channel: 'phone', direction: 'outbound', mode: 'direct', station: 'support',
      summary: e.text, ...told, created_by: ctx.userId,
    }, now)
    await refreshJourney(trx, row.company_id, now)
  }
}

export async function createCase(ctx: ServiceContext, f: CaseFields): Promise<ServiceCase> {
  const now = nowIso(ctx)
  const id = newId()
  await ctx.db.transaction().execute(async (trx) => {
    const company = await trx.selectFrom('companies').select(['id', 'federal_state']).where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!company) throw fieldError('companyId', 'errors.caseCustomerRequired')
    if (f.contactId) {
      const contact = await trx.selectFrom('contacts').select('company_id').where('id', '=', f.contactId).where('deleted_at', 'is', null).executeTakeFirst()
      if (contact?.company_id !== f.companyId) throw fieldError('contactId', 'errors.contactNotOfCompany')
    }
    let warrantyEnd: string | null = null
    if (f.assetId) {
      const asset = await trx.selectFrom('assets').select(['company_id', 'warranty_end']).where('id', '=', f.assetId).where('deleted_at', 'is', null).executeTakeFirst()
      if (asset?.company_id !== f.companyId) throw fieldError('assetId', 'errors.assetNotOfCustomer')
      warrantyEnd = asset.warranty_end
    }
    const state = company.federal_state
    const level = (await deviceSettings({ db: trx }, serviceSettingsSchema)).serviceLevels[f.priority]
    const ackDue = acknowledgeDue(f.receivedAt, level.acknowledgeHours, state)
    const resolveDay = resolveDue(f.receivedAt, level.resolveBusinessDays, state)
    const number = await nextNumber(trx, 'cases', 'S', berlinDay(f.receivedAt).slice(0, 4))
    const contactId = f.contactId || null
    const receivedAt = new Date(f.receivedAt).toISOString()
    await insertSynced(trx, 'cases', {
      id, company_id: f.companyId, number, type: f.type, contact_id: contactId, asset_id: f.assetId || null, channel: f.channel, received_at: receivedAt,
      subject: f.subject, description: f.description, priority: f.priority, owner_id: f.ownerId || ctx.userId, status: 'new',
      acknowledge_due: ackDue, resolve_due: resolveDay, sla_due: slaDue('new', ackDue, resolveDay), category: f.type === 'complaint' ? f.category : '',
      // Whether the asset was under warranty on the day of the claim is decided here, not by the person.
      under_warranty: f.type === 'warranty' ? (underWarranty(warrantyEnd, berlinDay(f.receivedAt)) ? 1 : 0) : null,
      rma_number: f.type === 'return' ? `RMA-${number.slice(2)}` : '', return_status: f.type === 'return' ? 'requested' : '',
    }, now)
    for (const [index, line] of f.lines.entries()) {
      if (f.type !== 'return') break
      await insertSynced(trx, 'case_lines', { id: newId(), case_id: id, company_id: f.companyId, position: index + 1, product_id: line.productId || null, name: line.name, quantity: line.quantity, reason: line.reason }, now)
    }
    await logEvent(trx, ctx, { id, company_id: f.companyId, contact_id: contactId, number }, { kind: 'created', key: 'case.created', text: f.subject }, false, now)
    await insertSynced(trx, 'touchpoints', {
      id: newId(), company_id: f.companyId, contact_id: contactId, occurred_at: receivedAt, channel: TOUCHPOINT_OF_CHANNEL[f.channel], direction: 'inbound', mode: 'direct',
      station: 'support', summary: f.subject, ...eventColumns('case.opened', { type: f.type, number }), created_by: ctx.userId,
    }, now)
    await refreshJourney(trx, f.companyId, now)
  })
  return getCase(ctx, id)
}

const TOUCHPOINT_OF_CHANNEL: Record<CaseChannel, TouchpointChannel> = { phone: 'phone', email: 'email', portal: 'website', visit: 'visit', letter: 'letter', field_service: 'visit' }

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

async function loadOfType(trx: Db, id: string, type: CaseType): Promise<Row> {
  const row = await loadCase(trx, id)
  if (row.type !== type) throw new AppError('conflict', 'errors.caseWrongType')
  return row
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
      const company = await trx.selectFrom('companies').select('federal_state').where('id', '=', row.company_id).executeTakeFirstOrThrow()
      const level = (await deviceSettings({ db: trx }, serviceSettingsSchema)).serviceLevels[input.priority]
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

export async function getCase(ctx: ServiceContext, id: string): Promise<ServiceCase> {
  const db = ctx.db
  const r = await db.selectFrom('cases as s').innerJoin('companies as c', 'c.id', 's.company_id')
    .leftJoin('contacts as p', 'p.id', 's.contact_id').leftJoin('users as u', 'u.id', 's.owner_id').leftJoin('assets as a', 'a.id', 's.asset_id')
    .selectAll('s').select(['c.name as company_name', 'c.federal_state', 'p.first_name', 'p.last_name', 'u.display_name as owner_name', 'a.name as asset_name', 'a.serial_number', 'a.warranty_end'])
    .where('s.id', '=', id).where('s.deleted_at', 'is', null).executeTakeFirst()
  if (!r) throw new AppError('not_found', 'errors.notFound')
  const lines = await db.selectFrom('case_lines').selectAll().where('case_id', '=', id).where('deleted_at', 'is', null).orderBy('position').execute()
  const events = await db.selectFrom('case_events as e').leftJoin('users as u', 'u.id', 'e.created_by').select(['e.id', 'e.at', 'e.kind', 'e.text', 'e.message_key', 'e.message_params', 'e.customer_informed', 'u.display_name'])
    .where('e.case_id', '=', id).where('e.deleted_at', 'is', null).orderBy('e.at').orderBy('e.local_seq').execute()
  return {
    id: r.id, number: r.number, type: r.type, companyId: r.company_id, companyName: r.company_name, federalState: r.federal_state, contactId: r.contact_id ?? '',
    contactName: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(), assetId: r.asset_id ?? '', assetName: r.asset_name ? `${r.asset_name}${r.serial_number ? ` (${r.serial_number})` : ''}` : '',
    assetWarrantyEnd: r.warranty_end ?? null, channel: r.channel, receivedAt: r.received_at, subject: r.subject, description: r.description,
    priority: r.priority, ownerId: r.owner_id, ownerName: r.owner_name ?? '', status: r.status, acknowledgeDue: r.acknowledge_due, resolveDue: r.resolve_due,
    slaDue: r.sla_due, acknowledgedAt: r.acknowledged_at, resolvedAt: r.resolved_at, closedAt: r.closed_at, rejectionReason: r.rejection_reason, category: r.category,
    rootCause: r.root_cause, correctiveAction: r.corrective_action, goodwillCents: r.goodwill_cents, satisfaction: r.satisfaction,
    underWarranty: r.under_warranty === null ? null : r.under_warranty === 1, warrantyDecision: r.warranty_decision, decisionReason: r.decision_reason,
    rmaNumber: r.rma_number, returnStatus: r.return_status,
    lines: lines.map((l) => ({ id: l.id, productId: l.product_id ?? '', name: l.name, quantity: l.quantity, reason: l.reason })),
    events: events.map((e) => ({ id: e.id, at: e.at, kind: e.kind, text: e.text, messageKey: e.message_key, messageParams: parseEventParams(e.message_params), customerInformed: e.customer_informed === 1, byName: e.display_name ?? '' })),
  }
}

const LIST_COLUMNS = ['s.id', 's.number', 's.type', 's.company_id', 'c.name as company_name', 's.subject', 's.priority', 's.status', 'u.display_name as owner_name', 's.received_at', 's.sla_due'] as const
type ListRow = Pick<Row, 'id' | 'number' | 'type' | 'company_id' | 'subject' | 'priority' | 'status' | 'received_at' | 'sla_due'> & { company_name: string; owner_name: string | null }
const listItem = (r: ListRow, now: string): CaseListItem => ({
  id: r.id, number: r.number, type: r.type, companyId: r.company_id, companyName: r.company_name, subject: r.subject, priority: r.priority,
  status: r.status, ownerName: r.owner_name ?? '', receivedAt: r.received_at, slaDue: r.sla_due, overdue: isOverdueCase({ status: r.status, slaDue: r.sla_due }, now),
})

export async function listCases(ctx: ServiceContext, q: { companyId: string; ownerId: string; type: CaseType | ''; status: CaseStatus | 'open' | ''; offset: number; limit: number }): Promise<Page<CaseListItem>> {
  let query = ctx.db.selectFrom('cases as s').where('s.deleted_at', 'is', null)
  if (q.status === 'open') query = query.where(openCase('s'))
  else if (q.status) query = query.where('s.status', '=', q.status)
  if (q.type) query = query.where('s.type', '=', q.type)
  if (q.companyId) query = query.where('s.company_id', '=', q.companyId)
  if (q.ownerId) query = query.where('s.owner_id', '=', q.ownerId)
  const total = Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const rows = await query.innerJoin('companies as c', 'c.id', 's.company_id').leftJoin('users as u', 'u.id', 's.owner_id').select([...LIST_COLUMNS])
    .orderBy('s.received_at', 'desc').orderBy('s.id').offset(q.offset).limit(q.limit).execute()
  const now = nowIso(ctx)
  return { total, offset: q.offset, rows: rows.map((r) => listItem(r, now)) }
}

/**
 * The service work list: my open cases by their next service-level deadline (overdue first), and the
 * team's overdue cases, most overdue first. Both read the open-case indexes only.
 */
export async function serviceWorkList(ctx: ServiceContext, q: { ownerId: string; now?: string }): Promise<ServiceWorkList> {
  const now = q.now ?? nowIso(ctx)
  const cases = () => ctx.db.selectFrom('cases as s').innerJoin('companies as c', 'c.id', 's.company_id').leftJoin('users as u', 'u.id', 's.owner_id')
    .select([...LIST_COLUMNS]).where('s.deleted_at', 'is', null).where('c.deleted_at', 'is', null)
  const mine = await cases().where(openCase('s')).where('s.owner_id', '=', q.ownerId || ctx.userId).orderBy('s.sla_due').limit(500).execute()
  const overdue = await cases().where(overdueCase(now, 's')).orderBy('s.sla_due').limit(500).execute()
  return { now, mine: mine.map((r) => listItem(r, now)), teamOverdue: overdue.map((r) => listItem(r, now)) }
}
