// Contracts: from a won offer or direct, their running term and cancel-by date, tacit renewals,
// the renewal reminders, renewal offers, cancellations with a churn reason.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import { z } from 'zod'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced, type InsertColumns, type InsertRow, type UpdatePatch } from '../../../../db/platform/synced-writes'
import type { ContractTable } from '../../../../db/modules/contracts/contracts.table'
import { renewingContract, runningContract, undecidedRenewalOffer } from '../../../../db/modules/contracts/contract.predicates'
import { companiesWithFlippedFacts } from '../../../../db/modules/customers'
import type { Database } from '../../../../db/database.types'
import type { Page } from '../../../../shared/platform/common.schema'
import type { Direction } from '../../../../shared/modules/customers'
import {
  cancelBy, effectiveEnd, nextTerm, renewalReminderDates, rollTerms, termEnd, type ContractTerms, type NoticePeriod,
} from '../../../../shared/modules/contracts/contract.dates'
import { isRenewing, type ContractStatus } from '../../../../shared/modules/contracts/contract.enums'
import { contractEnd, type ContractCancelInput, type ContractFields } from '../../../../shared/modules/contracts/contract.schema'
import type { Contract, ContractListItem, ContractTermEntry } from '../../../../shared/modules/contracts/contract.types'
import type { ContractEventKey } from '../../../../shared/modules/contracts/contract.events'
import { eventColumns, type EventParams } from '../../../../shared/platform/event-message'
import { onOrBeforeWorkday } from '../../../../shared/platform/business-days'
import type { OfferItemFields } from '../../../../shared/platform/line-items.schema'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import { refreshJourney, refreshJourneys } from '../customers'
import { nextNumber } from '../../platform/numbering'
import { CONTRACT_LINES, linesOf, writeLines } from '../../platform/documents/line-items'
import { deviceSettings } from '../../platform/device-profile'
import { contractSettingsSchema } from '../../../../shared/modules/contracts/contract-settings.schema'

type Db = Kysely<Database>
type Trx = Transaction<Database>
type Row = Selectable<ContractTable>
const today = todayOf
type ContractPatch = UpdatePatch<'contracts'>

const noticeOf = (row: Pick<Row, 'notice_value' | 'notice_unit'>): NoticePeriod => ({ value: row.notice_value, unit: row.notice_unit })
const termsOf = (row: Pick<Row, 'term_start' | 'end_date' | 'renewal_months' | 'notice_value' | 'notice_unit'>): ContractTerms =>
  ({ termStart: row.term_start, end: row.end_date, renewalMonths: row.renewal_months, notice: noticeOf(row) })
const termLogSchema = z.array(z.object({
  start: z.iso.date(), end: z.iso.date(), via: z.enum(['start', 'tacit', 'offer']), offerId: z.string().optional(),
}))

/**
 * A contract's term history. A damaged one is never read as "no terms": the next roll or renewal would
 * rewrite the synced history from nothing. It fails loudly instead, and the contract is not changed.
 */
export function parseLog(log: string): ContractTermEntry[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(log)
  } catch {
    parsed = undefined
  }
  const result = termLogSchema.safeParse(parsed)
  if (!result.success) throw new AppError('conflict', 'errors.contractHistoryDamaged')
  return result.data
}

/** Reminders move back to a business day of the customer's state (nationwide holidays when unknown). */
async function workdayRule(db: Db, companyId: string): Promise<(date: string) => string> {
  const company = await db.selectFrom('companies').select('federal_state').where('id', '=', companyId).executeTakeFirst()
  const state = company?.federal_state ?? ''
  return (date) => onOrBeforeWorkday(date, state)
}

type ReminderColumns = Pick<InsertColumns<'contracts'>, 'review_due' | 'review_done_at' | 'final_due' | 'final_done_at'>

function reminderColumns(cancelByDate: string, day: string, leadDays: number, workday: (d: string) => string): ReminderColumns {
  const { review, final } = renewalReminderDates(cancelByDate, day, leadDays, workday)
  return { review_due: review, review_done_at: null, final_due: final, final_done_at: null }
}

