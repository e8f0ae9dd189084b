// Repeating tasks (key-account calls every N weeks or months): when the next one is due and whether there is
// one. Pure: the series' anchor, the task just done and "today" come in.
//
// The rhythm is counted from the series' anchor (its first task; a changed interval keeps the series and counts
// from there too), never from the previous occurrence, so a monthly call on the 31st is due on 28/29 February and
// on 31 March again (the month's last day only where the day does not exist, like § 188 (3) BGB). A task
// done late does not drag the rhythm along: the next one is the first day of the rhythm after the task's
// due day that is not before today, so it never lands in the past. "Until" ends the series on a day (an
// occurrence after it is not made), "count" after so many tasks.
import { addCalendarDays } from '../../platform/calendar/calendar-days'
import { addMonths } from '../contracts'
import type { TaskRecurrence } from './planning.enums'

export interface TaskRepeat {
  recurrence: TaskRecurrence
  recurrenceInterval: number
  /** Last day an occurrence may be due, '' for none. */
  recurrenceUntil: string
  /** How many tasks the series has in all, null for no limit. */
  recurrenceCount: number | null
}

/** Where the rhythm is counted from: a task of the series with its due day and its number. */
export interface SeriesAnchor {
  dueDate: string
  occurrence: number
}

/** The day of the rhythm with number `k` (k may be before or after the anchor's). */
export function seriesDueDate(anchor: SeriesAnchor, repeat: Pick<TaskRepeat, 'recurrence' | 'recurrenceInterval'>, k: number): string {
  const steps = (k - anchor.occurrence) * repeat.recurrenceInterval
  if (repeat.recurrence === 'weekly') return addCalendarDays(anchor.dueDate, steps * 7)
  if (repeat.recurrence === 'monthly') return addMonths(anchor.dueDate, steps)
  return anchor.dueDate
}

/** Whether occurrence number `occurrence`, due on `dueDate`, still belongs to the series (count and until). */
export function occurrenceAllowed(repeat: TaskRepeat, occurrence: number, dueDate: string): boolean {
  if (repeat.recurrence === 'none') return false
  if (repeat.recurrenceCount !== null && occurrence > repeat.recurrenceCount) return false
  if (repeat.recurrenceUntil && dueDate > repeat.recurrenceUntil) return false
  return true
}

/** The first few thousand steps are plenty: 52 weeks × 500 times; beyond that something is wrong. */
const MAX_STEPS = 10_000

/**
 * The task that follows `current` when it is done: its due day and number, or null when the series ends
 * (no recurrence, the count reached, or the next day after "until").
 */
export function nextOccurrence(repeat: TaskRepeat, anchor: SeriesAnchor, current: SeriesAnchor, today: string): SeriesAnchor | null {
  if (repeat.recurrence === 'none' || repeat.recurrenceInterval < 1) return null
  const occurrence = current.occurrence + 1
  if (repeat.recurrenceCount !== null && occurrence > repeat.recurrenceCount) return null
  const notBefore = current.dueDate >= today ? addCalendarDays(current.dueDate, 1) : today
  let k = Math.max(occurrence, anchor.occurrence + 1)
  let dueDate = seriesDueDate(anchor, repeat, k)
  for (let steps = 0; dueDate < notBefore; steps++) {
    if (steps > MAX_STEPS) return null
    k += 1
    dueDate = seriesDueDate(anchor, repeat, k)
  }
  return occurrenceAllowed(repeat, occurrence, dueDate) ? { dueDate, occurrence } : null
}

/** Whether a task has a next occurrence when it is done (for the screen: "wiederholt sich" / "letzte"). */
export function hasNextOccurrence(repeat: TaskRepeat, anchor: SeriesAnchor, current: SeriesAnchor, today: string): boolean {
  return nextOccurrence(repeat, anchor, current, today) !== null
}

/** Monday and Sunday of the week `day` is in (the German week). */
export function weekOf(day: string): { start: string; end: string } {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() // 0 = Sunday
  const start = addCalendarDays(day, -((weekday + 6) % 7))
  return { start, end: addCalendarDays(start, 6) }
}
