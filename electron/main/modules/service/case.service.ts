// Cases of the support station — service requests, complaints, warranty claims, returns: created,
// read and listed, and the service work list. Their workflow steps are in case-workflow.service.ts.
import type { Selectable } from 'kysely'
import { countUpTo } from '../../../../db/platform/capped-count'
import { newId } from '../../../../db/platform/ids'
import { insertSynced } from '../../../../db/platform/synced-writes'
import type { CaseTable } from '../../../../db/modules/service/service.table'
import { openCase, overdueCase } from '../../../../db/modules/service/service.predicates'
import type { Page } from '../../../../shared/platform/common.schema'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import { isOverdueCase, type CaseChannel, type CaseStatus, type CaseType } from '../../../../shared/modules/service/service.enums'
import type { CaseFields } from '../../../../shared/modules/service/service.schema'
import type { CaseListItem, ServiceCase, ServiceWorkList } from '../../../../shared/modules/service/service.types'
import { eventColumns, parseEventParams } from '../../../../shared/platform/event-message'
import { acknowledgeDue, berlinDay, resolveDue, underWarranty } from '../../../../shared/modules/service/sla.rules'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { nextNumber } from '../../platform/numbering'
import { logEvent, serviceLevelOf, slaDue } from './case-rows'

type Row = Selectable<CaseTable>

export async function createCase(ctx: ServiceContext, f: CaseFields): Promise<ServiceCase> {
  const now = nowIso(ctx)
  const id = newId()
  await ctx.db.transaction().execute(async (trx) => {
    const company = await trx.selectFrom('companies').select(['id', 'federal_state', 'team_id']).where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
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
    const level = await serviceLevelOf(trx, ctx, company.team_id, f.priority)
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

const TOUCHPOINT_OF_CHANNEL: Record<CaseChannel, TouchpointChannel> = { phone: 'phone', email: 'email', portal: 'website', visit: 'visit', letter: 'letter', field_service: 'visit', web: 'website' }

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

export async function listCases(ctx: ServiceContext, q: { companyId: string; ownerId: string; type: CaseType | ''; status: CaseStatus | 'open' | ''; offset: number; limit: number }, countAhead?: number): Promise<Page<CaseListItem>> {
  let query = ctx.db.selectFrom('cases as s').where('s.deleted_at', 'is', null)
  if (q.status === 'open') query = query.where(openCase('s'))
  else if (q.status) query = query.where('s.status', '=', q.status)
  if (q.type) query = query.where('s.type', '=', q.type)
  if (q.companyId) query = query.where('s.company_id', '=', q.companyId)
  if (q.ownerId) query = query.where('s.owner_id', '=', q.ownerId)
  const count = await countUpTo(ctx.db, query, q, countAhead)
  const rows = await query.innerJoin('companies as c', 'c.id', 's.company_id').leftJoin('users as u', 'u.id', 's.owner_id').select([...LIST_COLUMNS])
    .orderBy('s.received_at', 'desc').orderBy('s.id').offset(q.offset).limit(q.limit).execute()
  const now = nowIso(ctx)
  return { ...count, offset: q.offset, rows: rows.map((r) => listItem(r, now)) }
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