/**
 * The columns of the running term on `day`: tacit renewals applied (each logged), or the status
 * `ended` when a contract without renewal ran out. Pure given the row, so every device that rolls a
 * contract writes the same values and their writes never conflict.
 */
type TermRow = Pick<Row, 'status' | 'term_start' | 'end_date' | 'renewal_months' | 'notice_value' | 'notice_unit' | 'terms_log' | 'renewal_lead_days'>

function rolledColumns(row: TermRow, day: string, workday: (d: string) => string): ContractPatch | null {
  if (!isRenewing(row.status) || row.end_date >= day) return null
  if (row.renewal_months <= 0) return { status: 'ended', review_due: null, final_due: null }
  const terms = rollTerms(termsOf(row), day).slice(1)
  const current = terms[terms.length - 1]!
  const log = [...parseLog(row.terms_log), ...terms.map((t): ContractTermEntry => ({ start: t.start, end: t.end, via: 'tacit' }))]
  return {
    status: 'renewed', term_start: current.start, end_date: current.end, cancel_by: current.cancelBy, terms_log: JSON.stringify(log),
    ...reminderColumns(current.cancelBy, day, row.renewal_lead_days, workday),
  }
}

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

/** The contract's event on the customer's timeline: a message key and its parameters, shown in the reader's language. */
async function logTouchpoint(
  trx: Trx, ctx: ServiceContext, row: { company_id: string; contact_id: string | null }, station: 'contract' | 'renewal',
  event: { key: ContractEventKey; params: EventParams }, now: string, direction: Direction = 'outbound',
): Promise<void> {
  await insertSynced(trx, 'touchpoints', {
    id: newId(), company_id: row.company_id, contact_id: row.contact_id, occurred_at: now, channel: 'other', direction, mode: 'direct', station,
    summary: '', ...eventColumns(event.key, event.params), created_by: ctx.userId,
  }, now)
}

/**
 * The term columns of a new contract on `day`: the first term, its cancel-by date and reminders, and,
 * for a contract entered after its first term ran out, the terms it has run through since.
 */
type TermColumns = ReminderColumns & Pick<InsertColumns<'contracts'>,
  'start_date' | 'minimum_term_months' | 'term_start' | 'end_date' | 'cancel_by' | 'notice_value' | 'notice_unit'> &
  Required<Pick<InsertColumns<'contracts'>, 'status' | 'renewal_months' | 'renewal_lead_days' | 'terms_log'>>

export function termColumns(
  f: Pick<ContractFields, 'startDate' | 'minimumTermMonths' | 'endDate' | 'noticeValue' | 'noticeUnit' | 'renewalMonths'>,
  day: string, leadDays: number, workday: (d: string) => string,
): TermColumns {
  const end = contractEnd(f)!
  const first = cancelBy(end, { value: f.noticeValue, unit: f.noticeUnit })
  const base: TermColumns = {
    status: 'active', start_date: f.startDate, minimum_term_months: f.minimumTermMonths, term_start: f.startDate, end_date: end, cancel_by: first,
    notice_value: f.noticeValue, notice_unit: f.noticeUnit, renewal_months: f.renewalMonths, renewal_lead_days: leadDays,
    terms_log: JSON.stringify([{ start: f.startDate, end, via: 'start' } satisfies ContractTermEntry]), ...reminderColumns(first, day, leadDays, workday),
  }
  return { ...base, ...(rolledColumns(base, day, workday) ?? {}) }
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

async function loadContract(db: Db, id: string): Promise<Row> {
  const row = await db.selectFrom('contracts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return row
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

/**
 * Where a notice received on `received` ends the contract, also when it is entered late: the first
 * term of the history whose cancel-by date it was in time for, else a later term.
 */
function effectiveEndFor(row: Row, received: string): string {
  const notice = noticeOf(row)
  for (const term of parseLog(row.terms_log)) if (term.end >= received && cancelBy(term.end, notice) >= received) return term.end
  return effectiveEnd(termsOf(row), received)
}

/**
 * A notice, received by us or sent by us. It ends the contract at the end of the term it is in time
 * for, unless another effective date was agreed; the renewal reminders stop.
 */
export async function cancelContract(ctx: ServiceContext, input: ContractCancelInput & { effectiveOn: string }): Promise<Contract> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadContract(trx, input.id)
    if (!isRenewing(row.status)) throw new AppError('conflict', 'errors.contractNotRunning')
    if (input.receivedOn < row.start_date) throw fieldError('receivedOn', 'errors.cancellationBeforeContract')
    const effective = input.effectiveOn || effectiveEndFor(row, input.receivedOn)
    if (effective < input.receivedOn) throw fieldError('effectiveOn', 'errors.effectiveBeforeReceived')
    await updateSynced(trx, 'contracts', row.id, {
      status: input.cancelledBy === 'customer' ? 'cancelled_customer' : 'cancelled_us', cancelled_by: input.cancelledBy,
      cancellation_received_on: input.receivedOn, cancellation_effective_on: effective, churn_reason: input.reason, churn_note: input.note ?? '',
      review_due: null, final_due: null,
    }, now)
    const byCustomer = input.cancelledBy === 'customer'
    await logTouchpoint(trx, ctx, row, 'renewal', {
      key: byCustomer ? 'contract.cancelledByCustomer' : 'contract.cancelledByUs', params: { number: row.number, effective, received: input.receivedOn },
    }, now, byCustomer ? 'inbound' : 'outbound')
    await refreshJourney(trx, row.company_id, now)
  })
  return getContract(ctx, input.id)
}

