// Contracts: from a won offer or direct, created and changed, read and listed. The term columns are in
// contract-terms.ts; cancellation, renewal continuation and the daily roll have their own services.
import type { Kysely, Selectable } from 'kysely'
import { countUpTo } from '../../../../db/platform/capped-count'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced, type InsertRow, type UpdatePatch } from '../../../../db/platform/synced-writes'
import type { ContractTable } from '../../../../db/modules/contracts/contracts.table'
import { runningContract, undecidedRenewalOffer } from '../../../../db/modules/contracts/contract.predicates'
import type { Database } from '../../../../db/database.types'
import type { Page } from '../../../../shared/platform/common.schema'
import { cancelBy } from '../../../../shared/modules/contracts/contract.dates'
import { isRenewing, type ContractStatus } from '../../../../shared/modules/contracts/contract.enums'
import { contractEnd, type ContractFields } from '../../../../shared/modules/contracts/contract.schema'
import type { Contract, ContractListItem } from '../../../../shared/modules/contracts/contract.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { nextNumber } from '../../platform/numbering'
import { CONTRACT_LINES, linesOf, writeLines } from '../../platform/documents/line-items'
import { deviceSettings } from '../../platform/device-profile'
import { contractSettingsSchema } from '../../../../shared/modules/contracts/contract-settings.schema'
import { loadContract, logTouchpoint } from './contract-rows'
import { parseLog, reminderColumns, rolledColumns, termColumns, workdayRule } from './contract-terms'

type Db = Kysely<Database>
type Row = Selectable<ContractTable>
const today = todayOf
type ContractPatch = UpdatePatch<'contracts'>

async function checkReferences(trx: Db, f: ContractFields): Promise<void> {
  const company = await trx.selectFrom('companies').select('id').where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!company) throw fieldError('companyId', 'errors.companyNotFound')
  if (f.contactId) {
    const contact = await trx.selectFrom('contacts').select('company_id').where('id', '=', f.contactId).where('deleted_at', 'is', null).executeTakeFirst()
    if (contact?.company_id !== f.companyId) throw fieldError('contactId', 'errors.contactNotOfCompany')
  }
  if (f.offerId) {
    const offer = await trx.selectFrom('offers').select(['company_id', 'status']).where('id', '=', f.offerId).where('deleted_at', 'is', null).executeTakeFirst()
    if (offer?.company_id !== f.companyId) throw fieldError('offerId', 'errors.offerNotOfCompany')
    if (offer.status !== 'won') throw fieldError('offerId', 'errors.offerNotWon')
  }
  if (f.ownerId) {
    const owner = await trx.selectFrom('users').select('id').where('id', '=', f.ownerId).executeTakeFirst()
    if (!owner) throw fieldError('ownerId', 'errors.invalidChoice')
  }
}

export async function createContract(ctx: ServiceContext, f: ContractFields): Promise<Contract> {
  const now = nowIso(ctx)
  const day = today(ctx)
  const id = newId()
  await ctx.db.transaction().execute(async (trx) => {
    await checkReferences(trx, f)
    const profile = await deviceSettings({ db: trx }, contractSettingsSchema)
    const workday = await workdayRule(trx, f.companyId)
    const number = await nextNumber(trx, 'contracts', 'V', f.startDate.slice(0, 4))
    const row: InsertRow<'contracts'> = {
      id, company_id: f.companyId, number, contact_id: f.contactId || null, offer_id: f.offerId || null, type: f.type, title: f.title, owner_id: f.ownerId || ctx.userId,
      annual_value_cents: f.annualValueCents, notes: f.notes, cancelled_by: '', cancellation_received_on: null, cancellation_effective_on: null, churn_reason: '', churn_note: '',
      ...termColumns(f, day, profile.renewalLeadDays, workday),
    }
    await insertSynced(trx, 'contracts', row, now)
    await writeLines(trx, CONTRACT_LINES, id, f.companyId, f.items, now)
    await logTouchpoint(trx, ctx, { company_id: f.companyId, contact_id: f.contactId || null }, 'contract', { key: 'contract.signed', params: { number, title: f.title, start: f.startDate } }, now)
    await refreshJourney(trx, f.companyId, now)
  })
  return getContract(ctx, id)
}

/**
 * Changes a contract. Its dates (start, minimum term, first end) can change only while it is in its
 * first term; notice and renewal apply to the running term and move its cancel-by date and reminders.
 */
export async function updateContract(ctx: ServiceContext, id: string, f: ContractFields): Promise<Contract> {
  const now = nowIso(ctx)
  const day = today(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadContract(trx, id)
    if (f.companyId !== row.company_id) throw fieldError('companyId', 'errors.companyFixed')
    if (!isRenewing(row.status)) throw new AppError('conflict', 'errors.contractNotRunning')
    await checkReferences(trx, f)
    const log = parseLog(row.terms_log)
    const firstTerm = log.length <= 1
    const end = contractEnd(f)!
    if (!firstTerm && (f.startDate !== row.start_date || f.minimumTermMonths !== row.minimum_term_months)) throw fieldError('startDate', 'errors.contractDatesFixed')
    const termStart = firstTerm ? f.startDate : row.term_start
    const endDate = firstTerm ? end : row.end_date
    const notice = { value: f.noticeValue, unit: f.noticeUnit }
    const cancel = cancelBy(endDate, notice)
    const workday = await workdayRule(trx, row.company_id)
    const columns: ContractPatch = {
      contact_id: f.contactId || null, type: f.type, title: f.title, owner_id: f.ownerId || row.owner_id, start_date: f.startDate, minimum_term_months: f.minimumTermMonths,
      term_start: termStart, end_date: endDate, cancel_by: cancel, notice_value: f.noticeValue, notice_unit: f.noticeUnit, renewal_months: f.renewalMonths,
      annual_value_cents: f.annualValueCents, notes: f.notes, terms_log: firstTerm ? JSON.stringify([{ start: f.startDate, end, via: 'start' }]) : row.terms_log,
    }
    // Reminders are planned again only when the cancel-by date moved; done ones stay done otherwise.
    if (cancel !== row.cancel_by) Object.assign(columns, reminderColumns(cancel, day, row.renewal_lead_days, workday))
    await updateSynced(trx, 'contracts', id, columns, now)
    const updated = await loadContract(trx, id)
    const rolled = rolledColumns(updated, day, workday)
    if (rolled) await updateSynced(trx, 'contracts', id, rolled, now)
    await writeLines(trx, CONTRACT_LINES, id, row.company_id, f.items, now)
    await refreshJourney(trx, row.company_id, now)
  })
  return getContract(ctx, id)
}

