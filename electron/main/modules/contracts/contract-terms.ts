// The term columns of a contract: its running term, cancel-by date and renewal reminders, the tacit
// renewals rolled from the row alone, and the terms log (the history of all its terms).
import type { Kysely, Selectable } from 'kysely'
import { z } from 'zod'
import type { InsertColumns, UpdatePatch } from '../../../../db/platform/synced-writes'
import type { ContractTable } from '../../../../db/modules/contracts/contracts.table'
import type { Database } from '../../../../db/database.types'
import {
  cancelBy, renewalReminderDates, rollTerms, type ContractTerms, type NoticePeriod,
} from '../../../../shared/modules/contracts/contract.dates'
import { isRenewing } from '../../../../shared/modules/contracts/contract.enums'
import { contractEnd, type ContractFields } from '../../../../shared/modules/contracts/contract.schema'
import type { ContractTermEntry } from '../../../../shared/modules/contracts/contract.types'
import { onOrBeforeWorkday } from '../../../../shared/platform/business-days'
import { AppError } from '../../../../shared/platform/result'

type Db = Kysely<Database>
type Row = Selectable<ContractTable>
type ContractPatch = UpdatePatch<'contracts'>

export const noticeOf = (row: Pick<Row, 'notice_value' | 'notice_unit'>): NoticePeriod => ({ value: row.notice_value, unit: row.notice_unit })
export const termsOf = (row: Pick<Row, 'term_start' | 'end_date' | 'renewal_months' | 'notice_value' | 'notice_unit'>): ContractTerms =>
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
export async function workdayRule(db: Db, companyId: string): Promise<(date: string) => string> {
  const company = await db.selectFrom('companies').select('federal_state').where('id', '=', companyId).executeTakeFirst()
  const state = company?.federal_state ?? ''
  return (date) => onOrBeforeWorkday(date, state)
}

type ReminderColumns = Pick<InsertColumns<'contracts'>, 'review_due' | 'review_done_at' | 'final_due' | 'final_done_at'>

export function reminderColumns(cancelByDate: string, day: string, leadDays: number, workday: (d: string) => string): ReminderColumns {
  const { review, final } = renewalReminderDates(cancelByDate, day, leadDays, workday)
  return { review_due: review, review_done_at: null, final_due: final, final_done_at: null }
}

/**
 * The columns of the running term on `day`: tacit renewals applied (each logged), or the status
 * `ended` when a contract without renewal ran out. Pure given the row, so every device that rolls a
 * contract writes the same values and their writes never conflict.
 */
type TermRow = Pick<Row, 'status' | 'term_start' | 'end_date' | 'renewal_months' | 'notice_value' | 'notice_unit' | 'terms_log' | 'renewal_lead_days'>

export function rolledColumns(row: TermRow, day: string, workday: (d: string) => string): ContractPatch | null {
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