/**
 * Checked when a renewal offer is made or won: the contract must still be running and renewing. A contract
 * cancelled or ended is not renewed by an offer (a new contract is). That only one renewal offer is undecided
 * at a time is the offers' rule (offer.service.ts), asked with their own predicate.
 */
export async function checkRenewable(db: Db, contractId: string, companyId: string): Promise<Row> {
  const row = await db.selectFrom('contracts').selectAll().where('id', '=', contractId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!row || row.company_id !== companyId) throw fieldError('contractId', 'errors.contractNotOfCompany')
  if (!isRenewing(row.status)) throw fieldError('contractId', 'errors.contractNotRenewable')
  return row
}

/**
 * A won renewal offer: the contract runs on from the day after its running term with the offer's
 * term, items and value (the order value is the new annual value).
 */
export async function continueContract(
  trx: Trx, ctx: ServiceContext,
  offer: { id: string; number: string; contract_id: string; contract_term_months: number; company_id: string; contact_id: string | null; sent_at: string | null; offer_date: string },
  orderValueCents: number, items: OfferItemFields[], now: string,
): Promise<void> {
  const row = await checkRenewable(trx, offer.contract_id, offer.company_id).catch(() => {
    throw new AppError('conflict', 'errors.contractNotRenewable')
  })
  const day = berlinDay(now)
  const months = offer.contract_term_months || row.renewal_months || row.minimum_term_months
  let log = parseLog(row.terms_log)
  const last = log[log.length - 1]
  const offeredIn = (offer.sent_at ?? offer.offer_date).slice(0, 10)
  // The term after the one the offer was made in is already settled by another renewal offer.
  if (log.some((t) => t.via === 'offer' && t.start > offeredIn)) throw new AppError('conflict', 'errors.contractAlreadyRenewed')
  // Made in an earlier term and won after the contract renewed tacitly: the offer's terms replace
  // that tacit term instead of starting a year later.
  let start = nextTerm(row.end_date, months, noticeOf(row)).start
  if (last && last.via === 'tacit' && last.start > offeredIn) {
    start = last.start
    log = log.slice(0, -1)
  }
  const end = termEnd(start, months)
  const cancel = cancelBy(end, noticeOf(row))
  const workday = await workdayRule(trx, row.company_id)
  log = [...log, { start, end, via: 'offer', offerId: offer.id } satisfies ContractTermEntry]
  await updateSynced(trx, 'contracts', row.id, {
    status: 'renewed', term_start: start, end_date: end, cancel_by: cancel, annual_value_cents: orderValueCents, terms_log: JSON.stringify(log),
    ...reminderColumns(cancel, day, row.renewal_lead_days, workday),
  }, now)
  await writeLines(trx, CONTRACT_LINES, row.id, row.company_id, items, now)
  await logTouchpoint(trx, ctx, row, 'renewal', { key: 'contract.renewed', params: { number: row.number, end, offer: offer.number } }, now)
}

