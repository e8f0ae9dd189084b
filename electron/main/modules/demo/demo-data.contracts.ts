// A demo contract for one customer: its terms as the contract service computes them, reviews mostly
// done, and for a former customer the cancellation that ended it.
import { newId } from '../../../../db/platform/ids'
import type { InsertRow, UpdatePatch } from '../../../../db/platform/synced-writes'
import { termColumns } from '../contracts'
import { CONTRACT_TYPES, DEFAULT_RENEWAL_LEAD_DAYS, effectiveEnd, type NoticeUnit } from '../../../../shared/modules/contracts'
import type { FederalState } from '../../../../shared/modules/customers'
import { onOrBeforeWorkday } from '../../../../shared/platform/business-days'
import { addCalendarDays } from '../../../../shared/platform/calendar/german-holidays'
import * as de from './demo-data.german'
import { day, type random } from './demo-data.random'

const NOTICES: Array<[number, NoticeUnit]> = [[3, 'months'], [3, 'months'], [3, 'months'], [1, 'months'], [6, 'weeks'], [6, 'months']]
const CHURN = ['price', 'price', 'competitor', 'competitor', 'no_need', 'service_quality', 'product_quality', 'budget', 'insolvency', 'merger', 'other'] as const

/** A contract as sales would have it: started up to three years ago (a few start soon), renewed tacitly since. */
export function demoContract(
  rnd: ReturnType<typeof random>,
  c: { companyId: string; contactId: string | null; ownerId: string; state: FederalState; former: boolean; nowMs: number; device: string; n: number },
): InsertRow<'contracts'> {
  const today = day(c.nowMs)
  const startDate = day(c.nowMs - rnd.int(-45, 1100) * 86_400_000)
  const [noticeValue, noticeUnit] = rnd.pick(NOTICES)
  const terms = { startDate, minimumTermMonths: rnd.pick([12, 12, 24, 36]), endDate: '', noticeValue, noticeUnit, renewalMonths: rnd.next() < 0.8 ? 12 : 0 }
  const workday = (d: string) => onOrBeforeWorkday(d, c.state)
  const columns = termColumns(terms, today, DEFAULT_RENEWAL_LEAD_DAYS, workday)
  const type = rnd.pick(CONTRACT_TYPES)
  const row: InsertRow<'contracts'> = {
    id: newId(), company_id: c.companyId, number: `V-${startDate.slice(0, 4)}-${c.device}-${String(c.n).padStart(4, '0')}`, contact_id: c.contactId, offer_id: null,
    type, title: de.CONTRACT_TITLES[type], owner_id: c.ownerId, annual_value_cents: rnd.int(24, 800) * 10_000, notes: '',
    cancelled_by: '', cancellation_received_on: null, cancellation_effective_on: null, churn_reason: '', churn_note: '', ...columns,
  }
  // Reviews whose natural date is more than a week past were mostly done, as in a team that works its list.
  const natural = addCalendarDays(columns.cancel_by, -DEFAULT_RENEWAL_LEAD_DAYS)
  if (row.review_due && natural < addCalendarDays(today, -7) && rnd.next() < 0.85) row.review_done_at = `${addCalendarDays(natural, rnd.int(0, 6))}T10:00:00.000Z`
  if (c.former && startDate < today) {
    // A former customer cancelled: the notice came in some time during the running term.
    const received = day(Math.min(Date.parse(today), Date.parse(startDate) + rnd.int(30, 700) * 86_400_000))
    const effective = effectiveEnd({ termStart: columns.term_start, end: columns.end_date, renewalMonths: terms.renewalMonths, notice: { value: noticeValue, unit: noticeUnit } }, received)
    const by = rnd.next() < 0.85 ? 'customer' : 'us'
    Object.assign(row, {
      status: by === 'customer' ? 'cancelled_customer' : 'cancelled_us', cancelled_by: by, cancellation_received_on: received < startDate ? startDate : received,
      cancellation_effective_on: effective, churn_reason: rnd.pick(CHURN), review_due: null, final_due: null,
    } satisfies UpdatePatch<'contracts'>)
  }
  return row
}
