// Contract terms and the cancel-by date (Kündigungstermin), by the BGB's rules for periods.
//
// - A term of N months that starts on day S ends on the day before the day that corresponds to S,
//   N months later (§ 187 (2), § 188 (2) BGB); when that month has no such day, on its last day
//   (§ 188 (3)): 31 Jan + 1 month ends on 28 Feb (29 Feb in a leap year), 1 Feb + 1 month on 28 Feb.
// - A notice period of N months runs from the day after the notice is received and ends on the day
//   that corresponds to the day of receipt, N months later (§ 187 (1), § 188 (2)), or the month's last
//   day when there is none. Notice is in time when that day is not after the end of the term; the
//   cancel-by date is the last day for which that holds.
// - The cancel-by date is never moved to a business day: § 193 BGB does not apply to notice periods
//   (they protect the party receiving the notice; BGH, 17 Feb 2005, III ZR 172/04). Reminders are
//   moved instead, to a business day before it.
import { addCalendarDays } from '../../platform/calendar/calendar-days'

export const NOTICE_UNITS = ['days', 'weeks', 'months'] as const
export type NoticeUnit = (typeof NOTICE_UNITS)[number]

export interface NoticePeriod {
  value: number
  unit: NoticeUnit
}

const parse = (date: string) => ({ y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) })
const format = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate()

function shiftMonth(y: number, m: number, months: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + months
  return { y: Math.floor(index / 12), m: (index % 12) + 1 }
}

/** The day corresponding to `date`, `months` later (or earlier); the month's last day when it has none. */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parse(date)
  const target = shiftMonth(y, m, months)
  return format(target.y, target.m, Math.min(d, daysInMonth(target.y, target.m)))
}

/** The last day of a term of `months` starting on `start` (§ 188 (2), (3) BGB). */
export function termEnd(start: string, months: number): string {
  if (months <= 0) throw new RangeError('termEnd: months must be positive')
  const { y, m, d } = parse(start)
  const target = shiftMonth(y, m, months)
  // The corresponding day exists: the term ends the day before it. It does not: the month's last day.
  return d <= daysInMonth(target.y, target.m) ? addCalendarDays(format(target.y, target.m, d), -1) : format(target.y, target.m, daysInMonth(target.y, target.m))
}

/** The last day of a notice period received on `received`. */
export function noticeEnds(received: string, notice: NoticePeriod): string {
  if (notice.unit === 'months') return addMonths(received, notice.value)
  return addCalendarDays(received, notice.value * (notice.unit === 'weeks' ? 7 : 1))
}

/** Cancel-by dates already walked, by end and notice: rolls, seeds and imports ask for the same ends again and again. */
const cancelByMemo = new Map<string, string>()

/** The last day a notice may be received for the term to end on `end` (Kündigungstermin). */
export function cancelBy(end: string, notice: NoticePeriod): string {
  const key = `${end}|${notice.value}|${notice.unit}`
  let known = cancelByMemo.get(key)
  if (known === undefined) {
    if (cancelByMemo.size >= 50_000) cancelByMemo.clear()
    known = walkCancelBy(end, notice)
    cancelByMemo.set(key, known)
  }
  return known
}

function walkCancelBy(end: string, notice: NoticePeriod): string {
  if (notice.value <= 0) return end
  if (notice.unit !== 'months') return addCalendarDays(end, -notice.value * (notice.unit === 'weeks' ? 7 : 1))
  // addMonths is monotonic: start a few days before the answer and walk to the last day in time.
  let day = addCalendarDays(addMonths(end, -notice.value), -4)
  while (noticeEnds(addCalendarDays(day, 1), notice) <= end) day = addCalendarDays(day, 1)
  return day
}

/**
 * A notice period longer than the term starting on `start` and ending on `end`: a notice as long as
 * the term is still possible (received the day before the term starts); a longer one is not.
 */
export const noticeLongerThanTerm = (start: string, end: string, notice: NoticePeriod): boolean => cancelBy(end, notice) < addCalendarDays(start, -1)

export interface Term {
  start: string
  end: string
  cancelBy: string
}

export interface ContractTerms {
  /** The running term's first and last day. */
  termStart: string
  end: string
  /** Months of each tacit renewal; 0 when the contract ends unless renewed by agreement. */
  renewalMonths: number
  notice: NoticePeriod
}

/** The term after `end` under a tacit renewal of `renewalMonths`. */
export function nextTerm(end: string, renewalMonths: number, notice: NoticePeriod): Term {
  const start = addCalendarDays(end, 1)
  const next = termEnd(start, renewalMonths)
  return { start, end: next, cancelBy: cancelBy(next, notice) }
}

/**
 * The terms a contract has run through by `today`: the running one, after every tacit renewal whose
 * cancel-by date passed without a notice. A contract without tacit renewal keeps its last term.
 * Bounded, so a bad date can never loop for ever.
 */
export function rollTerms(c: ContractTerms, today: string, max = 1200): Term[] {
  const terms: Term[] = [{ start: c.termStart, end: c.end, cancelBy: cancelBy(c.end, c.notice) }]
  if (c.renewalMonths <= 0) return terms
  while (terms[terms.length - 1]!.end < today && terms.length <= max) terms.push(nextTerm(terms[terms.length - 1]!.end, c.renewalMonths, c.notice))
  return terms
}

/**
 * Where a notice received on `received` ends the contract: the end of the running term when it is
 * in time, otherwise the end of the first later term it is in time for (or the running term's end
 * when there is no renewal).
 */
export function effectiveEnd(c: ContractTerms, received: string): string {
  let term: Term = { start: c.termStart, end: c.end, cancelBy: cancelBy(c.end, c.notice) }
  if (c.renewalMonths <= 0) return term.end
  for (let i = 0; i < 1200 && received > term.cancelBy; i++) term = nextTerm(term.end, c.renewalMonths, c.notice)
  return term.end
}

export const DEFAULT_RENEWAL_LEAD_DAYS = 90
export const FINAL_REMINDER_DAYS = 14

/**
 * The renewal reminders of a term: a review `leadDays` before the cancel-by date and a final one 14
 * days before it, each moved back to a business day by `workday`. A reminder already past when the
 * term begins is due on the first day it can still be acted on (today), as long as the cancel-by date
 * is not past; the final one is dropped when it would fall on or before the review.
 */
export function renewalReminderDates(
  cancelByDate: string,
  today: string,
  leadDays: number,
  workday: (date: string) => string = (d) => d,
): { review: string | null; final: string | null } {
  if (cancelByDate < today) return { review: null, final: null }
  const clamp = (date: string) => (date < today ? today : date)
  const review = clamp(workday(addCalendarDays(cancelByDate, -leadDays)))
  const final = clamp(workday(addCalendarDays(cancelByDate, -FINAL_REMINDER_DAYS)))
  return { review, final: final > review ? final : null }
}