/**
 * Daily upkeep on every device: tacit renewals and ended contracts, then the journey of every
 * customer whose renewal window opened or closed, or whose contract started or ended, since the last
 * run. Rolling is idempotent (the same values on every device), so two laptops doing it never conflict.
 */
export async function rollContracts(ctx: ServiceContext): Promise<{ rolled: number; refreshed: number }> {
  const now = nowIso(ctx)
  const day = today(ctx)
  const due = await ctx.db.selectFrom('contracts').select('id').where('deleted_at', 'is', null).where(renewingContract())
    .where('end_date', '<', day).limit(2000).execute()
  for (const { id } of due) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        // Read again inside the transaction: a cancellation written meanwhile must not be rolled over.
        const row = await trx.selectFrom('contracts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
        if (!row) return
        const rolled = rolledColumns(row, day, await workdayRule(trx, row.company_id))
        if (rolled) await updateSynced(trx, 'contracts', row.id, rolled, now)
      })
    } catch (err) {
      // One damaged contract stays as it is (and says so when opened); the others still roll.
      if (!(err instanceof AppError)) throw err
      console.error(`[contracts] not rolled: ${id} (${err.message})`)
    }
  }
  const last = (await ctx.db.selectFrom('app_settings').select('value').where('key', '=', 'contractsRolledOn').executeTakeFirst())?.value ?? '0000-00-00'
  let refreshed = 0
  if (last < day || due.length > 0) {
    // Every company whose journey facts flip with the date between the last run and today (each module
    // says when its facts do), and those of the contracts just rolled.
    const companies = await sql<{ company_id: string }>`${companiesWithFlippedFacts(last, day)}
      union select company_id from contracts where deleted_at is null and id in (${sql.join(due.length ? due.map((d) => d.id) : [''])})`.execute(ctx.db)
    await ctx.db.transaction().execute(async (trx) => {
      await refreshJourneys(trx, companies.rows.map((r) => r.company_id), now)
      await trx.insertInto('app_settings').values({ key: 'contractsRolledOn', value: day }).onConflict((oc) => oc.column('key').doUpdateSet({ value: day })).execute()
    })
    refreshed = companies.rows.length
  }
  return { rolled: due.length, refreshed }
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

type ListRow = Pick<Row, 'id' | 'number' | 'company_id' | 'title' | 'type' | 'status' | 'end_date' | 'cancel_by' | 'annual_value_cents'> & { company_name: string; owner_name: string | null }
const listItem = (r: ListRow): ContractListItem => ({
  id: r.id, number: r.number, companyId: r.company_id, companyName: r.company_name, title: r.title, type: r.type, ownerName: r.owner_name ?? '',
  status: r.status, endDate: r.end_date, cancelBy: r.cancel_by, annualValueCents: r.annual_value_cents,
})

const LIST_COLUMNS = ['k.id', 'k.number', 'k.company_id', 'c.name as company_name', 'k.title', 'k.type', 'u.display_name as owner_name', 'k.status', 'k.end_date', 'k.cancel_by', 'k.annual_value_cents'] as const

export async function listContracts(
  ctx: ServiceContext, q: { status: ContractStatus | 'running' | ''; companyId: string; ownerId: string; offset: number; limit: number },
): Promise<Page<ContractListItem>> {
  let query = ctx.db.selectFrom('contracts as k').where('k.deleted_at', 'is', null)
  if (q.status === 'running') query = query.where(runningContract(today(ctx), 'k'))
  else if (q.status) query = query.where('k.status', '=', q.status)
  if (q.companyId) query = query.where('k.company_id', '=', q.companyId)
  if (q.ownerId) query = query.where('k.owner_id', '=', q.ownerId)
  const total = Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const rows = await query.innerJoin('companies as c', 'c.id', 'k.company_id').leftJoin('users as u', 'u.id', 'k.owner_id').select([...LIST_COLUMNS])
    .orderBy('k.cancel_by').orderBy('k.id').offset(q.offset).limit(q.limit).execute()
  return { total, offset: q.offset, rows: rows.map(listItem) }
}

export { LIST_COLUMNS as CONTRACT_LIST_COLUMNS, listItem as contractListItem, workdayRule }
