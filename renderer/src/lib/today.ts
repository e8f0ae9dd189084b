// "Today" as the app's clock has it. Two rules:
// - the clock is main's: the main process may run on another clock than the browser (a demo or a
//   test moved in time, KUNDENREISE_TODAY), so the shell hands us the app.info answer's now (setAppNow) and
//   defaults such as an offer date agree with it;
// - the day is the calendar day in Germany (Europe/Berlin), whatever the computer's time zone, and
//   never the UTC date (which is still yesterday for one or two hours after German midnight).
import { z } from 'zod'
import { berlinDay, berlinToday } from '../../../shared/platform/berlin-time'
import { instantSchema } from '../../../shared/platform/common.schema'
import { addCalendarDays } from '../../../shared/platform/calendar/calendar-days'

let offsetMs = 0

export function setAppNow(iso: string): void {
  const at = Date.parse(iso)
  if (Number.isFinite(at)) offsetMs = at - Date.now()
}

export const appNow = (): Date => new Date(Date.now() + offsetMs)

/** The calendar day in Germany at the given instant, "YYYY-MM-DD" (the same function main uses). */
export const berlinDate = (at: Date): string => berlinDay(at.toISOString())

/** Today in Germany on the app's clock, "YYYY-MM-DD". */
export const todayIso = (): string => berlinToday(appNow)

/** The date `days` calendar days after (or before) an ISO date. */
export const addDays = (isoDate: string, days: number): string => addCalendarDays(isoDate, days)

/**
 * "2026-11-24T10:15" for a datetime-local input: the instant in the browser's time zone, which is
 * also how the browser reads the input back (`new Date(value)`).
 */
export const localDateTimeInput = (at: Date): string =>
  new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)

/**
 * A form field holding a local date-time ("2026-11-24T10:15", as DateTimeField gives it) that the
 * channel takes as an instant: read in the browser's time zone, handed on as ISO; anything else is
 * the field's error.
 */
export const localDateTimeSchema = z.string().min(1, 'errors.dateTime').transform((local, ctx) => {
  const date = new Date(local)
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'errors.dateTime' })
    return z.NEVER
  }
  return date.toISOString()
}).pipe(instantSchema)