export async function getContract(ctx: ServiceContext, id: string): Promise<Contract> {
  const db = ctx.db
  const k = await db.selectFrom('contracts as k').innerJoin('companies as c', 'c.id', 'k.company_id')
    .leftJoin('contacts as p', 'p.id', 'k.contact_id').leftJoin('users as u', 'u.id', 'k.owner_id').leftJoin('offers as o', 'o.id', 'k.offer_id')
    .selectAll('k').select(['c.name as company_name', 'p.first_name', 'p.last_name', 'u.display_name as owner_name', 'o.number as offer_number'])
    .where('k.id', '=', id).where('k.deleted_at', 'is', null).executeTakeFirst()
  if (!k) throw new AppError('not_found', 'errors.notFound')
  const items = await db.selectFrom('contract_items').selectAll().where('contract_id', '=', id).where('deleted_at', 'is', null).orderBy('position').execute()
  const renewalOffers = await db.selectFrom('offers as o').select(['o.id', 'o.number', 'o.status', undecidedRenewalOffer('o').as('undecided')])
    .where('o.contract_id', '=', id).where('o.deleted_at', 'is', null).orderBy('o.offer_date', 'desc').execute()
  return {
    id: k.id, number: k.number, companyId: k.company_id, companyName: k.company_name, contactId: k.contact_id ?? '', contactName: `${k.first_name ?? ''} ${k.last_name ?? ''}`.trim(),
    offerId: k.offer_id ?? '', offerNumber: k.offer_number ?? '', type: k.type, title: k.title, ownerId: k.owner_id, ownerName: k.owner_name ?? '',
    status: k.status, startDate: k.start_date, minimumTermMonths: k.minimum_term_months, termStart: k.term_start, endDate: k.end_date, cancelBy: k.cancel_by,
    noticeValue: k.notice_value, noticeUnit: k.notice_unit, renewalMonths: k.renewal_months, renewalLeadDays: k.renewal_lead_days,
    annualValueCents: k.annual_value_cents, notes: k.notes, items: linesOf(items).items, terms: parseLog(k.terms_log),
    reviewDue: k.review_done_at ? null : k.review_due, finalDue: k.final_done_at ? null : k.final_due,
    cancelledBy: k.cancelled_by, cancellationReceivedOn: k.cancellation_received_on, cancellationEffectiveOn: k.cancellation_effective_on,
    churnReason: k.churn_reason, churnNote: k.churn_note, renewalOffers: renewalOffers.map((o) => ({ ...o, undecided: Boolean(o.undecided) })), createdAt: k.created_at, updatedAt: k.updated_at,
  }
}

type ListRow = Pick<Row, 'id' | 'number' | 'company_id' | 'title' | 'type' | 'status' | 'start_date' | 'end_date' | 'cancel_by' | 'annual_value_cents'> & { company_name: string; owner_name: string | null }
const listItem = (r: ListRow): ContractListItem => ({
  id: r.id, number: r.number, companyId: r.company_id, companyName: r.company_name, title: r.title, type: r.type, ownerName: r.owner_name ?? '',
  status: r.status, startDate: r.start_date, endDate: r.end_date, cancelBy: r.cancel_by, annualValueCents: r.annual_value_cents,
})

const LIST_COLUMNS = ['k.id', 'k.number', 'k.company_id', 'c.name as company_name', 'k.title', 'k.type', 'u.display_name as owner_name', 'k.status', 'k.start_date', 'k.end_date', 'k.cancel_by', 'k.annual_value_cents'] as const

export async function listContracts(
  ctx: ServiceContext, q: { status: ContractStatus | 'running' | ''; companyId: string; ownerId: string; offset: number; limit: number }, countAhead?: number,
): Promise<Page<ContractListItem>> {
  let query = ctx.db.selectFrom('contracts as k').where('k.deleted_at', 'is', null)
  if (q.status === 'running') query = query.where(runningContract(today(ctx), 'k'))
  else if (q.status) query = query.where('k.status', '=', q.status)
  if (q.companyId) query = query.where('k.company_id', '=', q.companyId)
  if (q.ownerId) query = query.where('k.owner_id', '=', q.ownerId)
  const count = await countUpTo(ctx.db, query, q, countAhead)
  const rows = await query.innerJoin('companies as c', 'c.id', 'k.company_id').leftJoin('users as u', 'u.id', 'k.owner_id').select([...LIST_COLUMNS])
    .orderBy('k.cancel_by').orderBy('k.id').offset(q.offset).limit(q.limit).execute()
  return { ...count, offset: q.offset, rows: rows.map(listItem) }
}

export { LIST_COLUMNS as CONTRACT_LIST_COLUMNS, listItem as contractListItem }
