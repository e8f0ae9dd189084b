// Demo data of the use phase for one customer: installed products, cases of every type (a few still
// open, the rest done), referrals and feedback — through the synced write path, like user edits.
import type { Transaction } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { insertSynced } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { FederalState } from '../../../../shared/modules/customers'
import { CASE_TYPES, COMPLAINT_CATEGORIES, isPromoter, PRIORITIES, type CaseType } from '../../../../shared/modules/service'
import { acknowledgeDue, DEFAULT_SERVICE_LEVELS, resolveDue, underWarranty } from '../../../../shared/modules/service'
import { warrantyEndFor, warrantyReminder } from '../service'
import { endOfGermanDay } from '../service'
import { eventColumns } from '../../../../shared/platform/event-message'
import * as de from './demo-data.german'

export interface Rnd {
  next(): number
  pick<T>(items: readonly T[]): T
  int(min: number, max: number): number
}

export interface UsePhaseInput {
  companyId: string
  contactId: string | null
  ownerIds: string[]
  state: FederalState
  products: Array<{ id: string; name: string; warrantyMonths: number }>
  assets: number
  cases: number
  nowMs: number
  device: string
  nextCaseNumber(): number
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const CASE_WEIGHTS: CaseType[] = ['service_request', 'service_request', 'service_request', 'complaint', 'complaint', 'complaint', 'warranty', 'warranty', 'return', 'return']

export async function demoUsePhase(trx: Transaction<Database>, rnd: Rnd, c: UsePhaseInput, now: string): Promise<void> {
  const today = day(c.nowMs)
  const assets: Array<{ id: string; warrantyEnd: string | null }> = []
  for (let a = 0; a < c.assets; a++) {
    const product = rnd.pick(c.products)
    const delivered = day(c.nowMs - rnd.int(20, 1500) * 86_400_000)
    const warrantyEnd = warrantyEndFor(delivered, product.warrantyMonths)
    const id = newId()
    assets.push({ id, warrantyEnd })
    await insertSynced(trx, 'assets', {
      id, company_id: c.companyId, product_id: product.id, name: product.name, serial_number: `SN-${rnd.int(100000, 999999)}`, site: rnd.pick(['Halle 1', 'Halle 3', 'Labor', 'Endkontrolle', 'Werk Süd']),
      delivered_on: delivered, installed_on: delivered, warranty_end: warrantyEnd, contract_id: null, owner_id: rnd.pick(c.ownerIds), notes: '',
      warranty_reminder_due: warrantyReminder(warrantyEnd, null, today), warranty_reminder_done_at: null,
    }, now)
  }
  for (let k = 0; k < c.cases; k++) {
    const type = assets.length ? rnd.pick(CASE_WEIGHTS) : rnd.pick(CASE_TYPES.filter((x) => x !== 'warranty'))
    // A few recent cases are still open; older ones are done.
    const ageDays = rnd.next() < 0.06 ? rnd.int(0, 12) : rnd.int(13, 720)
    const receivedAt = new Date(Math.floor(c.nowMs / 86_400_000 - ageDays) * 86_400_000 + rnd.int(6 * 60, 16 * 60) * 60_000).toISOString()
    const priority = rnd.pick(['normal', 'normal', 'normal', 'high', 'high', 'urgent', 'low'] as const satisfies ReadonlyArray<(typeof PRIORITIES)[number]>)
    const level = DEFAULT_SERVICE_LEVELS[priority]
    const ackDue = acknowledgeDue(receivedAt, level.acknowledgeHours, c.state)
    const resolveDay = resolveDue(receivedAt, level.resolveBusinessDays, c.state)
    const open = ageDays <= 12
    const status = open ? rnd.pick(['new', 'acknowledged', 'in_progress'] as const) : rnd.next() < 0.05 ? 'rejected' : rnd.next() < 0.12 ? 'resolved' : 'closed'
    const received = Date.parse(receivedAt)
    const ackAt = status === 'new' ? null : new Date(received + rnd.int(1, 30) * 3_600_000).toISOString()
    const doneAt = open ? null : new Date(received + rnd.int(1, 9) * 86_400_000).toISOString()
    const asset = type === 'warranty' ? rnd.pick(assets) : null
    const number = c.nextCaseNumber()
    const ownerId = rnd.pick(c.ownerIds)
    const id = newId()
    const caseNumber = `S-${receivedAt.slice(0, 4)}-${c.device}-${String(number).padStart(4, '0')}`
    const inWarranty = asset ? underWarranty(asset.warrantyEnd, receivedAt.slice(0, 10)) : false
    await insertSynced(trx, 'cases', {
      id, company_id: c.companyId, number: caseNumber, type, contact_id: c.contactId, asset_id: asset?.id ?? null, channel: rnd.pick(['phone', 'phone', 'email', 'email', 'portal', 'field_service']),
      received_at: receivedAt, subject: rnd.pick(de.CASE_SUBJECTS[type]), description: '', priority, owner_id: ownerId, status,
      acknowledge_due: ackDue, resolve_due: resolveDay, sla_due: status === 'new' ? ackDue : open ? endOfGermanDay(resolveDay) : null,
      acknowledged_at: ackAt, resolved_at: status === 'resolved' || status === 'closed' ? doneAt : null, closed_at: status === 'closed' || status === 'rejected' ? doneAt : null,
      rejection_reason: status === 'rejected' ? 'Kein Mangel feststellbar' : '',
      category: type === 'complaint' ? rnd.pick(COMPLAINT_CATEGORIES) : '',
      root_cause: type === 'complaint' && !open ? rnd.pick(de.ROOT_CAUSES) : '', corrective_action: type === 'complaint' && !open ? rnd.pick(de.CORRECTIVE_ACTIONS) : '',
      goodwill_cents: type === 'complaint' && !open && rnd.next() < 0.3 ? rnd.int(5, 80) * 1000 : 0,
      satisfaction: type === 'complaint' && !open && rnd.next() < 0.7 ? rnd.pick([5, 5, 4, 4, 4, 3, 2, 1]) : null,
      under_warranty: type === 'warranty' ? (inWarranty ? 1 : 0) : null,
      warranty_decision: type === 'warranty' && !open ? (inWarranty ? 'accepted' : rnd.pick(['rejected', 'goodwill'])) : '', decision_reason: type === 'warranty' && !open && !inWarranty ? 'Garantie abgelaufen' : '',
      rma_number: type === 'return' ? `RMA-${caseNumber.slice(2)}` : '', return_status: type === 'return' ? (open ? rnd.pick(['requested', 'approved', 'received']) : rnd.pick(['credited', 'replaced'])) : '',
    }, now)
    if (type === 'return') {
      for (let l = 0; l < rnd.int(1, 2); l++) {
        const p = rnd.pick(c.products)
        await insertSynced(trx, 'case_lines', { id: newId(), case_id: id, company_id: c.companyId, position: l + 1, product_id: p.id, name: p.name, quantity: rnd.int(1, 6), reason: rnd.pick(['defective', 'wrong_item', 'damaged_in_transit', 'spare_part_exchange']) }, now)
      }
    }
    await insertSynced(trx, 'case_events', { id: newId(), case_id: id, company_id: c.companyId, at: receivedAt, kind: 'created', text: '', ...eventColumns('case.created'), customer_informed: 0, created_by: ownerId }, now)
  }
}

/** NPS, satisfaction and now and then a testimonial, over the last two years. */
export async function demoFeedback(trx: Transaction<Database>, rnd: Rnd, c: { companyId: string; contactId: string | null; ownerId: string; nowMs: number }, now: string): Promise<void> {
  if (rnd.next() < 0.65) {
    const score = rnd.pick([10, 10, 9, 9, 9, 8, 8, 7, 7, 6, 5, 3])
    const givenOn = day(c.nowMs - rnd.int(1, 700) * 86_400_000)
    const promoter = isPromoter('nps', score)
    await insertSynced(trx, 'feedback', {
      id: newId(), company_id: c.companyId, contact_id: c.contactId, kind: 'nps', station: rnd.pick(['usage', 'support', 'offer']), given_on: givenOn, score,
      comment: rnd.pick(de.NPS_COMMENTS), quote_permission: 0, before_figure: '', after_figure: '', owner_id: c.ownerId,
      // Promoters of the last weeks are still to be asked; older ones were.
      ask_due: promoter ? givenOn : null, ask_done_at: promoter && givenOn < day(c.nowMs - 14 * 86_400_000) ? `${givenOn}T15:00:00.000Z` : null,
    }, now)
  }
  if (rnd.next() < 0.3) {
    await insertSynced(trx, 'feedback', {
      id: newId(), company_id: c.companyId, contact_id: c.contactId, kind: 'satisfaction', station: 'support', given_on: day(c.nowMs - rnd.int(1, 700) * 86_400_000),
      score: rnd.pick([5, 4, 4, 4, 3, 2]), comment: '', quote_permission: 0, before_figure: '', after_figure: '', owner_id: c.ownerId, ask_due: null, ask_done_at: null,
    }, now)
  }
  if (rnd.next() < 0.03) {
    const t = rnd.pick(de.TESTIMONIALS)
    await insertSynced(trx, 'feedback', {
      id: newId(), company_id: c.companyId, contact_id: c.contactId, kind: 'testimonial', station: 'usage', given_on: day(c.nowMs - rnd.int(1, 400) * 86_400_000),
      score: null, comment: t.quote, quote_permission: 1, before_figure: t.before, after_figure: t.after, owner_id: c.ownerId, ask_due: null, ask_done_at: null,
    }, now)
  }
}
